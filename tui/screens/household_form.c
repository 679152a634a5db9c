/* household_form: add or edit a household; see household_form.h. */
#include "tui/screens/household_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mask.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/phone.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/hhdetail.h"
#include "db/households.h"
#include "db/rounds.h"
#include "tui/app.h"
#include "tui/ops/household.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"

struct hform {
	struct app *app;
	long long id; /* -1: new */
	household_saved_fn saved;
	void *ctx;
	char *new_grid; /* a grid name not yet a grid, shown once: F10 again creates it */
	char *uuid;	/* the household edited, for the reveal's audit row */
};

struct grid_seen {
	const char *want;
	int found;
	struct strbuf names;
};

static int grid_cb(const struct rounds_grid *g, void *ctx)
{
	struct grid_seen *gs = ctx;

	gs->found |= !strcmp(g->name, gs->want);
	if (strbuf_str(&gs->names)[0])
		strbuf_puts(&gs->names, _(", "));
	strbuf_puts(&gs->names, g->name);
	return 0;
}

/* A grid name that is no grid yet is refused once, naming the grids, so that
 * a typo does not make a grid of its own without a word; the same name
 * saved again creates the grid.  Returns 0 to go on, -1 with e filled. */
static int confirm_new_grid(struct hform *x, const char *grid, struct err *e)
{
	struct grid_seen gs = {grid, 0, STRBUF_INIT};
	int r = 0;

	if (!*grid || (x->new_grid && !strcmp(x->new_grid, grid)))
		return 0;
	if (db_rounds_grids(app_db(x->app), grid_cb, &gs, e) < 0) {
		r = -1;
	} else if (!gs.found) {
		free(x->new_grid);
		x->new_grid = xstrdup(grid);
		err_field(e, "grid",
			  _("%s is not a grid yet: F10 again creates it (the grids: %s)."), grid,
			  strbuf_str(&gs.names)[0] ? strbuf_str(&gs.names) : "—");
		r = -1;
	}
	strbuf_free(&gs.names);
	return r;
}

static int check_code(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)c;
	(void)f;
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20)
			return err_field(e, name, "%s",
					 _("the household code holds a control character"));
	return 0;
}

static int submit(void *c, struct form *f, struct err *e)
{
	struct hform *x = c;
	struct db *db = app_db(x->app);
	struct household h;
	const char *grid = form_value(f, "grid");
	int r = -1;

	model_household_init(&h);
	if (confirm_new_grid(x, grid, e) < 0)
		return -1;
	if (x->id >= 0 && db_household_get(db, x->id, &h, e) != 1) {
		if (!e->msg[0])
			err_set(e, "%s", _("the household was deleted meanwhile"));
		goto out;
	}
#define SET(m) form_value_take(f, #m, &h.m)
	SET(code);
	SET(compound);
	SET(building);
	SET(unit);
	SET(room);
	SET(address);
	SET(phone);
	SET(notes);
#undef SET
	if (household_save(db, &h, grid, e) < 0)
		goto out;
	app_status(x->app,
		   x->id < 0 ? _("Household %s added: Enter opens it, n there adds its residents.")
			     : _("Household %s saved."),
		   h.code);
	if (x->saved)
		x->saved(x->ctx, h.id, h.code);
	r = 0;
out:
	model_household_clear(&h);
	return r;
}

/* The phone shows whole only when the user moves into it: a reveal,
 * audited as `r` on the detail screen is. */
static int reveal(void *c, struct form *f, const char *name, struct err *e)
{
	struct hform *x = c;

	(void)f;
	return db_reveal(app_db(x->app), "households", x->uuid, name, e);
}

static void done(void *c, int saved)
{
	struct hform *x = c;

	(void)saved;
	free(x->new_grid);
	free(x->uuid);
	free(x);
}

int household_form_push(struct app *app, long long id, household_saved_fn saved, void *ctx)
{
	struct hform *x = xcalloc(1, sizeof *x);
	struct household h;
	struct form *f;
	struct err e;
	char title[512]; /* the code: 64 characters of up to 4 bytes */

	err_clear(&e);
	model_household_init(&h);
	if (id >= 0) {
		int r = db_household_get(app_db(app), id, &h, &e);

		if (r != 1) {
			app_error(app, "%s",
				  r < 0 ? e.msg : _("the household was deleted meanwhile"));
			free(x);
			return -1;
		}
		x->uuid = xstrdup(h.uuid);
		snprintf(title, sizeof title, _("Household %s"), h.code);
	} else {
		snprintf(title, sizeof title, "%s", _("A new household"));
	}
	x->app = app;
	x->id = id;
	x->saved = saved;
	x->ctx = ctx;
	f = form_new(title, x);
	form_add_text(f, "code", N_("Code (e.g. 3-2-501)"), h.code, limits_max("households", "code"), FORM_REQUIRED, check_code);
	form_add_text(f, "compound", N_("Compound"), h.compound, limits_max("households", "compound"), 0, NULL);
	form_add_text(f, "building", N_("Building"), h.building, limits_max("households", "building"), 0, NULL);
	form_add_text(f, "unit", N_("Unit"), h.unit, limits_max("households", "unit"), 0, NULL);
	form_add_text(f, "room", N_("Room"), h.room, limits_max("households", "room"), 0, NULL);
	form_add_text(f, "address", N_("Address"), h.address, limits_max("households", "address"), 0, NULL);
	form_add_text(f, "grid", N_("Grid"), h.grid_name, limits_max("grids", "name"), 0, NULL);
	form_add_text(f, "phone", N_("Phone"), h.phone, limits_max("households", "phone"), 0, formcheck_phone);
	form_add_text(f, "notes", N_("Notes"), h.notes, limits_max("households", "notes"), FORM_MULTILINE, NULL);
	form_set_secret(f, "phone", mask_phone, reveal);
	model_household_clear(&h);
	return form_push(app, f, submit, done);
}
