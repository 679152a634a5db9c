/* settings_screen: the settings form; see settings_screen.h. */
#include "tui/screens/settings_screen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/returnee.h"
#include "core/settings.h"
#include "core/temperature.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/settings.h"
#include "db/site_checks.h"
#include "db/visitors.h"
#include "tui/app.h"
#include "tui/ops/settings.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"
#include "tui/screens/merge_screen.h"

struct ctx {
	struct app *app;
};

static int check_fever(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	char buf[8];
	int t;

	(void)c;
	if (settings_parse_fever(v, &t, e) < 0) {
		if (e)
			snprintf(e->field, sizeof e->field, "%s", name);
		return -1;
	}
	temperature_format(t, buf);
	form_set(f, name, buf);
	return 0;
}

static int check_count(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)c;
	(void)f;
	return formcheck_range(name, v, 1, 365, _("a whole number of days or hours, 1 to 365"), e);
}

static int check_file(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)c;
	(void)f;
	if (*v && access(v, R_OK) < 0)
		return err_field(e, name, _("cannot read %s: %s"), v, strerror(errno));
	return 0;
}

static int check_areas(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	struct strbuf canon = STRBUF_INIT;
	int r = returnee_key_areas_canon(v, &canon, e);

	(void)c;
	if (r == 0 && strcmp(strbuf_str(&canon), v))
		form_set(f, name, strbuf_str(&canon));
	strbuf_free(&canon);
	return r;
}

/* Who takes the checks of isolation elsewhere. */
static const struct enum_entry checks_by[] = {
    {"0", N_("the site"), "隔离点"},
    {"1", N_("the committee"), "居委会"},
    {NULL, NULL, NULL},
};

/* The settings row, the key areas and who checks isolation elsewhere
 * (columns the struct does not carry): ops/settings, one transaction. */
static int save(struct db *db, const struct settings *s, const struct form *f, struct err *e)
{
	return settings_save(db, s, form_value(f, "key_areas"),
			     !strcmp(form_value(f, "checks_central"), "1"),
			     !strcmp(form_value(f, "checks_hospital"), "1"), e);
}

static int submit(void *c, struct form *f, struct err *e)
{
	struct ctx *x = c;
	struct settings s;
	int r;

	settings_copy(&s, app_settings(x->app));
	xstrset(&s.community, form_value(f, "community"));
	xstrset(&s.street, form_value(f, "street"));
	xstrset(&s.district, form_value(f, "district"));
	if (settings_parse_fever(form_value(f, "fever"), &s.fever_threshold, e) < 0) {
		settings_clear(&s);
		if (e)
			snprintf(e->field, sizeof e->field, "fever");
		return -1;
	}
	formcheck_int(form_value(f, "iso_days"), 0, 100000, &s.isolation_days);
	snprintf(s.am_cutoff, sizeof s.am_cutoff, "%s", form_value(f, "am"));
	snprintf(s.pm_cutoff, sizeof s.pm_cutoff, "%s", form_value(f, "pm"));
	formcheck_int(form_value(f, "outing"), 0, 100000, &s.outing_days);
	formcheck_int(form_value(f, "out_alert"), 0, 100000, &s.out_alert_hours);
	formcheck_int(form_value(f, "notice_days"), 0, 100000, &s.notice_days);
	snprintf(s.supervision_phone, sizeof s.supervision_phone, "%s",
		 form_value(f, "supervision_phone"));
	xstrset(&s.output_dir, form_value(f, "output_dir"));
	r = save(app_db(x->app), &s, f, e);
	settings_clear(&s);
	if (r < 0)
		return -1;
	app_settings_reload(x->app);
	app_status(x->app, "%s", _("Settings saved."));
	/* The merge preview opens over the screen the form closes to. */
	if (*form_value(f, "merge") && merge_screen_push(x->app, form_value(f, "merge"), e) < 0) {
		snprintf(e->field, sizeof e->field, "merge");
		return -1;
	}
	return 0;
}

int settings_screen_push(struct app *app)
{
	const struct settings *s = app_settings(app);
	struct ctx *c = xcalloc(1, sizeof *c);
	struct form *f = form_new(_("Settings"), c);
	char fever[16], iso[16], outing[16], alert[16], notice[16], station[2] = {s->station, 0};
	char *areas;
	struct err e;
	int central = 0, hospital = 0;

	c->app = app;
	snprintf(fever, sizeof fever, "%d.%d", s->fever_threshold / 10, s->fever_threshold % 10);
	snprintf(iso, sizeof iso, "%d", s->isolation_days);
	snprintf(outing, sizeof outing, "%d", s->outing_days);
	snprintf(alert, sizeof alert, "%d", s->out_alert_hours);
	snprintf(notice, sizeof notice, "%d", s->notice_days);
	form_add_text(f, "community", N_("Community"), s->community,
		      limits_max("settings", "community"), FORM_REQUIRED, NULL);
	form_add_text(f, "street", N_("Street office"), s->street, limits_max("settings", "street"),
		      0, NULL);
	form_add_text(f, "district", N_("District"), s->district,
		      limits_max("settings", "district"), 0, NULL);
	form_add_readonly(f, "station", N_("Station code"), station);
	form_add_number(f, "fever", N_("Fever threshold (°C)"), fever, 5, FORM_REQUIRED,
			check_fever);
	form_add_number(f, "iso_days", N_("Isolation days"), iso, 3, FORM_REQUIRED, check_count);
	err_clear(&e);
	areas = db_key_areas(app_db(app), &e);
	form_add_text(f, "key_areas", N_("Key areas (湖北,武汉)"),
		      areas ? areas : RETURNEE_KEY_AREAS_DEFAULT, RETURNEE_KEY_AREAS_MAX,
		      FORM_REQUIRED, check_areas);
	free(areas);
	if (db_site_checks_get(app_db(app), &central, &hospital, &e) < 0)
		app_error_err(app, &e);
	form_add_enum(f, "checks_central", N_("Central isolation checked by"), checks_by,
		      central ? "1" : "0", FORM_REQUIRED);
	form_add_enum(f, "checks_hospital", N_("Hospital isolation checked by"), checks_by,
		      hospital ? "1" : "0", FORM_REQUIRED);
	form_add_number(f, "am", N_("AM check cut-off"), s->am_cutoff, 5, FORM_REQUIRED,
			formcheck_time);
	form_add_number(f, "pm", N_("PM check cut-off"), s->pm_cutoff, 5, FORM_REQUIRED,
			formcheck_time);
	form_add_number(f, "outing", N_("Days between outings"), outing, 3, FORM_REQUIRED,
			check_count);
	form_add_number(f, "out_alert", N_("Out-alert hours"), alert, 3, FORM_REQUIRED,
			check_count);
	form_add_number(f, "notice_days", N_("Donation notice days"), notice, 3, FORM_REQUIRED,
			check_count);
	form_add_text(f, "supervision_phone", N_("Supervision phone (donation notice)"),
		      s->supervision_phone, 20, 0, NULL);
	form_add_text(f, "output_dir", N_("Output folder (~ is home)"), s->output_dir,
		      limits_max("settings", "output_dir"), FORM_REQUIRED, NULL);
	form_add_text(f, "merge", N_("Merge another machine's file"), NULL, 0, 0, check_file);
	return form_push(app, f, submit, form_close_free);
}
