/* hints: the hint line at the bottom of the screen; see hints.h. */
#include "tui/widgets/hints.h"

#include <curses.h>

#include "core/i18n.h"
#include "core/textwidth.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/keys.h"
#include "tui/widgets/screen.h"

#define HINTS_MAX 40

struct hint {
	char key[32];
	const char *label; /* translated */
	int key_w, label_w;
	int global; /* help, back or quit */
	enum action act;
	int bare; /* drawn as the key alone */
};

/* Fills out with the hints of s in the order they are drawn; returns how
 * many. */
static int hints_collect(struct screen *s, int stacked, struct hint *out)
{
	static const struct screen_handler globals[] = {
	    {ACT_HELP, NULL, NULL},
	    {ACT_CANCEL, NULL, NULL},
	    {ACT_QUIT, NULL, NULL},
	    {ACT_NONE, NULL, NULL},
	};
	int n = 0;

	/* the class's own handlers, its shared ones, the global actions */
	for (int pass = 0; pass < 3; pass++) {
		const struct screen_handler *h = pass == 2   ? globals
						 : pass == 1 ? screen_shared(s->cls)
							     : s->cls->handlers;

		for (; h && h->act && n < HINTS_MAX; h++) {
			const char *label = h->hint ? h->hint : keys_action_info[h->act].hint;
			int k;

			if (!label)
				continue;
			/* a shared handler the class binds otherwise */
			if (pass == 1 && screen_handler_of(s, h->act) != h)
				continue;
			if (pass < 2 && s->cls->can && !s->cls->can(s, h->act))
				continue;
			if (pass == 2) {
				if (screen_handles(s, h->act))
					continue;
				if (h->act == ACT_CANCEL && !stacked)
					continue;
				if (h->act == ACT_QUIT && screen_takes_text(s))
					continue;
			}
			k = keys_find(s->cls->keys, screen_keyctx(s->cls), h->act);
			/* a key the screen took for something else is not a hint */
			if (!k || keys_lookup(s->cls->keys, screen_keyctx(s->cls), 0, k) != h->act)
				continue;
			keys_name(k, out[n].key, sizeof out[n].key);
			out[n].label = _(label);
			out[n].key_w = textwidth_utf8(out[n].key);
			out[n].label_w = textwidth_utf8(out[n].label);
			out[n].global = pass == 2;
			out[n].act = h->act;
			out[n].bare = 0;
			n++;
		}
	}
	return n;
}

static int hints_width(const struct hint *hs, int n, int sep)
{
	int w = 0;

	for (int i = 0; i < n; i++)
		w += (i ? sep : 0) + hs[i].key_w + (hs[i].bare ? 0 : 1 + hs[i].label_w);
	return w;
}

/* Makes the hints fit cols, giving way step by step: one space between
 * hints in place of two, then back and quit as their keys alone, then the
 * screen's own hints as keys alone from the last one back (help keeps its
 * word: it lists them all).  Returns the separator, or 0 when even the
 * keys alone do not fit. */
static int hints_fit(struct hint *hs, int n, int cols)
{
	if (hints_width(hs, n, 2) <= cols)
		return 2;
	if (hints_width(hs, n, 1) <= cols)
		return 1;
	for (int i = 0; i < n; i++)
		if (hs[i].global && hs[i].act != ACT_HELP)
			hs[i].bare = 1;
	for (int i = n - 1; i >= 0 && hints_width(hs, n, 1) > cols; i--)
		if (!hs[i].global)
			hs[i].bare = 1;
	return hints_width(hs, n, 1) <= cols ? 1 : 0;
}

void hints_draw(struct screen *s, int stacked)
{
	struct hint hs[HINTS_MAX];
	int x = 0, y = LINES - 1, n, sep;

	draw_fill(y, 0, COLS, THEME_HINT);
	if (!s)
		return;
	n = hints_collect(s, stacked, hs);
	sep = hints_fit(hs, n, COLS);
	for (int i = 0; i < n; i++) {
		int need = hs[i].key_w + (hs[i].bare ? 0 : 1 + hs[i].label_w);

		/* too narrow for every key: those that fit */
		if (!sep && x + need > COLS)
			continue;
		x += draw_text(y, x, COLS - x, hs[i].key, THEME_HINT_KEY);
		if (!hs[i].bare) {
			x += draw_text(y, x, COLS - x, " ", THEME_HINT);
			x += draw_text(y, x, COLS - x, hs[i].label, THEME_HINT);
		}
		x += sep ? sep : 1;
	}
}
