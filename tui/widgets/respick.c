/* respick: the resident picker dialog; see respick.h. */
#include "tui/widgets/respick.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lineedit.h"
#include "core/mask.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/isolation_list.h"
#include "tui/app.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/keys.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/widget_list.h"
#include "tui/widgets/widget_text.h"

struct respick {
	struct app *app;
	char *title;
	struct list *list;
	struct lineedit filter;
	char *query;
	respick_done_fn done;
	void *ctx;
	int answered;
	struct rect box;
};

struct respick_arg {
	const char *title;
	respick_done_fn done;
	void *ctx;
};

LIST_DB_PAGE(page, struct respick, db_iso_pick_page, own->query)

LIST_ROW_CLEAR(row_clear, db_iso_pick_clear)

static void cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct iso_pick *r = row;

	(void)ctx;
	if (col == 2)
		mask_append(mask_id, r->id_number, out);
	else if (r->active_since[0])
		strbuf_printf(out, _("since %s"), r->active_since + 5);
}

static int row_role(void *ctx, const void *row)
{
	(void)ctx;
	return ((const struct iso_pick *)row)->active_since[0] ? THEME_DIM : THEME_NORMAL;
}

static const struct list_field cols[] = {
    {N_("Name"), 8, 1, 0, LIST_TEXT(struct iso_pick, name)},
    {N_("Household"), 9, 1, 0, LIST_TEXT(struct iso_pick, household)},
    {N_("ID number"), 18, 0, 0, LIST_OWN},
    {N_("Isolation"), 8, 1, 0, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec spec = {cols,	cell, row_role, page, sizeof(struct iso_pick),
				      row_clear};

static void set_empty(struct respick *p)
{
	list_set_empty(p->list, p->query[0] ? _("Nobody matches: type less, or Backspace.")
					    : _("No resident yet: add households first."));
}

static int rp_open(struct screen *s, void *arg, struct err *e)
{
	const struct respick_arg *a = arg;
	struct respick *p = xcalloc(1, sizeof *p);

	(void)e;
	p->app = s->app;
	p->title = xstrdup(a->title);
	p->done = a->done;
	p->ctx = a->ctx;
	p->query = xstrdup("");
	lineedit_init(&p->filter, 40);
	p->list = list_new_spec(s->app, &spec, p);
	set_empty(p);
	s->state = p;
	return 0;
}

static void rp_layout(struct screen *s, struct rect r)
{
	struct respick *p = s->state;
	int w = r.w - 4 > 76 ? 76 : r.w - 4, h = r.h - 2;

	p->box = draw_center_rect(r, h < 6 ? r.h : h, w < 20 ? r.w : w);
	list_layout(p->list, (struct rect){p->box.y + 3, p->box.x + 1, p->box.h - 4, p->box.w - 2});
}

static void rp_draw(struct screen *s)
{
	struct respick *p = s->state;
	struct rect b = p->box;
	int used;

	draw_box(b, p->title);
	used = draw_text(b.y + 1, b.x + 2, b.w - 4, _("Find:"), THEME_LABEL);
	text_field_draw(p->app, &p->filter, b.y + 1, b.x + 3 + used, b.w - 6 - used,
			THEME_FIELD_FOCUS, 1);
	draw_fit(b.y + 2, b.x + 2, b.w - 4,
		 _("name, pinyin initials (zs), household code, or ID or phone tail"), THEME_DIM);
	list_draw(p->list, 1);
}

static int finish(struct screen *s, long long id)
{
	struct respick *p = s->state;
	int flags = 0;

	if (!p->answered) {
		p->answered = 1;
		flags = p->done ? p->done(p->ctx, id) : 0;
	}
	return (flags & ~SCREEN_POP) | SCREEN_HANDLED | SCREEN_POP;
}

static int choose(struct screen *s)
{
	struct respick *p = s->state;
	const struct iso_pick *row = list_selected(p->list, _("Nobody is selected."));

	if (!row)
		return SCREEN_HANDLED;
	return finish(s, row->id);
}

static int rp_event(struct screen *s, const struct event *ev)
{
	struct respick *p = s->state;
	struct event te = *ev;
	int changed = 0, f;

	if (ev->type == EVENT_MOUSE) {
		f = list_event(p->list, ev);
		if (list_double_clicked(p->list))
			return choose(s);
		return f;
	}
	if (ev->act == ACT_OPEN)
		return choose(s);
	if (ev->act == ACT_CANCEL)
		return finish(s, -1);
	if (KEYS_IS_FN(ev->key) && (ev->act == ACT_UP || ev->act == ACT_DOWN ||
				    ev->act == ACT_PAGE_UP || ev->act == ACT_PAGE_DOWN))
		return list_event(p->list, ev);
	te.act = keys_lookup(NULL, KEYCTX_BIT(KEYCTX_TEXT), 1, ev->key);
	f = text_field_key(&p->filter, TEXT_FIELD_ANY, &te, &changed);
	if (changed) {
		free(p->query);
		p->query = lineedit_get_utf8(&p->filter);
		set_empty(p);
		list_reset(p->list);
	}
	return f;
}

static int rp_text_focus(struct screen *s)
{
	(void)s;
	return 1;
}

static void rp_changed(struct screen *s)
{
	list_reload(((struct respick *)s->state)->list);
}

static void rp_close(struct screen *s)
{
	struct respick *p = s->state;

	if (!p->answered && p->done)
		p->done(p->ctx, -1);
	list_free(&p->list);
	lineedit_free(&p->filter);
	free(p->query);
	free(p->title);
	free(p);
}

static int h_choose(struct screen *s)
{
	return choose(s);
}

static int h_cancel(struct screen *s)
{
	return finish(s, -1);
}

static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_choose, N_("choose")},
    {ACT_CANCEL, h_cancel, N_("cancel")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class respick_screen = {
    .name = N_("Choose a resident"),
    .kind = SCREEN_KIND_PICK_LIST,
    .handlers = handlers,
    .open = rp_open,
    .layout = rp_layout,
    .draw = rp_draw,
    .event = rp_event,
    .data_changed = rp_changed,
    .text_focus = rp_text_focus,
    .close = rp_close,
};

int respick_push(struct app *app, const char *title, respick_done_fn done, void *ctx)
{
	struct respick_arg a = {title, done, ctx};

	return app_push(app, &respick_screen, &a);
}
