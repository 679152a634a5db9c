/* followup_form: refer and close a follow-up case; see followup_form.h. */
#include "tui/screens/followup_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/followup.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/temperature.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/followups.h"
#include "tui/app.h"
#include "tui/ops/followup.h"
#include "tui/widgets/form.h"

struct fuctx {
	struct app *app;
	struct followup fu;
};

/* followup_outcome with "still open" first. */
static const struct enum_entry *outcome_table(void)
{
	static struct enum_entry t[16];

	if (!t[0].code)
		model_enum_prepend(t, 16, (struct enum_entry){"open", N_("still open"), "未结案"},
				   followup_outcome);
	return t;
}

static void close_ctx(void *ctx, int saved)
{
	struct fuctx *c = ctx;

	(void)saved;
	db_followup_clear(&c->fu);
	free(c);
}

static int check_time(void *ctx, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)ctx;
	(void)f;
	if (*v && clock_parse_hhmm(v) < 0)
		return err_field(e, name, "%s", _("the time is HH:MM, e.g. 14:30"));
	return 0;
}

static int submit(void *ctx, struct form *f, struct err *e)
{
	struct fuctx *c = ctx;
	struct db *db = app_db(c->app);
	const char *clinic = form_value(f, "clinic"), *outcome = form_value(f, "outcome");
	const char *time = form_value(f, "time");
	struct followup_isolation iso = {form_value(f, "kind"), form_value(f, "site")};
	struct followup_action act;
	char at[20], today[DATE_STR];
	int refer = *clinic && (strcmp(clinic, c->fu.clinic) || !c->fu.referred_at[0]);
	int close = strcmp(outcome, "open") != 0;

	if (!refer && !close)
		return err_field(e, "clinic", "%s",
				 _("give the fever clinic it was referred to, or an outcome"));
	if (close && followup_outcome_isolates(outcome) && !strcmp(iso.kind, "central") &&
	    !*iso.site)
		return err_field(e, "site", "%s", _("a central isolation needs the site's name"));
	clock_today_iso(today);
	if (*time) {
		unsigned m = (unsigned)clock_parse_hhmm(time); /* the form checked it */

		snprintf(at, sizeof at, "%s %02u:%02u", today, m / 60 % 24, m % 60);
	}
	act.clinic = refer ? clinic : NULL;
	act.at = *time ? at : NULL;
	act.transport = form_value(f, "transport");
	act.outcome = close ? outcome : NULL;
	act.notes = form_value(f, "notes");
	act.iso = &iso;
	if (followup_act(db, c->fu.id, &act, e) < 0)
		return -1;
	if (close) {
		const struct enum_entry *o = model_enum_find(followup_outcome, outcome);

		app_status(c->app, _("Follow-up of %s closed: %s."), c->fu.name, _(o->label));
	} else {
		app_status(c->app, _("%s referred to %s; the follow-up stays open."), c->fu.name,
			   clinic);
	}
	return 0;
}

int followup_form_push(struct app *app, long long id)
{
	struct fuctx *c = xcalloc(1, sizeof *c);
	const struct enum_entry *src;
	struct strbuf what = STRBUF_INIT;
	struct form *f;
	struct err e;
	char t[8], hhmm[6] = "";
	int r;

	err_clear(&e);
	c->app = app;
	r = db_followup_get(app_db(app), id, &c->fu, &e);
	if (r <= 0 || c->fu.closed_at[0]) {
		if (r < 0)
			app_error_err(app, &e);
		else
			app_error(app, "%s", _("This follow-up is closed or no longer exists."));
		db_followup_clear(&c->fu);
		free(c);
		return -1;
	}
	src = model_enum_find(followup_source, c->fu.source);
	strbuf_puts(&what, c->fu.name);
	if (c->fu.temperature) {
		temperature_format(c->fu.temperature, t);
		strbuf_printf(&what, " %s °C", t);
	}
	if (c->fu.symptoms[0])
		strbuf_printf(&what, " %s", c->fu.symptoms);
	strbuf_printf(&what, " · %.11s %s", c->fu.opened_at + 5,
		      src ? _(src->label) : c->fu.source);
	f = form_new(_("Fever follow-up"), c);
	form_add_readonly(f, "who", N_("Case"), strbuf_str(&what));
	form_add_readonly(f, "household", N_("Household"), c->fu.household);
	strbuf_free(&what);
	if (c->fu.referred_at[0]) /* "YYYY-MM-DD HH:MM:SS": the form takes HH:MM */
		snprintf(hhmm, sizeof hhmm, "%.5s", c->fu.referred_at + 11);
	form_add_number(f, "time", N_("Referred at (HH:MM)"), hhmm[0] ? hhmm : NULL, 5, 0,
			check_time);
	form_add_text(f, "clinic", N_("Fever clinic"), c->fu.clinic, 60, 0, NULL);
	form_add_text(f, "transport", N_("Transport"), c->fu.transport, 40, 0, NULL);
	form_add_enum(f, "outcome", N_("Outcome"), outcome_table(), "open", FORM_REQUIRED);
	form_add_enum(f, "kind", N_("If isolated: kind"), model_iso_kind, "home", FORM_REQUIRED);
	form_add_text(f, "site", N_("Central site"), NULL, 60, 0, NULL);
	form_add_text(f, "notes", N_("Notes"), NULL, 80, 0, NULL);
	return form_push(app, f, submit, close_ctx);
}
