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
#include "tui/widgets/screen.h"
#include "tui/widgets/widget_list.h"

struct vlog {
	struct app *app;
	struct list *list;
	long long cp_id;
	struct visitor_row *v; /* today's, held whole */
	int n;
	char day[DATE_STR];
};

/* A row of the list: its index in st->v and a copy. */
struct vrow {
	int idx;
	struct visitor_row r;
};

static void load(struct vlog *st)
{
	struct date d;
	struct err e;

	err_clear(&e);
	clock_today(&d);
	date_format(&d, st->day);
	db_visitors_free(st->v, st->n);
	st->v = NULL;
	st->n = 0;
	if (db_visitors_day(app_db(st->app), st->day, &st->v, &st->n, &e) < 0)
		app_error_err(st->app, &e);
}

static int v_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct vlog *st = ctx;
	const struct vrow *a = anchor;
	int m = 0;

	(void)e;
	if (dir > 0) {
		for (int i = a ? a->idx + 1 : 0; m < n && i < st->n; i++) {
			struct vrow *r = xcalloc(1, sizeof *r);

			r->idx = i;
			db_visitor_row_copy(&r->r, &st->v[i]);
			out[m++] = r;
		}
	} else {
		for (int i = (a && a->idx < st->n ? a->idx : st->n) - 1; m < n && i >= 0; i--) {
			struct vrow *r = xcalloc(1, sizeof *r);

			r->idx = i;
			db_visitor_row_copy(&r->r, &st->v[i]);
			out[m++] = r;
		}
	}
	return m;
}

static void v_row_free(void *ctx, void *row)
{
	(void)ctx;
	db_visitor_row_clear(&((struct vrow *)row)->r);
	free(row);
}

static void v_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct visitor_row *r = &((const struct vrow *)row)->r;
	char buf[48];

	(void)ctx;
	switch (col) {
	case 0:
		strbuf_printf(out, "%.5s", r->time_in + 11);
		break;
	case 1:
		strbuf_puts(out, r->name);
		break;
	case 2:
		mask_append(mask_id, r->id_number, out);
		break;
	case 3:
		strbuf_puts(out, r->from_place);
		break;
	case 4:
		strbuf_puts(out, r->household);
		break;
	case 5:
		temperature_format(r->temperature, buf);
		strbuf_puts(out, buf);
		break;
	default:
		if (!r->admitted)
			strbuf_puts(out, r->refusal);
		else if (r->time_out[0])
			strbuf_printf(out, _("left %.5s"), r->time_out + 11);
		else
			strbuf_printf(out, _("inside · %s"), r->reason);
		break;
	}
}

static int v_role(void *ctx, const void *row)
{
	(void)ctx;
	return ((const struct vrow *)row)->r.admitted ? THEME_NORMAL : THEME_ALERT;
}

static const struct list_column cols[] = {
    {N_("In"), 5, 0, 0},	  {N_("Name"), 6, 1, 0},      {N_("Document"), 18, 0, 0},
    {N_("Coming from"), 8, 2, 0},	  {N_("Visiting"), 8, 1, 0}, {N_("°C"), 4, 0, 0},
    {N_("Status"), 12, 4, 0}, {NULL, 0, 0, 0},
};

static const struct list_ops ops = {v_fetch, v_row_free, v_cell, v_role};

static int v_open(struct screen *s, void *arg, struct err *e)
{
	struct vlog *st = xcalloc(1, sizeof *st);

	(void)e;
	st->app = s->app;
	st->cp_id = *(const long long *)arg;
	s->state = st;
	load(st);
	st->list = list_new(s->app, &ops, st, cols);
	list_set_empty(st->list, _("No visitor today: n logs one."));
	return 0;
}

static void v_layout(struct screen *s, struct rect r)
{
	struct vlog *st = s->state;

	list_layout(st->list, (struct rect){r.y + 2, r.x, r.h - 2, r.w});
}

static void v_draw(struct screen *s)
{
	struct vlog *st = s->state;
	char line[200];
	int refused = 0;

	for (int i = 0; i < st->n; i++)
		refused += !st->v[i].admitted;
	snprintf(line, sizeof line, _("Visitors of %s: %d logged, %d refused entry"), st->day,
		 st->n, refused);
	draw_fit(s->r.y, s->r.x, s->r.w, line, THEME_TITLE);
	list_draw(st->list, 1);
}

static int v_event(struct screen *s, const struct event *ev)
{
	struct vlog *st = s->state;

	return list_event(st->list, ev);
}

static void v_changed(struct screen *s)
{
	struct vlog *st = s->state;

	load(st);
	list_reload(st->list);
}

static void v_close(struct screen *s)
{
	struct vlog *st = s->state;

	list_free(&st->list);
	db_visitors_free(st->v, st->n);
	free(st);
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

static void form_closed(void *ctx, int saved)
{
	(void)ctx;
	(void)saved;
}

static int check_temp(void *ctx, struct form *f, const char *name, const char *v, struct err *e)
{
	char buf[8];
	int t;

	(void)ctx;
	if (!*v)
		return 0;
	if (temperature_parse(v, &t, NULL) < 0)
		return err_field(e, name, "%s",
				 _("temperature: 34.0 to 43.0 °C, typed as 365, 36.5 or 37"));
	temperature_format(t, buf);
	form_set(f, name, buf);
	return 0;
}

static int h_new(struct screen *s)
{
	struct vlog *st = s->state;
	struct form *f = form_new(_("A visitor at the gate"), st);

	form_add_text(f, "name", N_("Name"), NULL, 20, FORM_REQUIRED, NULL);
	form_add_number(f, "temp", N_("Temperature (°C)"), NULL, 5, FORM_REQUIRED, check_temp);
	form_add_text(f, "from", N_("Coming from"), NULL, 40, 0, NULL);
	form_add_date(f, "arrived", N_("Arrived in town on"), NULL, 0, NULL);
	form_add_text(f, "household", N_("Household visited"), NULL, 32, 0, NULL);
	form_add_text(f, "reason", N_("Reason"), NULL, 40, 0, NULL);
	form_add_text(f, "phone", N_("Phone"), NULL, 20, 0, NULL);
	form_add_enum(f, "id_type", N_("Document"), model_id_type, "id", FORM_REQUIRED);
	form_add_text(f, "id_number", N_("Document number"), NULL, 24, 0, NULL);
	form_push(s->app, f, submit, form_closed);
	return SCREEN_HANDLED;
}

static int h_out(struct screen *s)
{
	struct vlog *st = s->state;
	const struct vrow *r = list_current(st->list);
	struct err e;

	if (!r)
		return SCREEN_HANDLED;
	err_clear(&e);
	if (db_visitor_leave(app_db(s->app), r->r.id, &e) < 0)
		app_error_err(s->app, &e);
	else
		app_status(s->app, _("%s left."), r->r.name);
	return SCREEN_HANDLED | SCREEN_CHANGED;
}

/* Enter: the whole of the selected row's status, which the list may cut. */
static int h_show(struct screen *s)
{
	struct vlog *st = s->state;
	const struct vrow *r = list_current(st->list);

	if (r && !r->r.admitted)
		app_error(s->app, "%s: %s", r->r.name, r->r.refusal);
	else if (r)
		app_status(s->app, "%s · %s · %s · %s", r->r.name, r->r.from_place, r->r.household,
			   r->r.reason);
	return SCREEN_HANDLED;
}

static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_show, N_("details")},
    {ACT_NEW, h_new, N_("new visitor")},
    {ACT_OUT, h_out, N_("left")},
    {ACT_CANCEL, screen_act_pop, N_("back")},
    {ACT_NONE, NULL, NULL},
};

static const struct keybind keys[] = {
    {0, 'o', ACT_OUT},
    {0, 0, ACT_NONE},
};

static const struct screen_class visitors_screen = {
    .name = N_("Visitors"),
    .keyctx = KEYCTX_BIT(KEYCTX_LIST),
    .handlers = handlers,
    .keys = keys,
    .open = v_open,
    .layout = v_layout,
    .draw = v_draw,
    .event = v_event,
    .data_changed = v_changed,
    .close = v_close,
};

int visitors_push(struct app *app, long long cp_id)
{
	return app_push(app, &visitors_screen, &cp_id);
}
