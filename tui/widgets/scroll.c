/* scroll: a text view's scrolling keys, as a table; see scroll.h. */
#include "tui/widgets/scroll.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/i18n.h"
#include "core/sheet.h"
#include "core/sheet_text.h"
#include "core/xalloc.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/theme.h"

/* How each action moves the view: by lines, by pages, or to an end. */
static const struct {
	enum action act;
	int lines, pages, to; /* to: -1 the start, +1 the end */
} moves[] = {
    {ACT_UP, -1, 0, 0},	      {ACT_DOWN, 1, 0, 0},   {ACT_PAGE_UP, 0, -1, 0},
    {ACT_PAGE_DOWN, 0, 1, 0}, {ACT_FIRST, 0, 0, -1}, {ACT_LAST, 0, 0, 1},
};

int scroll_event(int *top, int page, const struct event *ev)
{
	if (ev->type == EVENT_MOUSE) {
		if (ev->mouse_kind == MOUSE_WHEEL_UP)
			*top = *top > 3 ? *top - 3 : 0;
		else if (ev->mouse_kind == MOUSE_WHEEL_DOWN)
			*top += 3;
		else
			return 0;
		return 1;
	}
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		if (moves[i].act != ev->act)
			continue;
		if (moves[i].to)
			*top = moves[i].to < 0 ? 0 : INT_MAX / 2;
		else
			*top += moves[i].lines + moves[i].pages * page;
		if (*top < 0)
			*top = 0;
		return 1;
	}
	return 0;
}

void scroll_clamp(int *top, int rows, int nlines)
{
	if (*top > nlines - rows)
		*top = nlines - rows > 0 ? nlines - rows : 0;
	if (*top < 0)
		*top = 0;
}

int scroll_view_event(int *top, int rows, int nlines, const struct event *ev)
{
	if (!scroll_event(top, rows - 1, ev))
		return SCREEN_IGNORED;
	scroll_clamp(top, rows, nlines);
	return SCREEN_HANDLED;
}

void scroll_draw_position(int y, struct rect r, int top, int rows, int nlines)
{
	char *where;

	if (nlines <= rows)
		return;
	where = xasprintf(_("lines %d-%d of %d"), top + 1,
			  top + rows < nlines ? top + rows : nlines, nlines);
	draw_fit_right(y, r.x, r.w, where, THEME_DIM);
	free(where);
}

void scroll_text_free(struct scroll_text *t)
{
	free(t->text);
	free(t->line);
	free(t->error);
	t->text = NULL;
	t->line = NULL;
	t->error = NULL;
	t->nlines = 0;
}

void scroll_text_set_sheet(struct scroll_text *t, struct sheet *s, const struct err *e)
{
	if (!s) {
		scroll_text_free(t);
		t->error = xstrdup(e->msg);
		return;
	}
	scroll_text_set(t, sheet_render_text(s));
	sheet_free(&s);
}

int scroll_text_draw_error(const struct scroll_text *t, struct rect r)
{
	if (!t->error)
		return 0;
	draw_wrapped((struct rect){r.y + 2, r.x + 1, r.h - 2, r.w - 2}, t->error, 0, THEME_ERROR);
	return 1;
}

void scroll_text_set(struct scroll_text *t, char *text)
{
	int cap = 0;

	scroll_text_free(t);
	t->text = text;
	for (char *p = text; p && *p;) {
		char *nl = strchr(p, '\n');

		XGROW(t->line, cap, t->nlines + 1, 64);
		t->line[t->nlines++] = (int)(p - text);
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
}

const char *scroll_text_line(const struct scroll_text *t, int i)
{
	return t->text + t->line[i];
}
