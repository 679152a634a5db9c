/* gate_temp: record an outing with a temperature; see gate_temp.h. */
#include "tui/screens/gate_temp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/temperature.h"
#include "core/xalloc.h"
#include "tui/app.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"

struct gtctx {
	struct app *app;
	long long pass_id, cp_id;
	struct enum_entry *members; /* codes are the residents' ids */
	char (*codes)[24];
	char (*names)[64]; /* copied: the gate's info is reloaded meanwhile */
	size_t n;
};

static void close_ctx(void *ctx, int saved)
{
	struct gtctx *c = ctx;

	(void)saved;
	free(c->members);
	free(c->codes);
	free(c->names);
	free(c);
}

static int submit(void *ctx, struct form *f, struct err *e)
{
	struct gtctx *c = ctx;
	const char *dir = form_value(f, "direction");
	char t[8];
	int tenths;

	if (temperature_parse(form_value(f, "temp"), &tenths, NULL) < 0)
		return err_field(e, "temp", "%s", _("temperature: 34.0 to 43.0 °C"));
	if (db_gate_record_temp(app_db(c->app), c->pass_id, c->cp_id, -1, dir,
				atoll(form_value(f, "who")), tenths, NULL, e) < 0) {
		/* The rule refused (or a fever): the form has done its part. */
		if (!strcmp(e->field, "pass_no") || !strcmp(e->field, "temperature")) {
			app_error_err(c->app, e);
			return 0;
		}
		return -1;
	}
	temperature_format(tenths, t);
	app_status(c->app,
		   !strcmp(dir, "out") ? _("Going out recorded, %s °C.")
				       : _("Coming back recorded, %s °C."),
		   t);
	return 0;
}

int gate_temp_push(struct app *app, const struct gate_info *g, long long cp_id)
{
	struct gtctx *c;
	struct form *f;

	if (!g->n_members) {
		app_error(app, "%s", _("This household has no member to take a temperature of."));
		return -1;
	}
	c = xcalloc(1, sizeof *c);
	c->app = app;
	c->pass_id = g->pass.id;
	c->cp_id = cp_id;
	c->n = g->n_members;
	c->members = xcalloc(c->n + 1, sizeof *c->members);
	c->codes = xcalloc(c->n, sizeof *c->codes);
	c->names = xcalloc(c->n, sizeof *c->names);
	for (size_t i = 0; i < c->n; i++) {
		snprintf(c->codes[i], sizeof c->codes[i], "%lld", g->members[i].id);
		snprintf(c->names[i], sizeof c->names[i], "%s", g->members[i].name);
		/* a name is no msgid: gettext hands it back unchanged */
		c->members[i] = (struct enum_entry){c->codes[i], c->names[i], c->names[i]};
	}
	f = form_new(_("Outing with a temperature"), c);
	form_add_readonly(f, "hh", N_("Household"), g->pass.household_code);
	form_add_enum(f, "who", N_("Who"), c->members, c->codes[0], FORM_REQUIRED);
	form_add_enum(f, "direction", N_("Direction"), model_direction, "out", FORM_REQUIRED);
	form_add_number(f, "temp", N_("Temperature (°C)"), NULL, 5, FORM_REQUIRED, formcheck_temp);
	return form_push(app, f, submit, close_ctx);
}
