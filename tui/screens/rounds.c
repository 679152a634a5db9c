/* rounds: the Rounds tab, its list and its fast entry; see rounds.h.  The
 * entry's rules (what a typed value means, who comes next) are
 * core/round's; this file reads keys and draws; the list and the walk
 * through it are tui/screens/rounds_list.c's, the entry tui/screens/rounds_entry.c's. */
#include "tui/screens/rounds.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/lineedit.h"
#include "core/model.h"
#include "core/round.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/temperature.h"
#include "core/textwidth.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/rounds.h"
#include "db/staff.h"
#include "db/visits.h"
#include "tui/app.h"
#include "tui/widgets/confirm.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/widget_list.h"
#include "tui/widgets/widget_text.h"
#include "tui/screens/rounds_entry.h"
#include "tui/screens/rounds_list.h"
#include "tui/screens/rounds_state.h"

/* ---- handlers ---- */

static int save_outcome(struct screen *s, enum visit_outcome o)
{
	struct rounds *st = s->state;
	const struct rounds_row *r = rounds_current(st);
	struct visit_new v = {.date = st->date, .outcome = o, .staff_id = -1};
	struct err e;
	char code[64];

	if (!r)
		return SCREEN_HANDLED;
	v.household_id = r->id;
	snprintf(code, sizeof code, "%s", r->code);
	err_clear(&e);
	if (db_visit_insert(app_db(st->app), &v, NULL, &e) < 0) {
		app_error_err(st->app, &e);
		return SCREEN_HANDLED;
	}
	rounds_reload(st);
	rounds_next_pending(st);
	app_status(st->app, _("Saved %s: %s."), code, _(model_outcome[o].label));
	return SCREEN_HANDLED | SCREEN_CHANGED;
}

/* n, x, a: no answer, refused, away. */
static int h_outcome(struct screen *s)
{
	enum action act = screen_action(s);

	return save_outcome(s, act == ACT_REFUSED ? VISIT_REFUSED
			       : act == ACT_AWAY  ? VISIT_AWAY
						  : VISIT_NO_ANSWER);
}

static int h_open(struct screen *s)
{
	struct rounds *st = s->state;
	const struct rounds_row *r = rounds_current(st);
	struct rounds_visit v;
	struct err e;
	int f;

	if (!r)
		return SCREEN_HANDLED;
	if (r->visit_id < 0) {
		rounds_entry_start(st, r, NULL);
		return SCREEN_HANDLED;
	}
	err_clear(&e);
	f = db_rounds_visit_get(app_db(st->app), r->visit_id, &v, &e);
	if (f < 0) {
		app_error_err(st->app, &e);
	} else if (f == 0) {
		app_error(st->app, "%s", _("That visit was just undone elsewhere."));
	} else if (rounds_entry_start(st, r, &v) == 0) {
		app_status(
		    st->app,
		    _("Editing the %.5s visit of %s: Enter keeps a value, Esc drops the edit."),
		    v.at + 11, r->code);
	}
	if (f > 0)
		db_rounds_visit_clear(&v);
	return SCREEN_HANDLED;
}

static int undo_answer(void *ctx, int yes)
{
	struct rounds *st = ctx;
	struct err e;
	int r;

	if (!yes)
		return 0;
	err_clear(&e);
	r = db_visit_undo(app_db(st->app), st->undo_id, &e);
	if (r < 0) {
		app_error_err(st->app, &e);
		return 0;
	}
	if (r == 0) {
		app_error(st->app, "%s", _("That visit was already undone."));
		return 0;
	}
	app_status(st->app, "%s", _("Visit undone (kept in the history)."));
	return SCREEN_CHANGED;
}

static int h_undo(struct screen *s)
{
	struct rounds *st = s->state;
	struct err e;
	struct rounds_visit v;
	long long staff, id;
	char *q;
	int f = 0;

	err_clear(&e);
	staff = db_staff_current_id(app_db(st->app), &e);
	if (staff < 0 || (f = db_visit_last(app_db(st->app), st->date, staff, &id, &e)) < 0) {
		app_error_err(st->app, &e);
		return SCREEN_HANDLED;
	}
	if (f == 0 || db_rounds_visit_get(app_db(st->app), id, &v, &e) != 1) {
		app_error(st->app, _("You saved no visit on %s to undo."), st->date);
		return SCREEN_HANDLED;
	}
	st->undo_id = id;
	q = xasprintf(_("Undo the visit of %s at %.5s (%s, %d readings)?"), v.code, v.at + 11,
		      _(model_outcome[visit_outcome_from_code(v.outcome) < 0
					  ? 0
					  : visit_outcome_from_code(v.outcome)]
			    .label),
		      v.n_readings);
	{
		struct rounds_row *r;

		/* show the household the question is about */
		if (db_rounds_row(app_db(st->app), v.household_id, st->date, &r, &e) == 1) {
			rounds_cursor_to(st, r->id, r->sort_key);
			db_rounds_row_free(&r);
		}
	}
	db_rounds_visit_clear(&v);
	confirm_push(st->app, q, undo_answer, st);
	free(q);
	return SCREEN_HANDLED;
}

struct grids {
	struct rounds *st;
	struct rounds_grid *g;
	int n, cap;
};

static int collect_grid(const struct rounds_grid *g, void *ctx)
{
	struct grids *gs = ctx;

	XGROW(gs->g, gs->cap, gs->n + 1, 8);
	gs->g[gs->n].id = g->id;
	gs->g[gs->n].name = xstrdup(g->name);
	gs->g[gs->n].staff = xstrdup(g->staff);
	gs->n++;
	return 0;
}

static void grids_free(struct grids *gs)
{
	for (int i = 0; i < gs->n; i++)
		db_rounds_grid_clear(&gs->g[i]);
	free(gs->g);
	gs->g = NULL;
	gs->n = gs->cap = 0;
}

/* Makes the round's grid g, taking its strings (g is left empty). */
static void grid_take(struct rounds *st, struct rounds_grid *g)
{
	db_rounds_grid_clear(&st->grid);
	st->grid = *g;
	memset(g, 0, sizeof *g);
}

static int grid_done(void *ctx, int index)
{
	struct grids *gs = ctx;
	struct rounds *st = gs->st;

	if (index >= 0 && index < gs->n) {
		grid_take(st, &gs->g[index]);
	} else if (index == gs->n) {
		db_rounds_grid_clear(&st->grid);
		st->grid.id = -1;
	}
	if (index >= 0)
		rounds_restart(st);
	grids_free(gs);
	free(gs);
	return 0;
}

static int h_grid(struct screen *s)
{
	struct rounds *st = s->state;
	struct grids *gs = xcalloc(1, sizeof *gs);
	char **labels;
	struct err e;
	int cur;

	gs->st = st;
	err_clear(&e);
	if (db_rounds_grids(app_db(st->app), collect_grid, gs, &e) < 0) {
		app_error_err(st->app, &e);
		grids_free(gs);
		free(gs);
		return SCREEN_HANDLED;
	}
	labels = xcalloc((size_t)gs->n + 1, sizeof *labels);
	cur = gs->n;
	for (int i = 0; i < gs->n; i++) {
		labels[i] = gs->g[i].staff[0] ? xasprintf("%s (%s)", gs->g[i].name, gs->g[i].staff)
					      : xstrdup(gs->g[i].name);
		if (gs->g[i].id == st->grid.id)
			cur = i;
	}
	labels[gs->n] = xstrdup(_("All households"));
	if (picklist_push_owned(st->app, _("Which grid?"), labels, gs->n + 1, cur, grid_done, gs) <
	    0) {
		grids_free(gs);
		free(gs);
	}
	return SCREEN_HANDLED;
}

static int h_find(struct screen *s)
{
	rounds_find_start(s->state, "");
	return SCREEN_HANDLED;
}

static int h_date(struct screen *s)
{
	struct rounds *st = s->state;

	st->mode = MODE_DATE;
	lineedit_set_utf8(&st->field, "");
	st->field_bad = 0;
	return SCREEN_HANDLED;
}

static int shift_day(struct screen *s, int n)
{
	struct rounds *st = s->state;
	struct date d, t;
	struct err e;

	err_clear(&e);
	if (date_parse_iso(st->date, &d, &e) < 0)
		clock_today(&d);
	t = date_add(&d, n);
	date_format(&t, st->date);
	rounds_restart(st);
	return SCREEN_HANDLED;
}

/* [ and ]: a day back or forward. */
static int h_day(struct screen *s)
{
	return shift_day(s, screen_action(s) == ACT_NEXT_DAY ? 1 : -1);
}

/* Handlers never run while the date or find prompt is open: the event
 * function takes every key then.  An entry is an overlay of its own
 * (tui/screens/rounds_entry.c) with its own keys. */
static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_open, N_("edit")},
    {ACT_NO_ANSWER, h_outcome, NULL},
    {ACT_REFUSED, h_outcome, NULL},
    {ACT_AWAY, h_outcome, NULL},
    {ACT_UNDO, h_undo, NULL},
    {ACT_GRID, h_grid, NULL},
    {ACT_DATE, h_date, NULL},
    {ACT_FILTER, h_find, N_("find")},
    {ACT_PREV_DAY, h_day, NULL},
    {ACT_NEXT_DAY, h_day, NULL},
    {ACT_REFRESH, screen_act_refresh, NULL},
    {0},
};

/* The digits, ASCII and full-width (a Chinese input method types those),
 * are temperatures here: bound in this table, they shadow the global tab
 * keys 1-8, and the help says so. */
#define DIGIT_KEYS(base)                                                                           \
	{0, (base) + 0, ACT_TEMPERATURE}, {0, (base) + 1, ACT_TEMPERATURE},                        \
	    {0, (base) + 2, ACT_TEMPERATURE}, {0, (base) + 3, ACT_TEMPERATURE},                    \
	    {0, (base) + 4, ACT_TEMPERATURE}, {0, (base) + 5, ACT_TEMPERATURE},                    \
	    {0, (base) + 6, ACT_TEMPERATURE}, {0, (base) + 7, ACT_TEMPERATURE},                    \
	    {0, (base) + 8, ACT_TEMPERATURE},                                                      \
	{                                                                                          \
		0, (base) + 9, ACT_TEMPERATURE                                                     \
	}

static const struct keybind own_keys[] = {
    {0, 'n', ACT_NO_ANSWER}, {0, 'x', ACT_REFUSED}, {0, 'a', ACT_AWAY},	    {0, 'u', ACT_UNDO},
    {0, 'g', ACT_GRID},	     {0, 'd', ACT_DATE},    {0, '[', ACT_PREV_DAY}, {0, ']', ACT_NEXT_DAY},
    DIGIT_KEYS('0'),	     DIGIT_KEYS(0xFF10),    {0, 0, ACT_NONE},
};

/* ---- the screen ---- */

static int r_open(struct screen *s, void *arg, struct err *e)
{
	struct rounds *st = xcalloc(1, sizeof *st);

	(void)arg;
	st->app = s->app;
	st->edit_visit = -1;
	st->re.household_id = -1;
	st->resume_id = -1;
	rounds_today(st->date);
	if (db_rounds_default_grid(app_db(s->app), app_staff(s->app), &st->grid, e) < 0) {
		free(st);
		return -1;
	}
	lineedit_init(&st->field, 16);
	st->list = list_new(s->app, &rounds_list_ops, st, rounds_columns);
	list_set_empty(st->list, _("No household in this grid: add them on the Households tab, "
				   "or pick another grid (g)."));
	s->state = st;
	rounds_load_counts(st);
	return 0;
}

static void r_layout(struct screen *s, struct rect r)
{
	struct rounds *st = s->state;
	int head = st->head_lines ? st->head_lines : 1;
	struct rect lr = {r.y + head, r.x, r.h - 1 - head, r.w};

	st->r = r;
	list_layout(st->list, lr);
	if (!st->placed && lr.h > 0) {
		st->placed = 1;
		rounds_first_pending(st);
	}
}

/* What "done" is made of, the outcomes that occur: "visited 3 · no
 * answer 1"; "" while nothing is done. */
static void done_breakdown(const struct visit_counts *c, char *buf, size_t size)
{
	const struct {
		const char *label;
		int n;
	} part[] = {{N_("visited"), c->visited},
		    {N_("no answer"), c->no_answer},
		    {N_("refused"), c->refused},
		    {N_("away"), c->away}};
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof part / sizeof part[0]; i++)
		if (part[i].n && len + 1 < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%s %d", len ? " · " : "",
						_(part[i].label), part[i].n);
}

/* The title line: grid, date, done and fevers, then the breakdown of done
 * in brackets when it fits, else on a second line of its own (the list
 * moves down one).  Returns the lines it takes. */
static int draw_header(struct rounds *st)
{
	struct rect r = st->r;
	char buf[400], fev[120], parts[300];
	char *g = st->grid.id < 0 ? xstrdup(_("All households"))
		  : st->grid.staff && st->grid.staff[0]
		      ? xasprintf("%s (%s)", st->grid.name, st->grid.staff)
		      : xstrdup(st->grid.name);
	int x, lines, room;

	snprintf(buf, sizeof buf, " · %s · %s %d / %d", st->date, _("done"), st->counts.done,
		 st->counts.households);
	snprintf(fev, sizeof fev, " · %s %d", _("fevers"), st->counts.fevers);
	done_breakdown(&st->counts, parts, sizeof parts);
	lines = parts[0] && textwidth_utf8(g) + textwidth_utf8(buf) + textwidth_utf8(fev) +
				    textwidth_utf8(parts) + 3 >
				r.w
		    ? 2
		    : 1;
	/* a long grid name gives way (with its sign) to the counts */
	room = r.w - textwidth_utf8(buf) - textwidth_utf8(fev);
	room = room < 1 ? 1 : textwidth_utf8(g) < room ? textwidth_utf8(g) : room;
	draw_fill(r.y, r.x, r.w, THEME_TITLE);
	draw_fit(r.y, r.x, room, g, THEME_TITLE);
	x = r.x + room;
	free(g);
	x += draw_text(r.y, x, r.x + r.w - x, buf, THEME_TITLE);
	x += draw_text(r.y, x, r.x + r.w - x, fev, st->counts.fevers ? THEME_ALERT : THEME_TITLE);
	if (lines == 1 && parts[0]) {
		char *p = xasprintf(" (%s)", parts);

		draw_text(r.y, x, r.x + r.w - x, p, THEME_TITLE);
		free(p);
	} else if (lines == 2) {
		draw_fill(r.y + 1, r.x, r.w, THEME_TITLE);
		draw_fit(r.y + 1, r.x, r.w, parts, THEME_TITLE);
	}
	return lines;
}

/* The last line of the body: what the keys do now. */
static void draw_footer(struct rounds *st)
{
	int y = st->r.y + st->r.h - 1, x = st->r.x;

	draw_fill(y, x, st->r.w, THEME_NORMAL);
	if (st->mode == MODE_FIND) {
		x += draw_text(y, x, st->r.w, _("Find: "), THEME_LABEL);
		text_field_draw(st->app, &st->field, y, x, 12,
				st->field_bad ? THEME_FIELD_BAD : THEME_FIELD_FOCUS, 1);
		draw_text(y, x + 13, st->r.x + st->r.w - x - 13,
			  _("code, name or initials (zs); Down next; Enter, Esc"), THEME_DIM);
		return;
	}
	if (st->mode == MODE_DATE) {
		x += draw_text(y, x, st->r.w, _("Date: "), THEME_LABEL);
		text_field_draw(st->app, &st->field, y, x, 12,
				st->field_bad ? THEME_FIELD_BAD : THEME_FIELD_FOCUS, 1);
		draw_text(y, x + 13, st->r.x + st->r.w - x - 13,
			  _("2020-02-15, 0215, 15, t (today), -1 (yesterday); Enter, Esc"),
			  THEME_DIM);
		return;
	}
	draw_text(y, x, st->r.w,
		  _("Type a temperature on a row · / or 3- find a door · Enter edit a visit"),
		  THEME_DIM);
}

static void r_draw(struct screen *s)
{
	struct rounds *st = s->state;

	int head = draw_header(st);

	if (head != (st->head_lines ? st->head_lines : 1)) {
		st->head_lines = head;
		r_layout(s, st->r);
	}
	list_draw(st->list, 1);
	draw_footer(st); /* the entry's overlay draws its field and footer over */
}

static int r_event(struct screen *s, const struct event *ev)
{
	struct rounds *st = s->state;
	const struct rounds_row *r;
	int f;

	if (st->mode == MODE_DATE)
		return rounds_date_event(st, ev);
	if (st->mode == MODE_FIND)
		return rounds_find_event(st, ev);
	if (ev->type == EVENT_KEY && ev->act == ACT_TEMPERATURE) {
		r = rounds_current(st);
		if (!r) /* no row to type on: the digit keeps its global meaning (tabs) */
			return SCREEN_IGNORED;
		if (rounds_entry_start(st, r, NULL) < 0)
			return SCREEN_HANDLED;
		lineedit_set_utf8(&st->field, "");
		return rounds_entry_event(st, ev);
	}
	if (ev->type == EVENT_KEY && ev->act == ACT_NONE && !KEYS_IS_FN(ev->key) &&
	    ev->key >= 0x80 && rounds_current(st)) {
		/* a character no key means (a head's name through an input method):
		 * the first of a door to find */
		char c[5] = "";

		c[utf8_encode((uint32_t)ev->key, c)] = '\0';
		rounds_find_start(st, c);
		return SCREEN_HANDLED;
	}
	f = list_event(st->list, ev);
	if (f)
		return f;
	if (ev->type == EVENT_MOUSE && list_double_clicked(st->list))
		return h_open(s);
	return SCREEN_IGNORED;
}

static void r_data_changed(struct screen *s)
{
	rounds_reload(s->state);
}

static int r_text_focus(struct screen *s)
{
	return ((struct rounds *)s->state)->mode != MODE_LIST;
}

static int r_can(struct screen *s, enum action act)
{
	struct rounds *st = s->state;
	const struct rounds_row *r = rounds_current(st);

	switch (act) {
	case ACT_OPEN:
		return st->mode == MODE_LIST && r && r->visit_id >= 0;
	case ACT_NO_ANSWER:
	case ACT_REFUSED:
	case ACT_AWAY:
		return st->mode == MODE_LIST && r;
	default:
		return st->mode == MODE_LIST;
	}
}

static int r_show(struct screen *s, const struct screen_target *t)
{
	struct rounds *st = s->state;
	struct rounds_row *r;
	struct err e;
	int f;

	if (!t || !t->kind || strcmp(t->kind, "household"))
		return 0;
	if (st->mode == MODE_ENTRY) {
		app_error(st->app, "%s",
			  _("Finish this household (Enter) or drop the entry (Esc) first."));
		return -1;
	}
	st->mode = MODE_LIST;
	if (t->date)
		snprintf(st->date, sizeof st->date, "%s", t->date);
	err_clear(&e);
	f = db_rounds_row(app_db(st->app), t->id, st->date, &r, &e);
	if (f <= 0) {
		if (f < 0)
			app_error_err(st->app, &e);
		else
			app_error(st->app, "%s", _("That household was deleted."));
		rounds_restart(st);
		return -1;
	}
	if (st->grid.id >= 0 && r->grid_id != st->grid.id) {
		struct grids gs = {0};

		db_rounds_grid_clear(&st->grid);
		st->grid.id = -1;
		if (r->grid_id >= 0 && db_rounds_grids(app_db(st->app), collect_grid, &gs, &e) == 0)
			for (int i = 0; i < gs.n; i++)
				if (gs.g[i].id == r->grid_id)
					grid_take(st, &gs.g[i]);
		grids_free(&gs);
	}
	rounds_load_counts(st);
	list_goto(st->list, r);
	db_rounds_row_free(&r);
	return 0;
}

static void r_close(struct screen *s)
{
	struct rounds *st = s->state;

	list_free(&st->list);
	round_entry_free(&st->re);
	lineedit_free(&st->field);
	db_rounds_grid_clear(&st->grid);
	rounds_resume_clear(st);
	free(st);
}

static const struct screen_class *const overlays[] = {&rounds_entry_screen, NULL};

const struct screen_class rounds_screen = {
    .name = N_("Rounds"),
    .kind = SCREEN_KIND_LIST_ENTRY,
    .overlays = overlays,
    .keys = own_keys,
    .handlers = handlers,
    .open = r_open,
    .layout = r_layout,
    .draw = r_draw,
    .event = r_event,
    .data_changed = r_data_changed,
    .text_focus = r_text_focus,
    .can = r_can,
    .show = r_show,
    .close = r_close,
};
