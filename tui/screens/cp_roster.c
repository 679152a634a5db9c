/* cp_roster: the duty roster view of the Checkpoints tab (a week of
 * shifts per checkpoint, gaps and double bookings); see cp_roster.h. */
#include "tui/screens/cp_roster.h"

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
#include "tui/ops/shift.h"
#include "tui/screens/cp_state.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/widget_list.h"
#include "tui/widgets/widget_text.h"

static void short_date(const char *iso, char out[6])
{
	snprintf(out, 6, "%.5s", strlen(iso) >= 10 ? iso + 5 : iso);
}

/* A big block of three rows in the role's colour, reversed, with the text
 * spread out in the middle: readable from a step away from the screen. */
void cp_roster_free(struct cp_state *st)
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
	cp_roster_free(st);
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

/* A checkpoint's name in the first column of its block, wrapped over the
 * block's lines when longer than the column; cut (with its sign) only
 * when the block has too few lines. */
static void draw_cp_name(struct rect r, const char *name, enum theme_role role)
{
	if (draw_wrapped((struct rect){r.y, r.x, 0, r.w}, name, 0, role) <= r.h)
		draw_wrapped(r, name, 0, role);
	else
		draw_fit(r.y, r.x, r.w, name, role);
}

/* A shift in its cell: "07-14王芳✓", or, compact, the start hour alone
 * before the name ("07王芳✓"; the line under the grid gives the cursor's
 * whole shift). */
static void shift_cell(const struct shift *sh, int compact, char *line, size_t size)
{
	const char *who = sh->staff_id < 0 ? "——" : sh->staff_name;
	const char *mark = sh->present == 1 ? "✓" : sh->present == 0 ? "✗" : "";

	if (compact)
		snprintf(line, size, "%.2s%s%s", sh->start_time, who, mark);
	else
		snprintf(line, size, "%.2s-%.2s%s%s", sh->start_time, sh->end_time, who, mark);
}

/* 1 when some shift of the week does not fit cols whole: the grid is then
 * drawn compact, all of it alike. */
static int roster_compact(const struct cp_state *st, int cols)
{
	char line[256];

	for (size_t i = 0; i < st->n_shifts; i++) {
		shift_cell(&st->shifts[i], 0, line, sizeof line);
		if (textwidth_utf8(line) > cols)
			return 1;
	}
	return 0;
}

static void roster_draw(struct screen *s)
{
	static const char *const wd[7] = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					  N_("Fri"), N_("Sat"), N_("Sun")};
	struct cp_state *st = s->state;
	struct rect r = s->r;
	int name_w = 8, col_w = (r.w - name_w - 1) / 7, y = r.y, flags_h, grid_bottom;
	int compact = roster_compact(st, col_w - 1);
	char line[512], sun[DATE_STR], iso[DATE_STR];
	struct date sunday = date_add(&st->monday, 6);

	date_format(&sunday, sun);
	day_iso(st, 0, iso);
	snprintf(line, sizeof line,
		 _("Duty roster, week of %s to %s    gaps: %zu  double-booked: %zu"), iso, sun,
		 st->n_gaps, st->n_clashes);
	draw_fit(y++, r.x, r.w, line, THEME_TITLE);
	/* TRANSLATORS: the checkpoint column of the week grid, 8 columns at most */
	draw_fit(y, r.x, name_w, _("Post"), THEME_HEADER);
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

		draw_cp_name(
		    (struct rect){y, r.x, bh < grid_bottom - y ? bh : grid_bottom - y, name_w},
		    st->cps[c].name, c == st->cur_cp ? THEME_TITLE : THEME_NORMAL);
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

					shift_cell(sh, compact, line, sizeof line);
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
			draw_fit(r.y + r.h - 1, r.x, r.w, _("No shift here: n adds one."),
				 THEME_DIM);
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
	form_add_number(f, "start", N_("From"), sf->sh.start_time, 5, FORM_REQUIRED, formcheck_time);
	form_add_number(f, "end", N_("To"), sf->sh.end_time, 5, FORM_REQUIRED, formcheck_time);
	form_add_text(f, "person", N_("Person (empty: nobody yet)"), edit ? edit->staff_name : "",
		      limits_max("staff", "name"), 0, check_person);
	form_add_enum(f, "role", N_("Role"), model_shift_role, sf->sh.role, FORM_REQUIRED);
	form_add_text(f, "notes", N_("Notes"), sf->sh.notes, limits_max("shifts", "notes"), 0,
		      NULL);
	form_push(st->app, f, shift_submit, shift_form_close);
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

/* ---- the roster's screen class ---- */

/* Arrows move the cursor over days and shifts, PgUp/PgDn a week. */
static int roster_event(struct screen *s, const struct event *ev)
{
	struct cp_state *st = s->state;

	if (ev->type != EVENT_KEY)
		return SCREEN_IGNORED;
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
}

static int act_edit(struct screen *s)
{
	struct cp_state *st = s->state;
	struct shift *sh;

	if (st->n_cps) {
		sh = cursor_shift(st);
		shift_form(st, sh);
	}
	return SCREEN_HANDLED;
}

static int act_new(struct screen *s)
{
	struct cp_state *st = s->state;

	if (!st->n_cps)
		cp_new_form(st);
	else
		shift_form(st, NULL);
	return SCREEN_HANDLED;
}

static int act_delete(struct screen *s)
{
	struct cp_state *st = s->state;
	struct shift *sh = cursor_shift(st);
	char *q;

	if (!sh)
		return SCREEN_HANDLED;
	q = xasprintf(_("Delete the shift %s %s-%s of %s?"), sh->date, sh->start_time, sh->end_time,
		      sh->staff_id < 0 ? _("nobody") : sh->staff_name);
	confirm_delete_push(s->app, q, db_shift_delete, sh->id, NULL);
	free(q);
	return SCREEN_HANDLED;
}

static int act_present(struct screen *s)
{
	struct cp_state *st = s->state;
	struct shift *sh = cursor_shift(st);
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

	day_iso(st, st->cur_day, iso);
	day_iso(st, st->cur_day + 1, next);
	snprintf(a, sizeof a, _("This day (%s) to the next (%s)"), iso, next);
	snprintf(b, sizeof b, "%s", _("This week to the next week"));
	labels[0] = a;
	labels[1] = b;
	picklist_push(s->app, _("Copy the roster forward"), labels, 2, 0, copy_picked, st);
	return SCREEN_HANDLED;
}

static int act_first(struct screen *s)
{
	struct cp_state *st = s->state;
	struct date today;

	clock_today(&today);
	st->monday = date_add(&today, -date_weekday(&today));
	st->cur_day = date_weekday(&today);
	roster_load(st);
	roster_clamp_line(st);
	return SCREEN_HANDLED;
}

static void roster_changed(struct screen *s)
{
	roster_load(s->state);
	roster_clamp_line(s->state);
}

static const struct keybind roster_keys[] = {
    {0, 'n', ACT_NEW},	 {0, 'v', ACT_SWITCH_VIEW}, {0, 'c', ACT_CHECKPOINT},
    {0, 'y', ACT_COPY},	 {0, ' ', ACT_PRESENT},	    {0, 'q', ACT_QUIT},
    {0, '\n', ACT_OPEN}, {0, '\r', ACT_OPEN},	    {0, KEYS_FN(KEY_ENTER), ACT_OPEN},
    {0, 0, ACT_NONE},
};

static const struct screen_handler roster_handlers[] = {
    {ACT_OPEN, act_edit, N_("edit")},
    {ACT_SWITCH_VIEW, cp_switch_view, N_("gate/roster/passes")},
    {ACT_CHECKPOINT, cp_choose_checkpoint, NULL},
    {ACT_NEW, act_new, NULL},
    {ACT_EDIT, act_edit, NULL},
    {ACT_DELETE, act_delete, NULL},
    {ACT_PRESENT, act_present, NULL},
    {ACT_COPY, act_copy, NULL},
    {ACT_PRINT, cp_print, NULL},
    {ACT_FIRST, act_first, NULL},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class cp_roster_screen = {
    .name = N_("Checkpoints: duty roster"),
    .kind = SCREEN_KIND_LIST_ENTRY,
    .keys = roster_keys,
    .handlers = roster_handlers,
    .draw = roster_draw,
    .event = roster_event,
    .data_changed = roster_changed,
    .close = cp_close,
};
