/* returnees: the returnee list screen; see returnees.h. */
#include "tui/screens/returnees.h"

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
#include "tui/widgets/listscreen.h"

struct rlist {
	struct returnee_alert *v; /* held whole */
	int n;
	char day[DATE_STR];
};

LIST_ARRAY_LOAD(load, struct rlist, day, clock_today_iso, db_returnee_list, db_returnees_free)

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
	(void)ctx;
	(void)col;
	strbuf_puts(out, status_of(row));
}

static int r_role(void *ctx, const void *row)
{
	const struct returnee_alert *a = row;

	(void)ctx;
	return a->state == RETURNEE_ALERT ? THEME_ALERT : THEME_NORMAL;
}

static const struct list_field cols[] = {
    {N_("Returned"), 10, 0, 0, LIST_CHARS(struct returnee_alert, return_date)},
    {N_("Days"), 4, 0, 1, LIST_INT(struct returnee_alert, days_since)},
    {N_("Name"), 6, 1, 0, LIST_TEXT(struct returnee_alert, name)},
    {N_("Household"), 8, 1, 0, LIST_TEXT(struct returnee_alert, household)},
    {N_("Returned from"), 8, 2, 0, LIST_TEXT(struct returnee_alert, returned_from)},
    {N_("Travel"), 6, 1, 0, LIST_TEXT(struct returnee_alert, travel)},
    {N_("Status"), 14, 0, 0, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec spec = {cols, r_cell, r_role, NULL, 0, NULL};

static void r_title(void *own, struct strbuf *out)
{
	const struct rlist *st = own;
	int alert = 0, inside = 0;

	for (int i = 0; i < st->n; i++) {
		alert += st->v[i].state == RETURNEE_ALERT;
		inside += st->v[i].state != RETURNEE_CLEAR;
	}
	strbuf_printf(
	    out, _("Returnees on %s: %d, %d from a key area inside the window, %d not isolated"),
	    st->day, st->n, inside, alert);
}

static void r_free(void *own)
{
	struct rlist *st = own;

	db_returnees_free(st->v, st->n);
	free(st);
}

static const struct listscreen_def def = {
    &spec, N_("No returnee: a resident's return date and place make one."), load, r_title, r_free,
    0,
};

static int r_open(struct screen *s, void *arg, struct err *e)
{
	(void)arg;
	return listscreen_open(s, &def, xcalloc(1, sizeof(struct rlist)), e);
}

/* Enter: the decision for one not isolated; the whole row otherwise. */
static int h_open(struct screen *s)
{
	const struct returnee_alert *a = listscreen_current(s);

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
	const struct returnee_alert *a = listscreen_current(s);

	if (a)
		resident_form_push(s->app, a->household_id, a->resident_id, NULL, NULL);
	return SCREEN_HANDLED;
}

static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_open, N_("decide")},
    {ACT_EDIT, h_edit, N_("edit resident")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class returnees_screen =
    LISTSCREEN_CLASS(N_("Returnees"), SCREEN_KIND_SUBLIST, NULL, handlers, r_open, NULL);

int returnees_push(struct app *app)
{
	return app_push(app, &returnees_screen, NULL);
}
