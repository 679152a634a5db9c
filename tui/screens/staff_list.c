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
#include "tui/widgets/formcheck.h"
#include "tui/widgets/listscreen.h"

struct slist {
	struct app *app;
	struct volunteer_month *v; /* this month's, held whole */
	int n;
	char month[8];
	long long editing; /* the staff id the open form edits */
};

static const struct enum_entry party_choice[] = {
    {"0", N_("no"), "否"},
    {"1", N_("party member"), "党员"},
    {NULL, NULL, NULL},
};

/* This month, YYYY-MM, into month (8 bytes). */
static void this_month(char *month)
{
	char iso[DATE_STR];

	clock_today_iso(iso);
	snprintf(month, 8, "%.7s", iso);
}

/* The months read (no text of their own to free). */
static void months_free(struct volunteer_month *v, int n)
{
	(void)n;
	free(v);
}

LIST_ARRAY_LOAD(load, struct slist, month, this_month, db_volunteer_month, months_free)

static void s_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct volunteer_month *m = row;
	char buf[24];

	(void)ctx;
	if (col == 1) {
		strbuf_puts(out, model_enum_label(model_staff_role, m->role));
	} else if (col == 2) {
		strbuf_puts(out, m->party ? _("party member") : "");
	} else if (col == 3) {
		mask_append(mask_phone, m->phone, out);
	} else {
		volunteer_hours_format(m->minutes, buf, sizeof buf);
		strbuf_puts(out, buf);
	}
}

static const struct list_field cols[] = {
    {N_("Name"), 8, 2, 0, LIST_CHARS(struct volunteer_month, name)},
    {N_("Role"), 10, 1, 0, LIST_OWN},
    {N_("Party"), 12, 0, 0, LIST_OWN},
    {N_("Phone"), 12, 1, 0, LIST_OWN},
    {N_("Shifts"), 6, 0, 1, LIST_INT(struct volunteer_month, shifts)},
    {N_("Hours"), 6, 0, 1, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec spec = {cols, s_cell, NULL, NULL, 0, NULL};

static void s_title(void *own, struct strbuf *out)
{
	const struct slist *st = own;
	char hours[24];
	long total = 0;
	int party = 0;

	for (int i = 0; i < st->n; i++) {
		total += st->v[i].minutes;
		party += st->v[i].party;
	}
	volunteer_hours_format(total, hours, sizeof hours);
	strbuf_printf(out, _("Staff: %d, %d party members · volunteer hours in %s: %s"), st->n,
		      party, st->month, hours);
}

static void s_free(void *own)
{
	struct slist *st = own;

	free(st->v);
	free(st);
}

static const struct listscreen_def def = {
    &spec, N_("No staff yet: F3 adds the one on duty."), load, s_title, s_free, 0,
};

static int s_open(struct screen *s, void *arg, struct err *e)
{
	struct slist *st = xcalloc(1, sizeof *st);

	(void)arg;
	st->app = s->app;
	return listscreen_open(s, &def, st, e);
}

/* ---- the form ---- */

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

static int h_edit(struct screen *s)
{
	struct slist *st = listscreen_own(s);
	const struct volunteer_month *m = listscreen_current(s);
	struct form *f;
	char title[480];

	if (!m)
		return SCREEN_HANDLED;
	st->editing = m->staff_id;
	snprintf(title, sizeof title, "%s", m->name);
	f = form_new(title, st);
	form_add_text(f, "phone", N_("Phone"), m->phone, 20, 0, formcheck_phone);
	form_add_enum(f, "role", N_("Role"), model_staff_role, m->role, FORM_REQUIRED);
	form_add_enum(f, "party", N_("Party member (党员)"), party_choice, m->party ? "1" : "0",
		      FORM_REQUIRED);
	form_push(s->app, f, submit, NULL);
	return SCREEN_HANDLED;
}

static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_edit, N_("edit")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class staff_screen =
    LISTSCREEN_CLASS(N_("Staff"), SCREEN_KIND_SUBLIST, NULL, handlers, s_open, NULL);

int staff_list_push(struct app *app)
{
	return app_push(app, &staff_screen, NULL);
}
