/* theme: the colour and monochrome attribute tables; see theme.h. */
#include "tui/widgets/theme.h"

#include <curses.h>
#include <stdlib.h>

static int attrs[THEME_COUNT];
static int mono;

/* Each role's look: with colours (fg, bg and more attributes), and in
 * monochrome, where focus and errors must still show with reverse, bold and
 * underline only. */
static const struct look {
	short fg, bg;
	int extra, mono;
} looks[THEME_COUNT] = {
    [THEME_NORMAL] = {-1, -1, 0, A_NORMAL},
    [THEME_TAB] = {COLOR_WHITE, COLOR_BLUE, 0, A_NORMAL},
    [THEME_TAB_ACTIVE] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
    [THEME_TITLE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [THEME_HEADER] = {COLOR_YELLOW, -1, A_BOLD, A_UNDERLINE},
    [THEME_CURSOR] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [THEME_CURSOR_DIM] = {-1, -1, A_REVERSE, A_UNDERLINE},
    [THEME_STATUS] = {COLOR_GREEN, -1, 0, A_NORMAL},
    [THEME_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [THEME_HINT] = {COLOR_WHITE, COLOR_BLUE, 0, A_NORMAL},
    [THEME_HINT_KEY] = {COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_BOLD},
    [THEME_LABEL] = {-1, -1, 0, A_NORMAL},
    [THEME_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
    [THEME_FIELD_FOCUS] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [THEME_FIELD_BAD] = {COLOR_WHITE, COLOR_RED, A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [THEME_DIALOG] = {-1, -1, 0, A_NORMAL},
    [THEME_ALERT] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [THEME_OK] = {COLOR_GREEN, -1, A_BOLD, A_NORMAL},
    [THEME_DIM] = {-1, -1, A_DIM, A_DIM},
};

void theme_init(void)
{
	const char *nc = getenv("NO_COLOR");

	mono = (nc && *nc) || !has_colors();
	if (!mono && (start_color() == ERR || COLORS < 8))
		mono = 1;
	if (mono) {
		for (int i = 0; i < THEME_COUNT; i++)
			attrs[i] = looks[i].mono;
		return;
	}
	use_default_colors();
	for (int i = 0; i < THEME_COUNT; i++) {
		init_pair((short)(i + 1), looks[i].fg, looks[i].bg);
		attrs[i] = (int)COLOR_PAIR(i + 1) | looks[i].extra;
	}
}

int theme_attr(enum theme_role role)
{
	return role < THEME_COUNT ? attrs[role] : (int)A_NORMAL;
}
