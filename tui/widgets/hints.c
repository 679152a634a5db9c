/* hints: the hint line at the bottom of the screen; see hints.h. */
#include "tui/widgets/hints.h"

#include <curses.h>

#include "core/i18n.h"
#include "core/textwidth.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/keys.h"
#include "tui/widgets/screen.h"

/* The columns the hint "? help" takes, kept free for it. */
static int help_width(struct screen *s)
{
	int k = keys_find(s->cls->keys, s->cls->keyctx, ACT_HELP);
	char key[32];

	if (!k || screen_handles(s, ACT_HELP))
		return 0;
	keys_name(k, key, sizeof key);
	return textwidth_utf8(key) + 1 + textwidth_utf8(_(keys_action_info[ACT_HELP].hint)) + 2;
}

void hints_draw(struct screen *s, int stacked)
{
	int x = 0, y = LINES - 1, reserve;
	char key[32];

	draw_fill(y, 0, COLS, THEME_HINT);
	if (!s)
		return;
	reserve = help_width(s);
	for (int pass = 0; pass < 2; pass++) {
		static const struct screen_handler globals[] = {
		    {ACT_HELP, NULL, NULL},
		    {ACT_CANCEL, NULL, NULL},
		    {ACT_QUIT, NULL, NULL},
		    {ACT_NONE, NULL, NULL},
		};
		const struct screen_handler *h = pass ? globals : s->cls->handlers;

		for (; h && h->act; h++) {
			const char *label = h->hint ? h->hint : keys_action_info[h->act].hint;
			int k, need;

			if (!label)
				continue;
			if (!pass && s->cls->can && !s->cls->can(s, h->act))
				continue;
			if (pass) {
				if (screen_handles(s, h->act))
					continue;
				if (h->act == ACT_CANCEL && !stacked)
					continue;
				if (h->act == ACT_QUIT && screen_takes_text(s))
					continue;
			}
			k = keys_find(s->cls->keys, s->cls->keyctx, h->act);
			/* a key the screen took for something else is not a hint */
			if (!k || keys_lookup(s->cls->keys, s->cls->keyctx, 0, k) != h->act)
				continue;
			keys_name(k, key, sizeof key);
			need = textwidth_utf8(key) + 1 + textwidth_utf8(_(label)) + 2;
			if (x + need - 2 > COLS - (h->act == ACT_HELP ? 0 : reserve))
				continue;
			x += draw_text(y, x, COLS - x, key, THEME_HINT_KEY);
			x += draw_text(y, x, COLS - x, " ", THEME_HINT);
			x += draw_text(y, x, COLS - x, _(label), THEME_HINT);
			x += 2;
		}
	}
}

