/* rounds: the Rounds tab, its list and its fast entry; see rounds.h.  The
 * entry's rules (what a typed value means, who comes next) are
 * core/round's; this file reads keys, draws, and saves through db/. */
#include "tui/rounds.h"

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
#include "core/xalloc.h"
#include "db/db.h"
#include "db/rounds.h"
#include "db/staff.h"
#include "db/visits.h"
#include "tui/app.h"
#include "tui/confirm.h"
#include "tui/picklist.h"
#include "tui/widget_list.h"
#include "tui/widget_text.h"

enum { COL_CODE, COL_HEAD, COL_PEOPLE, COL_STATUS };

enum mode {
	MODE_LIST,
	MODE_ENTRY, /* typing a visit's readings */
	MODE_DATE,  /* typing a date */
	MODE_FIND,  /* typing a door to jump to (/) */
};

struct rounds {
	struct app *app;
	struct list *list;
	struct rect r;
	struct rounds_grid grid;
	char date[DATE_STR];
	struct visit_counts counts;

	enum mode mode;
	struct round_entry re;
	long long edit_visit; /* the visit being edited, -1 for a new visit */
	char edit_at[20];     /* its time, kept by the edit */
	char entry_code[64];
	struct lineedit field;
	int field_bad; /* the last value was refused */
	long long undo_id;
	int placed; /* the cursor was put on the first door not yet done */
	/* Where the round was when / jumped away (id -1: no jump): the next
	 * save comes back to the first door not yet done from there. */
	long long resume_id;
	char *resume_key;
};

static const struct list_column columns[] = {
    {N_("Code"), 10, 1, 0},
    {N_("Head"), 10, 0, 0},
    {N_("Ppl"), 3, 0, 1},
    {N_("Status for the day"), 30, 3, 0},
    {0},
};

static int threshold(struct rounds *st)
{
	return app_settings(st->app)->fever_threshold;
}

static void today(char out[DATE_STR])
{
	struct date d;

	clock_today(&d);
	date_format(&d, out);
}

/* ---- the list ---- */

static int r_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct rounds *st = ctx;
	const struct rounds_row *a = anchor;
	struct rounds_row **tmp = xcalloc((size_t)n, sizeof *tmp);
	int m = db_rounds_page(app_db(st->app), st->grid.id, st->date, a ? a->sort_key : NULL,
			       a ? a->id : 0, dir, n, tmp, e);

	for (int i = 0; i < m; i++)
		out[i] = tmp[i];
	free(tmp);
	return m;
}

static void r_row_free(void *ctx, void *row)
{
	struct rounds_row *r = row;

	(void)ctx;
	db_rounds_row_free(&r);
}

static enum round_status row_status(struct rounds *st, const struct rounds_row *r)
{
	return round_status_of(r->outcome[0] ? r->outcome : NULL, r->max_temp, threshold(st));
}

static int entering(const struct rounds *st, const struct rounds_row *r)
{
	return st->mode == MODE_ENTRY && r && st->re.household_id == r->id;
}

static void add_temp(struct strbuf *out, int t, int thr)
{
	char buf[8];

	temperature_format(t, buf);
	if (out->len)
		strbuf_putc(out, ' ');
	strbuf_puts(out, buf);
	if (temperature_is_fever(t, thr))
		strbuf_putc(out, '!');
}

/* The readings typed so far in the entry, before the current person. */
static void entry_prefix(struct rounds *st, struct strbuf *out)
{
	for (int i = 0; i < st->re.cur && i < st->re.n; i++) {
		const struct round_person *p = &st->re.people[i];

		if (p->state == ROUND_ELSEWHERE) {
			if (out->len)
				strbuf_putc(out, ' ');
			if (*p->where)
				strbuf_printf(out, _("elsewhere (%s)"), p->where);
			else
				strbuf_puts(out, _("elsewhere"));
			continue;
		} else if (p->state == ROUND_SKIPPED) {
			strbuf_puts(out, out->len ? " —" : "—");
		} else if (p->temperature) {
			add_temp(out, p->temperature, st->re.threshold);
		} else {
			strbuf_puts(out, out->len ? " " : "");
			strbuf_puts(out, _("symptoms"));
		}
		if (p->symptoms)
			strbuf_putc(out, '+');
	}
}

static void r_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	struct rounds *st = ctx;
	const struct rounds_row *r = row;
	enum round_status s;

	switch (col) {
	case COL_CODE:
		strbuf_puts(out, r->code);
		return;
	case COL_HEAD:
		strbuf_puts(out, r->head);
		return;
	case COL_PEOPLE:
		strbuf_printf(out, "%d", r->residents);
		return;
	}
	if (entering(st, r)) {
		entry_prefix(st, out);
		return;
	}
	s = row_status(st, r);
	switch (s) {
	case ROUND_NOT_YET:
		strbuf_puts(out, "· ");
		strbuf_puts(out, _(round_status_label(s)));
		return;
	case ROUND_FEVER:
		strbuf_puts(out, _("FEVER"));
		__attribute__((fallthrough)); /* the temperatures follow */
	case ROUND_VISITED: {
		struct strbuf t = STRBUF_INIT;

		for (int i = 0; i < r->n_temps && i < ROUNDS_TEMPS; i++)
			add_temp(&t, r->temps[i], threshold(st));
		if (r->n_temps > ROUNDS_TEMPS)
			strbuf_puts(&t, " …");
		if (!r->n_temps)
			strbuf_puts(&t, _("visited, nobody measured"));
		if (out->len)
			strbuf_putc(out, ' ');
		strbuf_puts(out, strbuf_str(&t));
		strbuf_free(&t);
		if (r->symptoms)
			strbuf_printf(out, " +%s", _("symptoms"));
		break;
	}
	default:
		strbuf_puts(out, _(round_status_label(s)));
		break;
	}
	if (r->visits > 1)
		strbuf_printf(out, " (×%d)", r->visits);
}

static int r_role(void *ctx, const void *row)
{
	struct rounds *st = ctx;
	const struct rounds_row *r = row;

	if (entering(st, r))
		return round_entry_fevers(&st->re) ? THEME_ALERT : THEME_NORMAL;
	return row_status(st, r) == ROUND_FEVER ? THEME_ALERT : THEME_NORMAL;
}

static const struct list_ops ops = {r_fetch, r_row_free, r_cell, r_role};

static const struct rounds_row *current(struct rounds *st)
{
	return list_current(st->list);
}

static void load_counts(struct rounds *st)
{
	struct err e;

	err_clear(&e);
	if (db_visit_counts(app_db(st->app), st->date, st->grid.id, threshold(st), &st->counts,
			     &e) < 0)
		app_error_err(st->app, &e);
}

static void reload(struct rounds *st)
{
	load_counts(st);
	list_reload(st->list);
}

static void first_pending(struct rounds *st);
static void resume_clear(struct rounds *st);

/* After a grid or date change: counts, and the first door not yet done. */
static void restart(struct rounds *st)
{
	load_counts(st);
	list_reset(st->list);
	resume_clear(st);
	first_pending(st);
}

static int key_cmp(const char *ka, long long ia, const char *kb, long long ib)
{
	int c = strcmp(ka, kb);

	return c ? c : (ia > ib) - (ia < ib);
}

/* Puts the cursor on household id (sort key key): by stepping when it is
 * just below, else by loading its page. */
static void cursor_to(struct rounds *st, long long id, const char *key)
{
	struct event down = {.type = EVENT_KEY, .act = ACT_DOWN};
	int steps = list_rect(st->list).h;

	for (int i = 0; i < steps; i++) {
		const struct rounds_row *r = current(st);

		if (!r || r->id == id)
			return;
		if (key_cmp(r->sort_key, r->id, key, id) > 0)
			break;
		list_event(st->list, &down);
		if (current(st) == r)
			break; /* the end */
	}
	if (!current(st) || current(st)->id != id) {
		struct rounds_row a = {.id = id, .sort_key = (char *)key};

		list_goto(st->list, &a);
	}
}

static void resume_clear(struct rounds *st)
{
	free(st->resume_key);
	st->resume_key = NULL;
	st->resume_id = -1;
}

/* The cursor to the next household not yet done after the current one (or,
 * after a jump, from where the round was), from the top again when there is
 * none below. */
static void next_pending(struct rounds *st)
{
	const struct rounds_row *r = current(st);
	struct err e;
	long long id = -1, after_id = r ? r->id : 0;
	char *key = NULL, *after = r ? xstrdup(r->sort_key) : NULL;
	int f;

	if (st->resume_key) { /* the row it was on counts: just before it */
		free(after);
		after = st->resume_key;
		after_id = st->resume_id - 1;
		st->resume_key = NULL;
		st->resume_id = -1;
	}
	if (!after)
		return;
	err_clear(&e);
	f = db_rounds_next_pending(app_db(st->app), st->grid.id, st->date, after, after_id, &id,
				   &key, &e);
	free(after);
	if (f == 0)
		f = db_rounds_next_pending(app_db(st->app), st->grid.id, st->date, NULL, 0, &id,
					   &key, &e);
	if (f < 0) {
		app_error_err(st->app, &e);
	} else if (f == 0) {
		app_status(st->app, _("Round complete: all %d households are done for %s."),
			   st->counts.households, st->date);
	} else {
		cursor_to(st, id, key);
	}
	free(key);
}

/* The cursor to the first household not yet done (the top when all are). */
static void first_pending(struct rounds *st)
{
	struct err e;
	long long id = -1;
	char *key = NULL;
	int f;

	err_clear(&e);
	f = db_rounds_next_pending(app_db(st->app), st->grid.id, st->date, NULL, 0, &id, &key, &e);
	if (f < 0)
		app_error_err(st->app, &e);
	else if (f == 1)
		cursor_to(st, id, key);
	free(key);
}

/* ---- jump to a door (/) ---- */

/* The cursor to the next household after the current one (from the top
 * when from_top, or when there is none below) that the typed text finds. */
static void find_door(struct rounds *st, int from_top)
{
	const struct rounds_row *r = from_top ? NULL : current(st);
	char *text = lineedit_get_utf8(&st->field);
	struct err e;
	long long id = -1;
	char *key = NULL;
	int f;

	err_clear(&e);
	f = db_rounds_find(app_db(st->app), st->grid.id, text, r ? r->sort_key : NULL,
			   r ? r->id : 0, &id, &key, &e);
	if (f == 0 && r)
		f = db_rounds_find(app_db(st->app), st->grid.id, text, NULL, 0, &id, &key, &e);
	st->field_bad = f == 0 && text[0];
	if (f < 0)
		app_error_err(st->app, &e);
	else if (f == 1)
		cursor_to(st, id, key);
	else if (text[0])
		app_error(st->app, _("No household of this round matches \"%s\"."), text);
	free(key);
	free(text);
}

static int find_event(struct rounds *st, const struct event *ev)
{
	int changed = 0;

	if (ev->type == EVENT_PASTE) {
		text_field_key(&st->field, TEXT_FIELD_ANY, ev, &changed);
		find_door(st, 1);
		return SCREEN_HANDLED;
	}
	if (ev->type != EVENT_KEY)
		return SCREEN_HANDLED;
	if (ev->act == ACT_CANCEL || ev->key == '\r' || ev->key == '\n' ||
	    ev->key == KEYS_FN(KEY_ENTER)) {
		st->mode = MODE_LIST;
		lineedit_set_utf8(&st->field, "");
		st->field_bad = 0;
		return SCREEN_HANDLED;
	}
	if (ev->key == KEYS_FN(KEY_DOWN) || ev->key == '\t') {
		find_door(st, 0);
		return SCREEN_HANDLED;
	}
	if (ev->act == ACT_HELP)
		return SCREEN_IGNORED;
	text_field_key(&st->field, TEXT_FIELD_ANY, ev, &changed);
	if (changed)
		find_door(st, 1);
	return SCREEN_HANDLED;
}

/* ---- entry ---- */

static int add_person(long long id, const char *name, const char *elsewhere, void *ctx)
{
	if (elsewhere)
		round_entry_add_elsewhere(ctx, id, name, elsewhere);
	else
		round_entry_add(ctx, id, name);
	return 0;
}

/* Fills the field with the current person's earlier value (edit, back). */
static void prefill(struct rounds *st)
{
	struct round_person *p = round_entry_current(&st->re);
	char buf[8] = "";

	if (p && p->temperature)
		temperature_format(p->temperature, buf);
	lineedit_set_utf8(&st->field, buf);
	st->field_bad = 0;
}

static void entry_end(struct rounds *st)
{
	round_entry_free(&st->re);
	lineedit_set_utf8(&st->field, "");
	st->mode = MODE_LIST;
	st->edit_visit = -1;
	st->field_bad = 0;
}

/* Starts the entry of a visit to row r; edit: the visit to edit, or NULL.
 * Returns 0, or -1 with the reason shown. */
static int entry_start(struct rounds *st, const struct rounds_row *r,
		       const struct rounds_visit *edit)
{
	struct err e;

	err_clear(&e);
	round_entry_init(&st->re, r->id, threshold(st));
	if (db_rounds_residents(app_db(st->app), r->id, add_person, &st->re, &e) < 0) {
		app_error_err(st->app, &e);
		round_entry_free(&st->re);
		return -1;
	}
	if (!st->re.n) {
		app_error(st->app,
			  _("Nobody is registered as living at %s: mark n, x or a, or add the "
			    "residents on the Households tab."),
			  r->code);
		round_entry_free(&st->re);
		return -1;
	}
	if (!edit && st->re.cur >= st->re.n) {
		app_error(st->app,
			  _("Everyone living at %s is isolated elsewhere, checked by the site: "
			    "nobody to measure."),
			  r->code);
		round_entry_free(&st->re);
		return -1;
	}
	for (int i = 0; edit && i < edit->n_readings; i++)
		round_entry_preset(&st->re, edit->readings[i].resident_id,
				   edit->readings[i].temperature, edit->readings[i].symptoms);
	snprintf(st->entry_code, sizeof st->entry_code, "%s", r->code);
	st->edit_visit = edit ? edit->id : -1;
	snprintf(st->edit_at, sizeof st->edit_at, "%s", edit ? edit->at : "");
	st->mode = MODE_ENTRY;
	prefill(st);
	return 0;
}

/* Saves the entered visit; SCREEN_CHANGED flags, or 0 when refused. */
static int entry_save(struct rounds *st)
{
	struct visit_reading *rd = xcalloc((size_t)st->re.n + 1, sizeof *rd);
	struct visit_new v = {.household_id = st->re.household_id,
			      .date = st->date,
			      .outcome = VISIT_VISITED,
			      .staff_id = -1,
			      .readings = rd};
	struct err e;
	long long id;
	int fevers = round_entry_fevers(&st->re), measured = round_entry_measured(&st->re);
	char code[64];

	for (int i = 0; i < st->re.n; i++) {
		const struct round_person *p = &st->re.people[i];

		if (p->state != ROUND_MET)
			continue;
		rd[v.n_readings].resident_id = p->resident_id;
		rd[v.n_readings].temperature = p->temperature;
		rd[v.n_readings].symptoms = p->symptoms;
		v.n_readings++;
	}
	err_clear(&e);
	if (st->edit_visit >= 0 && !strncmp(st->edit_at, st->date, 10))
		v.at = st->edit_at;
	if (st->edit_visit >= 0)
		id = db_rounds_visit_replace(app_db(st->app), st->edit_visit, &v, &e);
	else
		id = db_visit_insert(app_db(st->app), &v, NULL, &e);
	free(rd);
	if (id < 0) {
		app_error_err(st->app, &e);
		round_entry_back(&st->re);
		prefill(st);
		return SCREEN_HANDLED;
	}
	snprintf(code, sizeof code, "%s", st->entry_code);
	entry_end(st);
	reload(st);
	next_pending(st);
	if (fevers)
		app_error(st->app, _("Saved %s: %d measured — %d with FEVER."), code, measured,
			  fevers);
	else
		app_status(st->app, _("Saved %s: %d measured."), code, measured);
	return SCREEN_HANDLED | SCREEN_CHANGED;
}

static int entry_accept(struct rounds *st)
{
	char *text = lineedit_get_utf8(&st->field);
	struct round_person *p = round_entry_current(&st->re);
	int at = st->re.cur, r;
	struct err e;
	char buf[8];

	err_clear(&e);
	r = round_entry_accept(&st->re, text, &e);
	free(text);
	switch (r) {
	case ROUND_ENTRY_RANGE:
		temperature_format(st->re.bad_value, buf);
		app_error(st->app,
			  _("%s °C is outside 34.0–43.0 °C: check the reading (nothing saved)."),
			  buf);
		st->field_bad = 1;
		return SCREEN_HANDLED;
	case ROUND_ENTRY_FORMAT:
		app_error(st->app, "%s",
			  _("Not a temperature: type 365, 36.5 or 37, from 34.0 to 43.0 °C "
				    "(nothing saved)."));
		st->field_bad = 1;
		return SCREEN_HANDLED;
	case ROUND_ENTRY_EMPTY:
		app_error(st->app, "%s",
			  _("Type the temperature, or - when the resident was not met."));
		st->field_bad = 1;
		return SCREEN_HANDLED;
	}
	p = &st->re.people[at];
	if (p->temperature && temperature_is_fever(p->temperature, st->re.threshold)) {
		temperature_format(p->temperature, buf);
		app_error(st->app, _("FEVER: %s %s °C (threshold %d.%d °C)"), p->name, buf,
			  st->re.threshold / 10, st->re.threshold % 10);
	}
	if (r == ROUND_ENTRY_DONE)
		return entry_save(st);
	prefill(st);
	return SCREEN_HANDLED;
}

static int entry_skip(struct rounds *st)
{
	if (round_entry_skip(&st->re) == ROUND_ENTRY_DONE)
		return entry_save(st);
	prefill(st);
	return SCREEN_HANDLED;
}

static int symptom_done(void *ctx, int index)
{
	struct rounds *st = ctx;

	if (index >= 0 && st->mode == MODE_ENTRY && index < model_enum_count(model_symptom))
		round_entry_toggle_symptom(&st->re, model_symptom[index].code);
	return 0;
}

static int entry_symptoms(struct rounds *st)
{
	struct round_person *p = round_entry_current(&st->re);
	int n = model_enum_count(model_symptom);
	char **labels = xcalloc((size_t)n, sizeof *labels);
	char title[160];

	if (!p)
		return SCREEN_HANDLED;
	for (int i = 0; i < n; i++)
		labels[i] = xasprintf(
		    "[%s] %s", round_has_code(p->symptoms, model_symptom[i].code) ? "x" : " ",
		    _(model_symptom[i].label));
	snprintf(title, sizeof title, _("Symptoms of %s"), p->name);
	picklist_push(st->app, title, (const char *const *)labels, n, 0, symptom_done, st);
	for (int i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	return SCREEN_HANDLED;
}

static int is_enter(int key)
{
	return key == '\r' || key == '\n' || key == KEYS_FN(KEY_ENTER);
}

static int entry_event(struct rounds *st, const struct event *ev)
{
	int changed = 0;
	char *text;

	if (ev->type == EVENT_PASTE)
		return text_field_key(&st->field, TEXT_FIELD_NUMBER, ev, NULL);
	if (ev->type != EVENT_KEY)
		return SCREEN_HANDLED;
	if (is_enter(ev->key))
		return entry_accept(st);
	if (ev->act == ACT_SKIP || ev->act == ACT_SYMPTOMS)
		return SCREEN_IGNORED; /* the handler table */
	if (ev->act == ACT_CANCEL) {
		app_status(st->app, _("Entry of %s dropped: nothing saved."), st->entry_code);
		entry_end(st);
		return SCREEN_HANDLED;
	}
	if (ev->act == ACT_DEL_BACK) {
		text = lineedit_get_utf8(&st->field);
		changed = !text[0];
		free(text);
		if (changed) {
			if (round_entry_back(&st->re))
				prefill(st);
			return SCREEN_HANDLED;
		}
	}
	if (ev->act == ACT_HELP || ev->act == ACT_NEXT_TAB || ev->act == ACT_PREV_TAB ||
	    ev->act == ACT_REDRAW || ev->act == ACT_SETTINGS || ev->act == ACT_STAFF)
		return SCREEN_IGNORED;
	if (text_field_key(&st->field, TEXT_FIELD_NUMBER, ev, &changed) == SCREEN_HANDLED) {
		if (changed)
			st->field_bad = 0;
		else if (!KEYS_IS_FN(ev->key) && ev->key >= 32)
			app_error(st->app, "%s",
				  _("Type a temperature; Enter next, - not met, s symptoms, Esc "
				    "drop the entry."));
		return SCREEN_HANDLED;
	}
	app_error(st->app, "%s", _("Finish this household (Enter) or drop the entry (Esc) first."));
	return SCREEN_HANDLED;
}

/* ---- date prompt ---- */

static int date_event(struct rounds *st, const struct event *ev)
{
	if (ev->type == EVENT_PASTE)
		return text_field_key(&st->field, TEXT_FIELD_ANY, ev, NULL);
	if (ev->type != EVENT_KEY)
		return SCREEN_HANDLED;
	if (ev->act == ACT_CANCEL) {
		st->mode = MODE_LIST;
		return SCREEN_HANDLED;
	}
	if (is_enter(ev->key)) {
		char *text = lineedit_get_utf8(&st->field);
		struct date t, d;
		struct err e;

		err_clear(&e);
		clock_today(&t);
		if (date_parse_input(text, &t, &d, &e) < 0) {
			app_error_err(st->app, &e);
			st->field_bad = 1;
		} else {
			date_format(&d, st->date);
			st->mode = MODE_LIST;
			lineedit_set_utf8(&st->field, "");
			restart(st);
		}
		free(text);
		return SCREEN_HANDLED;
	}
	if (ev->act == ACT_HELP || ev->act == ACT_NEXT_TAB || ev->act == ACT_PREV_TAB)
		return SCREEN_IGNORED;
	text_field_key(&st->field, TEXT_FIELD_ANY, ev, NULL);
	st->field_bad = 0;
	return SCREEN_HANDLED;
}

/* ---- handlers ---- */

static int save_outcome(struct screen *s, enum visit_outcome o)
{
	struct rounds *st = s->state;
	const struct rounds_row *r = current(st);
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
	reload(st);
	next_pending(st);
	app_status(st->app, _("Saved %s: %s."), code, _(model_outcome[o].label));
	return SCREEN_HANDLED | SCREEN_CHANGED;
}

static int h_no_answer(struct screen *s)
{
	return save_outcome(s, VISIT_NO_ANSWER);
}

static int h_refused(struct screen *s)
{
	return save_outcome(s, VISIT_REFUSED);
}

static int h_away(struct screen *s)
{
	return save_outcome(s, VISIT_AWAY);
}

static int h_open(struct screen *s)
{
	struct rounds *st = s->state;
	const struct rounds_row *r = current(st);
	struct rounds_visit v;
	struct err e;
	int f;

	if (!r)
		return SCREEN_HANDLED;
	if (r->visit_id < 0) {
		entry_start(st, r, NULL);
		return SCREEN_HANDLED;
	}
	err_clear(&e);
	f = db_rounds_visit_get(app_db(st->app), r->visit_id, &v, &e);
	if (f < 0) {
		app_error_err(st->app, &e);
	} else if (f == 0) {
		app_error(st->app, "%s", _("That visit was just undone elsewhere."));
	} else if (entry_start(st, r, &v) == 0) {
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
	q = xasprintf(_("Undo the visit of %s at %.5s (%s, %d readings)?"), v.code,
		 v.at + 11,
		 _(model_outcome[visit_outcome_from_code(v.outcome) < 0
				     ? 0
				     : visit_outcome_from_code(v.outcome)]
		       .label),
		 v.n_readings);
	{
		struct rounds_row *r;

		/* show the household the question is about */
		if (db_rounds_row(app_db(st->app), v.household_id, st->date, &r, &e) == 1) {
			cursor_to(st, r->id, r->sort_key);
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

	if (gs->n == gs->cap) {
		gs->cap = gs->cap ? 2 * gs->cap : 8;
		gs->g = xrealloc(gs->g, (size_t)gs->cap * sizeof *gs->g);
	}
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
		restart(st);
	grids_free(gs);
	free(gs);
	return 0;
}

static int h_grid(struct screen *s)
{
	struct rounds *st = s->state;
	struct grids *gs = xcalloc(1, sizeof *gs);
	const char **labels;
	char **own;
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
	own = xcalloc((size_t)gs->n + 1, sizeof *own);
	cur = gs->n;
	for (int i = 0; i < gs->n; i++) {
		own[i] = gs->g[i].staff[0] ? xasprintf("%s (%s)", gs->g[i].name, gs->g[i].staff)
					   : xstrdup(gs->g[i].name);
		labels[i] = own[i];
		if (gs->g[i].id == st->grid.id)
			cur = i;
	}
	labels[gs->n] = _("All households");
	if (picklist_push(st->app, _("Which grid?"), labels, gs->n + 1, cur, grid_done, gs) < 0) {
		grids_free(gs);
		free(gs);
	}
	for (int i = 0; i < gs->n; i++)
		free(own[i]);
	free(own);
	free(labels);
	return SCREEN_HANDLED;
}

static int h_find(struct screen *s)
{
	struct rounds *st = s->state;
	const struct rounds_row *r = current(st);

	if (r && !st->resume_key) {
		st->resume_id = r->id;
		st->resume_key = xstrdup(r->sort_key);
	}
	st->mode = MODE_FIND;
	lineedit_set_utf8(&st->field, "");
	st->field_bad = 0;
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
	restart(st);
	return SCREEN_HANDLED;
}

static int h_prev_day(struct screen *s)
{
	return shift_day(s, -1);
}

static int h_next_day(struct screen *s)
{
	return shift_day(s, 1);
}

static int h_refresh(struct screen *s)
{
	reload(s->state);
	return SCREEN_HANDLED;
}

/* `-` (not met) and `s` (symptoms) act on the entry open (hidden
 * otherwise, see r_can). */
static int h_skip(struct screen *s)
{
	struct rounds *st = s->state;

	return st->mode == MODE_ENTRY ? entry_skip(st) : SCREEN_HANDLED;
}

static int h_symptoms(struct screen *s)
{
	struct rounds *st = s->state;

	return st->mode == MODE_ENTRY ? entry_symptoms(st) : SCREEN_HANDLED;
}

/* Handlers never run while the date prompt is open, nor while an entry is,
 * but for - and s: the event function takes every other key then. */
static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_open, N_("edit")},
    {ACT_NO_ANSWER, h_no_answer, NULL},
    {ACT_REFUSED, h_refused, NULL},
    {ACT_AWAY, h_away, NULL},
    {ACT_UNDO, h_undo, NULL},
    {ACT_GRID, h_grid, NULL},
    {ACT_DATE, h_date, NULL},
    {ACT_FILTER, h_find, N_("find")},
    {ACT_PREV_DAY, h_prev_day, NULL},
    {ACT_NEXT_DAY, h_next_day, NULL},
    {ACT_SKIP, h_skip, NULL},
    {ACT_SYMPTOMS, h_symptoms, NULL},
    {ACT_REFRESH, h_refresh, NULL},
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
    {0, 'n', ACT_NO_ANSWER}, {0, 'x', ACT_REFUSED},  {0, 'a', ACT_AWAY},     {0, 'u', ACT_UNDO},
    {0, 'g', ACT_GRID},	     {0, 'd', ACT_DATE},     {0, '[', ACT_PREV_DAY}, {0, ']', ACT_NEXT_DAY},
    {0, '-', ACT_SKIP},	     {0, 's', ACT_SYMPTOMS}, {0, 0xFF0D, ACT_SKIP},  {0, 'S', ACT_SYMPTOMS},
    DIGIT_KEYS('0'),	     DIGIT_KEYS(0xFF10),
    {0, 0, ACT_NONE},
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
	today(st->date);
	if (db_rounds_default_grid(app_db(s->app), app_staff(s->app), &st->grid, e) < 0) {
		free(st);
		return -1;
	}
	lineedit_init(&st->field, 16);
	st->list = list_new(s->app, &ops, st, columns);
	list_set_empty(st->list, _("No household in this grid: add them on the Households tab, "
				   "or pick another grid (g)."));
	s->state = st;
	load_counts(st);
	return 0;
}

static void r_layout(struct screen *s, struct rect r)
{
	struct rounds *st = s->state;
	struct rect lr = {r.y + 1, r.x, r.h - 2, r.w};

	st->r = r;
	list_layout(st->list, lr);
	if (!st->placed && lr.h > 0) {
		st->placed = 1;
		first_pending(st);
	}
}

/* What "done" is made of, the outcomes that occur: " (visited 3 · no
 * answer 1)"; "" while nothing is done. */
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
			len += (size_t)snprintf(buf + len, size - len, "%s%s %d", len ? " · " : " (",
						 _(part[i].label), part[i].n);
	if (len && len + 2 < size)
		snprintf(buf + len, size - len, ")");
}

static void draw_header(struct rounds *st)
{
	struct rect r = st->r;
	char buf[400], fev[120];
	int x;

	draw_fill(r.y, r.x, r.w, THEME_TITLE);
	if (st->grid.id < 0) {
		x = r.x + draw_text(r.y, r.x, r.w, _("All households"), THEME_TITLE);
	} else {
		char *g = st->grid.staff && st->grid.staff[0]
			      ? xasprintf("%s (%s)", st->grid.name, st->grid.staff)
			      : xstrdup(st->grid.name);

		x = r.x + draw_text(r.y, r.x, r.w, g, THEME_TITLE);
		free(g);
	}
	snprintf(buf, sizeof buf, " · %s · %s %d / %d", st->date, _("done"), st->counts.done,
		 st->counts.households);
	x += draw_text(r.y, x, r.x + r.w - x, buf, THEME_TITLE);
	snprintf(fev, sizeof fev, " · %s %d", _("fevers"), st->counts.fevers);
	x += draw_text(r.y, x, r.x + r.w - x, fev, st->counts.fevers ? THEME_ALERT : THEME_TITLE);
	done_breakdown(&st->counts, buf, sizeof buf);
	draw_text(r.y, x, r.x + r.w - x, buf, THEME_TITLE);
}

/* The inline field over the status cell of the household being entered. */
static void draw_entry(struct rounds *st)
{
	struct rect c = list_cell_rect(st->list, COL_STATUS);
	struct round_person *p = round_entry_current(&st->re);
	struct strbuf pre = STRBUF_INIT;
	int x, w, fieldw = 6;
	char *name;

	if (!p || !c.h || !entering(st, current(st)))
		return;
	entry_prefix(st, &pre);
	if (pre.len)
		strbuf_putc(&pre, ' ');
	x = c.x + textwidth_utf8(strbuf_str(&pre));
	strbuf_free(&pre);
	w = c.x + c.w - x;
	if (w < fieldw + 4) { /* too many readings to show: the field alone */
		x = c.x;
		w = c.w;
	}
	name = textwidth_fit(p->name, w - fieldw - 1 > 10 ? 10 : w - fieldw - 1, 1);
	x += draw_text(c.y, x, w, name, THEME_CURSOR);
	x += draw_text(c.y, x, 1, " ", THEME_CURSOR);
	free(name);
	text_field_draw(st->app, &st->field, c.y, x, fieldw,
			st->field_bad ? THEME_FIELD_BAD : THEME_FIELD_FOCUS, 1);
	x += fieldw;
	if (c.x + c.w - x > 7) {
		char n[32];

		snprintf(n, sizeof n, " %d/%d", st->re.cur + 1, st->re.n);
		draw_text(c.y, x, c.x + c.w - x, n, THEME_CURSOR);
	}
}

/* The last line of the body: what the keys do now. */
static void draw_footer(struct rounds *st)
{
	int y = st->r.y + st->r.h - 1, x = st->r.x;
	char buf[400];

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
	if (st->mode == MODE_ENTRY) {
		struct round_person *p = round_entry_current(&st->re);

		if (p && p->symptoms) {
			struct strbuf sb = STRBUF_INIT;

			/* labels in the UI's language, not the sheets' Chinese */
			for (const char *c = p->symptoms; c && *c;) {
				const char *end = strchr(c, ',');
				char code[32];
				const struct enum_entry *en;

				snprintf(code, sizeof code, "%.*s",
					 (int)(end ? end - c : (long)strlen(c)), c);
				en = model_enum_find(model_symptom, code);
				if (sb.len)
					strbuf_puts(&sb, ", ");
				strbuf_puts(&sb, en ? _(en->label) : code);
				if (!end)
					break;
				c = end + 1;
			}
			snprintf(buf, sizeof buf, "%s %s: %s · ", st->entry_code, p->name,
				 strbuf_str(&sb));
			strbuf_free(&sb);
		} else {
			snprintf(buf, sizeof buf, "%s %s · ", st->entry_code, p ? p->name : "");
		}
		x += draw_text(y, x, st->r.w, buf, THEME_LABEL);
		draw_text(y, x, st->r.x + st->r.w - x,
			  _("Enter next · - not met · s symptoms · Bksp back · Esc drop"),
			  THEME_DIM);
		return;
	}
	draw_text(y, x, st->r.w,
		  _("Type a temperature on a row · / find a door · Enter edit a visit"),
		  THEME_DIM);
}

static void r_draw(struct screen *s)
{
	struct rounds *st = s->state;

	draw_header(st);
	list_draw(st->list, 1);
	if (st->mode == MODE_ENTRY)
		draw_entry(st);
	draw_footer(st);
}

static int r_event(struct screen *s, const struct event *ev)
{
	struct rounds *st = s->state;
	const struct rounds_row *r;
	int f;

	if (st->mode == MODE_ENTRY)
		return entry_event(st, ev);
	if (st->mode == MODE_DATE)
		return date_event(st, ev);
	if (st->mode == MODE_FIND)
		return find_event(st, ev);
	if (ev->type == EVENT_KEY && ev->act == ACT_TEMPERATURE) {
		r = current(st);
		if (!r) /* no row to type on: the digit keeps its global meaning (tabs) */
			return SCREEN_IGNORED;
		if (entry_start(st, r, NULL) < 0)
			return SCREEN_HANDLED;
		lineedit_set_utf8(&st->field, "");
		return entry_event(st, ev);
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
	reload(s->state);
}

static int r_dirty(struct screen *s)
{
	struct rounds *st = s->state;

	return st->mode == MODE_ENTRY && (st->re.cur > 0 || st->field.len);
}

static int r_text_focus(struct screen *s)
{
	return ((struct rounds *)s->state)->mode != MODE_LIST;
}

static int r_can(struct screen *s, enum action act)
{
	struct rounds *st = s->state;
	const struct rounds_row *r = current(st);

	switch (act) {
	case ACT_SKIP:
	case ACT_SYMPTOMS:
		return st->mode == MODE_ENTRY;
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
		restart(st);
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
	load_counts(st);
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
	resume_clear(st);
	free(st);
}

const struct screen_class rounds_screen = {
    .name = N_("Rounds"),
    .keyctx = KEYCTX_BIT(KEYCTX_LIST) | KEYCTX_BIT(KEYCTX_TEXT),
    .keys = own_keys,
    .handlers = handlers,
    .open = r_open,
    .layout = r_layout,
    .draw = r_draw,
    .event = r_event,
    .data_changed = r_data_changed,
    .dirty = r_dirty,
    .text_focus = r_text_focus,
    .can = r_can,
    .show = r_show,
    .close = r_close,
};
