/* checkpoints: the Checkpoints tab: the state its three views share, the
 * choice of checkpoint and the view switcher; see checkpoints.h and
 * cp_state.h. */
#include "tui/screens/checkpoints.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/limits.h"
#include "core/lineedit.h"
#include "core/model.h"
#include "core/outing.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/textwidth.h"
#include "core/xalloc.h"
#include "db/checkpoints.h"
#include "db/db.h"
#include "db/duty_roster.h"
#include "db/gate.h"
#include "db/passes.h"
#include "db/staff.h"
#include "tui/app.h"
#include "tui/widgets/confirm.h"
#include "tui/screens/cp_gate.h"
#include "tui/screens/cp_passes.h"
#include "tui/screens/cp_roster.h"
#include "tui/screens/cp_state.h"
#include "tui/widgets/form.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/widget_list.h"
#include "tui/widgets/widget_text.h"

/* ---- checkpoint choice (gate) and new checkpoints ---- */

struct cp_pick {
	struct cp_state *st;
	struct checkpoint *v;
	int n, cap;
};

static int cp_collect(const struct checkpoint *c, void *ctx)
{
	struct cp_pick *p = ctx;

	XGROW(p->v, p->cap, p->n + 1, 8);
	db_checkpoint_copy(&p->v[p->n++], c);
	return 0;
}

static void cp_pick_free(struct cp_pick *p)
{
	for (int i = 0; i < p->n; i++)
		db_checkpoint_clear(&p->v[i]);
	free(p->v);
	free(p);
}

void cp_use_checkpoint(struct cp_state *st, const struct checkpoint *c)
{
	st->cp_id = c->id;
	xstrset(&st->cp_name, c->name);
}

static int cp_new_submit(void *ctx, struct form *f, struct err *e)
{
	struct cp_state *st = ctx;
	struct checkpoint c;

	db_checkpoint_init(&c);
	xstrset(&c.name, form_value(f, "name"));
	xstrset(&c.location, form_value(f, "location"));
	snprintf(c.kind, sizeof c.kind, "%s", form_value(f, "kind"));
	if (db_checkpoint_insert(app_db(st->app), &c, e) < 0) {
		db_checkpoint_clear(&c);
		return -1;
	}
	cp_use_checkpoint(st, &c);
	app_status(st->app, _("Checkpoint %s added."), c.name);
	db_checkpoint_clear(&c);
	return 0;
}

void cp_new_form(struct cp_state *st)
{
	struct form *f = form_new(_("A new checkpoint"), st);

	form_add_text(f, "name", N_("Checkpoint name"), "", limits_max("checkpoints", "name"),
		      FORM_REQUIRED, NULL);
	form_add_text(f, "location", N_("Location"), "", limits_max("checkpoints", "location"), 0,
		      NULL);
	form_add_enum(f, "kind", N_("Kind"), model_checkpoint_kind, "gate", FORM_REQUIRED);
	form_push(st->app, f, cp_new_submit, NULL);
}

static int cp_picked(void *ctx, int index)
{
	struct cp_pick *p = ctx;
	int flags = 0;

	if (index >= 0 && index < p->n) {
		cp_use_checkpoint(p->st, &p->v[index]);
		app_status(p->st->app, _("Gate: %s"), p->st->cp_name);
		flags = SCREEN_CHANGED;
	} else if (index == p->n) {
		cp_new_form(p->st);
	}
	cp_pick_free(p);
	return flags;
}

int cp_choose_checkpoint(struct screen *s)
{
	struct cp_state *st = s->state;
	struct cp_pick *p = xcalloc(1, sizeof *p);
	const char **labels;
	struct err e;
	int cur = 0;

	p->st = st;
	err_clear(&e);
	if (db_checkpoint_each(app_db(s->app), 1, cp_collect, p, &e) < 0) {
		app_error_err(s->app, &e);
		cp_pick_free(p);
		return SCREEN_HANDLED;
	}
	labels = xcalloc((size_t)p->n + 1, sizeof *labels);
	for (int i = 0; i < p->n; i++) {
		labels[i] = p->v[i].name;
		if (p->v[i].id == st->cp_id)
			cur = i;
	}
	labels[p->n] = _("+ a new checkpoint…");
	if (picklist_push(s->app, _("Which checkpoint?"), labels, p->n + 1, cur, cp_picked, p) < 0)
		cp_pick_free(p);
	free(labels);
	return SCREEN_HANDLED;
}

static int first_checkpoint(const struct checkpoint *c, void *ctx)
{
	cp_use_checkpoint(ctx, c);
	return 1;
}

/* ---- the views ---- */

static const struct screen_class *const views[] = {
    &cp_gate_screen,
    &cp_roster_screen,
    &cp_passes_screen,
    NULL,
};

int cp_switch_view(struct screen *s)
{
	size_t i = 0;

	while (views[i] && s->cls != views[i])
		i++;
	s->cls = views[i] && views[i + 1] ? views[i + 1] : views[0];
	if (s->cls->layout)
		s->cls->layout(s, s->r);
	s->cls->data_changed(s);
	return SCREEN_HANDLED;
}

int cp_print(struct screen *s)
{
	app_status(s->app, "%s",
		   _("Print from the Sheets tab: the duty sheet and the pass cards."));
	return SCREEN_HANDLED;
}

/* The tab's screen: the state, then the gate's class. */
static int cp_open(struct screen *s, void *arg, struct err *e)
{
	struct cp_state *st = xcalloc(1, sizeof *st);
	struct date today;

	(void)arg;
	st->app = s->app;
	st->cp_id = -1;
	lineedit_init(&st->le, 24);
	clock_today(&today);
	st->monday = date_add(&today, -date_weekday(&today));
	if (db_checkpoint_each(app_db(s->app), 1, first_checkpoint, st, e) < 0) {
		lineedit_free(&st->le);
		free(st);
		return -1;
	}
	st->plist = cp_passes_list(st);
	s->state = st;
	s->cls = &cp_gate_screen;
	s->cls->data_changed(s);
	return 0;
}

void cp_close(struct screen *s)
{
	struct cp_state *st = s->state;

	db_gate_info_clear(&st->info);
	db_gate_outs_free(st->outs, st->n_outs);
	free(st->cp_name);
	cp_roster_free(st);
	list_free(&st->plist);
	lineedit_free(&st->le);
	free(st);
}

/* Pushed by the tab; it becomes the gate view as it opens. */
const struct screen_class checkpoints_screen = {
    .name = N_("Checkpoints"),
    .open = cp_open,
    .views = views,
};
