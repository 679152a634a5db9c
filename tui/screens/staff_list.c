/* staff_list: the staff list and form; see staff_list.h. */
#include "tui/screens/staff_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/mask.h"
#include "core/model.h"
#include "core/phone.h"
#include "core/strbuf.h"
#include "core/volunteer.h"
#include "core/xalloc.h"
#include "db/staff.h"
#include "db/volunteers.h"
#include "tui/app.h"
#include "tui/widgets/form.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/widget_list.h"

struct slist {
	struct app *app;
	struct list *list;
	struct volunteer_month *v; /* this month's, held whole */
	int n;
	char month[8];
	long long editing; /* the staff id the open form edits */
};

struct srow {
	int idx;
};

static const struct enum_entry party_choice[] = {
    {"0", N_("no"), "否"},
    {"1", N_("party member"), "党员"},
    {NULL, NULL, NULL},
};

static void load(struct slist *st)
{
	struct date d;
	struct err e;
	char iso[DATE_STR];

	err_clear(&e);
	clock_today(&d);
	date_format(&d, iso);
	snprintf(st->month, sizeof st->month, "%.7s", iso);
	free(st->v);
	st->v = NULL;
	st->n = 0;
	if (db_volunteer_month(app_db(st->app), st->month, &st->v, &st->n, &e) < 0)
		app_error_err(st->app, &e);
}

static int s_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct slist *st = ctx;
	const struct srow *a = anchor;
	int m = 0, i = dir > 0 ? (a ? a->idx + 1 : 0) : (a && a->idx < st->n ? a->idx : st->n) - 1;

	(void)e;
	for (; m < n && i >= 0 && i < st->n; i += dir > 0 ? 1 : -1) {
		struct srow *r = xcalloc(1, sizeof *r);

		r->idx = i;
		out[m++] = r;
	}
	return m;
}

static void s_row_free(void *ctx, void *row)
{
	(void)ctx;
	free(row);
}

static void s_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	struct slist *st = ctx;
	const struct volunteer_month *m = &st->v[((const struct srow *)row)->idx];
	char buf[24];

	switch (col) {
	case 0:
		strbuf_puts(out, m->name);
		break;
	case 1:
		strbuf_puts(out, model_enum_label(model_staff_role, m->role));
		break;
	case 2:
		strbuf_puts(out, m->party ? _("party member") : "");
		break;
	case 3:
		mask_append(mask_phone, m->phone, out);
		break;
	case 4:
		strbuf_printf(out, "%d", m->shifts);
		break;
	default:
		volunteer_hours_format(m->minutes, buf, sizeof buf);
		strbuf_puts(out, buf);
		break;
	}
}

static const struct list_column cols[] = {
    {N_("Name"), 8, 2, 0},  {N_("Role"), 10, 1, 0},  {N_("Party"), 12, 0, 0},
    {N_("Phone"), 12, 1, 0}, {N_("Shifts"), 6, 0, 1}, {N_("Hours"), 6, 0, 1},
    {NULL, 0, 0, 0},
};

static const struct list_ops ops = {s_fetch, s_row_free, s_cell, NULL};

static int s_open(struct screen *s, void *arg, struct err *e)
{
	struct slist *st = xcalloc(1, sizeof *st);

	(void)arg;
	(void)e;
	st->app = s->app;
	s->state = st;
	load(st);
	st->list = list_new(s->app, &ops, st, cols);
	list_set_empty(st->list, _("No staff yet: F3 adds the one on duty."));
	return 0;
}

static void s_layout(struct screen *s, struct rect r)
{
	struct slist *st = s->state;

	list_layout(st->list, (struct rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void s_draw(struct screen *s)
{
	struct slist *st = s->state;
	char line[200], hours[24];
	long total = 0;
	int party = 0;

	for (int i = 0; i < st->n; i++) {
		total += st->v[i].minutes;
		party += st->v[i].party;
	}
	volunteer_hours_format(total, hours, sizeof hours);
	snprintf(line, sizeof line,
		 _("Staff: %d, %d party members · volunteer hours in %s: %s"),
		 st->n, party, st->month, hours);
	draw_fit(s->r.y, s->r.x, s->r.w, line, THEME_TITLE);
	list_draw(st->list, 1);
}

static int s_event(struct screen *s, const struct event *ev)
{
	struct slist *st = s->state;

	return list_event(st->list, ev);
}

static void s_changed(struct screen *s)
{
	struct slist *st = s->state;

	load(st);
	list_reload(st->list);
}

static void s_close(struct screen *s)
{
	struct slist *st = s->state;

	list_free(&st->list);
	free(st->v);
	free(st);
}

/* ---- the form ---- */

static int check_phone(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	char canon[PHONE_MAX];

	(void)c;
	if (!*v)
		return 0;
	if (phone_parse(v, canon, sizeof canon, e) < 0) {
		snprintf(e->field, sizeof e->field, "%s", name);
		return -1;
	}
	if (strcmp(canon, v))
		form_set(f, name, canon);
	return 0;
}

static int submit(void *ctx, struct form *f, struct err *e)
{
	struct slist *st = ctx;
	struct staff_member m = {0};

	m.id = st->editing;
	m.phone = (char *)form_value(f, "phone");
	snprintf(m.role, sizeof m.role, "%s", form_value(f, "role"));
	m.party = !strcmp(form_value(f, "party"), "1");
	if (db_staff_update(app_db(st->app), &m, e) < 0)
		return -1;
	app_status(st->app, "%s", _("Saved."));
	return 0;
}

static void form_closed(void *ctx, int saved)
{
	(void)ctx;
	(void)saved;
}

static int h_edit(struct screen *s)
{
	struct slist *st = s->state;
	const struct srow *r = list_current(st->list);
	const struct volunteer_month *m;
	struct form *f;
	char title[480];

	if (!r || r->idx >= st->n)
		return SCREEN_HANDLED;
	m = &st->v[r->idx];
	st->editing = m->staff_id;
	snprintf(title, sizeof title, "%s", m->name);
	f = form_new(title, st);
	form_add_text(f, "phone", N_("Phone"), m->phone, 20, 0, check_phone);
	form_add_enum(f, "role", N_("Role"), model_staff_role, m->role, FORM_REQUIRED);
	form_add_enum(f, "party", N_("Party member (党员)"), party_choice, m->party ? "1" : "0",
		      FORM_REQUIRED);
	form_push(s->app, f, submit, form_closed);
	return SCREEN_HANDLED;
}

static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_edit, N_("edit")},
    {ACT_CANCEL, screen_act_pop, N_("back")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class staff_screen = {
    .name = N_("Staff"),
    .keyctx = KEYCTX_BIT(KEYCTX_LIST),
    .handlers = handlers,
    .open = s_open,
    .layout = s_layout,
    .draw = s_draw,
    .event = s_event,
    .data_changed = s_changed,
    .close = s_close,
};

int staff_list_push(struct app *app)
{
	return app_push(app, &staff_screen, NULL);
}
