/* cp_gate: the gate view of the Checkpoints tab (a pass typed or scanned,
 * the household's verdict, outings recorded); see cp_gate.h. */
#include "tui/screens/cp_gate.h"

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
#include "tui/screens/gate_temp.h"
#include "tui/screens/visitors.h"
#include "tui/screens/cp_state.h"
#include "tui/widgets/form.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/widget_list.h"
#include "tui/widgets/widget_text.h"

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
	draw_fit(y, r.x + 29, r.w - 29, _("Enter look up · o out · i in · t °C · n visitors"),
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

/* ---- the pass number: an overlay of its own ---- */

/* The pass number being typed is an overlay over the gate view (issue 16
 * section 5): its key table is Enter (look up) and Esc (clear), with the
 * gate's own keys passed on to the gate as before (o, i, t, n, v, c, q
 * act on the household shown while a number is half typed); it draws the
 * field over the view's.  It closes after a look-up, on Esc, and when
 * the tab leaves the gate view (v). */
struct gate_pass {
	struct cp_state *st;
	struct screen *gate; /* the tab's screen, showing the gate view */
};

static const struct screen_class gate_pass_screen;

static void gp_close(struct screen *s)
{
	free(s->state);
	s->state = NULL;
}

static void gp_draw(struct screen *s)
{
	struct gate_pass *gp = s->state;
	struct rect r = gp->gate->r;

	text_field_draw(s->app, &gp->st->le, r.y + 2, r.x + 15, 12, THEME_FIELD_FOCUS, 1);
}

/* Enter: the pass typed is looked up; the overlay closes. */
static int gp_lookup(struct screen *s)
{
	struct gate_pass *gp = s->state;

	return gate_lookup(gp->st) | SCREEN_POP;
}

/* Esc: the number and the household shown are cleared. */
static int gp_clear(struct screen *s)
{
	struct gate_pass *gp = s->state;

	gp->st->shown = 0;
	gp->st->recorded = 0;
	lineedit_set_utf8(&gp->st->le, "");
	return SCREEN_HANDLED | SCREEN_POP;
}

/* o, i, t, n, v, c: the gate's, as when no number is being typed. */
static int gp_gate_key(struct screen *s)
{
	struct gate_pass *gp = s->state;
	struct event ev = {.type = EVENT_KEY, .act = screen_action(s)};
	int f = screen_dispatch(gp->gate, &ev);

	if (gp->gate->cls != &cp_gate_screen)
		f |= SCREEN_HANDLED | SCREEN_POP; /* v: another view now */
	return f;
}

static int gp_event(struct screen *s, const struct event *ev)
{
	struct gate_pass *gp = s->state;

	if (ev->type == EVENT_PASTE)
		return text_field_key(&gp->st->le, TEXT_FIELD_NUMBER, ev, NULL);
	if (ev->type != EVENT_KEY || screen_handles(s, ev->act) || ev->act == ACT_QUIT)
		return SCREEN_IGNORED; /* the handler table, or q: quit as anywhere */
	return text_field_key(&gp->st->le, TEXT_FIELD_NUMBER, ev, NULL);
}

static int gp_can(struct screen *s, enum action act)
{
	struct gate_pass *gp = s->state;

	return gp->gate->cls->can ? gp->gate->cls->can(gp->gate, act) : 1;
}

static const struct keybind gate_pass_keys[] = {
    {0, '\n', ACT_OPEN}, {0, '\r', ACT_OPEN},	    {0, KEYS_FN(KEY_ENTER), ACT_OPEN},
    {0, 'o', ACT_OUT},	 {0, 'i', ACT_IN},	    {0, 't', ACT_TEMPERATURE},
    {0, 'n', ACT_NEW},	 {0, 'v', ACT_SWITCH_VIEW}, {0, 'c', ACT_CHECKPOINT},
    {0, 'q', ACT_QUIT},	 {0, 0, ACT_NONE},
};

static const struct screen_handler gate_pass_handlers[] = {
    {ACT_OPEN, gp_lookup, N_("look up")},
    {ACT_OUT, gp_gate_key, NULL},
    {ACT_IN, gp_gate_key, NULL},
    {ACT_TEMPERATURE, gp_gate_key, N_("with temperature")},
    {ACT_SWITCH_VIEW, gp_gate_key, N_("gate/roster/passes")},
    {ACT_CHECKPOINT, gp_gate_key, NULL},
    {ACT_NEW, gp_gate_key, NULL},
    {ACT_CANCEL, gp_clear, N_("clear")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class gate_pass_screen = {
    .name = N_("Checkpoints: a pass number"),
    .kind = SCREEN_KIND_ENTRY,
    .keys = gate_pass_keys,
    .handlers = gate_pass_handlers,
    .open = screen_open_arg,
    .draw = gp_draw,
    .event = gp_event,
    .can = gp_can,
    .close = gp_close,
};

/* ---- the gate's screen class ---- */

/* A key or paste for the pass number: the overlay opens and takes it. */
static int gate_pass_start(struct screen *s, const struct event *ev)
{
	struct gate_pass *gp = xcalloc(1, sizeof *gp);
	int f, changed = 0;

	gp->st = s->state;
	gp->gate = s;
	f = text_field_key(&gp->st->le, TEXT_FIELD_NUMBER, ev, &changed);
	if (!changed) { /* not the field's, or a character it refuses */
		free(gp);
		return f;
	}
	if (app_push(s->app, &gate_pass_screen, gp) < 0)
		free(gp);
	return f;
}

static int gate_event(struct screen *s, const struct event *ev)
{
	struct cp_state *st = s->state;

	if (ev->type == EVENT_PASTE)
		return gate_pass_start(s, ev);
	if (ev->type != EVENT_KEY)
		return SCREEN_IGNORED;
	if (screen_handles(s, ev->act) || ev->act == ACT_QUIT)
		return SCREEN_IGNORED; /* the handler table, or q: quit as anywhere */
	if (ev->act == ACT_CANCEL && (st->shown || st->le.len)) {
		st->shown = 0;
		st->recorded = 0;
		lineedit_set_utf8(&st->le, "");
		return SCREEN_HANDLED;
	}
	return gate_pass_start(s, ev);
}

/* The view takes text only to hand the first character (or a scanner's
 * paste) to the pass number's overlay. */
static int gate_text_focus(struct screen *s)
{
	(void)s;
	return 1;
}

/* t: an outing with the temperature taken (tui/gate_temp). */
static int act_temperature(struct screen *s)
{
	struct cp_state *st = s->state;

	if (!st->shown) {
		app_error(st->app, "%s", _("Type or scan a pass number first."));
		return SCREEN_HANDLED;
	}
	gate_temp_push(st->app, &st->info, st->cp_id);
	return SCREEN_HANDLED;
}

/* o and i: going out, coming back in. */
static int act_out_in(struct screen *s)
{
	return gate_record(s->state, screen_action(s) == ACT_OUT ? "out" : "in");
}

static int act_lookup(struct screen *s)
{
	return gate_lookup(s->state);
}

/* n at the gate: the visitor log. */
static int act_visitors(struct screen *s)
{
	struct cp_state *st = s->state;

	visitors_push(st->app, st->cp_id);
	return SCREEN_HANDLED;
}

static int gate_can(struct screen *s, enum action act)
{
	struct cp_state *st = s->state;

	if (act == ACT_OUT || act == ACT_IN || act == ACT_TEMPERATURE)
		return st->shown;
	return 1;
}

static void gate_changed(struct screen *s)
{
	gate_refresh(s->state);
	gate_reload_outs(s->state);
}

static const struct keybind gate_keys[] = {
    {0, 'o', ACT_OUT},	       {0, 'i', ACT_IN},
    {0, 't', ACT_TEMPERATURE}, {0, 'n', ACT_NEW},
    {0, 'v', ACT_SWITCH_VIEW}, {0, 'c', ACT_CHECKPOINT},
    {0, 'q', ACT_QUIT},	       {0, '\n', ACT_OPEN},
    {0, '\r', ACT_OPEN},       {0, KEYS_FN(KEY_ENTER), ACT_OPEN},
    {0, 0, ACT_NONE},
};

static const struct screen_handler gate_handlers[] = {
    {ACT_OPEN, act_lookup, N_("look up")},
    {ACT_OUT, act_out_in, NULL},
    {ACT_IN, act_out_in, NULL},
    {ACT_TEMPERATURE, act_temperature, N_("with temperature")},
    {ACT_SWITCH_VIEW, cp_switch_view, N_("gate/roster/passes")},
    {ACT_CHECKPOINT, cp_choose_checkpoint, NULL},
    {ACT_NEW, act_visitors, NULL},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class *const gate_overlays[] = {&gate_pass_screen, NULL};

const struct screen_class cp_gate_screen = {
    .name = N_("Checkpoints: gate"),
    .kind = SCREEN_KIND_LIST_ENTRY,
    .overlays = gate_overlays,
    .keys = gate_keys,
    .handlers = gate_handlers,
    .draw = gate_draw,
    .event = gate_event,
    .data_changed = gate_changed,
    .text_focus = gate_text_focus,
    .can = gate_can,
    .close = cp_close,
};
