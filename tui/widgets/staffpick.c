/* staffpick: who is on duty; see staffpick.h. */
#include "tui/widgets/staffpick.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/limits.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/settings.h"
#include "db/staff.h"
#include "tui/app.h"
#include "tui/widgets/form.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/screen.h"

struct pick {
	struct app *app;
	int at_start;
	char **names;
	int n, cap;
};

static int collect(const struct staff_member *m, void *ctx)
{
	struct pick *p = ctx;

	XGROW(p->names, p->cap, p->n + 1, 16);
	p->names[p->n++] = xstrdup(m->name);
	return 0;
}

static void pick_free(struct pick *p)
{
	xfree_strv(p->names, (size_t)p->n);
	free(p);
}

/* Makes name the staff on duty: added when new, remembered for next time. */
static int take(struct app *app, const char *name, struct err *e)
{
	if (db_staff_ensure(app_db(app), name, "grid_worker", e) < 0)
		return -1;
	if (db_settings_set_last_staff(app_db(app), name, e) < 0)
		return -1;
	db_set_staff(app_db(app), name);
	app_settings_reload(app);
	app_status(app, _("On duty: %s"), name);
	return 0;
}

static int new_submit(void *ctx, struct form *f, struct err *e)
{
	struct pick *p = ctx;

	return take(p->app, form_value(f, "name"), e);
}

static void new_close(void *ctx, int saved)
{
	struct pick *p = ctx;

	if (!saved && p->at_start)
		staffpick_push(p->app, 1); /* back to the list: someone must be on duty */
	pick_free(p);
}

static int picked(void *ctx, int index)
{
	struct pick *p = ctx;
	struct err e;
	int flags = 0;

	err_clear(&e);
	if (index < 0) {
		flags = p->at_start ? SCREEN_QUIT : 0;
	} else if (index == p->n) {
		struct form *f = form_new(_("A new staff member"), p);

		form_add_text(f, "name", N_("Name"), "", limits_max("staff", "name"), FORM_REQUIRED, NULL);
		form_push(p->app, f, new_submit, new_close);
		return SCREEN_CHANGED;
	} else if (take(p->app, p->names[index], &e) < 0) {
		app_error_err(p->app, &e);
	} else {
		flags = SCREEN_CHANGED;
	}
	pick_free(p);
	return flags;
}

int staffpick_push(struct app *app, int at_start)
{
	struct pick *p = xcalloc(1, sizeof *p);
	struct err e;
	const char **labels;
	const char *last = app_settings(app)->last_staff;
	int cur = 0, r;

	p->app = app;
	p->at_start = at_start;
	err_clear(&e);
	if (db_staff_each(app_db(app), 1, collect, p, &e) < 0) {
		app_error_err(app, &e);
		pick_free(p);
		return -1;
	}
	labels = xcalloc((size_t)p->n + 1, sizeof *labels);
	for (int i = 0; i < p->n; i++) {
		labels[i] = p->names[i];
		if (!strcmp(p->names[i], at_start && last[0] ? last : app_staff(app)))
			cur = i;
	}
	labels[p->n] = _("+ a new name…");
	r = picklist_push(app, _("Who is on duty?"), labels, p->n + 1, p->n ? cur : 0, picked, p);
	free(labels);
	if (r < 0)
		pick_free(p);
	return r;
}
