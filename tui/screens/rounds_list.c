/* rounds_list: the list of doors and the walk through it; see rounds_list.h. */
#include "tui/screens/rounds_list.h"

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
#include "tui/widgets/confirm.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/widget_list.h"
#include "tui/widgets/widget_text.h"
#include "tui/screens/rounds_entry.h"

const struct list_column rounds_columns[] = {
    {N_("Code"), 10, 1, 0},
    {N_("Head"), 10, 0, 0},
    {N_("Ppl"), 3, 0, 1},
    {N_("Status for the day"), 30, 3, 0},
    {0},
};

int rounds_threshold(struct rounds *st)
{
	return app_settings(st->app)->fever_threshold;
}

void rounds_today(char out[DATE_STR])
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
	return round_status_of(r->outcome[0] ? r->outcome : NULL, r->max_temp, rounds_threshold(st));
}

int rounds_entering(const struct rounds *st, const struct rounds_row *r)
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
void rounds_entry_prefix(struct rounds *st, struct strbuf *out)
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
	if (rounds_entering(st, r)) {
		rounds_entry_prefix(st, out);
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
			add_temp(&t, r->temps[i], rounds_threshold(st));
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

	if (rounds_entering(st, r))
		return round_entry_fevers(&st->re) ? THEME_ALERT : THEME_NORMAL;
	return row_status(st, r) == ROUND_FEVER ? THEME_ALERT : THEME_NORMAL;
}

const struct list_ops rounds_list_ops = {r_fetch, r_row_free, r_cell, r_role};

const struct rounds_row *rounds_current(struct rounds *st)
{
	return list_current(st->list);
}

void rounds_load_counts(struct rounds *st)
{
	struct err e;

	err_clear(&e);
	if (db_visit_counts(app_db(st->app), st->date, st->grid.id, rounds_threshold(st),
			    &st->counts, &e) < 0)
		app_error_err(st->app, &e);
}

void rounds_reload(struct rounds *st)
{
	rounds_load_counts(st);
	list_reload(st->list);
}

/* After a grid or date change: counts, and the first door not yet done. */
void rounds_restart(struct rounds *st)
{
	rounds_load_counts(st);
	list_reset(st->list);
	rounds_resume_clear(st);
	rounds_first_pending(st);
}

static int key_cmp(const char *ka, long long ia, const char *kb, long long ib)
{
	int c = strcmp(ka, kb);

	return c ? c : (ia > ib) - (ia < ib);
}

/* Puts the cursor on household id (sort key key): by stepping when it is
 * just below, else by loading its page. */
void rounds_cursor_to(struct rounds *st, long long id, const char *key)
{
	struct event down = {.type = EVENT_KEY, .act = ACT_DOWN};
	int steps = list_rect(st->list).h;

	for (int i = 0; i < steps; i++) {
		const struct rounds_row *r = rounds_current(st);

		if (!r || r->id == id)
			return;
		if (key_cmp(r->sort_key, r->id, key, id) > 0)
			break;
		list_event(st->list, &down);
		if (rounds_current(st) == r)
			break; /* the end */
	}
	if (!rounds_current(st) || rounds_current(st)->id != id) {
		struct rounds_row a = {.id = id, .sort_key = (char *)key};

		list_goto(st->list, &a);
	}
}

void rounds_resume_clear(struct rounds *st)
{
	free(st->resume_key);
	st->resume_key = NULL;
	st->resume_id = -1;
}

/* The cursor to the next household not yet done after the current one (or,
 * after a jump, from where the round was), from the top again when there is
 * none below. */
void rounds_next_pending(struct rounds *st)
{
	const struct rounds_row *r = rounds_current(st);
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
		rounds_cursor_to(st, id, key);
	}
	free(key);
}

/* The cursor to the first household not yet done (the top when all are). */
void rounds_first_pending(struct rounds *st)
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
		rounds_cursor_to(st, id, key);
	free(key);
}

/* ---- jump to a door (/) ---- */

/* The cursor to the next household after the current one (from the top
 * when from_top, or when there is none below) that the typed text finds. */
static void find_door(struct rounds *st, int from_top)
{
	const struct rounds_row *r = from_top ? NULL : rounds_current(st);
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
		rounds_cursor_to(st, id, key);
	else if (text[0])
		app_error(st->app, _("No household of this round matches \"%s\"."), text);
	free(key);
	free(text);
}

void rounds_find_start(struct rounds *st, const char *text)
{
	const struct rounds_row *r = rounds_current(st);

	if (r && !st->resume_key) {
		st->resume_id = r->id;
		st->resume_key = xstrdup(r->sort_key);
	}
	st->mode = MODE_FIND;
	lineedit_set_utf8(&st->field, text);
	st->field_bad = 0;
	if (text[0])
		find_door(st, 1);
}

int rounds_find_event(struct rounds *st, const struct event *ev)
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
