/* cp_passes: the passes view of the Checkpoints tab; see cp_passes.h. */
#include "tui/screens/cp_passes.h"

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
#include "tui/screens/cp_state.h"
#include "tui/widgets/form.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/widget_list.h"
#include "tui/widgets/widget_text.h"

LIST_DB_PAGE_ALL(p_page, struct cp_state, db_pass_page)

LIST_ROW_CLEAR(p_clear, db_pass_clear)

static int pass_state(const struct pass *p)
{
	char today[DATE_STR];

	if (p->revoked_at[0])
		return 2;
	clock_today_iso(today);
	if (p->valid_until[0] && strcmp(p->valid_until, today) < 0)
		return 1;
	return 0;
}

static void p_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct pass *p = row;

	int s = pass_state(p);

	(void)ctx;
	if (col == 5)
		strbuf_puts(out, p->valid_until[0] ? p->valid_until : "—");
	else if (s == 2)
		strbuf_printf(out, _("revoked: %s"), p->revoke_reason);
	else
		strbuf_puts(out, s == 1 ? _("expired") : _("valid"));
}

static int p_role(void *ctx, const void *row)
{
	(void)ctx;
	return pass_state(row) ? THEME_DIM : THEME_NORMAL;
}

static const struct list_field p_cols[] = {
    {N_("Pass"), 8, 0, 0, LIST_CHARS(struct pass, pass_no)},
    {N_("Household"), 9, 1, 0, LIST_TEXT(struct pass, household_code)},
    {N_("Head"), 6, 1, 0, LIST_TEXT(struct pass, head_name)},
    {N_("Grid"), 6, 1, 0, LIST_TEXT(struct pass, grid_name)},
    {N_("Issued"), 10, 0, 0, LIST_CHARS(struct pass, issued_date)},
    {N_("Valid until"), 11, 0, 0, LIST_OWN},
    {N_("State"), 8, 1, 0, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

static const struct list_spec p_spec = {p_cols, p_cell, p_role, p_page, sizeof(struct pass),
					p_clear};

static int issue_submit(void *ctx, struct form *f, struct err *e)
{
	struct cp_state *st = ctx;
	struct db *db = app_db(st->app);
	const char *until = form_value(f, "valid_until");
	long long hh, grid;
	long issued = 0, skipped = 0;
	struct pass p;
	int r;

	r = db_pass_issue_target(db, form_value(f, "target"), &hh, &grid, e);
	if (r <= 0)
		return -1;
	if (r == 1) {
		if (db_pass_issue(db, hh, until, form_value(f, "notes"), &p, e) < 0)
			return -1;
		app_status(st->app, _("Pass %s issued to %s."), p.pass_no, p.household_code);
		db_pass_clear(&p);
		return 0;
	}
	if (db_pass_issue_grid(db, r == 2 ? grid : -1, until, &issued, &skipped, e) < 0)
		return -1;
	app_status(st->app, _("%ld passes issued; %ld households already held one."), issued,
		   skipped);
	return 0;
}

static void issue_form(struct cp_state *st)
{
	struct form *f = form_new(_("Issue passes"), st);
	struct date t;
	char until[DATE_STR];

	clock_today(&t);
	t = date_add(&t, 30);
	date_format(&t, until);
	form_add_text(f, "target", N_("Household code, grid name, or * for all"), "",
		      limits_max("grids", "name"), FORM_REQUIRED, NULL);
	form_add_date(f, "valid_until", N_("Valid until (empty: until revoked)"), until, 0, NULL);
	form_add_text(f, "notes", N_("Notes"), "", limits_max("passes", "notes"), 0, NULL);
	form_push(st->app, f, issue_submit, NULL);
}

struct revoke_ctx {
	struct cp_state *st;
	long long id;
};

static int revoke_submit(void *ctx, struct form *f, struct err *e)
{
	struct revoke_ctx *rc = ctx;

	if (db_pass_revoke(app_db(rc->st->app), rc->id, form_value(f, "reason"), e) < 0)
		return -1;
	app_status(rc->st->app, "%s", _("Pass revoked."));
	return 0;
}

/* ---- the passes' screen class ---- */

struct list *cp_passes_list(struct cp_state *st)
{
	struct list *l = list_new_spec(st->app, &p_spec, st);

	list_set_empty(l, _("No pass issued yet: n issues passes."));
	return l;
}

static void passes_layout(struct screen *s, struct rect r)
{
	struct cp_state *st = s->state;

	list_layout(st->plist, (struct rect){r.y + 1, r.x, r.h - 1, r.w});
}

static void passes_draw(struct screen *s)
{
	struct cp_state *st = s->state;

	draw_fit(s->r.y, s->r.x, s->r.w, _("Passes: n issue (a household, a grid or *), x revoke"),
		 THEME_TITLE);
	list_draw(st->plist, 1);
}

static int passes_event(struct screen *s, const struct event *ev)
{
	struct cp_state *st = s->state;

	return list_event(st->plist, ev);
}

static int act_issue(struct screen *s)
{
	issue_form(s->state);
	return SCREEN_HANDLED;
}

static int act_void(struct screen *s)
{
	struct cp_state *st = s->state;
	const struct pass *p = list_current(st->plist);
	struct revoke_ctx *rc;
	struct form *f;
	char title[128];

	if (!p)
		return SCREEN_HANDLED;
	if (p->revoked_at[0]) {
		app_error(s->app, _("Pass %s was already revoked."), p->pass_no);
		return SCREEN_HANDLED;
	}
	rc = xcalloc(1, sizeof *rc);
	rc->st = st;
	rc->id = p->id;
	snprintf(title, sizeof title, _("Revoke pass %s (%s)"), p->pass_no, p->household_code);
	f = form_new(title, rc);
	form_add_text(f, "reason", N_("Reason"), "", limits_max("passes", "revoke_reason"),
		      FORM_REQUIRED, NULL);
	form_push(s->app, f, revoke_submit, form_close_free);
	return SCREEN_HANDLED;
}

static void passes_changed(struct screen *s)
{
	struct cp_state *st = s->state;

	list_reload(st->plist);
}

static const struct keybind passes_keys[] = {
    {0, 'n', ACT_NEW},	{0, 'v', ACT_SWITCH_VIEW}, {0, 'x', ACT_VOID},
    {0, 'q', ACT_QUIT}, {0, 0, ACT_NONE},
};

static const struct screen_handler passes_handlers[] = {
    {ACT_SWITCH_VIEW, cp_switch_view, N_("gate/roster/passes")},
    {ACT_NEW, act_issue, NULL},
    {ACT_VOID, act_void, N_("revoke")},
    {ACT_PRINT, cp_print, NULL},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class cp_passes_screen = {
    .name = N_("Checkpoints: passes"),
    .kind = SCREEN_KIND_LIST,
    .keys = passes_keys,
    .handlers = passes_handlers,
    .layout = passes_layout,
    .draw = passes_draw,
    .event = passes_event,
    .data_changed = passes_changed,
    .close = cp_close,
};
