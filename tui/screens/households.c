/* households: the Households tab; see households.h. */
#include "tui/screens/households.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lineedit.h"
#include "core/natsort.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/households.h"
#include "db/hhdetail.h"
#include "db/search.h"
#include "tui/app.h"
#include "tui/widgets/confirm.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/hhfmt.h"
#include "tui/screens/history.h"
#include "tui/screens/household_detail.h"
#include "tui/screens/household_form.h"
#include "tui/screens/import_screen.h"
#include "tui/widgets/keys.h"
#include "tui/widgets/widget_list.h"
#include "tui/widgets/widget_text.h"

/* Counting stops here: the title says "10000+" beyond. */
#define COUNT_CAP 10000

struct hh {
	struct app *app;
	struct list *list;
	struct lineedit filter;
	int filtering;		       /* the filter field has the keys */
	char *query;		       /* the filter as typed; "" for none */
	long long count;	       /* households shown (capped), -1 unknown */
	struct hhfmt_reveals revealed; /* households whose phone shows whole here */
	struct rect r;
};

LIST_DB_PAGE(page, struct hh, db_search_page, own->query)

LIST_ROW_CLEAR(row_clear, db_search_row_clear)

static void cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	struct hh *st = ctx;
	const struct household *h = &((const struct search_row *)row)->h;

	if (col == 3)
		hhfmt_secret(h->phone, 0, hhfmt_revealed(&st->revealed, h->id), out);
	else
		hhfmt_codes(model_tag, h->tags, out);
}

static const struct list_field cols[] = {
    {N_("Code"), 10, 2, 0, LIST_TEXT(struct search_row, h.code)},
    {N_("Head"), 8, 1, 0, LIST_TEXT(struct search_row, h.head_name)},
    {N_("People"), 6, 0, 1, LIST_INT(struct search_row, h.resident_count)},
    {N_("Phone"), 11, 0, 0, LIST_OWN},
    {N_("Tags"), 8, 3, 0, LIST_OWN},
    {N_("Last visit"), 10, 0, 0, LIST_TEXT(struct search_row, h.last_visit)},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec spec = {cols, cell, NULL, page, sizeof(struct search_row), row_clear};

static void recount(struct hh *st)
{
	struct err e;

	err_clear(&e);
	st->count = db_search_count(app_db(st->app), st->query, COUNT_CAP, &e);
}

static void set_empty_text(struct hh *st)
{
	if (st->query[0])
		list_set_empty(st->list, _("No household matches the filter. Esc clears it."));
	else
		list_set_empty(st->list, _("No household yet: press n to add the first one."));
}

/* The filter's text changed: the list starts again from its top. */
static void refilter(struct hh *st)
{
	free(st->query);
	st->query = lineedit_get_utf8(&st->filter);
	recount(st);
	set_empty_text(st);
	list_reset(st->list);
}

static int hh_open(struct screen *s, void *arg, struct err *e)
{
	struct hh *st = xcalloc(1, sizeof *st);

	(void)arg;
	(void)e;
	st->app = s->app;
	st->query = xstrdup("");
	lineedit_init(&st->filter, 40);
	st->list = list_new_spec(s->app, &spec, st);
	recount(st);
	set_empty_text(st);
	s->state = st;
	return 0;
}

static void hh_layout(struct screen *s, struct rect r)
{
	struct hh *st = s->state;

	st->r = r;
	list_layout(st->list, (struct rect){r.y + 1, r.x, r.h - 1, r.w});
}

static void hh_draw(struct screen *s)
{
	struct hh *st = s->state;
	struct rect r = st->r;
	char title[160], label[80];
	int used, fx, fw;

	if (st->count < 0)
		snprintf(title, sizeof title, "%s", _("Households"));
	else if (st->count >= COUNT_CAP)
		snprintf(title, sizeof title, _("Households: %lld+"), st->count);
	else
		snprintf(title, sizeof title, _("Households: %lld"), st->count);
	draw_fill(r.y, r.x, r.w, THEME_NORMAL);
	used = draw_text(r.y, r.x, r.w, title, THEME_TITLE);
	if (st->filtering || st->query[0]) {
		snprintf(label, sizeof label, "  %s ", _("Filter:"));
		fx = r.x + used;
		fx += draw_text(r.y, fx, r.x + r.w - fx, label, THEME_LABEL);
		fw = r.x + r.w - fx;
		if (fw > 30)
			fw = 30;
		if (fw > 0)
			text_field_draw(st->app, &st->filter, r.y, fx, fw,
					st->filtering ? THEME_FIELD_FOCUS : THEME_FIELD,
					st->filtering);
	} else {
		snprintf(label, sizeof label, "  %s",
			 _("(/ filters by code, name, pinyin initials, ID or phone tail)"));
		draw_text(r.y, r.x + used, r.w - used, label, THEME_DIM);
	}
	list_draw(st->list, !st->filtering);
}

static void clear_filter(struct hh *st)
{
	lineedit_set_utf8(&st->filter, "");
	st->filtering = 0;
	refilter(st);
}

/* Keys while the filter field has them: text edits, Enter keeps the filter
 * and gives the keys back to the list, Esc clears it, the moving keys still
 * move the list. */
static int filter_key(struct hh *st, const struct event *ev)
{
	struct event te = *ev;
	int changed = 0, f;

	if (ev->key == KEYS_ESC) {
		clear_filter(st);
		return SCREEN_HANDLED;
	}
	if (ev->key == '\r' || ev->key == '\n' || ev->key == KEYS_FN(KEY_ENTER)) {
		st->filtering = 0;
		return SCREEN_HANDLED;
	}
	if (ev->act == ACT_UP || ev->act == ACT_DOWN || ev->act == ACT_PAGE_UP ||
	    ev->act == ACT_PAGE_DOWN) {
		if (KEYS_IS_FN(ev->key))
			return list_event(st->list, ev);
	}
	te.act = keys_lookup(NULL, KEYCTX_BIT(KEYCTX_TEXT), 1, ev->key);
	f = text_field_key(&st->filter, TEXT_FIELD_ANY, &te, &changed);
	if (changed)
		refilter(st);
	return f;
}

static int hh_event(struct screen *s, const struct event *ev)
{
	struct hh *st = s->state;

	if (st->filtering && ev->type != EVENT_MOUSE)
		return filter_key(st, ev);
	if (ev->type == EVENT_KEY && ev->act == ACT_CANCEL && st->query[0]) {
		clear_filter(st);
		return SCREEN_HANDLED;
	}
	return list_event_open(st->list, s, ev);
}

static int hh_text_focus(struct screen *s)
{
	return ((struct hh *)s->state)->filtering;
}

static void hh_changed(struct screen *s)
{
	struct hh *st = s->state;

	recount(st);
	list_reload(st->list);
}

static void hh_close(struct screen *s)
{
	struct hh *st = s->state;

	list_free(&st->list);
	lineedit_free(&st->filter);
	free(st->query);
	free(st);
}

static const struct search_row *current(struct screen *s)
{
	struct hh *st = s->state;

	return list_selected(st->list, _("No household is selected."));
}

/* ---- actions ---- */

static int act_filter(struct screen *s)
{
	struct hh *st = s->state;

	st->filtering = 1;
	return SCREEN_HANDLED;
}

static int act_open(struct screen *s)
{
	const struct search_row *row = current(s);
	long long id;

	if (!row)
		return SCREEN_HANDLED;
	id = row->h.id;
	app_push(s->app, &household_detail_screen, &id);
	return SCREEN_HANDLED;
}

/* After a save: show the household that was added or edited. */
static void saved(void *ctx, long long id, const char *code)
{
	struct hh *st = ctx;
	struct search_row anchor = {0};

	/* A filter that would hide the new household is cleared. */
	if (st->query[0]) {
		lineedit_set_utf8(&st->filter, "");
		free(st->query);
		st->query = xstrdup("");
		set_empty_text(st);
	}
	st->filtering = 0;
	anchor.h.id = id;
	anchor.sort_key = natsort_key(code);
	recount(st);
	list_goto(st->list, &anchor);
	free(anchor.sort_key);
}

static int act_new(struct screen *s)
{
	household_form_push(s->app, -1, saved, s->state);
	return SCREEN_HANDLED;
}

static int act_edit(struct screen *s)
{
	const struct search_row *row = current(s);

	if (row)
		household_form_push(s->app, row->h.id, saved, s->state);
	return SCREEN_HANDLED;
}

static int act_delete(struct screen *s)
{
	const struct search_row *row = current(s);
	char *q, *done;

	if (!row)
		return SCREEN_HANDLED;
	q = xasprintf(_("Delete household %s and its %d residents?"), row->h.code,
		      row->h.resident_count);
	done = xasprintf(_("Household %s deleted (it stays in the history)."), row->h.code);
	confirm_delete_push(s->app, q, db_household_delete, row->h.id, done);
	free(q);
	free(done);
	return SCREEN_HANDLED;
}

static int act_history(struct screen *s)
{
	const struct search_row *row = current(s);
	char title[200];

	if (row) {
		snprintf(title, sizeof title, _("household %s"), row->h.code);
		history_push(s->app, row->h.uuid, title);
	}
	return SCREEN_HANDLED;
}

static int act_reveal(struct screen *s)
{
	struct hh *st = s->state;
	const struct search_row *row = current(s);
	struct err e;

	if (!row)
		return SCREEN_HANDLED;
	if (!row->h.phone || !*row->h.phone) {
		app_status(s->app, "%s", _("This household has no phone to reveal."));
		return SCREEN_HANDLED;
	}
	if (hhfmt_revealed(&st->revealed, row->h.id))
		return SCREEN_HANDLED;
	err_clear(&e);
	if (db_reveal(app_db(s->app), "households", row->h.uuid, "phone", &e) < 0) {
		app_error_err(s->app, &e);
		return SCREEN_HANDLED;
	}
	hhfmt_reveal(&st->revealed, row->h.id);
	app_status(s->app, _("Phone of %s revealed on this screen (recorded in the history)."),
		   row->h.code);
	return SCREEN_HANDLED;
}

static int act_import(struct screen *s)
{
	import_screen_start(s->app);
	return SCREEN_HANDLED;
}

static const struct screen_handler handlers[] = {
    {ACT_OPEN, act_open, NULL},	    {ACT_FILTER, act_filter, NULL},
    {ACT_NEW, act_new, NULL},	    {ACT_EDIT, act_edit, NULL},
    {ACT_DELETE, act_delete, NULL}, {ACT_HISTORY, act_history, NULL},
    {ACT_REVEAL, act_reveal, NULL}, {ACT_IMPORT, act_import, NULL},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class households_screen = {
    .name = N_("Households"),
    .kind = SCREEN_KIND_LIST,
    .handlers = handlers,
    .open = hh_open,
    .layout = hh_layout,
    .draw = hh_draw,
    .event = hh_event,
    .data_changed = hh_changed,
    .text_focus = hh_text_focus,
    .close = hh_close,
};
