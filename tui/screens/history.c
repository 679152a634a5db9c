/* history: a record's audit log as a list, and one entry whole; see
 * history.h. */
#include "tui/screens/history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/auditfmt.h"
#include "core/i18n.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/audit_read.h"
#include "tui/app.h"
#include "tui/widgets/listscreen.h"

/* ---- the changes in the UI's language ---- */

/* Fields that are no text column of core/limits, by their msgid (a table
 * of codes and labels as core/model's, with no Chinese). */
static const struct enum_entry field_labels[] = {
    {"status", N_("Status"), NULL},
    {"relation", N_("Relation to the head"), NULL},
    {"id_type", N_("Document"), NULL},
    {"id_number", N_("ID number"), NULL},
    {"sex", N_("Sex"), NULL},
    {"birth_date", N_("Birth date"), NULL},
    {"return_date", N_("Return date"), NULL},
    {"outcome", N_("Outcome"), NULL},
    {"kind", N_("Kind"), NULL},
    {"reason", N_("Reason"), NULL},
    {"start_date", N_("Start date"), NULL},
    {"days", N_("Isolation days"), NULL},
    {"end_date", N_("End date"), NULL},
    {"date", N_("Date"), NULL},
    {"temperature", N_("Temperature"), NULL},
    {"symptoms", N_("Symptoms"), NULL},
    {"revealed", N_("Shown whole"), NULL},
    {"household", N_("Household"), NULL},
    {"grid_id", N_("Grid"), NULL},
    {"household_id", N_("Household"), NULL},
    {"resident_id", N_("Resident"), NULL},
    {"checkpoint_id", N_("Checkpoint"), NULL},
    {"staff_id", N_("Staff"), NULL},
    {"visit", N_("Visit"), NULL},
    {"isolation", N_("Isolation"), NULL},
    {"isolation_id", N_("Isolation"), NULL},
    {"previous_id", N_("Continues"), NULL},
    {"pass_id", N_("Pass"), NULL},
    {NULL, NULL, NULL},
};

/* Enumeration fields, their codes shown as labels. */
static const struct {
	const char *field;
	const struct enum_entry *table;
} field_enums[] = {
    {"status", model_status},	  {"relation", model_relation}, {"id_type", model_id_type},
    {"sex", model_sex},		  {"outcome", model_outcome},	{"kind", model_iso_kind},
    {"reason", model_iso_reason},
};

static const char *word_field(const char *field, void *ctx)
{
	const struct text_limit *l = limits_find(ctx, field);
	const struct enum_entry *f = model_enum_find(field_labels, field);

	if (l && l->label)
		return _(l->label);
	return f ? _(f->label) : NULL;
}

/* What word_value needs: the row's table, the database to name the
 * records a row points at, and the text it returned last. */
struct words_ctx {
	const char *table;
	struct app *app;
	struct strbuf said;
};

static const char *word_field_of(const char *field, void *ctx)
{
	return word_field(field, (void *)((struct words_ctx *)ctx)->table);
}

static const char *word_value(const char *field, const char *value, void *ctx)
{
	struct words_ctx *w = ctx;
	struct err e;

	if (auditfmt_ref_find(field) && auditfmt_is_ref(value)) {
		/* a record by the words a person knows it by, as this file holds it */
		if (db_audit_ref_label(app_db(w->app), field, value, &w->said, &e) != 1)
			return NULL;
		return strbuf_str(&w->said);
	}
	for (size_t i = 0; i < sizeof field_enums / sizeof field_enums[0]; i++)
		if (!strcmp(field_enums[i].field, field)) {
			const struct enum_entry *en = model_enum_find(field_enums[i].table, value);

			return en ? _(en->label) : NULL;
		}
	if (!strcmp(field, "revealed")) /* "id_number,phone" */
		return !strcmp(value, "id_number")	   ? _("ID number")
		       : !strcmp(value, "phone")	   ? _("Phone")
		       : !strcmp(value, "id_number,phone") ? _("ID number and phone")
							   : NULL;
	return NULL;
}

/* The changes of audit row a, worded for the screen. */
static void changes(struct app *app, const struct audit_entry *a, const char *sep,
		    struct strbuf *out)
{
	struct words_ctx c = {a->table_name ? a->table_name : "", app, STRBUF_INIT};
	struct auditfmt_words w = {word_field_of, word_value, &c};

	auditfmt_changes_as(a->changes, sep, &w, out);
	strbuf_free(&c.said);
}

struct history {
	struct app *app;
	char *uuid;
	char *title;
	long long count;
};

LIST_DB_PAGE(h_page, struct history, db_audit_page, own->uuid)

LIST_ROW_CLEAR(h_clear, audit_entry_clear)

static void h_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct audit_entry *a = row;
	struct history *h = ctx;

	if (col == 2)
		strbuf_puts(out, model_enum_label(model_audit_action, a->action));
	else
		changes(h->app, a, "; ", out);
}

static const struct list_field h_cols[] = {
    {N_("When"), 19, 0, 0, LIST_CHARS(struct audit_entry, at)},
    {N_("Staff"), 8, 1, 0, LIST_TEXT(struct audit_entry, staff)},
    {N_("Done"), 8, 0, 0, LIST_OWN},
    {N_("What changed"), 20, 4, 0, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec h_spec = {h_cols, h_cell, NULL, h_page, sizeof(struct audit_entry),
					h_clear};

static int h_load(struct app *app, void *own, struct list *l, struct err *e)
{
	struct history *h = own;
	long long count = db_audit_count(app_db(app), h->uuid, e);

	(void)l;
	if (count < 0)
		return -1;
	h->count = count;
	return 0;
}

static void h_title(void *own, struct strbuf *out)
{
	const struct history *h = own;

	strbuf_printf(out,
		      ngettext("History of %s: %lld entry, newest first",
			       "History of %s: %lld entries, newest first",
			       (unsigned long)h->count),
		      h->title, h->count);
}

static void h_free(void *own)
{
	struct history *h = own;

	free(h->uuid);
	free(h->title);
	free(h);
}

static const struct listscreen_def h_def = {
    &h_spec, N_("No change of this record was recorded."), h_load, h_title, h_free, 1,
};

struct h_arg {
	const char *uuid, *title;
};

static int h_open(struct screen *s, void *arg, struct err *e)
{
	const struct h_arg *a = arg;
	struct history *h = xcalloc(1, sizeof *h);

	h->app = s->app;
	h->uuid = xstrdup(a->uuid);
	h->title = xstrdup(a->title);
	return listscreen_open(s, &h_def, h, e);
}

/* ---- one entry whole ---- */

static int e_open(struct screen *s, void *arg, struct err *e)
{
	const struct audit_entry *a = arg;
	struct strbuf b = STRBUF_INIT;

	(void)e;
	strbuf_printf(&b, "%s  %s  %s (%s)\n\n", a->at, a->staff ? a->staff : "",
		      model_enum_label(model_audit_action, a->action),
		      a->table_name ? _(a->table_name) : "");
	if (!a->changes || !*a->changes)
		strbuf_puts(&b, _("No details were recorded."));
	else
		changes(s->app, a, "\n", &b);
	s->state = strbuf_detach(&b);
	return 0;
}

static void e_draw(struct screen *s)
{
	struct rect r = s->r;

	draw_fit(r.y, r.x, r.w, _("One change in the history"), THEME_TITLE);
	draw_wrapped((struct rect){r.y + 2, r.x + 2, r.h - 2, r.w - 4}, s->state, 0, THEME_NORMAL);
}

static void e_close(struct screen *s)
{
	free(s->state);
}

static const struct screen_class entry_screen = {
    .name = N_("One change in the history"),
    .kind = SCREEN_KIND_SUBPAGE,
    .open = e_open,
    .draw = e_draw,
    .close = e_close,
};

static int h_show(struct screen *s)
{
	const void *row = listscreen_current(s);

	if (row)
		app_push(s->app, &entry_screen, (void *)row);
	return SCREEN_HANDLED;
}

static const struct screen_handler h_handlers[] = {
    {ACT_OPEN, h_show, N_("details")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class history_screen = LISTSCREEN_CLASS(
    N_("History"), SCREEN_KIND_SUBPAGE, NULL, h_handlers, h_open, listscreen_can_open);

int history_push(struct app *app, const char *record_uuid, const char *title)
{
	struct h_arg a = {record_uuid, title};

	return app_push(app, &history_screen, &a);
}
