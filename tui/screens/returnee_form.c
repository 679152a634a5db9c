/* returnee_form: isolate from the return date, or decide monitoring; see
 * returnee_form.h. */
#include "tui/screens/returnee_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/xalloc.h"
#include "db/isolations.h"
#include "db/residents.h"
#include "db/returnees.h"
#include "tui/app.h"
#include "tui/screens/iso_forms.h"
#include "tui/widgets/form.h"

struct rctx {
	struct app *app;
	long long resident_id;
	char *name; /* the resident's, whole */
	char return_date[11];
};

static const struct enum_entry decisions[] = {
    {"isolate", N_("isolate from the return date"), "自返回之日起隔离"},
    {"monitor", N_("home health monitoring, no isolation"), "居家健康监测，不隔离"},
    {NULL, NULL, NULL},
};

static void close_ctx(void *ctx, int saved)
{
	struct rctx *c = ctx;

	(void)saved;
	free(c->name);
	free(c);
}

static int submit(void *ctx, struct form *f, struct err *e)
{
	struct rctx *c = ctx;
	struct isolation_new n = {0};

	if (!strcmp(form_value(f, "decision"), "monitor")) {
		if (db_returnee_monitor(app_db(c->app), c->resident_id, form_value(f, "reason"), e) <
		    0)
			return -1;
		app_status(c->app, _("%s: home health monitoring, no isolation (%s)."), c->name,
			   form_value(f, "reason"));
		return 0;
	}
	n.resident_id = c->resident_id;
	n.kind = form_value(f, "kind");
	n.site = form_value(f, "site");
	n.reason = "key_area";
	n.start_date = c->return_date;
	n.notes = *form_value(f, "reason") ? form_value(f, "reason") : NULL;
	return iso_start_write(c->app, &n, e) < 0 ? -1 : 0;
}

int returnee_form_push(struct app *app, long long resident_id)
{
	struct rctx *c = xcalloc(1, sizeof *c);
	struct resident r;
	struct err e;
	struct form *f;
	char *who, *from;
	int found;

	err_clear(&e);
	model_resident_init(&r);
	found = db_resident_get(app_db(app), resident_id, &r, &e);
	if (found <= 0 || !r.return_date) {
		if (found < 0)
			app_error_err(app, &e);
		else
			app_error(app, "%s", _("This resident no longer exists."));
		model_resident_clear(&r);
		free(c);
		return -1;
	}
	c->app = app;
	c->resident_id = resident_id;
	c->name = xstrdup(r.name ? r.name : "");
	snprintf(c->return_date, sizeof c->return_date, "%s", r.return_date);
	/* two lines, so that 80 columns show both whole */
	who = xasprintf("%s (%s)", r.name, r.household_code ? r.household_code : "");
	from = xasprintf("%s %s", r.returned_from ? r.returned_from : "", r.return_date);
	model_resident_clear(&r);
	f = form_new(_("A returnee from a key area"), c);
	form_add_readonly(f, "who", N_("Resident"), who);
	form_add_readonly(f, "from", N_("Returned from"), from);
	free(who);
	free(from);
	form_add_enum(f, "decision", N_("Decision"), decisions, "isolate", FORM_REQUIRED);
	form_add_enum(f, "kind", N_("Isolation kind"), model_iso_kind, "home", FORM_REQUIRED);
	form_add_text(f, "site", N_("Central site"), NULL, 60, 0, NULL);
	form_add_readonly(f, "start", N_("Start date"), c->return_date);
	form_add_text(f, "reason", N_("Reason / notes"), NULL, 80, 0, NULL);
	return form_push(app, f, submit, close_ctx);
}
