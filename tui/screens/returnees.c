/* returnees: the returnee list screen; see returnees.h. */
#include "tui/screens/returnees.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/returnee.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/returnees.h"
#include "tui/app.h"
#include "tui/screens/resident_form.h"
#include "tui/screens/returnee_form.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/widget_list.h"

struct rlist {
	struct app *app;
	struct list *list;
	struct returnee_alert *v; /* held whole */
	int n;
	char day[DATE_STR];
};

/* A row of the list: its index in st->v. */
struct rrow {
	int idx;
};

static void load(struct rlist *st)
{
	struct date d;
	struct err e;

	err_clear(&e);
	clock_today(&d);
	date_format(&d, st->day);
	db_returnees_free(st->v, st->n);
	st->v = NULL;
	st->n = 0;
	if (db_returnee_list(app_db(st->app), st->day, &st->v, &st->n, &e) < 0)
		app_error_err(st->app, &e);
}

static int r_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct rlist *st = ctx;
	const struct rrow *a = anchor;
	int m = 0, i = dir > 0 ? (a ? a->idx + 1 : 0) : (a && a->idx < st->n ? a->idx : st->n) - 1;

	(void)e;
	for (; m < n && i >= 0 && i < st->n; i += dir > 0 ? 1 : -1) {
		struct rrow *r = xcalloc(1, sizeof *r);

		r->idx = i;
		out[m++] = r;
	}
	return m;
}

static void r_row_free(void *ctx, void *row)
{
	(void)ctx;
	free(row);
}

/* The status of one returnee, as the list and the status line say it. */
static const char *status_of(const struct returnee_alert *a)
{
	static const char *const text[] = {
	    [RETURNEE_ALERT] = N_("not isolated"),
	    [RETURNEE_ISOLATED] = N_("isolated"),
	    [RETURNEE_MONITORED] = N_("home monitoring"),
	};

	if (a->state != RETURNEE_CLEAR)
		return _(text[a->state]);
	return a->key ? _("window over") : _("not a key area");
}

static void r_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	struct rlist *st = ctx;
	const struct returnee_alert *a = &st->v[((const struct rrow *)row)->idx];

	switch (col) {
	case 0:
		strbuf_puts(out, a->return_date);
		break;
	case 1:
		strbuf_printf(out, "%d", a->days_since);
		break;
	case 2:
		strbuf_puts(out, a->name);
		break;
	case 3:
		strbuf_puts(out, a->household);
		break;
	case 4:
		strbuf_puts(out, a->returned_from);
		break;
	case 5:
		strbuf_puts(out, a->travel);
		break;
	default:
		strbuf_puts(out, status_of(a));
		break;
	}
}

static int r_role(void *ctx, const void *row)
{
	struct rlist *st = ctx;
	const struct returnee_alert *a = &st->v[((const struct rrow *)row)->idx];

	return a->state == RETURNEE_ALERT ? THEME_ALERT : THEME_NORMAL;
}

static const struct list_column cols[] = {
    {N_("Returned"), 10, 0, 0}, {N_("Days"), 4, 0, 1}, {N_("Name"), 6, 1, 0},
    {N_("Household"), 8, 1, 0}, {N_("Returned from"), 8, 2, 0}, {N_("Travel"), 6, 1, 0},
    {N_("Status"), 14, 0, 0},	{NULL, 0, 0, 0},
};

static const struct list_ops ops = {r_fetch, r_row_free, r_cell, r_role};

static int r_open(struct screen *s, void *arg, struct err *e)
{
	struct rlist *st = xcalloc(1, sizeof *st);

	(void)arg;
	(void)e;
	st->app = s->app;
	s->state = st;
	load(st);
	st->list = list_new(s->app, &ops, st, cols);
	list_set_empty(st->list, _("No returnee: a resident's return date and place make one."));
	return 0;
}

static void r_layout(struct screen *s, struct rect r)
{
	struct rlist *st = s->state;

	list_layout(st->list, (struct rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void r_draw(struct screen *s)
{
	struct rlist *st = s->state;
	char line[200];
	int alert = 0, inside = 0;

	for (int i = 0; i < st->n; i++) {
		alert += st->v[i].state == RETURNEE_ALERT;
		inside += st->v[i].state != RETURNEE_CLEAR;
	}
	snprintf(line, sizeof line,
		 _("Returnees on %s: %d, %d from a key area inside the window, %d not isolated"),
		 st->day, st->n, inside, alert);
	draw_fit(s->r.y, s->r.x, s->r.w, line, THEME_TITLE);
	list_draw(st->list, 1);
}

static int r_event(struct screen *s, const struct event *ev)
{
	struct rlist *st = s->state;

	return list_event(st->list, ev);
}

static void r_changed(struct screen *s)
{
	struct rlist *st = s->state;

	load(st);
	list_reload(st->list);
}

static void r_close(struct screen *s)
{
	struct rlist *st = s->state;

	list_free(&st->list);
	db_returnees_free(st->v, st->n);
	free(st);
}

static const struct returnee_alert *current(struct screen *s)
{
	struct rlist *st = s->state;
	const struct rrow *r = list_current(st->list);

	return r && r->idx < st->n ? &st->v[r->idx] : NULL;
}

/* Enter: the decision for one not isolated; the whole row otherwise. */
static int h_open(struct screen *s)
{
	const struct returnee_alert *a = current(s);

	if (!a)
		return SCREEN_HANDLED;
	if (a->state == RETURNEE_ALERT)
		returnee_form_push(s->app, a->resident_id);
	else
		app_status(s->app, "%s · %s · %s %s · %s · %s", a->name, a->household,
			   a->returned_from, a->return_date, a->travel[0] ? a->travel : "-",
			   status_of(a));
	return SCREEN_HANDLED;
}

static int h_edit(struct screen *s)
{
	const struct returnee_alert *a = current(s);

	if (a)
		resident_form_push(s->app, a->household_id, a->resident_id, NULL, NULL);
	return SCREEN_HANDLED;
}

static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_open, N_("decide")},
    {ACT_EDIT, h_edit, N_("edit resident")},
    {ACT_CANCEL, screen_act_pop, N_("back")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class returnees_screen = {
    .name = N_("Returnees"),
    .keyctx = KEYCTX_BIT(KEYCTX_LIST),
    .handlers = handlers,
    .open = r_open,
    .layout = r_layout,
    .draw = r_draw,
    .event = r_event,
    .data_changed = r_changed,
    .close = r_close,
};

int returnees_push(struct app *app)
{
	return app_push(app, &returnees_screen, NULL);
}
