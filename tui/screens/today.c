/* today: the Today tab's counts and alerts; see today.h. */
#include "tui/screens/today.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/money.h"
#include "core/returnee.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/textwidth.h"
#include "core/temperature.h"
#include "core/xalloc.h"
#include "db/conflicts.h"
#include "db/followups.h"
#include "db/isolation_list.h"
#include "db/returnees.h"
#include "db/stats.h"
#include "db/today.h"
#include "tui/app.h"
#include "tui/screens/conflict_form.h"
#include "tui/screens/followup_form.h"
#include "tui/screens/returnee_form.h"
#include "tui/widgets/tabs.h"
#include "tui/widgets/widget_list.h"

#define TAB_ROUNDS    2
#define TAB_ISOLATION 3
#define COUNTS	      6 /* lines of counts */
#define COUNTS_MAX    9 /* with the details wrapped onto lines of their own */

struct today {
	struct app *app;
	struct list *list;
	struct rect r;
	int count_lines; /* the counts' lines as last drawn (COUNTS or more) */
	struct daily_stats stats;
	struct iso_alerts iso; /* the isolation alerts of now, all of them */
	struct conflict *cf;   /* the open merge conflicts, all of them */
	int ncf;
	struct followup *fu;   /* the open follow-up cases, all of them */
	int n_fu;
	struct returnee_alert *ret; /* returnees from a key area not isolated, all */
	int n_ret;
	struct followup_counts fu_counts; /* of today */
	int loaded;
	int held_loaded; /* the alerts held whole (above) are read */
};

/* A row of the alert list: first what the day's rounds found (db/today.h,
 * paged from the database), then the isolation alerts (db_isolation_alerts:
 * a few per current isolation at most, held whole), so that Today, the
 * Isolation tab and `doorstep report` read one definition. */
struct trow {
	struct today_alert *visit; /* a rounds alert, or NULL */
	int fu_idx;		   /* else an open follow-up: its index in st->fu, or -1 */
	int ret_idx;		   /* else a returnee alert: its index in st->ret, or -1 */
	int idx;		   /* else: the index in st->iso.v, then in st->cf */
	struct iso_alert iso;	   /* a copy of it */
	struct followup fu;	   /* a copy of the follow-up */
	struct returnee_alert ret; /* a copy of the returnee alert */
	long long conflict;	   /* an open merge conflict's id, or 0 */
	char *subject;		   /* its "item|unit" (stock) or pass number (pass) */
	char conflict_kind[16];	   /* its kind */
};

static const struct list_column columns[] = {
    {N_("Alert"), 14, 0, 0},
    {N_("Who"), 8, 1, 0},
    {N_("Household"), 10, 1, 0},
    {N_("Detail"), 24, 4, 0},
    {0},
};

static void conflicts_free(struct today *st)
{
	for (int i = 0; i < st->ncf; i++)
		db_conflict_clear(&st->cf[i]);
	free(st->cf);
	st->cf = NULL;
	st->ncf = 0;
}

static int add_conflict(const struct conflict *c, void *ctx)
{
	struct today *st = ctx;

	st->cf = xrealloc(st->cf, (size_t)(st->ncf + 1) * sizeof *st->cf);
	memset(&st->cf[st->ncf], 0, sizeof *st->cf);
	st->cf[st->ncf].id = c->id;
	st->cf[st->ncf].subject = xstrdup(c->subject ? c->subject : "");
	memcpy(st->cf[st->ncf].kind, c->kind, sizeof c->kind);
	st->ncf++;
	return 0;
}

static void held_free(struct today *st)
{
	db_isolation_alerts_free(&st->iso);
	db_followups_free(st->fu, st->n_fu);
	st->fu = NULL;
	st->n_fu = 0;
	db_returnees_free(st->ret, st->n_ret);
	st->ret = NULL;
	st->n_ret = 0;
	conflicts_free(st);
	st->held_loaded = 0;
}

/* The counts, read when the screen opens and on every refresh.  The alerts
 * held whole (isolations, follow-ups, returnees, conflicts) are read by
 * load_held only when the list first reaches them: they come after the
 * day's rounds alerts, so in a large community the first screen is all
 * rounds alerts and never needs them (their hundreds of rows were a third
 * of its queries' time at 40,000 households). */
static void load(struct today *st)
{
	struct err e;
	struct date d;
	char date[DATE_STR];

	clock_today(&d);
	date_format(&d, date);
	err_clear(&e);
	report_stats_clear(&st->stats);
	held_free(st);
	st->loaded = 0;
	if (db_daily_stats(app_db(st->app), date, &st->stats, &e) < 0 ||
	    db_followup_counts(app_db(st->app), date, &st->fu_counts, &e) < 0) {
		app_error_err(st->app, &e);
		return;
	}
	st->loaded = 1;
	if (st->list) /* a new community has no alert because it has nobody yet */
		list_set_empty(
		    st->list,
		    st->stats.households
			? _("No alert: no fever, no one to visit again, no check missed.")
			: _("No household yet: add or import them on the Households tab (2)."));
}

/* Reads the alerts held whole, once per load (see load). */
static int load_held(struct today *st, struct err *e)
{
	if (st->held_loaded)
		return 0;
	if (db_isolation_alerts(app_db(st->app), -1, &st->iso, e) < 0 ||
	    db_followups_open(app_db(st->app), &st->fu, &st->n_fu, e) < 0 ||
	    db_returnees(app_db(st->app), st->stats.date, 0, &st->ret, &st->n_ret, e) < 0 ||
	    db_conflicts_open(app_db(st->app), add_conflict, st, e) < 0) {
		held_free(st);
		return -1;
	}
	st->held_loaded = 1;
	return 0;
}

static void t_row_free(void *ctx, void *row);

static struct trow *iso_row(struct today *st, int i)
{
	struct trow *t = xcalloc(1, sizeof *t);

	t->fu_idx = -1;
	t->ret_idx = -1;
	t->idx = i;
	if (i < st->iso.n) {
		isolation_alert_copy(&t->iso, &st->iso.v[i]);
	} else { /* the merge conflicts come after the isolation alerts */
		t->conflict = st->cf[i - st->iso.n].id;
		t->subject = xstrdup(st->cf[i - st->iso.n].subject);
		memcpy(t->conflict_kind, st->cf[i - st->iso.n].kind, sizeof t->conflict_kind);
	}
	return t;
}

static struct trow *ret_row(struct today *st, int i)
{
	struct trow *t = xcalloc(1, sizeof *t);

	t->fu_idx = -1;
	t->ret_idx = i;
	db_returnee_alert_copy(&t->ret, &st->ret[i]);
	return t;
}

static struct trow *fu_row(struct today *st, int i)
{
	struct trow *t = xcalloc(1, sizeof *t);

	t->fu_idx = i;
	t->ret_idx = -1;
	db_followup_copy(&t->fu, &st->fu[i]);
	return t;
}

/* Up to n rounds alerts after (dir > 0) or before `after` into out. */
static int visit_rows(struct today *st, const struct today_alert *after, int dir, int n, void **out,
		      struct err *e)
{
	struct today_alert **tmp = xcalloc((size_t)n, sizeof *tmp);
	int m = db_today_alerts(app_db(st->app), st->stats.date, st->stats.fever_threshold, after,
				dir, n, tmp, e);

	for (int i = 0; i < m; i++) {
		struct trow *t = xcalloc(1, sizeof *t);

		t->visit = tmp[i];
		t->fu_idx = -1;
		t->ret_idx = -1;
		out[i] = t;
	}
	free(tmp);
	return m;
}

/* The rows run: the rounds alerts (paged from the database), then the
 * open follow-ups, the returnees not isolated and the isolation alerts (all
 * three held whole).  held_row makes row i of the held part. */
static struct trow *held_row(struct today *st, int i)
{
	if (i < st->n_fu)
		return fu_row(st, i);
	if (i < st->n_fu + st->n_ret)
		return ret_row(st, i - st->n_fu);
	return iso_row(st, i - st->n_fu - st->n_ret);
}

/* The index of a held row in the held part. */
static int held_index(const struct today *st, const struct trow *a)
{
	if (a->fu_idx >= 0)
		return a->fu_idx;
	if (a->ret_idx >= 0)
		return st->n_fu + a->ret_idx;
	return st->n_fu + st->n_ret + a->idx;
}

static int t_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct today *st = ctx;
	const struct trow *a = anchor;
	int m = 0, got, held;

	if (!st->loaded)
		load(st);
	if (dir > 0) {
		int from = 0;

		if (!a || a->visit) { /* the rounds alerts, then the held ones */
			got = visit_rows(st, a ? a->visit : NULL, 1, n, out, e);
			if (got < 0)
				return -1;
			m = got;
			if (m == n) /* a full page: the held alerts are not reached */
				return m;
		}
		if (load_held(st, e) < 0) {
			while (m > 0)
				t_row_free(st, out[--m]);
			return -1;
		}
		if (a && !a->visit) /* (the held part's counts are known now) */
			from = held_index(st, a) + 1;
		held = st->n_fu + st->n_ret + st->iso.n + st->ncf;
		for (int i = from; m < n && i < held; i++)
			out[m++] = held_row(st, i);
		return m;
	}
	if (a && a->visit)
		return visit_rows(st, a->visit, -1, n, out, e);
	if (load_held(st, e) < 0)
		return -1;
	held = st->n_fu + st->n_ret + st->iso.n + st->ncf;
	/* (an anchor from before a reload may lie past a shorter list) */
	for (int i = (a && held_index(st, a) < held ? held_index(st, a) : held) - 1; m < n && i >= 0;
	     i--)
		out[m++] = held_row(st, i);
	if (m < n) {
		got = visit_rows(st, NULL, -1, n - m, out + m, e);
		if (got < 0) {
			while (m > 0)
				t_row_free(st, out[--m]);
			return -1;
		}
		m += got;
	}
	return m;
}

static void t_row_free(void *ctx, void *row)
{
	struct trow *t = row;

	(void)ctx;
	db_today_alert_free(&t->visit);
	isolation_alert_clear(&t->iso);
	db_followup_clear(&t->fu);
	db_returnee_alert_clear(&t->ret);
	free(t->subject);
	free(t);
}

/* What an alert is, as the Alert column says it; the column is as wide as
 * the widest of these in the language shown. */
static const char *const kind_labels[] = {
    N_("follow-up: referred"), N_("follow-up"), N_("returnee"), N_("FEVER"),
    N_("no answer"), N_("CONFLICT"), N_("check missed"), N_("ends today"),
    N_("release due"), NULL,
};

/* The isolation alerts' labels, by enum iso_alert_kind. */
static const char *const iso_kind_labels[ISO_ALERT_KINDS] = {
    [ISO_ALERT_FEVER] = N_("FEVER"),
    [ISO_ALERT_MISSED_AM] = N_("check missed"),
    [ISO_ALERT_MISSED_PM] = N_("check missed"),
    [ISO_ALERT_ENDS_TODAY] = N_("ends today"),
    [ISO_ALERT_DUE_RELEASE] = N_("release due"),
};

static const char *kind_label(const struct trow *t)
{
	if (!t->visit && t->fu_idx >= 0)
		return t->fu.referred_at[0] ? _("follow-up: referred") : _("follow-up");
	if (!t->visit && t->ret_idx >= 0)
		return _("returnee");
	if (t->visit)
		return t->visit->kind == TODAY_FEVER ? _("FEVER") : _("no answer");
	if (t->conflict)
		return _("CONFLICT");
	if ((int)t->iso.kind >= 0 && t->iso.kind < ISO_ALERT_KINDS && iso_kind_labels[t->iso.kind])
		return _(iso_kind_labels[t->iso.kind]);
	return "";
}

/* "39.0 °C cough · 02-15 08:10 round · 区人民医院发热门诊" */
static void fu_detail(const struct followup *f, struct strbuf *out)
{
	const struct enum_entry *src = model_enum_find(followup_source, f->source);
	char t[8];

	if (f->temperature) {
		temperature_format(f->temperature, t);
		strbuf_printf(out, "%s °C ", t);
	}
	for (const char *p = f->symptoms; *p;) {
		size_t n = strcspn(p, ",");
		char code[32];
		const struct enum_entry *sym;

		snprintf(code, sizeof code, "%.*s", (int)(n < 31 ? n : 31), p);
		sym = model_enum_find(model_symptom, code);
		strbuf_printf(out, "%s ", sym ? _(sym->label) : code);
		p += n + (p[n] == ',');
	}
	strbuf_printf(out, "· %.11s %s", f->opened_at + 5, src ? _(src->label) : f->source);
	if (f->clinic[0])
		strbuf_printf(out, " · %s", f->clinic);
}

/* Who a row is about and their household, from the one source it has. */
static void trow_who(const struct trow *r, const char **name, const char **household)
{
	if (r->visit) {
		*name = r->visit->name;
		*household = r->visit->code;
	} else if (r->fu_idx >= 0) {
		*name = r->fu.name;
		*household = r->fu.household;
	} else if (r->ret_idx >= 0) {
		*name = r->ret.name;
		*household = r->ret.household;
	} else {
		*name = r->iso.name;
		*household = r->iso.household;
	}
}

static void t_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct trow *r = row;
	const struct iso_alert *a = &r->iso;
	const char *name, *household;
	const struct enum_entry *k;
	char t[8];

	(void)ctx;
	if (r->conflict) {
		const char *bar = strchr(r->subject, '|');

		if (col == 0)
			strbuf_puts(out, kind_label(r));
		else if (col == 1)
			strbuf_printf(out, "%.*s", bar ? (int)(bar - r->subject) : (int)strlen(r->subject),
				      r->subject);
		else if (col == 3)
			strbuf_puts(out, strcmp(r->conflict_kind, "pass")
					     ? _("stock below zero after a merge")
					     : _("pass used after it was revoked, found by a merge"));
		return;
	}
	switch (col) {
	case 0:
		strbuf_puts(out, kind_label(r));
		return;
	case 1:
	case 2:
		trow_who(r, &name, &household);
		strbuf_puts(out, col == 1 ? name : household);
		return;
	}
	if (!r->visit && r->fu_idx >= 0) {
		fu_detail(&r->fu, out);
		return;
	}
	if (!r->visit && r->ret_idx >= 0) {
		struct date d;

		date_parse_iso(r->ret.return_date, &d, NULL);
		returnee_alert_text(r->ret.key_area, &d, out);
		return;
	}
	if (r->visit) {
		if (r->visit->kind == TODAY_FEVER) {
			temperature_format(r->visit->temperature, t);
			strbuf_printf(out, "%s °C", t);
		} else {
			strbuf_puts(out, _("to visit again"));
		}
		return;
	}
	switch (a->kind) {
	case ISO_ALERT_FEVER:
		temperature_format(a->temperature, t);
		strbuf_printf(out, _("%s °C at the last check"), t);
		break;
	case ISO_ALERT_MISSED_AM:
		strbuf_printf(out, _("no %s check"), "AM");
		break;
	case ISO_ALERT_MISSED_PM:
		strbuf_printf(out, _("no %s check"), "PM");
		break;
	default:
		k = model_enum_find(model_iso_kind, a->kind_code);
		strbuf_printf(out, _("%s, last day %s"), k ? _(k->label) : a->kind_code,
			      a->last_day);
		break;
	}
}

static int t_role(void *ctx, const void *row)
{
	const struct trow *r = row;

	(void)ctx;
	if (r->visit)
		return r->visit->kind == TODAY_FEVER ? THEME_ALERT : THEME_NORMAL;
	if (r->conflict || r->fu_idx >= 0 || r->ret_idx >= 0)
		return THEME_ALERT;
	return r->iso.kind == ISO_ALERT_FEVER || r->iso.kind == ISO_ALERT_MISSED_AM ||
		       r->iso.kind == ISO_ALERT_MISSED_PM
		   ? THEME_ALERT
		   : THEME_NORMAL;
}

static const struct list_ops ops = {t_fetch, t_row_free, t_cell, t_role};

static int t_open(struct screen *s, void *arg, struct err *e)
{
	struct today *st = xcalloc(1, sizeof *st);

	(void)arg;
	(void)e;
	struct list_column cols[sizeof columns / sizeof columns[0]];

	memcpy(cols, columns, sizeof cols);
	for (const char *const *k = kind_labels; *k; k++) {
		int w = textwidth_utf8(_(*k));

		cols[0].width = w > cols[0].width ? w : cols[0].width;
	}
	st->app = s->app;
	st->count_lines = COUNTS;
	s->state = st;
	st->list = list_new(s->app, &ops, st, cols);
	load(st);
	return 0;
}

static void t_layout(struct screen *s, struct rect r)
{
	struct today *st = s->state;
	/* the title, the counts, a blank line, then the list */
	struct rect lr = {r.y + st->count_lines + 2, r.x, r.h - st->count_lines - 2, r.w};

	st->r = r;
	list_layout(st->list, lr);
}

/* One line of counts: a label, a value (alert: it needs attention), then
 * the details. */
struct count_line {
	const char *label;
	char value[64];
	int alert;
	char rest[300];
};

/* Draws details from the separator at p on: as many of its " · "-separated
 * items as fit in cols, never an item cut when a line of its own would show
 * it whole; returns where the next line starts (at its end: done). */
static const char *draw_items(int y, int x, int cols, const char *p, enum theme_role role)
{
	static const char sep[] = " · ";
	struct strbuf line = {0}, next = {0};
	const char *end = p;

	while (*end) {
		const char *s = strstr(end, sep);
		size_t n = s ? (size_t)(s - end) : strlen(end);

		strbuf_reset(&next);
		strbuf_puts(&next, strbuf_str(&line));
		if (next.len)
			strbuf_puts(&next, sep);
		strbuf_add(&next, end, n);
		if (line.len && textwidth_utf8(strbuf_str(&next)) > cols)
			break;
		strbuf_reset(&line);
		strbuf_puts(&line, strbuf_str(&next));
		end += n;
		if (s)
			end += sizeof sep - 1;
	}
	draw_fit(y, x, cols, strbuf_str(&line), role);
	strbuf_free(&line);
	strbuf_free(&next);
	return end;
}

/* Draws the count lines in columns as wide as the widest label and value
 * of the language shown; the details have the rest of the line, and go on
 * at the details' column of the next lines when they do not fit (a large
 * community's numbers at 80 columns), as far as COUNTS_MAX lines in all.
 * Returns the lines drawn. */
static int draw_counts(struct today *st, int y, const struct count_line *l, int n)
{
	int x = st->r.x + 1, w = st->r.w - 1, lw = 0, vw = 0, rx, used = 0;

	for (int i = 0; i < n; i++) {
		int a = textwidth_utf8(l[i].label), b = textwidth_utf8(l[i].value);

		lw = a > lw ? a : lw;
		vw = b > vw ? b : vw;
	}
	lw += 2;
	vw += 2;
	rx = lw + vw;
	for (int i = 0; i < n; i++) {
		enum theme_role role = l[i].alert == 2 ? THEME_ALERT : THEME_NORMAL;
		const char *p = l[i].rest;

		draw_fill(y + used, st->r.x, st->r.w, THEME_NORMAL);
		draw_fit(y + used, x, lw, l[i].label, THEME_LABEL);
		draw_fit(y + used, x + lw, vw, l[i].value,
			 l[i].alert == 1 ? THEME_ALERT : THEME_NORMAL);
		if (w <= rx) {
			used++;
			continue;
		}
		for (;;) {
			/* the lines the counts below still need stay theirs */
			if (used + 1 + (n - 1 - i) >= COUNTS_MAX) {
				draw_fit(y + used, x + rx, w - rx, p, role);
				p = "";
			} else {
				p = draw_items(y + used, x + rx, w - rx, p, role);
			}
			used++;
			if (!*p)
				break;
			draw_fill(y + used, st->r.x, st->r.w, THEME_NORMAL);
		}
	}
	return used;
}

static void t_draw(struct screen *s)
{
	struct today *st = s->state;
	const struct daily_stats *d = &st->stats;
	struct count_line l[6] = {
	    {.label = _("Households visited")},	  {.label = _("Residents checked")},
	    {.label = _("In isolation")},	  {.label = _("Checks today")},
	    {.label = _("Isolations ending today")}, {.label = _("Donations today")},
	};
	char rest[300], cash[32];
	int y = st->r.y, n;
	struct date now;
	char today[DATE_STR];

	clock_today(&now);
	date_format(&now, today);
	if (strcmp(today, d->date)) { /* midnight passed (or the clock was set) */
		load(st);
		list_reset(st->list);
	}
	draw_fill(y, st->r.x, st->r.w, THEME_TITLE);
	snprintf(rest, sizeof rest, "%s %s%s%.5s · %s", _("Today"), d->date, d->as_of[0] ? " " : "",
		 d->as_of[0] ? d->as_of + 11 : "", app_settings(st->app)->community);
	draw_text(y, st->r.x, st->r.w, rest, THEME_TITLE);

	snprintf(l[0].value, sizeof l[0].value, "%d / %d", d->households_done, d->households);
	snprintf(l[0].rest, sizeof l[0].rest, "%s %d · %s %d · %s %d · %s %d", _("visited"),
		 d->visited, _("no answer"), d->no_answer, _("refused"), d->refused, _("away"),
		 d->away);

	snprintf(l[1].value, sizeof l[1].value, "%d", d->residents_checked);
	snprintf(l[1].rest, sizeof l[1].rest, "%s %d · %s %d", _("fevers found today"), d->fevers,
		 _("follow-ups open"), st->fu_counts.open);
	if (d->fevers) /* the fevers stand out */
		l[1].alert = 2;

	snprintf(l[2].value, sizeof l[2].value, "%d", d->iso_total.active);
	snprintf(l[2].rest, sizeof l[2].rest, "%s %d · %s %d · %s %d · %s %d", _("home"),
		 d->iso[STATS_HOME].active, _("central"), d->iso[STATS_CENTRAL].active,
		 _("hospital"), d->iso[STATS_HOSPITAL].active, _("new today"),
		 d->iso_total.new_today);

	snprintf(l[3].value, sizeof l[3].value, "%d %s", d->checks_due, _("due"));
	snprintf(l[3].rest, sizeof l[3].rest, "%s %d/%d · %s %d/%d · %s %s %d %s %d", _("AM"),
		 d->checks_am, d->checks_due, _("PM"), d->checks_pm, d->checks_due, _("missed"),
		 _("AM"), d->missed_am, _("PM"), d->missed_pm);
	l[3].alert = d->missed_am + d->missed_pm > 0;

	snprintf(l[4].value, sizeof l[4].value, "%d", d->iso_total.ending);
	snprintf(l[4].rest, sizeof l[4].rest, "%s %d · %s %d", _("past the last day"),
		 d->iso_total.overdue, _("released today"), d->iso_total.released);

	money_format(d->cash_fen, cash, sizeof cash);
	snprintf(l[5].value, sizeof l[5].value, "%d", d->donations);
	snprintf(l[5].rest, sizeof l[5].rest, "%s %s · %s %d · %s %d", _("cash"), cash, _("goods"),
		 d->goods_donations, _("distributions"), d->distributions);
	n = draw_counts(st, y + 1, l, COUNTS);
	draw_fill(y + 1 + n, st->r.x, st->r.w, THEME_NORMAL);
	if (n != st->count_lines) { /* the list moves below the counts */
		st->count_lines = n;
		t_layout(s, st->r);
	}
	list_draw(st->list, 1);
}

static int t_event(struct screen *s, const struct event *ev)
{
	struct today *st = s->state;
	int f = list_event(st->list, ev);

	if (f)
		return f;
	if (ev->type == EVENT_MOUSE && list_double_clicked(st->list)) {
		struct event open = {.type = EVENT_KEY, .act = ACT_OPEN};

		return screen_dispatch(s, &open);
	}
	return SCREEN_IGNORED;
}

static int h_open(struct screen *s)
{
	struct today *st = s->state;
	const struct trow *a = list_current(st->list);
	struct screen_target t = {0};

	if (!a)
		return SCREEN_HANDLED;
	t.date = st->stats.date;
	if (a->conflict) {
		conflict_form_push(st->app, a->conflict);
		return SCREEN_HANDLED;
	}
	if (!a->visit && a->fu_idx >= 0) {
		followup_form_push(st->app, a->fu.id);
	} else if (!a->visit && a->ret_idx >= 0) {
		returnee_form_push(st->app, a->ret.resident_id);
	} else if (a->visit) {
		t.kind = "household";
		t.id = a->visit->household_id;
		app_show(st->app, TAB_ROUNDS, &t);
	} else {
		t.kind = "isolation";
		t.id = a->iso.isolation_id;
		app_show(st->app, TAB_ISOLATION, &t);
	}
	return SCREEN_HANDLED;
}

static int h_refresh(struct screen *s)
{
	struct today *st = s->state;

	load(st);
	list_reload(st->list);
	return SCREEN_HANDLED;
}

static const struct screen_handler handlers[] = {
    {ACT_OPEN, h_open, N_("go to")},
    {ACT_REFRESH, h_refresh, NULL},
    {0},
};

static void t_data_changed(struct screen *s)
{
	h_refresh(s);
}

static int t_can(struct screen *s, enum action act)
{
	struct today *st = s->state;

	return act != ACT_OPEN || list_current(st->list);
}

static void t_close(struct screen *s)
{
	struct today *st = s->state;

	list_free(&st->list);
	report_stats_clear(&st->stats);
	held_free(st);
	free(st);
}

const struct screen_class today_screen = {
    .name = N_("Today"),
    .kind = SCREEN_KIND_LIST,
    .handlers = handlers,
    .open = t_open,
    .layout = t_layout,
    .draw = t_draw,
    .event = t_event,
    .data_changed = t_data_changed,
    .can = t_can,
    .close = t_close,
};
