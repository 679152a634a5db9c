/* household_detail: one household's residents, visits and isolations; see
 * household_detail.h. */
#include "tui/screens/household_detail.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/hhdetail.h"
#include "db/households.h"
#include "db/residents.h"
#include "tui/app.h"
#include "tui/widgets/confirm.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/hhfmt.h"
#include "tui/screens/history.h"
#include "tui/widgets/keys.h"
#include "tui/screens/resident_form.h"
#include "tui/widgets/widget_list.h"

enum section { SEC_RESIDENTS, SEC_VISITS, SEC_ISOLATIONS, SEC_COUNT };

struct detail {
	struct app *app;
	long long id;
	struct household h;
	int gone; /* deleted meanwhile (by another program) */
	int section;
	struct list *lists[SEC_COUNT];
	long long nvisits, nisolations;
	struct hhfmt_reveals revealed; /* residents whose numbers show whole */
	int phone_revealed;
	struct rect r;
};

/* ---- residents: a household's few people, read whole, paged in memory ---- */

struct collect {
	struct resident *v;
	int n, cap;
};

static char *dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void resident_copy(struct resident *to, const struct resident *r)
{
	*to = *r;
	to->household_code = dup(r->household_code);
	to->name = dup(r->name);
	to->id_type = dup(r->id_type);
	to->id_number = dup(r->id_number);
	to->birth_date = dup(r->birth_date);
	to->phone = dup(r->phone);
	to->relation = dup(r->relation);
	to->status = dup(r->status);
	to->tags = dup(r->tags);
	to->returned_from = dup(r->returned_from);
	to->return_date = dup(r->return_date);
	to->travel = dup(r->travel);
	to->notes = dup(r->notes);
}

static int collect_cb(const struct resident *r, void *ctx)
{
	struct collect *c = ctx;

	XGROW(c->v, c->cap, c->n + 1, 8);
	resident_copy(&c->v[c->n++], r);
	return 0;
}

static int res_page(void *ctx, const void *anchor, int dir, int n, void *rows, struct err *e)
{
	struct detail *d = ctx;
	struct resident *out = rows;
	struct collect c = {0};
	int at, got = 0;

	if (db_resident_each_in_household(app_db(d->app), d->id, collect_cb, &c, e) < 0)
		return -1;
	/* The anchor's place: just past it in the direction asked. */
	at = dir > 0 ? 0 : c.n - 1;
	if (anchor) {
		long long aid = ((const struct resident *)anchor)->id;

		for (int i = 0; i < c.n; i++)
			if (c.v[i].id == aid)
				at = i + (dir > 0 ? 1 : -1);
	}
	for (int i = at; i >= 0 && i < c.n && got<n; i += dir> 0 ? 1 : -1) {
		out[got++] = c.v[i];
		memset(&c.v[i], 0, sizeof c.v[i]);
	}
	for (int i = 0; i < c.n; i++)
		model_resident_clear(&c.v[i]);
	free(c.v);
	return got;
}

LIST_ROW_CLEAR(res_clear, model_resident_clear)

static void res_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	struct detail *d = ctx;
	const struct resident *r = row;
	char sex[2] = {r->sex, 0};

	switch (col) {
	case 1:
		hhfmt_enum(model_relation, r->relation, out);
		break;
	case 2:
		hhfmt_enum(model_sex, sex, out);
		break;
	case 3:
		hhfmt_secret(r->id_number, 1, hhfmt_revealed(&d->revealed, r->id), out);
		break;
	case 5:
		hhfmt_secret(r->phone, 0, hhfmt_revealed(&d->revealed, r->id), out);
		break;
	case 6:
		hhfmt_enum(model_status, r->status, out);
		break;
	default:
		hhfmt_codes(model_tag, r->tags, out);
		break;
	}
}

static const struct list_field res_cols[] = {
    {N_("Name"), 6, 2, 0, LIST_TEXT(struct resident, name)},
    {N_("Relation"), 8, 0, 0, LIST_OWN},
    {N_("Sex"), 4, 0, 0, LIST_OWN},
    {N_("ID number"), 18, 0, 0, LIST_OWN},
    {N_("Born"), 10, 0, 0, LIST_TEXT(struct resident, birth_date)},
    {N_("Phone"), 11, 0, 0, LIST_OWN},
    {N_("Status"), 11, 0, 0, LIST_OWN},
    {N_("Tags"), 4, 3, 0, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec res_spec = {
    res_cols, res_cell, NULL, res_page, sizeof(struct resident), res_clear};

/* ---- visits ---- */

LIST_DB_PAGE(vis_page, struct detail, db_hh_visits, own->id)

LIST_ROW_CLEAR(vis_clear, hh_visit_clear)

static int fever(const struct detail *d, int t)
{
	return t >= 0 && t >= app_settings(d->app)->fever_threshold;
}

static void vis_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	struct detail *d = ctx;
	const struct hh_visit *v = row;

	switch (col) {
	case 1:
		strbuf_add(out, v->at + 11, strlen(v->at) >= 16 ? 5 : 0);
		break;
	case 2:
		hhfmt_enum(model_outcome, v->outcome, out);
		break;
	default:
		for (int i = 0; i < v->nreadings; i++) {
			const struct hh_reading *g = &v->readings[i];

			if (i)
				strbuf_puts(out, "  ");
			strbuf_puts(out, g->name);
			strbuf_putc(out, ' ');
			hhfmt_temp(g->temperature, out);
			if (fever(d, g->temperature))
				strbuf_printf(out, " %s", _("FEVER"));
			if (g->symptoms[0]) {
				strbuf_puts(out, " (");
				hhfmt_codes(model_symptom, g->symptoms, out);
				strbuf_putc(out, ')');
			}
		}
		if (v->notes && *v->notes)
			strbuf_printf(out, "%s%s", v->nreadings ? "  " : "", v->notes);
		break;
	}
}

static int vis_role(void *ctx, const void *row)
{
	const struct hh_visit *v = row;

	for (int i = 0; i < v->nreadings; i++)
		if (fever(ctx, v->readings[i].temperature))
			return THEME_ALERT;
	return THEME_NORMAL;
}

static const struct list_field vis_cols[] = {
    {N_("Date"), 10, 0, 0, LIST_CHARS(struct hh_visit, date)},
    {N_("Time"), 5, 0, 0, LIST_OWN},
    {N_("Outcome"), 8, 0, 0, LIST_OWN},
    {N_("Staff"), 6, 1, 0, LIST_TEXT(struct hh_visit, staff)},
    {N_("Readings and notes"), 20, 6, 0, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec vis_spec = {
    vis_cols, vis_cell, vis_role, vis_page, sizeof(struct hh_visit), vis_clear};

/* ---- isolations ---- */

LIST_DB_PAGE(iso_page, struct detail, db_hh_isolations, own->id)

LIST_ROW_CLEAR(iso_clear, hh_isolation_clear)

static void iso_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct hh_isolation *i = row;
	struct date start, today;
	int total = i->days + i->extended_days;

	(void)ctx;
	switch (col) {
	case 1:
		hhfmt_enum(model_iso_kind, i->kind, out);
		if (i->site && *i->site)
			strbuf_printf(out, " %s", i->site);
		break;
	case 2:
		hhfmt_enum(model_iso_reason, i->reason, out);
		break;
	default:
		if (i->end_date) {
			strbuf_printf(out, _("ended %s"), i->end_date);
			if (i->end_reason) {
				strbuf_puts(out, " (");
				hhfmt_enum(model_iso_end, i->end_reason, out);
				strbuf_putc(out, ')');
			}
		} else if (date_parse_iso(i->start_date, &start, NULL) == 0) {
			clock_today(&today);
			strbuf_printf(out, _("day %ld of %d"), date_diff(&today, &start) + 1,
				      total);
		}
		break;
	}
}

static int iso_role(void *ctx, const void *row)
{
	(void)ctx;
	return ((const struct hh_isolation *)row)->end_date ? THEME_DIM : THEME_NORMAL;
}

static const struct list_field iso_cols[] = {
    {N_("Name"), 8, 1, 0, LIST_TEXT(struct hh_isolation, resident)},
    {N_("Kind"), 8, 1, 0, LIST_OWN},
    {N_("Reason"), 8, 1, 0, LIST_OWN},
    {N_("Start"), 10, 0, 0, LIST_CHARS(struct hh_isolation, start_date)},
    {N_("Progress"), 12, 2, 0, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec iso_spec = {
    iso_cols, iso_cell, iso_role, iso_page, sizeof(struct hh_isolation), iso_clear};

/* ---- the screen ---- */

/* Each section's screen class (at the end). */
static const struct screen_class *const sections[SEC_COUNT];

static int reread(struct detail *d, struct err *e)
{
	int r;

	model_household_clear(&d->h);
	r = db_household_get(app_db(d->app), d->id, &d->h, e);
	if (r < 0)
		return -1;
	d->gone = r == 0;
	if (!d->gone && db_hh_counts(app_db(d->app), d->id, &d->nvisits, &d->nisolations, e) < 0)
		return -1;
	return 0;
}

static int d_open(struct screen *s, void *arg, struct err *e)
{
	struct detail *d = xcalloc(1, sizeof *d);

	d->app = s->app;
	d->id = *(const long long *)arg;
	model_household_init(&d->h);
	if (reread(d, e) < 0 || d->gone) {
		if (d->gone)
			err_set(e, "%s", _("the household was deleted meanwhile"));
		model_household_clear(&d->h);
		free(d);
		return -1;
	}
	d->lists[SEC_RESIDENTS] = list_new_spec(s->app, &res_spec, d);
	d->lists[SEC_VISITS] = list_new_spec(s->app, &vis_spec, d);
	d->lists[SEC_ISOLATIONS] = list_new_spec(s->app, &iso_spec, d);
	list_set_empty(d->lists[SEC_RESIDENTS],
		       _("Nobody is registered here yet: press n to add a resident."));
	list_set_empty(d->lists[SEC_VISITS],
		       _("No visit recorded yet (visits are entered on the Rounds tab)."));
	list_set_empty(d->lists[SEC_ISOLATIONS], _("Nobody of this household has been isolated."));
	s->state = d;
	s->cls = sections[SEC_RESIDENTS];
	return 0;
}

static void d_layout(struct screen *s, struct rect r)
{
	struct detail *d = s->state;

	d->r = r;
	list_layout(d->lists[d->section], (struct rect){r.y + 3, r.x, r.h - 3, r.w});
}

static void draw_header(struct detail *d)
{
	struct rect r = d->r;
	struct strbuf b = STRBUF_INIT;
	const char *names[SEC_COUNT] = {_("Residents"), _("Visits"), _("Isolations")};
	long long counts[SEC_COUNT] = {d->h.resident_count, d->nvisits, d->nisolations};
	int x = r.x;

	strbuf_printf(&b, _("Household %s"), d->h.code);
	if (d->h.grid_name)
		strbuf_printf(&b, "   %s %s", _("Grid:"), d->h.grid_name);
	if (d->h.phone && *d->h.phone) {
		strbuf_printf(&b, "   %s ", _("Phone:"));
		hhfmt_secret(d->h.phone, 0, d->phone_revealed, &b);
	}
	draw_fit(r.y, r.x, r.w, strbuf_str(&b), THEME_TITLE);
	strbuf_reset(&b);
	if (d->h.compound && *d->h.compound)
		strbuf_printf(&b, "%s ", d->h.compound);
	if (d->h.building && *d->h.building)
		strbuf_printf(&b, _("building %s "), d->h.building);
	if (d->h.unit && *d->h.unit)
		strbuf_printf(&b, _("unit %s "), d->h.unit);
	if (d->h.room && *d->h.room)
		strbuf_printf(&b, _("room %s "), d->h.room);
	if (d->h.address && *d->h.address)
		strbuf_printf(&b, " %s", d->h.address);
	if (d->h.notes && *d->h.notes)
		strbuf_printf(&b, "  (%s)", d->h.notes);
	draw_fit(r.y + 1, r.x, r.w, strbuf_str(&b), THEME_DIM);
	draw_fill(r.y + 2, r.x, r.w, THEME_NORMAL);
	for (int i = 0; i < SEC_COUNT && x < r.x + r.w; i++) {
		strbuf_reset(&b);
		strbuf_printf(&b, " %s (%lld) ", names[i], counts[i]);
		x += draw_text(r.y + 2, x, r.x + r.w - x, strbuf_str(&b),
			       i == d->section ? THEME_TAB_ACTIVE : THEME_TAB);
		x += draw_text(r.y + 2, x, r.x + r.w - x, " ", THEME_NORMAL);
	}
	if (x < r.x + r.w)
		draw_text(r.y + 2, x, r.x + r.w - x, _(" v: next section"), THEME_DIM);
	strbuf_free(&b);
}

static void d_draw(struct screen *s)
{
	struct detail *d = s->state;

	if (d->gone) {
		draw_clear(d->r, THEME_NORMAL);
		draw_fit(d->r.y, d->r.x, d->r.w,
			 _("This household was deleted meanwhile. Esc goes back."), THEME_ALERT);
		return;
	}
	draw_header(d);
	list_draw(d->lists[d->section], 1);
}

/* Shows a section: its class (keys, handlers, hints) and its list. */
static void switch_to(struct screen *s, int section)
{
	struct detail *d = s->state;

	d->section = (section + SEC_COUNT) % SEC_COUNT;
	s->cls = sections[d->section];
	d_layout(s, d->r);
}

static int d_event(struct screen *s, const struct event *ev)
{
	struct detail *d = s->state;

	if (d->gone)
		return SCREEN_IGNORED;
	return list_event_open(d->lists[d->section], s, ev);
}

static void d_changed(struct screen *s)
{
	struct detail *d = s->state;
	struct err e;

	err_clear(&e);
	if (reread(d, &e) < 0)
		app_error_err(s->app, &e);
	if (!d->gone)
		for (int i = 0; i < SEC_COUNT; i++)
			list_reload(d->lists[i]);
}

static void d_close(struct screen *s)
{
	struct detail *d = s->state;

	for (int i = 0; i < SEC_COUNT; i++)
		list_free(&d->lists[i]);
	model_household_clear(&d->h);
	free(d);
}

/* The selected resident, or NULL (with a word in the status line). */
static const struct resident *cur_resident(struct screen *s)
{
	struct detail *d = s->state;

	if (d->gone)
		return NULL;
	return list_selected(d->lists[SEC_RESIDENTS], _("No resident is selected."));
}

static void resident_saved(void *ctx, long long id)
{
	(void)ctx;
	(void)id;
}

static int act_new(struct screen *s)
{
	struct detail *d = s->state;

	if (!d->gone)
		resident_form_push(s->app, d->id, -1, resident_saved, d);
	return SCREEN_HANDLED;
}

/* n in the visits and isolations sections: where those are entered. */
static int act_new_visit(struct screen *s)
{
	app_status(s->app, "%s", _("Visits are recorded on the Rounds tab (3)."));
	return SCREEN_HANDLED;
}

static int act_new_isolation(struct screen *s)
{
	app_status(s->app, "%s", _("Isolations are started on the Isolation tab (4)."));
	return SCREEN_HANDLED;
}

static int act_edit(struct screen *s)
{
	const struct resident *r = cur_resident(s);

	if (r)
		resident_form_push(s->app, r->household_id, r->id, resident_saved, s->state);
	return SCREEN_HANDLED;
}

static int act_move(struct screen *s)
{
	const struct resident *r = cur_resident(s);

	if (r)
		resident_move_push(s->app, r->id, resident_saved, s->state);
	return SCREEN_HANDLED;
}

static int act_delete(struct screen *s)
{
	const struct resident *r = cur_resident(s);
	char *q, *done;

	if (!r)
		return SCREEN_HANDLED;
	q = xasprintf(_("Delete %s from household %s?"), r->name,
		      ((struct detail *)s->state)->h.code);
	done = xasprintf(_("%s deleted (kept in the history)."), r->name);
	confirm_delete_push(s->app, q, db_resident_delete, r->id, done);
	free(q);
	free(done);
	return SCREEN_HANDLED;
}

/* h: the household's history (the visits and isolations sections). */
static int act_history(struct screen *s)
{
	struct detail *d = s->state;
	char title[200];

	if (d->gone)
		return SCREEN_HANDLED;
	snprintf(title, sizeof title, _("household %s"), d->h.code);
	history_push(s->app, d->h.uuid, title);
	return SCREEN_HANDLED;
}

/* h among the residents: the selected resident's, else the household's. */
static int act_history_resident(struct screen *s)
{
	struct detail *d = s->state;
	const struct resident *r = d->gone ? NULL : list_current(d->lists[SEC_RESIDENTS]);
	char title[200];

	if (!r)
		return act_history(s);
	snprintf(title, sizeof title, _("%s of household %s"), r->name, d->h.code);
	history_push(s->app, r->uuid, title);
	return SCREEN_HANDLED;
}

/* r among the residents: the selected resident's ID number and phone. */
static int act_reveal_resident(struct screen *s)
{
	struct detail *d = s->state;
	const struct resident *r = d->gone ? NULL : list_current(d->lists[SEC_RESIDENTS]);
	struct err e;

	err_clear(&e);
	if (!r) {
		app_status(s->app, "%s", _("No resident is selected."));
		return SCREEN_HANDLED;
	}
	if (hhfmt_revealed(&d->revealed, r->id))
		return SCREEN_HANDLED;
	if ((!r->id_number || !*r->id_number) && (!r->phone || !*r->phone)) {
		app_status(s->app, _("%s has no ID number or phone to reveal."), r->name);
		return SCREEN_HANDLED;
	}
	if (db_reveal(app_db(s->app), "residents", r->uuid, "id_number,phone", &e) < 0) {
		app_error_err(s->app, &e);
		return SCREEN_HANDLED;
	}
	hhfmt_reveal(&d->revealed, r->id);
	app_status(s->app,
		   _("ID number and phone of %s revealed on this screen (recorded in the "
		     "history)."),
		   r->name);
	return SCREEN_HANDLED;
}

/* r in the other sections: the household's phone. */
static int act_reveal(struct screen *s)
{
	struct detail *d = s->state;
	struct err e;

	if (d->gone)
		return SCREEN_HANDLED;
	err_clear(&e);
	if (!d->h.phone || !*d->h.phone || d->phone_revealed) {
		app_status(s->app, "%s", _("This household has no phone to reveal."));
		return SCREEN_HANDLED;
	}
	if (db_reveal(app_db(s->app), "households", d->h.uuid, "phone", &e) < 0) {
		app_error_err(s->app, &e);
		return SCREEN_HANDLED;
	}
	d->phone_revealed = 1;
	app_status(
	    s->app, "%s",
	    _("The household's phone is revealed on this screen (recorded in the history)."));
	return SCREEN_HANDLED;
}

static int act_switch(struct screen *s)
{
	switch_to(s, ((struct detail *)s->state)->section + 1);
	return SCREEN_HANDLED;
}

/* Left: the previous section. */
static int act_switch_back(struct screen *s)
{
	switch_to(s, ((struct detail *)s->state)->section - 1);
	return SCREEN_HANDLED;
}

static const struct keybind own_keys[] = {
    {0, 'v', ACT_SWITCH_VIEW},
    {0, KEYS_FN(KEY_RIGHT), ACT_SWITCH_VIEW},
    {0, KEYS_FN(KEY_LEFT), ACT_CHAR_LEFT},
    {0, 0, ACT_NONE},
};

/* What every section does the same way: r and h the household's phone and
 * history (the residents' section binds them to the resident), v or Right
 * the next section, Left the one before. */
static const struct screen_handler section_handlers[] = {
    {ACT_REVEAL, act_reveal, NULL},
    {ACT_HISTORY, act_history, NULL},
    {ACT_SWITCH_VIEW, act_switch, NULL},
    {ACT_CHAR_LEFT, act_switch_back, NULL},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_handler res_handlers[] = {
    {ACT_OPEN, act_edit, NULL},
    {ACT_NEW, act_new, NULL},
    {ACT_EDIT, act_edit, NULL},
    {ACT_DELETE, act_delete, NULL},
    {ACT_MOVE, act_move, NULL},
    {ACT_REVEAL, act_reveal_resident, NULL},
    {ACT_HISTORY, act_history_resident, NULL},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_handler vis_handlers[] = {
    {ACT_NEW, act_new_visit, NULL},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_handler iso_handlers[] = {
    {ACT_NEW, act_new_isolation, NULL},
    {ACT_NONE, NULL, NULL},
};

/* One class per section, sharing the detail's state and drawing. */
#define SECTION_CLASS(var, title, hs)                                                              \
	static const struct screen_class var = {                                                   \
	    .name = title,                                                                         \
	    .kind = SCREEN_KIND_LIST,                                                              \
	    .keys = own_keys,                                                                      \
	    .handlers = hs,                                                                        \
	    .shared = section_handlers,                                                            \
	    .layout = d_layout,                                                                    \
	    .draw = d_draw,                                                                        \
	    .event = d_event,                                                                      \
	    .data_changed = d_changed,                                                             \
	    .close = d_close,                                                                      \
	}

SECTION_CLASS(res_screen, N_("Household: residents"), res_handlers);
SECTION_CLASS(vis_screen, N_("Household: visits"), vis_handlers);
SECTION_CLASS(isos_screen, N_("Household: isolations"), iso_handlers);

static const struct screen_class *const sections[SEC_COUNT] = {
    [SEC_RESIDENTS] = &res_screen,
    [SEC_VISITS] = &vis_screen,
    [SEC_ISOLATIONS] = &isos_screen,
};

/* Pushed to show a household; it becomes the residents' section as it
 * opens. */
const struct screen_class household_detail_screen = {
    .name = N_("Household"),
    .open = d_open,
};
