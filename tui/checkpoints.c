/* checkpoints: the gate, the duty roster and the passes; see checkpoints.h. */
#include "tui/checkpoints.h"

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
#include "db/duty_roster.h"
#include "db/db.h"
#include "db/gate.h"
#include "db/passes.h"
#include "db/staff.h"
#include "tui/app.h"
#include "tui/ops/shift.h"
#include "tui/confirm.h"
#include "tui/gate_temp.h"
#include "tui/visitors.h"
#include "tui/form.h"
#include "tui/picklist.h"
#include "tui/widget_list.h"
#include "tui/widget_text.h"

enum view { VIEW_GATE, VIEW_ROSTER, VIEW_PASSES, VIEW_COUNT };

struct cp_state {
	struct app *app;
	enum view view;

	/* gate */
	long long cp_id;
	char *cp_name; /* malloc'd, NULL before a checkpoint is chosen */
	struct lineedit le;
	int shown;    /* info holds a looked-up pass */
	int recorded; /* 'o' or 'i' just recorded for it, else 0 */
	char recorded_at[6];
	struct gate_info info;
	struct gate_out *outs;
	size_t n_outs;

	/* roster */
	struct date monday;
	struct checkpoint *cps;
	size_t n_cps;
	struct shift *shifts;
	size_t n_shifts;
	struct roster_gap *gaps;
	size_t n_gaps;
	struct roster_clash *clashes;
	size_t n_clashes;
	int cur_cp, cur_day, cur_line, top_cp;

	/* passes */
	struct list *plist;
};

/* ---- helpers ---- */

static void short_date(const char *iso, char out[6])
{
	snprintf(out, 6, "%.5s", strlen(iso) >= 10 ? iso + 5 : iso);
}

/* A big block of three rows in the role's colour, reversed, with the text
 * spread out in the middle: readable from a step away from the screen. */
static void banner(int y, int x, int w, const char *text, int spread, enum theme_role role)
{
	struct strbuf b = STRBUF_INIT;
	int attr = theme_attr(role) | A_REVERSE | A_BOLD, tw;
	char *t;

	if (!spread)
		strbuf_puts(&b, text);
	for (const char *p = text; spread && *p;) {
		size_t n = 1;

		while ((p[n] & 0xC0) == 0x80)
			n++;
		strbuf_add(&b, p, n);
		p += n;
		if (*p)
			strbuf_putc(&b, ' ');
	}
	tw = textwidth_utf8(strbuf_str(&b));
	if (tw > w - 2) {
		strbuf_reset(&b);
		strbuf_puts(&b, text);
		tw = textwidth_utf8(text);
	}
	t = textwidth_fit(strbuf_str(&b), tw < w ? tw : w, 1);
	attrset(attr);
	for (int i = 0; i < 3; i++)
		mvhline(y + i, x, ' ', w);
	mvaddstr(y + 1, x + (w - textwidth_utf8(t)) / 2, t);
	attrset(A_NORMAL);
	free(t);
	strbuf_free(&b);
}

/* ---- checkpoint choice (gate) and new checkpoints ---- */

struct cp_pick {
	struct cp_state *st;
	struct checkpoint *v;
	int n, cap;
};

static int cp_collect(const struct checkpoint *c, void *ctx)
{
	struct cp_pick *p = ctx;

	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 8;
		p->v = xrealloc(p->v, (size_t)p->cap * sizeof *p->v);
	}
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

static void use_checkpoint(struct cp_state *st, const struct checkpoint *c)
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
	use_checkpoint(st, &c);
	app_status(st->app, _("Checkpoint %s added."), c.name);
	db_checkpoint_clear(&c);
	return 0;
}

static void cp_new_form(struct cp_state *st)
{
	struct form *f = form_new(_("A new checkpoint"), st);

	form_add_text(f, "name", N_("Checkpoint name"), "", limits_max("checkpoints", "name"), FORM_REQUIRED, NULL);
	form_add_text(f, "location", N_("Location"), "", limits_max("checkpoints", "location"), 0, NULL);
	form_add_enum(f, "kind", N_("Kind"), model_checkpoint_kind, "gate", FORM_REQUIRED);
	form_push(st->app, f, cp_new_submit, NULL);
}

static int cp_picked(void *ctx, int index)
{
	struct cp_pick *p = ctx;
	int flags = 0;

	if (index >= 0 && index < p->n) {
		use_checkpoint(p->st, &p->v[index]);
		app_status(p->st->app, _("Gate: %s"), p->st->cp_name);
		flags = SCREEN_CHANGED;
	} else if (index == p->n) {
		cp_new_form(p->st);
	}
	cp_pick_free(p);
	return flags;
}

static int choose_checkpoint(struct screen *s)
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
	if (picklist_push(s->app, _("Which checkpoint?"), labels, p->n + 1, cur, cp_picked, p) <
	    0)
		cp_pick_free(p);
	free(labels);
	return SCREEN_HANDLED;
}

static int first_checkpoint(const struct checkpoint *c, void *ctx)
{
	use_checkpoint(ctx, c);
	return 1;
}

/* ---- gate ---- */

static void verdict_text(const struct gate_info *g, struct strbuf *b);

static void gate_reload_outs(struct cp_state *st)
{
	struct err e;

	err_clear(&e);
	db_gate_outs_free(st->outs, st->n_outs);
	st->outs = NULL;
	st->n_outs = 0;
	if (db_gate_still_out(app_db(st->app), -1, &st->outs, &st->n_outs, &e) < 0)
		app_error_err(st->app, &e);
}

/* Looks the shown pass up again (after an outing was recorded or the data
 * changed), keeping the banner of what was just recorded. */
static void gate_refresh(struct cp_state *st)
{
	struct gate_info g;
	struct err e;

	if (!st->shown)
		return;
	err_clear(&e);
	if (db_gate_lookup(app_db(st->app), st->info.pass.pass_no, &g, &e) == 1) {
		db_gate_info_clear(&st->info);
		st->info = g;
	} else {
		db_gate_info_clear(&g);
	}
}

static int gate_lookup(struct cp_state *st)
{
	char *typed = lineedit_get_utf8(&st->le);
	struct gate_info g;
	struct err e;
	int r;

	err_clear(&e);
	if (!*typed) {
		free(typed);
		return SCREEN_HANDLED;
	}
	r = db_gate_lookup(app_db(st->app), typed, &g, &e);
	if (r == 1) {
		db_gate_info_clear(&st->info);
		st->info = g;
		st->shown = 1;
		st->recorded = 0;
		lineedit_set_utf8(&st->le, "");
	} else {
		/* The last household's verdict must not stand beside a number that
		 * failed: o or i would then record that household. */
		db_gate_info_clear(&g);
		db_gate_info_clear(&st->info);
		st->shown = 0;
		st->recorded = 0;
		if (r == 0)
			app_error(st->app, _("No pass has the number %s."), typed);
		else
			app_error_err(st->app, &e);
		lineedit_set_utf8(&st->le, "");
	}
	free(typed);
	return SCREEN_HANDLED;
}

static int gate_record(struct cp_state *st, const char *dir)
{
	struct outing_verdict v;
	struct err e;
	char now[CLOCK_STR];

	err_clear(&e);
	if (!st->shown) {
		app_error(st->app, "%s", _("Type or scan a pass number first."));
		return SCREEN_HANDLED;
	}
	if (db_gate_record(app_db(st->app), st->info.pass.id, st->cp_id, -1, dir, -1, &v, &e) < 0) {
		struct strbuf b = STRBUF_INIT;

		/* Say why in the user's language when the rule refused it. */
		st->recorded = 0;
		gate_refresh(st);
		if (!strcmp(e.field, "pass_no") && !st->info.verdict.allowed) {
			verdict_text(&st->info, &b);
			app_error(st->app, "%s", strbuf_str(&b));
		} else {
			app_error_err(st->app, &e);
		}
		strbuf_free(&b);
		return SCREEN_HANDLED;
	}
	clock_now(now);
	snprintf(st->recorded_at, sizeof st->recorded_at, "%.5s", now + 11);
	st->recorded = dir[0];
	app_status(st->app,
		   !strcmp(dir, "out") ? _("%s: going out recorded at %s.")
				       : _("%s: coming back recorded at %s."),
		   st->info.pass.household_code, st->recorded_at);
	gate_refresh(st);
	gate_reload_outs(st);
	return SCREEN_HANDLED | SCREEN_CHANGED;
}

static void verdict_text(const struct gate_info *g, struct strbuf *b)
{
	char last[DATE_STR], next[DATE_STR];

	date_format(&g->verdict.last, last);
	date_format(&g->verdict.next_allowed, next);
	switch (g->verdict.reason) {
	case OUTING_FIRST:
		strbuf_puts(b, _("Allowed: the first outing of this household."));
		break;
	case OUTING_DUE:
		strbuf_printf(b, _("Allowed: last went out on %s."), last);
		break;
	case OUTING_TOO_SOON:
		strbuf_printf(b, _("Not allowed: went out on %s; next allowed on %s."), last, next);
		break;
	case OUTING_ISOLATION:
		for (size_t i = 0; i < g->n_members; i++)
			if (g->members[i].isolated) {
				strbuf_printf(
				    b, _("Not allowed: %s is under isolation (%s, until %s)."),
				    g->members[i].name,
				    model_enum_label(model_iso_kind, g->members[i].iso_kind),
				    g->members[i].iso_last_day);
				break;
			}
		break;
	case OUTING_REVOKED:
		strbuf_printf(b, _("Not allowed: this pass was revoked (%s)."),
			      g->pass.revoke_reason);
		break;
	case OUTING_EXPIRED:
		strbuf_printf(b, _("Not allowed: this pass expired on %s."), g->pass.valid_until);
		break;
	case OUTING_FOLLOWUP:
		outing_followup_text(g->fu_name, g->fu_temperature, g->fu_symptoms, g->fu_opened_at,
				     b);
		break;
	case OUTING_FEVER:
		strbuf_puts(b, outing_reason_text(g->verdict.reason));
		break;
	}
}

static void gate_draw(struct screen *s)
{
	struct cp_state *st = s->state;
	struct rect r = s->r;
	struct strbuf b = STRBUF_INIT;
	const struct gate_info *g = &st->info;
	int y = r.y, bottom = r.y + r.h;
	char line[512];

	snprintf(line, sizeof line, _("Gate: %s    on duty: %s"),
		 st->cp_name ? st->cp_name : _("(no checkpoint: press c)"), app_staff(s->app));
	draw_fit(y++, r.x, r.w, line, THEME_TITLE);
	y++;
	draw_text(y, r.x + 1, 14, _("Pass number:"), THEME_LABEL);
	text_field_draw(s->app, &st->le, y, r.x + 15, 12, THEME_FIELD_FOCUS, 1);
	draw_fit(y, r.x + 29, r.w - 29,
		 _("Enter look up · o out · i in · t °C · n visitors"),
		 THEME_DIM);
	y += 2;
	if (st->shown && y + 5 < bottom) {
		snprintf(line, sizeof line, _("%s   head: %s   pass %s   valid until %s"),
			 g->pass.household_code, g->pass.head_name[0] ? g->pass.head_name : "—",
			 g->pass.pass_no,
			 g->pass.valid_until[0] ? g->pass.valid_until : _("revoked"));
		if (!g->pass.valid_until[0] && !g->pass.revoked_at[0])
			snprintf(line, sizeof line, _("%s   head: %s   pass %s"),
				 g->pass.household_code,
				 g->pass.head_name[0] ? g->pass.head_name : "—", g->pass.pass_no);
		draw_fit(y++, r.x + 1, r.w - 1, line, THEME_NORMAL);
		if (st->recorded) {
			snprintf(line, sizeof line,
				 st->recorded == 'o' ? _("OUT %s") : _("BACK IN %s"),
				 st->recorded_at);
			banner(y, r.x + 1, r.w - 2, line, 0, THEME_OK);
		} else if (g->verdict.allowed) {
			banner(y, r.x + 1, r.w - 2, _("ALLOWED"), 1, THEME_OK);
		} else {
			banner(y, r.x + 1, r.w - 2, _("NOT ALLOWED"), 1, THEME_ALERT);
		}
		y += 3;
		if (st->recorded == 'o') {
			char next[DATE_STR];

			date_format(&g->verdict.next_allowed, next);
			strbuf_printf(&b, _("Going out recorded at %s; next outing allowed on %s."),
				      st->recorded_at, next);
		} else if (st->recorded == 'i') {
			strbuf_printf(&b, _("Coming back recorded at %s."), st->recorded_at);
		} else {
			verdict_text(g, &b);
		}
		draw_fit(y++, r.x + 1, r.w - 1, strbuf_str(&b),
			 st->recorded || g->verdict.allowed ? THEME_OK : THEME_ALERT);
		strbuf_reset(&b);
		strbuf_puts(&b, _("Members: "));
		for (size_t i = 0; i < g->n_members; i++) {
			if (i)
				strbuf_puts(&b, _(", "));
			strbuf_puts(&b, g->members[i].name);
			if (g->members[i].isolated)
				strbuf_printf(&b, _(" (isolated until %s)"),
					      g->members[i].iso_last_day);
		}
		if (y < bottom)
			draw_fit(y++, r.x + 1, r.w - 1, strbuf_str(&b),
				 g->n_isolated ? THEME_ALERT : THEME_NORMAL);
		if (g->out_now && y < bottom) {
			snprintf(line, sizeof line, _("Out now, since %s."), g->out_since);
			draw_fit(y++, r.x + 1, r.w - 1, line, THEME_NORMAL);
		}
		if (y < bottom)
			draw_fit(y++, r.x + 1, r.w - 1,
				 g->n_last ? _("Last outings:") : _("No outing recorded yet."),
				 THEME_HEADER);
		for (size_t i = 0; i < g->n_last && y < bottom - 2 && i < 4; i++) {
			snprintf(line, sizeof line, "  %.16s  %-4s %s  %s", g->last[i].at,
				 !strcmp(g->last[i].direction, "out") ? _("out") : _("in"),
				 g->last[i].checkpoint, g->last[i].resident);
			draw_fit(y++, r.x + 1, r.w - 1, line, THEME_NORMAL);
		}
	}
	if (y < bottom - 1) {
		y++;
		snprintf(line, sizeof line, _("Still out after %d hours: %zu"),
			 app_settings(s->app)->out_alert_hours, st->n_outs);
		draw_fit(y++, r.x, r.w, line, st->n_outs ? THEME_ALERT : THEME_DIM);
		for (size_t i = 0; i < st->n_outs && y < bottom; i++) {
			const struct gate_out *o = &st->outs[i];

			snprintf(line, sizeof line, _("  %s %s  %s  since %.16s (%ldh%02ld) at %s"),
				 o->household_code, o->head_name, o->resident, o->at,
				 o->minutes / 60, o->minutes % 60, o->checkpoint);
			draw_fit(y++, r.x, r.w, line, THEME_NORMAL);
		}
	}
	strbuf_free(&b);
}

/* ---- roster ---- */

static void roster_free(struct cp_state *st)
{
	for (size_t i = 0; i < st->n_cps; i++)
		db_checkpoint_clear(&st->cps[i]);
	for (size_t i = 0; i < st->n_shifts; i++)
		db_shift_clear(&st->shifts[i]);
	free(st->cps);
	free(st->shifts);
	db_roster_gaps_free(st->gaps, st->n_gaps);
	db_roster_clashes_free(st->clashes, st->n_clashes);
	st->cps = NULL;
	st->shifts = NULL;
	st->gaps = NULL;
	st->clashes = NULL;
	st->n_cps = st->n_shifts = st->n_gaps = st->n_clashes = 0;
}

static int roster_cp(const struct checkpoint *c, void *ctx)
{
	struct cp_state *st = ctx;

	st->cps = xrealloc(st->cps, (st->n_cps + 1) * sizeof *st->cps);
	db_checkpoint_copy(&st->cps[st->n_cps++], c);
	return 0;
}

static int roster_shift(const struct shift *s, void *ctx)
{
	struct cp_state *st = ctx;

	st->shifts = xrealloc(st->shifts, (st->n_shifts + 1) * sizeof *st->shifts);
	db_shift_copy_row(&st->shifts[st->n_shifts++], s);
	return 0;
}

static void roster_load(struct cp_state *st)
{
	struct db *db = app_db(st->app);
	struct err e;

	err_clear(&e);
	roster_free(st);
	if (db_checkpoint_each(db, 1, roster_cp, st, &e) < 0 ||
	    db_shift_each(db, &st->monday, 7, -1, roster_shift, st, &e) < 0 ||
	    db_roster_gaps(db, &st->monday, 7, &st->gaps, &st->n_gaps, &e) < 0 ||
	    db_roster_clashes(db, &st->monday, 7, &st->clashes, &st->n_clashes, &e) < 0)
		app_error_err(st->app, &e);
	if (st->cur_cp >= (int)st->n_cps)
		st->cur_cp = st->n_cps ? (int)st->n_cps - 1 : 0;
}

static void day_iso(const struct cp_state *st, int day, char out[DATE_STR])
{
	struct date d = date_add(&st->monday, day);

	date_format(&d, out);
}

/* The shifts of checkpoint c on day: their indexes into st->shifts. */
static int cell_shifts(const struct cp_state *st, int c, int day, int *idx, int max)
{
	char iso[DATE_STR];
	int n = 0;

	if (c < 0 || c >= (int)st->n_cps)
		return 0;
	day_iso(st, day, iso);
	for (size_t i = 0; i < st->n_shifts && n < max; i++)
		if (st->shifts[i].checkpoint_id == st->cps[c].id &&
		    !strcmp(st->shifts[i].date, iso))
			idx[n++] = (int)i;
	return n;
}

static const struct roster_gap *cell_gap(const struct cp_state *st, int c, int day)
{
	char iso[DATE_STR];

	day_iso(st, day, iso);
	for (size_t i = 0; i < st->n_gaps; i++)
		if (st->gaps[i].checkpoint_id == st->cps[c].id && !strcmp(st->gaps[i].date, iso))
			return &st->gaps[i];
	return NULL;
}

static int block_height(const struct cp_state *st, int c)
{
	int idx[64], h = 1, gap = 0;

	for (int d = 0; d < 7; d++) {
		int n = cell_shifts(st, c, d, idx, 64);

		if (n > h)
			h = n;
		if (cell_gap(st, c, d))
			gap = 1;
	}
	return h + gap;
}

static struct shift *cursor_shift(struct cp_state *st)
{
	int idx[64];
	int n = cell_shifts(st, st->cur_cp, st->cur_day, idx, 64);

	return st->cur_line < n ? &st->shifts[idx[st->cur_line]] : NULL;
}

static const char *gap_kind_text(enum roster_gap_kind k)
{
	switch (k) {
	case ROSTER_GAP_UNSTAFFED:
		return _("a shift with nobody");
	case ROSTER_GAP_ABSENT:
		return _("nobody turned up");
	case ROSTER_GAP_UNCOVERED:
		break;
	}
	return _("no shift");
}

static void roster_draw(struct screen *s)
{
	static const char *const wd[7] = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					  N_("Fri"), N_("Sat"), N_("Sun")};
	struct cp_state *st = s->state;
	struct rect r = s->r;
	int name_w = 8, col_w = (r.w - name_w - 1) / 7, y = r.y, flags_h, grid_bottom;
	char line[512], sun[DATE_STR], iso[DATE_STR];
	struct date sunday = date_add(&st->monday, 6);

	date_format(&sunday, sun);
	day_iso(st, 0, iso);
	snprintf(line, sizeof line,
		 _("Duty roster, week of %s to %s    gaps: %zu  double-booked: %zu"), iso, sun,
		 st->n_gaps, st->n_clashes);
	draw_fit(y++, r.x, r.w, line, THEME_TITLE);
	draw_fit(y, r.x, name_w, _("Checkpoint"), THEME_HEADER);
	for (int d = 0; d < 7; d++) {
		char md[6];

		day_iso(st, d, iso);
		short_date(iso, md);
		snprintf(line, sizeof line, "%s %s", _(wd[d]), md + 3);
		draw_fit(y, r.x + name_w + 1 + d * col_w, col_w - 1, line, THEME_HEADER);
	}
	y++;
	if (!st->n_cps) {
		draw_fit(y + 1, r.x + 1, r.w - 1,
			 _("No checkpoint yet: press c to add one, then n to add shifts."),
			 THEME_DIM);
		return;
	}
	flags_h = (int)(st->n_gaps + st->n_clashes);
	if (flags_h > 5)
		flags_h = 5;
	grid_bottom = r.y + r.h - 2 - flags_h;
	/* Keep the cursor's checkpoint in view. */
	if (st->cur_cp < st->top_cp)
		st->top_cp = st->cur_cp;
	for (;;) {
		int h = 0;

		for (int c = st->top_cp; c <= st->cur_cp; c++)
			h += block_height(st, c);
		if (y + h <= grid_bottom || st->top_cp >= st->cur_cp)
			break;
		st->top_cp++;
	}
	for (int c = st->top_cp; c < (int)st->n_cps && y < grid_bottom; c++) {
		int bh = block_height(st, c);

		draw_fit(y, r.x, name_w, st->cps[c].name,
			 c == st->cur_cp ? THEME_TITLE : THEME_NORMAL);
		for (int d = 0; d < 7; d++) {
			int idx[64], n = cell_shifts(st, c, d, idx, 64);
			int x = r.x + name_w + 1 + d * col_w;
			const struct roster_gap *gap = cell_gap(st, c, d);

			for (int l = 0; l < bh && y + l < grid_bottom; l++) {
				int cur = c == st->cur_cp && d == st->cur_day && l == st->cur_line;
				enum theme_role role = cur ? THEME_CURSOR : THEME_NORMAL;

				line[0] = '\0';
				if (l < n) {
					const struct shift *sh = &st->shifts[idx[l]];

					snprintf(line, sizeof line, "%.2s-%.2s%s%s", sh->start_time,
						 sh->end_time,
						 sh->staff_id < 0 ? "——" : sh->staff_name,
						 sh->present == 1   ? "✓"
						 : sh->present == 0 ? "✗"
								    : "");
					if (!cur && (sh->staff_id < 0 || sh->present == 0))
						role = THEME_ALERT;
				} else if (l == bh - 1 && gap) {
					snprintf(line, sizeof line, "!%.2s-%.2s", gap->from,
						 gap->to);
					if (!cur)
						role = THEME_ALERT;
				}
				draw_fit(y + l, x, col_w - 1, line, role);
			}
		}
		y += bh;
	}
	/* The flags, then what the cursor is on. */
	y = grid_bottom;
	for (size_t i = 0; i < st->n_gaps && y < grid_bottom + flags_h; i++) {
		const struct roster_gap *g = &st->gaps[i];

		draw_fitf(y++, r.x, r.w, THEME_ALERT, _("Gap: %s %s %s-%s, %s"), g->date,
			  g->checkpoint_name, g->from, g->to, gap_kind_text(g->kind));
	}
	for (size_t i = 0; i < st->n_clashes && y < grid_bottom + flags_h; i++) {
		const struct roster_clash *c = &st->clashes[i];

		draw_fitf(y++, r.x, r.w, THEME_ALERT, _("Double-booked: %s, %s %s %s and %s %s %s"),
			  c->staff_name, c->date_a, c->checkpoint_a, c->hours_a, c->date_b,
			  c->checkpoint_b, c->hours_b);
	}
	{
		const struct shift *sh = cursor_shift(st);

		if (sh)
			draw_fitf(r.y + r.h - 1, r.x, r.w, THEME_DIM,
				  _("%s %s %s-%s  %s (%s)  present: %s  %s"), sh->checkpoint_name,
				  sh->date, sh->start_time, sh->end_time,
				  sh->staff_id < 0 ? _("nobody yet") : sh->staff_name,
				  model_enum_label(model_shift_role, sh->role),
				  sh->present == 1   ? _("yes")
				  : sh->present == 0 ? _("no")
						     : _("not recorded"),
				  sh->notes);
		else
			draw_fit(r.y + r.h - 1, r.x, r.w, _("No shift here: n adds one."), THEME_DIM);
	}
}

static void roster_move(struct cp_state *st, int dline)
{
	int idx[64];
	int n = cell_shifts(st, st->cur_cp, st->cur_day, idx, 64);

	if (n < 1)
		n = 1;
	st->cur_line += dline;
	if (st->cur_line < 0) {
		if (st->cur_cp > 0) {
			st->cur_cp--;
			n = cell_shifts(st, st->cur_cp, st->cur_day, idx, 64);
			st->cur_line = n > 0 ? n - 1 : 0;
		} else {
			st->cur_line = 0;
		}
	} else if (st->cur_line >= n) {
		if (st->cur_cp + 1 < (int)st->n_cps) {
			st->cur_cp++;
			st->cur_line = 0;
		} else {
			st->cur_line = n - 1;
		}
	}
}

static void roster_clamp_line(struct cp_state *st)
{
	int idx[64];
	int n = cell_shifts(st, st->cur_cp, st->cur_day, idx, 64);

	if (st->cur_line >= n)
		st->cur_line = n > 0 ? n - 1 : 0;
}

/* The shift form: new (sh NULL) or edit. */
struct shift_form {
	struct cp_state *st;
	struct shift sh;
	int editing;
	char *asked; /* the new name the user was asked about, or NULL */
};

static int check_time(void *ctx, struct form *f, const char *name, const char *value, struct err *e)
{
	char t[6];
	int m;

	(void)ctx;
	if (clock_time_parse(value, &m, NULL) < 0)
		return err_field(e, name, "%s", _("a time is HH:MM, e.g. 08:00 (or 8, 800)"));
	clock_time_format(m, t);
	form_set(f, name, t);
	return 0;
}

struct name_match {
	const char *typed;
	char first[64];
	int n;
	int exact;
	struct strbuf list;
};

static int match_staff(const struct staff_member *m, void *ctx)
{
	struct name_match *nm = ctx;

	if (!strcmp(m->name, nm->typed)) {
		nm->exact = 1;
		return 1;
	}
	if (strstr(m->name, nm->typed)) {
		if (nm->n++ == 0)
			snprintf(nm->first, sizeof nm->first, "%s", m->name);
		if (nm->n <= 4)
			strbuf_printf(&nm->list, "%s%s", nm->n > 1 ? _(", ") : "", m->name);
	}
	return 0;
}

/* The person field: empty (nobody yet), a known name, a part of exactly one
 * known name (completed), or a new name (saving asks first, then adds it as
 * a volunteer on a second save). */
static int check_person(void *ctx, struct form *f, const char *name, const char *value,
			struct err *e)
{
	struct shift_form *sf = ctx;
	struct name_match nm = {value, "", 0, 0, STRBUF_INIT};
	int r = 0;

	if (!*value)
		return 0;
	if (db_staff_each(app_db(sf->st->app), 0, match_staff, &nm, e) < 0)
		r = -1;
	else if (!nm.exact && nm.n == 1)
		form_set(f, name, nm.first);
	else if (!nm.exact && nm.n > 1)
		r = err_field(e, name, _("several people match: %s; type more of the name"),
			      strbuf_str(&nm.list));
	strbuf_free(&nm.list);
	return r;
}

static int shift_submit(void *ctx, struct form *f, struct err *e)
{
	struct shift_form *sf = ctx;
	struct db *db = app_db(sf->st->app);
	struct shift sh = sf->sh;
	const char *person = form_value(f, "person");
	int isnew = 0, r;

	snprintf(sh.date, sizeof sh.date, "%s", form_value(f, "date"));
	snprintf(sh.start_time, sizeof sh.start_time, "%s", form_value(f, "start"));
	snprintf(sh.end_time, sizeof sh.end_time, "%s", form_value(f, "end"));
	snprintf(sh.role, sizeof sh.role, "%s", form_value(f, "role"));
	sh.notes = xstrdup(form_value(f, "notes")); /* sf->sh keeps its own */
	r = shift_save(db, &sh, person, sf->asked, sf->editing, &isnew, e);
	free(sh.notes);
	if (r == 1) { /* asked: saving the same name again adds it */
		free(sf->asked);
		sf->asked = xstrdup(person);
	}
	if (r != 0)
		return -1;
	if (isnew)
		app_status(sf->st->app, _("%s added to the list as a volunteer."), person);
	return 0;
}

static void shift_form_close(void *ctx, int saved)
{
	struct shift_form *sf = ctx;

	(void)saved;
	db_shift_clear(&sf->sh);
	free(sf->asked);
	free(sf);
}

static void shift_form(struct cp_state *st, const struct shift *edit)
{
	struct shift_form *sf = xcalloc(1, sizeof *sf);
	struct form *f;
	char iso[DATE_STR];

	sf->st = st;
	if (edit) {
		db_shift_copy_row(&sf->sh, edit);
		sf->editing = 1;
	} else {
		const struct shift *near = cursor_shift(st);

		db_shift_init(&sf->sh);
		sf->sh.checkpoint_id = st->cps[st->cur_cp].id;
		day_iso(st, st->cur_day, iso);
		snprintf(sf->sh.date, sizeof sf->sh.date, "%s", iso);
		snprintf(sf->sh.start_time, sizeof sf->sh.start_time, "%s",
			 near ? near->start_time : "08:00");
		snprintf(sf->sh.end_time, sizeof sf->sh.end_time, "%s",
			 near ? near->end_time : "20:00");
	}
	f = form_new(edit ? _("Edit the shift") : _("A new shift"), sf);
	form_add_readonly(f, "checkpoint", N_("Checkpoint"), st->cps[st->cur_cp].name);
	form_add_date(f, "date", N_("Date"), sf->sh.date, FORM_REQUIRED, NULL);
	form_add_number(f, "start", N_("From"), sf->sh.start_time, 5, FORM_REQUIRED, check_time);
	form_add_number(f, "end", N_("To"), sf->sh.end_time, 5, FORM_REQUIRED, check_time);
	form_add_text(f, "person", N_("Person (empty: nobody yet)"), edit ? edit->staff_name : "",
		      limits_max("staff", "name"), 0, check_person);
	form_add_enum(f, "role", N_("Role"), model_shift_role, sf->sh.role, FORM_REQUIRED);
	form_add_text(f, "notes", N_("Notes"), sf->sh.notes, limits_max("shifts", "notes"), 0, NULL);
	form_push(st->app, f, shift_submit, shift_form_close);
}

struct del_ctx {
	struct cp_state *st;
	long long id;
};

static int shift_delete_answer(void *ctx, int yes)
{
	struct del_ctx *d = ctx;
	struct err e;
	int flags = 0;

	err_clear(&e);
	if (yes) {
		if (db_shift_delete(app_db(d->st->app), d->id, &e) < 0)
			app_error_err(d->st->app, &e);
		else
			flags = SCREEN_CHANGED;
	}
	free(d);
	return flags;
}

static int copy_picked(void *ctx, int index)
{
	struct cp_state *st = ctx;
	struct date day = date_add(&st->monday, st->cur_day);
	struct err e;
	long n;

	err_clear(&e);
	if (index < 0)
		return 0;
	if (index == 0)
		n = db_shift_copy(app_db(st->app), &day, 1, 1, -1, &e);
	else
		n = db_shift_copy(app_db(st->app), &st->monday, 7, 7, -1, &e);
	if (n < 0) {
		app_error_err(st->app, &e);
		return 0;
	}
	app_status(st->app, _("%ld shifts copied forward."), n);
	return SCREEN_CHANGED;
}

/* ---- passes ---- */

static int p_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct cp_state *st = ctx;
	struct pass *tmp = xcalloc((size_t)n, sizeof *tmp);
	int m = db_pass_page(app_db(st->app), anchor, dir, n, tmp, e);

	for (int i = 0; i < m; i++) {
		struct pass *p = xmalloc(sizeof *p);

		*p = tmp[i];
		out[i] = p;
	}
	free(tmp);
	return m;
}

static void p_row_free(void *ctx, void *row)
{
	(void)ctx;
	db_pass_clear(row);
	free(row);
}

static int pass_state(const struct pass *p)
{
	char today[DATE_STR];
	struct date t;

	if (p->revoked_at[0])
		return 2;
	clock_today(&t);
	date_format(&t, today);
	if (p->valid_until[0] && strcmp(p->valid_until, today) < 0)
		return 1;
	return 0;
}

static void p_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct pass *p = row;

	(void)ctx;
	switch (col) {
	case 0:
		strbuf_puts(out, p->pass_no);
		break;
	case 1:
		strbuf_puts(out, p->household_code);
		break;
	case 2:
		strbuf_puts(out, p->head_name);
		break;
	case 3:
		strbuf_puts(out, p->grid_name);
		break;
	case 4:
		strbuf_puts(out, p->issued_date);
		break;
	case 5:
		strbuf_puts(out, p->valid_until[0] ? p->valid_until : "—");
		break;
	default: {
		int s = pass_state(p);

		if (s == 2)
			strbuf_printf(out, _("revoked: %s"), p->revoke_reason);
		else
			strbuf_puts(out, s == 1 ? _("expired") : _("valid"));
	}
	}
}

static int p_role(void *ctx, const void *row)
{
	(void)ctx;
	return pass_state(row) ? THEME_DIM : THEME_NORMAL;
}

static const struct list_column p_cols[] = {
    {N_("Pass"), 8, 0, 0},    {N_("Household"), 9, 1, 0},
    {N_("Head"), 6, 1, 0},    {N_("Grid"), 6, 1, 0},
    {N_("Issued"), 10, 0, 0}, {N_("Valid until"), 11, 0, 0},
    {N_("State"), 8, 1, 0},   {NULL, 0, 0, 0},
};

static const struct list_ops p_ops = {p_fetch, p_row_free, p_cell, p_role};

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
	form_add_text(f, "target", N_("Household code, grid name, or * for all"), "", limits_max("grids", "name"),
		      FORM_REQUIRED, NULL);
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

static void revoke_close(void *ctx, int saved)
{
	(void)saved;
	free(ctx);
}

/* ---- the screen ---- */

static void cp_reload(struct cp_state *st)
{
	switch (st->view) {
	case VIEW_GATE:
		gate_refresh(st);
		gate_reload_outs(st);
		break;
	case VIEW_ROSTER:
		roster_load(st);
		roster_clamp_line(st);
		break;
	default:
		list_reload(st->plist);
		break;
	}
}

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
	st->plist = list_new(s->app, &p_ops, st, p_cols);
	list_set_empty(st->plist, _("No pass issued yet: n issues passes."));
	s->state = st;
	gate_reload_outs(st);
	return 0;
}

static void cp_layout(struct screen *s, struct rect r)
{
	struct cp_state *st = s->state;

	list_layout(st->plist, (struct rect){r.y + 1, r.x, r.h - 1, r.w});
}

static void cp_draw(struct screen *s)
{
	struct cp_state *st = s->state;

	switch (st->view) {
	case VIEW_GATE:
		gate_draw(s);
		break;
	case VIEW_ROSTER:
		roster_draw(s);
		break;
	default:
		draw_fit(s->r.y, s->r.x, s->r.w,
			 _("Passes: n issue (a household, a grid or *), x revoke"), THEME_TITLE);
		list_draw(st->plist, 1);
		break;
	}
}

static int cp_event(struct screen *s, const struct event *ev)
{
	struct cp_state *st = s->state;

	if (ev->type != EVENT_KEY) {
		if (st->view == VIEW_PASSES)
			return list_event(st->plist, ev);
		return SCREEN_IGNORED;
	}
	switch (st->view) {
	case VIEW_GATE:
		if (ev->act == ACT_OUT || ev->act == ACT_IN || ev->act == ACT_OPEN ||
		    ev->act == ACT_TEMPERATURE || ev->act == ACT_NEW || ev->act == ACT_SWITCH_VIEW ||
		    ev->act == ACT_CHECKPOINT || ev->act == ACT_QUIT)
			return SCREEN_IGNORED; /* the handler table */
		if (ev->act == ACT_CANCEL && (st->shown || st->le.len)) {
			st->shown = 0;
			st->recorded = 0;
			lineedit_set_utf8(&st->le, "");
			return SCREEN_HANDLED;
		}
		return text_field_key(&st->le, TEXT_FIELD_NUMBER, ev, NULL);
	case VIEW_ROSTER:
		switch (ev->act) {
		case ACT_UP:
			roster_move(st, -1);
			return SCREEN_HANDLED;
		case ACT_DOWN:
			roster_move(st, 1);
			return SCREEN_HANDLED;
		case ACT_CHAR_LEFT:
			if (st->cur_day > 0)
				st->cur_day--;
			roster_clamp_line(st);
			return SCREEN_HANDLED;
		case ACT_CHAR_RIGHT:
			if (st->cur_day < 6)
				st->cur_day++;
			roster_clamp_line(st);
			return SCREEN_HANDLED;
		case ACT_PAGE_UP:
		case ACT_PAGE_DOWN:
			st->monday = date_add(&st->monday, ev->act == ACT_PAGE_UP ? -7 : 7);
			roster_load(st);
			roster_clamp_line(st);
			return SCREEN_HANDLED;
		default:
			return SCREEN_IGNORED;
		}
	default:
		return list_event(st->plist, ev);
	}
}

static int cp_text_focus(struct screen *s)
{
	struct cp_state *st = s->state;

	return st->view == VIEW_GATE;
}

static int act_switch(struct screen *s)
{
	struct cp_state *st = s->state;

	st->view = (st->view + 1) % VIEW_COUNT;
	cp_reload(st);
	return SCREEN_HANDLED;
}

/* t: an outing with the temperature taken (tui/gate_temp). */
static int act_temperature(struct screen *s)
{
	struct cp_state *st = s->state;

	if (st->view != VIEW_GATE)
		return SCREEN_IGNORED;
	if (!st->shown) {
		app_error(st->app, "%s", _("Type or scan a pass number first."));
		return SCREEN_HANDLED;
	}
	gate_temp_push(st->app, &st->info, st->cp_id);
	return SCREEN_HANDLED;
}

static int act_out(struct screen *s)
{
	struct cp_state *st = s->state;

	return st->view == VIEW_GATE ? gate_record(st, "out") : SCREEN_IGNORED;
}

static int act_in(struct screen *s)
{
	struct cp_state *st = s->state;

	return st->view == VIEW_GATE ? gate_record(st, "in") : SCREEN_IGNORED;
}

static int act_open(struct screen *s)
{
	struct cp_state *st = s->state;
	struct shift *sh;

	if (st->view == VIEW_GATE)
		return gate_lookup(st);
	if (st->view == VIEW_ROSTER && st->n_cps) {
		sh = cursor_shift(st);
		shift_form(st, sh);
	}
	return SCREEN_HANDLED;
}

static int act_new(struct screen *s)
{
	struct cp_state *st = s->state;

	if (st->view == VIEW_ROSTER) {
		if (!st->n_cps)
			cp_new_form(st);
		else
			shift_form(st, NULL);
	} else if (st->view == VIEW_PASSES) {
		issue_form(st);
	} else {
		visitors_push(st->app, st->cp_id); /* the gate: the visitor log */
	}
	return SCREEN_HANDLED;
}

static int act_delete(struct screen *s)
{
	struct cp_state *st = s->state;
	struct shift *sh = st->view == VIEW_ROSTER ? cursor_shift(st) : NULL;
	struct del_ctx *d;
	char q[256];

	if (!sh)
		return SCREEN_HANDLED;
	d = xcalloc(1, sizeof *d);
	d->st = st;
	d->id = sh->id;
	snprintf(q, sizeof q, _("Delete the shift %s %s-%s of %s?"), sh->date, sh->start_time,
		 sh->end_time, sh->staff_id < 0 ? _("nobody") : sh->staff_name);
	if (confirm_push(s->app, q, shift_delete_answer, d) < 0)
		free(d);
	return SCREEN_HANDLED;
}

static int act_present(struct screen *s)
{
	struct cp_state *st = s->state;
	struct shift *sh = st->view == VIEW_ROSTER ? cursor_shift(st) : NULL;
	struct err e;
	int next;

	if (!sh || sh->staff_id < 0)
		return SCREEN_HANDLED;
	err_clear(&e);
	next = sh->present == -1 ? 1 : sh->present == 1 ? 0 : -1;
	if (db_shift_set_present(app_db(s->app), sh->id, next, &e) < 0) {
		app_error_err(s->app, &e);
		return SCREEN_HANDLED;
	}
	return SCREEN_HANDLED | SCREEN_CHANGED;
}

static int act_copy(struct screen *s)
{
	struct cp_state *st = s->state;
	const char *labels[2];
	char a[128], b[128], iso[DATE_STR], next[DATE_STR];

	if (st->view != VIEW_ROSTER)
		return SCREEN_HANDLED;
	day_iso(st, st->cur_day, iso);
	day_iso(st, st->cur_day + 1, next);
	snprintf(a, sizeof a, _("This day (%s) to the next (%s)"), iso, next);
	snprintf(b, sizeof b, "%s", _("This week to the next week"));
	labels[0] = a;
	labels[1] = b;
	picklist_push(s->app, _("Copy the roster forward"), labels, 2, 0, copy_picked, st);
	return SCREEN_HANDLED;
}

static int act_void(struct screen *s)
{
	struct cp_state *st = s->state;
	const struct pass *p = st->view == VIEW_PASSES ? list_current(st->plist) : NULL;
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
	form_push(s->app, f, revoke_submit, revoke_close);
	return SCREEN_HANDLED;
}

static int act_print(struct screen *s)
{
	app_status(s->app, "%s",
		   _("Print from the Sheets tab: the duty sheet and the pass cards."));
	return SCREEN_HANDLED;
}

static int act_first(struct screen *s)
{
	struct cp_state *st = s->state;
	struct date today;

	if (st->view != VIEW_ROSTER)
		return st->view == VIEW_PASSES ? SCREEN_IGNORED : SCREEN_HANDLED;
	clock_today(&today);
	st->monday = date_add(&today, -date_weekday(&today));
	st->cur_day = date_weekday(&today);
	roster_load(st);
	roster_clamp_line(st);
	return SCREEN_HANDLED;
}

static int cp_can(struct screen *s, enum action act)
{
	struct cp_state *st = s->state;

	switch (act) {
	case ACT_OUT:
	case ACT_IN:
	case ACT_TEMPERATURE:
		return st->view == VIEW_GATE && st->shown;
	case ACT_OPEN:
		return st->view != VIEW_PASSES;
	case ACT_CHECKPOINT:
		return st->view != VIEW_PASSES;
	case ACT_NEW:
		return 1;
	case ACT_PRINT:
		return st->view != VIEW_GATE;
	case ACT_EDIT:
	case ACT_DELETE:
	case ACT_PRESENT:
	case ACT_COPY:
		return st->view == VIEW_ROSTER;
	case ACT_VOID:
		return st->view == VIEW_PASSES;
	default:
		return 1;
	}
}

static void cp_changed(struct screen *s)
{
	cp_reload(s->state);
}

static void cp_close(struct screen *s)
{
	struct cp_state *st = s->state;

	db_gate_info_clear(&st->info);
	db_gate_outs_free(st->outs, st->n_outs);
	free(st->cp_name);
	roster_free(st);
	list_free(&st->plist);
	lineedit_free(&st->le);
	free(st);
}

static const struct keybind cp_keys[] = {
    {0, 'o', ACT_OUT},
    {0, 'i', ACT_IN},
    {0, 't', ACT_TEMPERATURE},
    {0, 'n', ACT_NEW},
    {0, 'v', ACT_SWITCH_VIEW},
    {0, 'c', ACT_CHECKPOINT},
    {0, 'y', ACT_COPY},
    {0, ' ', ACT_PRESENT},
    {0, 'x', ACT_VOID},
    {0, 'q', ACT_QUIT},
    {0, '\n', ACT_OPEN},
    {0, '\r', ACT_OPEN},
    {0, KEYS_FN(KEY_ENTER), ACT_OPEN},
    {0, 0, ACT_NONE},
};

static const struct screen_handler cp_handlers[] = {
    {ACT_OPEN, act_open, N_("look up / edit")},
    {ACT_OUT, act_out, NULL},
    {ACT_IN, act_in, NULL},
    {ACT_TEMPERATURE, act_temperature, N_("with temperature")},
    {ACT_SWITCH_VIEW, act_switch, N_("gate/roster/passes")},
    {ACT_CHECKPOINT, choose_checkpoint, NULL},
    {ACT_NEW, act_new, NULL},
    {ACT_EDIT, act_open, NULL},
    {ACT_DELETE, act_delete, NULL},
    {ACT_PRESENT, act_present, NULL},
    {ACT_COPY, act_copy, NULL},
    {ACT_VOID, act_void, N_("revoke")},
    {ACT_PRINT, act_print, NULL},
    {ACT_FIRST, act_first, NULL},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class checkpoints_screen = {
    .name = N_("Checkpoints"),
    .keyctx = KEYCTX_BIT(KEYCTX_LIST) | KEYCTX_BIT(KEYCTX_TEXT),
    .keys = cp_keys,
    .handlers = cp_handlers,
    .open = cp_open,
    .layout = cp_layout,
    .draw = cp_draw,
    .event = cp_event,
    .data_changed = cp_changed,
    .text_focus = cp_text_focus,
    .can = cp_can,
    .close = cp_close,
};
