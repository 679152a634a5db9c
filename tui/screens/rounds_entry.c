/* rounds_entry: the fast entry of a visit; see rounds_entry.h. */
#include "tui/screens/rounds_entry.h"

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
#include "tui/screens/rounds_list.h"

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
int rounds_entry_start(struct rounds *st, const struct rounds_row *r,
		       const struct rounds_visit *edit)
{
	struct err e;
	int refused = 1;

	err_clear(&e);
	round_entry_init(&st->re, r->id, rounds_threshold(st));
	if (db_rounds_residents(app_db(st->app), r->id, add_person, &st->re, &e) < 0)
		app_error_err(st->app, &e);
	else if (!st->re.n)
		app_error(st->app,
			  _("Nobody is registered as living at %s: mark n, x or a, or add the "
			    "residents on the Households tab."),
			  r->code);
	else if (!edit && st->re.cur >= st->re.n)
		app_error(st->app,
			  _("Everyone living at %s is isolated elsewhere, checked by the site: "
			    "nobody to measure."),
			  r->code);
	else
		refused = 0;
	if (refused) {
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
	if (app_push(st->app, &rounds_entry_screen, st) < 0) {
		entry_end(st);
		return -1;
	}
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
	rounds_reload(st);
	rounds_next_pending(st);
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

static int rounds_entry_skip(struct rounds *st)
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

static int rounds_entry_symptoms(struct rounds *st)
{
	struct round_person *p = round_entry_current(&st->re);
	int n = model_enum_count(model_symptom);
	char **labels;
	char title[160];

	if (!p)
		return SCREEN_HANDLED;
	labels = xcalloc((size_t)n, sizeof *labels);
	for (int i = 0; i < n; i++)
		labels[i] = xasprintf(
		    "[%s] %s", round_has_code(p->symptoms, model_symptom[i].code) ? "x" : " ",
		    _(model_symptom[i].label));
	snprintf(title, sizeof title, _("Symptoms of %s"), p->name);
	picklist_push_owned(st->app, title, labels, n, 0, symptom_done, st);
	return SCREEN_HANDLED;
}

static int is_enter(int key)
{
	return key == '\r' || key == '\n' || key == KEYS_FN(KEY_ENTER);
}

/* 1 when the field's digits were the start of a door's code, not a
 * reading: `-` follows them (a temperature never holds one) on a new
 * visit before any resident was answered for, so no reading is lost by
 * turning them into the prompt of / (docs/rounds.md). */
static int typed_code_prefix(struct rounds *st)
{
	char *text;
	int digits;

	if (st->edit_visit >= 0)
		return 0;
	for (int i = 0; i < st->re.n; i++)
		if (st->re.people[i].state == ROUND_MET || st->re.people[i].state == ROUND_SKIPPED)
			return 0;
	text = lineedit_get_utf8(&st->field);
	digits = text[0] != '\0' && strspn(text, "0123456789") == strlen(text);
	if (digits) {
		char *prefix = xasprintf("%s-", text);

		entry_end(st);
		rounds_find_start(st, prefix);
		free(prefix);
	}
	free(text);
	return digits;
}

/* ---- the entry's overlay ---- */

/* What a handler of the overlay returns: it closes once the entry ended
 * (saved, dropped, or turned into a door to find). */
static int entry_result(struct rounds *st, int flags)
{
	return flags | SCREEN_HANDLED | (st->mode != MODE_ENTRY ? SCREEN_POP : 0);
}

static int h_accept(struct screen *s)
{
	return entry_result(s->state, entry_accept(s->state));
}

static int h_skip(struct screen *s)
{
	struct rounds *st = s->state;

	if (typed_code_prefix(st))
		return entry_result(st, 0);
	return entry_result(st, rounds_entry_skip(st));
}

static int h_symptoms(struct screen *s)
{
	return entry_result(s->state, rounds_entry_symptoms(s->state));
}

static int h_drop(struct screen *s)
{
	struct rounds *st = s->state;

	app_status(st->app, _("Entry of %s dropped: nothing saved."), st->entry_code);
	entry_end(st);
	return entry_result(st, 0);
}

/* The keys the handlers do not take: the field's editing, Backspace on an
 * empty field (back one resident), and a word on any other key. */
static int re_event(struct screen *s, const struct event *ev)
{
	struct rounds *st = s->state;
	int changed = 0;
	char *text;

	if (ev->type == EVENT_PASTE)
		return text_field_key(&st->field, TEXT_FIELD_NUMBER, ev, NULL);
	if (ev->type != EVENT_KEY)
		return SCREEN_HANDLED;
	if (screen_handles(s, ev->act))
		return SCREEN_IGNORED; /* the handler table */
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

int rounds_entry_event(struct rounds *st, const struct event *ev)
{
	struct screen fake = {.cls = &rounds_entry_screen, .state = st, .app = st->app};
	int f = re_event(&fake, ev);

	return f ? f : screen_dispatch(&fake, ev);
}

/* The inline field over the status cell of the household being entered. */
static void draw_field(struct rounds *st)
{
	struct rect c = list_cell_rect(st->list, COL_STATUS);
	struct round_person *p = round_entry_current(&st->re);
	struct strbuf pre = STRBUF_INIT;
	int x, w, fieldw = 6;
	char *name;

	if (!p || !c.h || !rounds_entering(st, rounds_current(st)))
		return;
	rounds_entry_prefix(st, &pre);
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

/* The footer line of the tab while entering: who, symptoms, the keys. */
static void draw_entry_footer(struct rounds *st)
{
	int y = st->r.y + st->r.h - 1, x = st->r.x;
	char buf[400];

	draw_fill(y, x, st->r.w, THEME_NORMAL);
	{
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
	}
}

static void re_draw(struct screen *s)
{
	draw_field(s->state);
	draw_entry_footer(s->state);
}

static int re_dirty(struct screen *s)
{
	struct rounds *st = s->state;

	return st->re.cur > 0 || st->field.len;
}

static const struct keybind re_keys[] = {
    {0, '\r', ACT_ACCEPT},  {0, '\n', ACT_ACCEPT}, {0, KEYS_FN(KEY_ENTER), ACT_ACCEPT},
    {0, '-', ACT_SKIP},	    {0, 0xFF0D, ACT_SKIP}, {0, 's', ACT_SYMPTOMS},
    {0, 'S', ACT_SYMPTOMS}, {0, 0, ACT_NONE},
};

static const struct screen_handler re_handlers[] = {
    {ACT_ACCEPT, h_accept, N_("next")},
    {ACT_SKIP, h_skip, NULL},
    {ACT_SYMPTOMS, h_symptoms, NULL},
    {ACT_CANCEL, h_drop, N_("drop")},
    {0},
};

const struct screen_class rounds_entry_screen = {
    .name = N_("Rounds: a visit's readings"),
    .kind = SCREEN_KIND_ENTRY,
    .keys = re_keys,
    .handlers = re_handlers,
    .open = screen_open_arg, /* the state is the tab's: it outlives the overlay */
    .draw = re_draw,
    .event = re_event,
    .dirty = re_dirty,
};

/* ---- date prompt ---- */

int rounds_date_event(struct rounds *st, const struct event *ev)
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
			rounds_restart(st);
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
