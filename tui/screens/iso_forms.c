/* iso_forms: start, check, extend, restart and end an isolation; see
 * iso_forms.h. */
#include "tui/screens/iso_forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/isolation.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/release.h"
#include "core/returnee.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/temperature.h"
#include "core/xalloc.h"
#include "db/isolation_list.h"
#include "db/isolations.h"
#include "db/residents.h"
#include "db/visitors.h"
#include "tui/app.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"
#include "tui/widgets/respick.h"
#include "tui/widgets/screen.h"

/* What every form keeps: the isolation (or resident) it is about. */
struct fctx {
	struct app *app;
	long long id;	    /* the isolation's, or the resident's for a start */
	struct iso_row row; /* the isolation as the form opened (not for a start) */
	iso_saved_fn saved;
	void *sctx;
};

static struct fctx *fctx_new(struct app *app, long long id, iso_saved_fn saved, void *sctx)
{
	struct fctx *c = xcalloc(1, sizeof *c);

	c->app = app;
	c->id = id;
	c->saved = saved;
	c->sctx = sctx;
	return c;
}

static void fctx_close(void *ctx, int saved)
{
	struct fctx *c = ctx;

	(void)saved;
	db_iso_row_clear(&c->row);
	free(c);
}

/* Reads the isolation of a form; 0, or -1 with the reason shown. */
static int load_row(struct fctx *c)
{
	struct err e;
	int r;

	err_clear(&e);
	r = db_iso_row(app_db(c->app), c->id, &c->row, &e);
	if (r < 0)
		app_error_err(c->app, &e);
	else if (r == 0)
		app_error(c->app, "%s", _("This isolation no longer exists."));
	return r == 1 ? 0 : -1;
}

/* "张三 (3-2-501), day 5 of 14" */
static void describe(const struct iso_row *r, char *out, size_t n)
{
	snprintf(out, n, _("%s (%s), day %d of %d"), r->name ? r->name : "",
		 r->household ? r->household : "", r->day, r->days + r->extended_days);
}

static int refuse_future(const char *name, const char *v, struct err *e)
{
	char today[DATE_STR];

	clock_today_iso(today);
	if (strcmp(v, today) > 0)
		return err_field(e, name, _("%s is in the future: today is %s"), v, today);
	return 0;
}

/* ---- start ---- */

static int check_site(void *ctx, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)ctx;
	if (!strcmp(form_value(f, "kind"), "central") && !*v)
		return err_field(e, name, "%s", _("a central isolation needs the site's name"));
	return 0;
}

static int check_days(void *ctx, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)ctx;
	(void)f;
	return formcheck_range(name, v, 1, 60, _("isolation days: a whole number from 1 to 60"), e);
}

long long iso_start_write(struct app *app, const struct isolation_new *n, struct err *e)
{
	struct isolation iso = {0};
	long long id = db_isolation_start(app_db(app), n, e);

	if (id < 0)
		return -1;
	if (db_isolation_get(app_db(app), id, &iso, e) == 1)
		app_status(app, _("Isolation started on %s: %d days, last day %s."), iso.start_date,
			   iso.days, iso.last_day);
	db_isolation_clear(&iso);
	return id;
}

static int start_submit(void *ctx, struct form *f, struct err *e)
{
	struct fctx *c = ctx;
	struct isolation_new n = {0};
	int central = !strcmp(form_value(f, "kind"), "central");
	long long id;

	n.resident_id = c->id;
	n.kind = form_value(f, "kind");
	n.site = central ? form_value(f, "site") : NULL;
	n.reason = form_value(f, "reason");
	n.start_date = form_value(f, "start");
	formcheck_int(form_value(f, "days"), -1000, 1000, &n.days);
	n.notes = *form_value(f, "notes") ? form_value(f, "notes") : NULL;
	id = iso_start_write(c->app, &n, e);
	if (id < 0)
		return -1;
	if (c->saved)
		c->saved(c->sctx, id);
	return 0;
}

/* A returnee from a key area inside the window is proposed an isolation
 * that starts on the return date (core/returnee): start gets that date. */
static void proposed_start(struct app *app, const struct resident *r, char start[DATE_STR])
{
	struct returnee_facts f = {0};
	char *areas;
	struct err e;

	err_clear(&e);
	if (!r->return_date || !r->returned_from ||
	    date_parse_iso(r->return_date, &f.returned, NULL) < 0 ||
	    !(areas = db_key_areas(app_db(app), &e)))
		return;
	f.returned_from = r->returned_from;
	f.key_areas = areas;
	f.isolation_days = app_settings(app)->isolation_days;
	clock_today(&f.today);
	if (returnee_state(&f, NULL, 0) != RETURNEE_CLEAR)
		snprintf(start, DATE_STR, "%s", r->return_date);
	free(areas);
}

int iso_start_push(struct app *app, long long resident_id, iso_saved_fn saved, void *ctx)
{
	struct resident r;
	struct isolation cur = {0};
	struct err e;
	struct fctx *c;
	struct form *f;
	char who[1024], days[8], today[DATE_STR];
	int found;

	err_clear(&e);
	model_resident_init(&r);
	found = db_resident_get(app_db(app), resident_id, &r, &e);
	if (found <= 0) {
		if (found < 0)
			app_error_err(app, &e);
		else
			app_error(app, "%s", _("This resident no longer exists."));
		model_resident_clear(&r);
		return -1;
	}
	found = db_isolation_active_for(app_db(app), resident_id, &cur, &e);
	if (found != 0) {
		if (found < 0)
			app_error_err(app, &e);
		else
			app_error(app,
				  _("%s is already in isolation since %s: extend, restart or end "
				    "it instead."),
				  r.name, cur.start_date);
		model_resident_clear(&r);
		db_isolation_clear(&cur);
		return -1;
	}
	snprintf(who, sizeof who, "%s (%s)", r.name, r.household_code ? r.household_code : "");
	snprintf(days, sizeof days, "%d", app_settings(app)->isolation_days);
	clock_today_iso(today);
	proposed_start(app, &r, today);
	model_resident_clear(&r);
	c = fctx_new(app, resident_id, saved, ctx);
	f = form_new(_("Start an isolation"), c);
	form_add_readonly(f, "who", N_("Resident"), who);
	form_add_enum(f, "kind", N_("Kind"), model_iso_kind, "home", FORM_REQUIRED);
	form_add_text(f, "site", N_("Central site"), NULL, limits_max("isolations", "site"), 0,
		      check_site);
	form_add_enum(f, "reason", N_("Reason"), model_iso_reason, "key_area", FORM_REQUIRED);
	form_add_date(f, "start", N_("Start date"), today, FORM_REQUIRED, NULL);
	form_add_number(f, "days", N_("Days"), days, 2, FORM_REQUIRED, check_days);
	form_add_text(f, "notes", N_("Notes"), NULL, limits_max("isolations", "notes"), 0, NULL);
	return form_push(app, f, start_submit, fctx_close);
}

struct pick_then {
	struct app *app;
	iso_saved_fn saved;
	void *ctx;
};

static int picked(void *ctx, long long resident_id)
{
	struct pick_then p = *(struct pick_then *)ctx;

	free(ctx);
	if (resident_id >= 0)
		iso_start_push(p.app, resident_id, p.saved, p.ctx);
	return 0;
}

int iso_start_pick(struct app *app, iso_saved_fn saved, void *ctx)
{
	struct pick_then *p = xcalloc(1, sizeof *p);

	p->app = app;
	p->saved = saved;
	p->ctx = ctx;
	if (respick_push(app, _("Start an isolation: who?"), picked, p) < 0) {
		free(p);
		return -1;
	}
	return 0;
}

/* ---- check ---- */

/* model_symptom with "none" first, for the optional symptom fields. */
static const struct enum_entry *symptom_table(void)
{
	static struct enum_entry t[32];

	if (!t[0].code)
		model_enum_prepend(t, 32, (struct enum_entry){"none", N_("none"), "无"},
				   model_symptom);
	return t;
}

static int check_date_after_start(void *ctx, struct form *f, const char *name, const char *v,
				  struct err *e)
{
	struct fctx *c = ctx;

	(void)f;
	if (strcmp(v, c->row.start_date) < 0)
		return err_field(e, name, _("%s is before the isolation started (%s)"), v,
				 c->row.start_date);
	return refuse_future(name, v, e);
}

static int check_submit(void *ctx, struct form *f, struct err *e)
{
	struct fctx *c = ctx;
	struct isolation_check k = {0};
	struct strbuf sym = STRBUF_INIT;
	const char *s1 = form_value(f, "sym1"), *s2 = form_value(f, "sym2");
	char temp[8];
	int t = 0, late = 0;
	long long id;

	if (*form_value(f, "temp") && temperature_parse(form_value(f, "temp"), &t, NULL) < 0)
		return err_field(e, "temp", "%s", _("temperature: 34.0 to 43.0 °C"));
	if (*s1 && strcmp(s1, "none"))
		strbuf_puts(&sym, s1);
	if (*s2 && strcmp(s2, "none") && strcmp(s2, s1)) {
		if (sym.len)
			strbuf_puts(&sym, ",");
		strbuf_puts(&sym, s2);
	}
	k.date = form_value(f, "date");
	k.slot = form_value(f, "slot");
	k.temperature = t;
	k.symptoms = sym.len ? strbuf_str(&sym) : NULL;
	k.method = form_value(f, "method");
	k.unmeasured = form_value(f, "unmeasured");
	k.staff_id = -1;
	id = db_isolation_check(app_db(c->app), c->id, &k, &late, e);
	strbuf_free(&sym);
	if (id < 0)
		return -1;
	temperature_format(t, temp);
	if (t && temperature_is_fever(t, app_settings(c->app)->fever_threshold))
		app_error(c->app, _("FEVER: %s %s °C (%s %s). Report it to the health station."),
			  c->row.name, temp, k.date, _(k.slot));
	else if (late)
		app_status(c->app,
			   _("%s check of %s recorded for %s, marked late (after the end)."),
			   _(k.slot), k.date, c->row.name);
	else if (t)
		app_status(c->app, _("%s check of %s recorded for %s: %s °C."), _(k.slot), k.date,
			   c->row.name, temp);
	else if (*k.unmeasured)
		app_status(c->app, _("%s check of %s recorded for %s: not measured (%s)."),
			   _(k.slot), k.date, c->row.name, k.unmeasured);
	else
		app_status(c->app, _("%s check of %s recorded for %s (no temperature)."), _(k.slot),
			   k.date, c->row.name);
	if (c->saved)
		c->saved(c->sctx, c->id);
	return 0;
}

int iso_check_push(struct app *app, long long isolation_id, iso_saved_fn saved, void *ctx)
{
	struct fctx *c = fctx_new(app, isolation_id, saved, ctx);
	const struct settings *set = app_settings(app);
	char who[1024], today[DATE_STR];
	int cut = clock_parse_hhmm(set->am_cutoff);
	enum isolation_slot slot;
	struct form *f;

	if (load_row(c) < 0) {
		fctx_close(c, 0);
		return -1;
	}
	describe(&c->row, who, sizeof who);
	clock_today_iso(today);
	slot = isolation_slot_for(clock_minutes(), cut < 0 ? 12 * 60 : cut);
	f = form_new(_("Record a check"), c);
	form_add_readonly(f, "who", N_("Resident"), who);
	form_add_number(f, "temp", N_("Temperature (°C)"), NULL, 5, 0, formcheck_temp);
	form_add_enum(f, "sym1", N_("Symptom"), symptom_table(), "none", 0);
	form_add_enum(f, "sym2", N_("Another symptom"), symptom_table(), "none", 0);
	form_add_text(f, "unmeasured", N_("Not measured: why"), NULL, 60, 0, NULL);
	form_add_enum(f, "method", N_("Method"), model_check_method, "in_person", FORM_REQUIRED);
	form_add_enum(f, "slot", N_("Slot"), model_slot, isolation_slot_code(slot), FORM_REQUIRED);
	form_add_date(f, "date", N_("Date"), today, FORM_REQUIRED, check_date_after_start);
	return form_push(app, f, check_submit, fctx_close);
}

/* ---- extend ---- */

static int check_extend(void *ctx, struct form *f, const char *name, const char *v, struct err *e)
{
	struct fctx *c = ctx;
	struct isolation_span span;
	struct date start, today;
	int n, total;

	(void)f;
	if (formcheck_int(v, -1000, 1000, &n) < 0 || n == 0)
		return err_field(e, name, "%s",
				 _("a number of days other than 0 (negative shortens)"));
	date_parse_iso(c->row.start_date, &start, NULL);
	clock_today(&today);
	isolation_span_compute(&start, c->row.days, c->row.extended_days, &span);
	total = span.total_days + n;
	if (total < 1)
		return err_field(e, name, "%s", _("an isolation lasts at least 1 day"));
	if (isolation_extend_check(&span, &today, total, NULL) < 0)
		return err_field(e, name, _("cannot shorten to %d days: today is already day %d"),
				 total, isolation_day_number(&span, &today));
	if (c->row.extended_days + n < 0)
		return err_field(e, name, _("cannot be shorter than the %d days it started with"),
				 c->row.days);
	return 0;
}

static int extend_submit(void *ctx, struct form *f, struct err *e)
{
	struct fctx *c = ctx;
	struct isolation iso = {0};
	int n = 0;

	formcheck_int(form_value(f, "by"), -1000, 1000, &n);
	if (db_isolation_extend(app_db(c->app), c->id, n, e) < 0)
		return -1;
	if (db_isolation_get(app_db(c->app), c->id, &iso, e) == 1)
		app_status(c->app, _("%s: now %d days, last day %s."), c->row.name,
			   iso.days + iso.extended_days, iso.last_day);
	db_isolation_clear(&iso);
	if (c->saved)
		c->saved(c->sctx, c->id);
	return 0;
}

static int ended_refused(struct fctx *c)
{
	if (c->row.flags & ISO_ENDED) {
		app_error(c->app, _("This isolation already ended on %s."), c->row.end_date);
		return 1;
	}
	return 0;
}

int iso_extend_push(struct app *app, long long isolation_id, iso_saved_fn saved, void *ctx)
{
	struct fctx *c = fctx_new(app, isolation_id, saved, ctx);
	char who[1024], last[40];
	struct form *f;

	if (load_row(c) < 0 || ended_refused(c)) {
		fctx_close(c, 0);
		return -1;
	}
	describe(&c->row, who, sizeof who);
	snprintf(last, sizeof last, "%s", c->row.last_day);
	f = form_new(_("Extend the isolation"), c);
	form_add_readonly(f, "who", N_("Resident"), who);
	form_add_readonly(f, "last", N_("Last day"), last);
	form_add_number(f, "by", N_("Extend by (days)"), "7", 4, FORM_REQUIRED, check_extend);
	return form_push(app, f, extend_submit, fctx_close);
}

/* ---- restart ---- */

static int restart_submit(void *ctx, struct form *f, struct err *e)
{
	struct fctx *c = ctx;
	struct isolation iso = {0};
	long long id = db_isolation_restart(app_db(c->app), c->id, form_value(f, "start"), e);

	if (id < 0)
		return -1;
	if (db_isolation_get(app_db(c->app), id, &iso, e) == 1)
		app_status(c->app, _("%s: a new count of %d days from %s, last day %s."),
			   c->row.name, iso.days, iso.start_date, iso.last_day);
	db_isolation_clear(&iso);
	if (c->saved)
		c->saved(c->sctx, id);
	return 0;
}

int iso_restart_push(struct app *app, long long isolation_id, iso_saved_fn saved, void *ctx)
{
	struct fctx *c = fctx_new(app, isolation_id, saved, ctx);
	char who[1024], today[DATE_STR], what[200];
	struct form *f;

	if (load_row(c) < 0 || ended_refused(c)) {
		fctx_close(c, 0);
		return -1;
	}
	describe(&c->row, who, sizeof who);
	clock_today_iso(today);
	snprintf(what, sizeof what, _("a new count of %d days; the old one is kept"), c->row.days);
	f = form_new(_("Restart after a new exposure"), c);
	form_add_readonly(f, "who", N_("Resident"), who);
	form_add_readonly(f, "what", N_("Restart"), what);
	form_add_date(f, "start", N_("New start date"), today, FORM_REQUIRED,
		      check_date_after_start);
	return form_push(app, f, restart_submit, fctx_close);
}

/* ---- end ---- */

/* model_iso_end without "restarted" (that one only a restart writes). */
static const struct enum_entry *end_table(void)
{
	static struct enum_entry t[16];

	if (!t[0].code) {
		int n = 0;

		for (int i = 0; model_iso_end[i].code && n < 14; i++)
			if (strcmp(model_iso_end[i].code, "restarted"))
				t[n++] = model_iso_end[i];
		t[n] = (struct enum_entry){NULL, NULL, NULL};
	}
	return t;
}

static int end_submit(void *ctx, struct form *f, struct err *e)
{
	struct fctx *c = ctx;
	const struct enum_entry *why = model_enum_find(model_iso_end, form_value(f, "reason"));

	if (db_isolation_end_override(app_db(c->app), c->id, form_value(f, "reason"),
				      form_value(f, "date"), form_value(f, "override"), e) < 0)
		return -1;
	if (release_override_given(form_value(f, "override")) &&
	    !strcmp(form_value(f, "reason"), "completed"))
		app_status(c->app, _("Isolation of %s ended on %s: %s (released anyway: %s)."),
			   c->row.name, form_value(f, "date"),
			   why ? _(why->label) : form_value(f, "reason"),
			   form_value(f, "override"));
	else
		app_status(c->app, _("Isolation of %s ended on %s: %s."), c->row.name,
			   form_value(f, "date"), why ? _(why->label) : form_value(f, "reason"));
	if (c->saved)
		c->saved(c->sctx, c->id);
	return 0;
}

int iso_end_push(struct app *app, long long isolation_id, iso_saved_fn saved, void *ctx)
{
	struct fctx *c = fctx_new(app, isolation_id, saved, ctx);
	char who[1024], today[DATE_STR];
	struct form *f;
	int due;

	if (load_row(c) < 0 || ended_refused(c)) {
		fctx_close(c, 0);
		return -1;
	}
	describe(&c->row, who, sizeof who);
	clock_today_iso(today);
	due = (c->row.flags & (ISO_DUE_RELEASE | ISO_ENDS_TODAY)) != 0;
	f = form_new(_("End the isolation"), c);
	form_add_readonly(f, "who", N_("Resident"), who);
	form_add_enum(f, "reason", N_("Reason"), end_table(), due ? "completed" : NULL,
		      FORM_REQUIRED);
	form_add_date(f, "date", N_("End date"), today, FORM_REQUIRED, check_date_after_start);
	form_add_text(f, "override", N_("Release anyway: reason"), NULL, 80, 0, NULL);
	return form_push(app, f, end_submit, fctx_close);
}
