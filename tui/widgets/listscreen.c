/* listscreen: a title line over a list; see listscreen.h. */
#include "tui/widgets/listscreen.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "tui/app.h"
#include "tui/widgets/draw.h"

struct listscreen {
	const struct listscreen_def *def;
	void *own;
	struct list *list;
};

static void free_own(const struct listscreen_def *def, void *own)
{
	if (def->free)
		def->free(own);
	else
		free(own);
}

int listscreen_open(struct screen *s, const struct listscreen_def *def, void *own, struct err *e)
{
	struct listscreen *ls = xcalloc(1, sizeof *ls);

	ls->def = def;
	ls->own = own;
	ls->list = list_new_spec(s->app, def->list, own);
	list_set_empty(ls->list, _(def->empty));
	if (def->load && def->load(s->app, own, ls->list, e) < 0) {
		list_free(&ls->list);
		free_own(def, own);
		free(ls);
		return -1;
	}
	s->state = ls;
	return 0;
}

void *listscreen_own(struct screen *s)
{
	struct listscreen *ls = s->state;

	return ls->own;
}

const void *listscreen_current(struct screen *s)
{
	struct listscreen *ls = s->state;

	return list_current(ls->list);
}

int listscreen_can_open(struct screen *s, enum action act)
{
	return act != ACT_OPEN || listscreen_current(s) != NULL;
}

void listscreen_layout(struct screen *s, struct rect r)
{
	struct listscreen *ls = s->state;

	list_layout(ls->list, (struct rect){r.y + 2, r.x, r.h - 2, r.w});
}

void listscreen_draw(struct screen *s)
{
	struct listscreen *ls = s->state;
	struct strbuf title = STRBUF_INIT;

	ls->def->title(ls->own, &title);
	/* a title with its counts wraps onto the blank line under it */
	draw_wrapped((struct rect){s->r.y, s->r.x, 2, s->r.w}, strbuf_str(&title), 0, THEME_TITLE);
	strbuf_free(&title);
	list_draw(ls->list, 1);
}

int listscreen_event(struct screen *s, const struct event *ev)
{
	struct listscreen *ls = s->state;

	if (ls->def->double_click_opens)
		return list_event_open(ls->list, s, ev);
	return list_event(ls->list, ev);
}

void listscreen_changed(struct screen *s)
{
	struct listscreen *ls = s->state;
	struct err e;

	err_clear(&e);
	if (ls->def->load && ls->def->load(s->app, ls->own, ls->list, &e) < 0)
		app_error_err(s->app, &e);
	list_reload(ls->list);
}

void listscreen_close(struct screen *s)
{
	struct listscreen *ls = s->state;

	list_free(&ls->list);
	free_own(ls->def, ls->own);
	free(ls);
}
