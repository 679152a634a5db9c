/* widget_text: key handling and drawing of a line editor; see
 * widget_text.h. */
#include "tui/widgets/widget_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "tui/app.h"

#define LINE_BREAK_MARK 0x21B5 /* ↵, one column like the L'\n' it stands for */

static int printable(int key)
{
	return !KEYS_IS_FN(key) && key >= 32 && key != 127;
}

/* Full-width digits and point (typed with a Chinese input method) as ASCII. */
static int narrow(int key)
{
	if (key >= 0xFF10 && key <= 0xFF19)
		return '0' + key - 0xFF10;
	if (key == 0xFF0E || key == 0x3002)
		return '.';
	if (key == 0xFF0D)
		return '-';
	if (key == 0xFF1A)
		return ':';
	return key;
}

/* The characters each kind of field takes; NULL: every printable one.  A
 * date field takes what core/date's date_parse_input reads: 2020-02-15,
 * 0215, 15, t or 今 (today), -1 (yesterday). */
static const wchar_t *const accepted[] = {
    [TEXT_FIELD_ANY] = NULL,
    [TEXT_FIELD_NUMBER] = L"0123456789.-:",
    [TEXT_FIELD_DATE] = L"0123456789.-+/tT\u4eca\u5929", /* 今天 */
};

/* A paste goes in whole or not at all; a number or date field takes it
 * only when every character is one it would take typed (white space
 * around it is left out). */
static int paste_key(struct lineedit *le, enum text_field_kind kind, const struct event *ev,
		     int *changed)
{
	const wchar_t *s = ev->paste_text;
	size_t n = ev->paste_len;
	wchar_t *num = NULL;
	const char *why = NULL;
	int r;

	if (accepted[kind]) {
		while (n && iswspace((wint_t)*s))
			s++, n--;
		while (n && iswspace((wint_t)s[n - 1]))
			n--;
		num = xcalloc(n + 1, sizeof *num);
		for (size_t k = 0; k < n && !why; k++) {
			num[k] = (wchar_t)narrow((int)s[k]);
			if (!num[k] || !wcschr(accepted[kind], num[k]))
				why = _(
				    "The pasted text is not a number or date: nothing was pasted.");
		}
		s = num;
	}
	r = why ? 0 : lineedit_paste(le, s, n);
	if (r < 0)
		why = _("The pasted text is longer than this field takes: nothing was pasted.");
	if (why && ev->paste_refused)
		*ev->paste_refused = why;
	if (changed)
		*changed = r > 0;
	free(num);
	return SCREEN_HANDLED;
}

/* The editing actions: the cursor's moves, and the deletions, which change
 * the text when they return 1. */
static const struct {
	enum action act;
	int (*fn)(struct lineedit *le);
	int changes;
} edits[] = {
    {ACT_CHAR_LEFT, lineedit_left, 0},		{ACT_CHAR_RIGHT, lineedit_right, 0},
    {ACT_LINE_START, lineedit_home, 0},		{ACT_LINE_END, lineedit_end, 0},
    {ACT_DEL_BACK, lineedit_backspace, 1},	{ACT_DEL_FWD, lineedit_delete, 1},
    {ACT_KILL_LINE, lineedit_kill_to_start, 1}, {ACT_KILL_END, lineedit_kill_to_end, 1},
    {ACT_KILL_WORD, lineedit_kill_word, 1},
};

int text_field_key(struct lineedit *le, enum text_field_kind kind, const struct event *ev,
		   int *changed)
{
	int ch = 0;

	if (ev->type == EVENT_PASTE)
		return paste_key(le, kind, ev, changed);
	if (ev->type != EVENT_KEY)
		return SCREEN_IGNORED;
	if (printable(ev->key)) {
		int c = accepted[kind] ? narrow(ev->key) : ev->key;

		if (!accepted[kind] || wcschr(accepted[kind], (wchar_t)c))
			ch = lineedit_insert(le, (wchar_t)c);
		if (changed)
			*changed = ch;
		return SCREEN_HANDLED;
	}
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++)
		if (edits[i].act == ev->act) {
			int r = edits[i].fn(le);

			ch = edits[i].changes ? r : 0;
			if (changed)
				*changed = ch;
			return SCREEN_HANDLED;
		}
	return SCREEN_IGNORED;
}

void text_field_draw(struct app *app, struct lineedit *le, int y, int x, int cols,
		     enum theme_role role, int focused)
{
	struct lineedit_view v;
	char *t, *p;

	if (cols <= 0)
		return;
	if (!focused) { /* from its start, cut with an ellipsis, wherever it was scrolled */
		v.first = 0;
		v.count = le->len;
	} else {
		lineedit_view(le, cols, &v);
	}
	t = p = xmalloc(v.count * 4 + 1);
	for (size_t i = 0; i < v.count; i++) {
		wchar_t c = le->buf[v.first + i];

		p += utf8_encode(c == L'\n' ? LINE_BREAK_MARK : (uint32_t)c, p);
	}
	*p = 0;
	draw_fit(y, x, cols, t, role);
	free(t);
	if (focused)
		app_cursor(app, y, x + v.cursor_col);
}
