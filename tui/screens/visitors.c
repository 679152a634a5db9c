/* visitors: the gate's visitor log screen and form; see visitors.h. */
#include "tui/screens/visitors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/mask.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/temperature.h"
#include "core/xalloc.h"
#include "db/visitors.h"
#include "tui/app.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"
#include "tui/widgets/listscreen.h"

struct vlog {
	struct app *app;
	long long cp_id;
	struct visitor_row *v; /* today's, held whole */
	int n;
	char day[DATE_STR];
};

LIST_ARRAY_LOAD(load, struct vlog, day, clock_today_iso, db_visitors_day, db_visitors_free)

static void v_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct visitor_row *r = row;
	char buf[48];

	(void)ctx;
	if (col == 0) {
		strbuf_printf(out, "%.5s", r->time_in + 11);
	} else if (col == 2) {
		mask_append(mask_id, r->id_number, out);
	} else if (col == 5) {
		temperature_format(r->temperature, buf);
		strbuf_puts(out, buf);
	} else if (!r->admitted) {
		strbuf_puts(out, r->refusal);
	} else if (r->time_out[0]) {
		strbuf_printf(out, _("left %.5s"), r->time_out + 11);
	} else {
		strbuf_printf(out, _("inside · %s"), r->reason);
	}
}

static int v_role(void *ctx, const void *row)
{
	(void)ctx;
	return ((const struct visitor_row *)row)->admitted ? THEME_NORMAL : THEME_ALERT;
}

static const struct list_field cols[] = {
    {N_("In"), 5, 0, 0, LIST_OWN},
    {N_("Name"), 6, 1, 0, LIST_TEXT(struct visitor_row, name)},
    {N_("Document"), 18, 0, 0, LIST_OWN},
    {N_("Coming from"), 8, 2, 0, LIST_TEXT(struct visitor_row, from_place)},
    {N_("Visiting"), 8, 1, 0, LIST_TEXT(struct visitor_row, household)},
    {N_("°C"), 4, 0, 0, LIST_OWN},
    {N_("Status"), 12, 4, 0, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec spec = {cols, v_cell, v_role, NULL, 0, NULL};

static void v_title(void *own, struct strbuf *out)
{
	const struct vlog *st = own;
	int refused = 0;

	for (int i = 0; i < st->n; i++)
		refused += !st->v[i].admitted;
	strbuf_printf(out, _("Visitors of %s: %d logged, %d refused entry"), st->day, st->n,
		      refused);
}

static void v_free(void *own)
{
	struct vlog *st = own;

	db_visitors_free(st->v, st->n);
	free(st);
}

static const struct listscreen_def def = {
    &spec, N_("No visitor today: n logs one."), load, v_title, v_free, 0,
};

static int v_open(struct screen *s, void *arg, struct err *e)
{
	struct vlog *st = xcalloc(1, sizeof *st);

	st->app = s->app;
	st->cp_id = *(const long long *)arg;
	return listscreen_open(s, &def, st, e);
}

/* ---- the form ---- */

static int submit(void *ctx, struct form *f, struct err *e)
{
	struct vlog *st = ctx;
	struct visitor_new v = {0};
	char why[256];
	int admitted, t = 0;

	if (*form_value(f, "temp") && temperature_parse(form_value(f, "temp"), &t, NULL) < 0)
		return err_field(e, "temp", "%s", _("temperature: 34.0 to 43.0 °C"));
	v.name = form_value(f, "name");
	v.phone = form_value(f, "phone");
	v.id_type = form_value(f, "id_type");
	v.id_number = form_value(f, "id_number");
	v.from_place = form_value(f, "from");
	v.arrived_date = form_value(f, "arrived");
	v.household = form_value(f, "household");
	v.reason = form_value(f, "reason");
	v.temperature = t;
	v.checkpoint_id = st->cp_id;
	if (db_visitor_add(app_db(st->app), &v, &admitted, why, sizeof why, e) < 0) {
		if (!strcmp(e->field, "temperature"))
			snprintf(e->field, sizeof e->field, "temp");
		else if (!strcmp(e->field, "arrived_date"))
			snprintf(e->field, sizeof e->field, "arrived");
		return -1;
	}
	if (admitted)
		app_status(st->app, _("%s may enter: logged at the gate."), v.name);
	else
		app_error(st->app, "%s: %s", v.name, why);
	return 0;
}

static int h_new(struct screen *s)
{
	struct vlog *st = listscreen_own(s);
	struct form *f = form_new(_("A visitor at the gate"), st);

	form_add_text(f, "name", N_("Name"), NULL, 20, FORM_REQUIRED, NULL);
	form_add_number(f, "temp", N_("Temperature (°C)"), NULL, 5, FORM_REQUIRED, formcheck_temp);
	form_add_text(f, "from", N_("Coming from"), NULL, 40, 0, NULL);
	form_add_date(f, "arrived", N_("Arrived in town on"), NULL, 0, NULL);
	form_add_text(f, "household", N_("Household visited"), NULL, 32, 0, NULL);
	form_add_text(f, "reason", N_("Reason"), NULL, 40, 0, NULL);
	form_add_text(f, "phone", N_("Phone"), NULL, 20, 0, NULL);
	form_add_enum(f, "id_type", N_("Document"), model_id_type, "id", FORM_REQUIRED);
	form_add_text(f, "id_number", N_("Document number"), NULL, 24, 0, NULL);
	form_push(s->app, f, submit, NULL);
	return SCREEN_HANDLED;
}

static int h_out(struct screen *s)
{
	const struct visitor_row *r = listscreen_current(s);
	struct err e;

	if (!r)
		return SCREEN_HANDLED;
	err_clear(&e);
	if (db_visitor_leave(app_db(s->app), r->id, &e) < 0)
		app_error_err(s->app, &e);
	else
		app_status(s->app, _("%s left."), r->name);
	return SCREEN_HANDLED | SCREEN_CHANGED;
}

/* Enter: the whole of the selected row's status, which the list may cut. */
static int h_show(struct screen *s)
{
	const struct visitor_row *r = listscreen_current(s);

	if (r && !r->admitted)
		app_error(s->app, "%s: %s", r->name, r->refusal);
	else if (r)
		app_status(s->app, "%s · %s · %s · %s", r->name, r->from_place, r->household,
			   r->reason);
	return SCREEN_HANDLED;
}

static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_show, N_("details")},
    {ACT_NEW, h_new, N_("new visitor")},
    {ACT_OUT, h_out, N_("left")},
    {ACT_NONE, NULL, NULL},
};

static const struct keybind keys[] = {
    {0, 'o', ACT_OUT},
    {0, 0, ACT_NONE},
};

static const struct screen_class visitors_screen =
    LISTSCREEN_CLASS(N_("Visitors"), SCREEN_KIND_SUBLIST, keys, handlers, v_open, NULL);

int visitors_push(struct app *app, long long cp_id)
{
	return app_push(app, &visitors_screen, &cp_id);
}
