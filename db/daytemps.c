/* daytemps: the day's temperature counters set aside for a bulk write; see
 * daytemps.h. */
#include "db/daytemps.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/xalloc.h"
#include "db/schema.h"
#include "db/sql.h"

int db_daytemps_suspend(struct db *db, int *set_aside, struct err *e)
{
	const char *const *names = schema_day_temps_trigger_names();
	static const char *const when[] = {"before", "after"};
	char sql[128];

	for (int i = 0; names[i]; i++)
		for (int k = 0; k < 2; k++) {
			snprintf(sql, sizeof sql, "DROP TRIGGER %s_%s", names[i], when[k]);
			if (db_exec(db, sql, e) < 0)
				return -1;
		}
	*set_aside = 1;
	return 0;
}

int db_daytemps_resume(struct db *db, int *set_aside, struct err *e)
{
	if (!*set_aside)
		return 0;
	if (db_exec(db, schema_day_temps_refill(), e) < 0 ||
	    db_exec(db, schema_day_temps_triggers(), e) < 0)
		return -1;
	*set_aside = 0;
	return 0;
}

/* The households' creation and deletion times, by id (NULL: none). */
struct times {
	char **created, **deleted;
	long long n;
};

static void times_free(struct times *t)
{
	for (long long i = 0; i < t->n; i++) {
		free(t->created[i]);
		free(t->deleted[i]);
	}
	free(t->created);
	free(t->deleted);
}

static int times_load(struct db *db, struct times *t, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, created_at, deleted_at FROM households", e);
	int r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		long long id = sqlite3_column_int64(st, 0);

		if (id < 0)
			continue;
		if (id >= t->n) {
			long long n = (id + 1) * 2;

			t->created = xrealloc(t->created, (size_t)n * sizeof *t->created);
			t->deleted = xrealloc(t->deleted, (size_t)n * sizeof *t->deleted);
			for (long long i = t->n; i < n; i++)
				t->created[i] = t->deleted[i] = NULL;
			t->n = n;
		}
		t->created[id] = sql_col_dup(st, 1);
		t->deleted[id] = sql_col_dup(st, 2);
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

/* Whether household id lives at the end of the day before next (created
 * before next, not deleted by then: DAY_LIVE of db/schema.c). */
static int lives(const struct times *t, long long id, const char *next)
{
	if (id < 0 || id >= t->n || !t->created[id])
		return 0;
	return strcmp(t->created[id], next) < 0 && (!t->deleted[id] || strcmp(t->deleted[id], next) >= 0);
}

/* One date of the recount: each resident's highest reading, by resident
 * id, and which residents have one (a bit each). */
struct day {
	char *date, next[DATE_STR];
	int *top;
	unsigned char *has;
	long long size, nhas;
};

/* Adds resident rid's reading; the arrays grow to at least least entries
 * (the residents' highest id: one allocation when the ids are right). */
static void day_add(struct day *d, long long rid, int temp, long long least)
{
	if (rid < 0)
		return;
	if (rid >= d->size) {
		long long n = rid + 1 + d->size / 2;

		if (n < least)
			n = least;
		d->top = xrealloc(d->top, (size_t)n * sizeof *d->top);
		d->has = xrealloc(d->has, (size_t)(n + 7) / 8);
		memset(d->has + (d->size + 7) / 8, 0, (size_t)((n + 7) / 8 - (d->size + 7) / 8));
		d->size = n;
	}
	if (!(d->has[rid / 8] & 1u << rid % 8)) {
		d->has[rid / 8] |= (unsigned char)(1u << rid % 8);
		d->nhas++;
		d->top[rid] = temp;
	} else if (temp > d->top[rid]) {
		d->top[rid] = temp;
	}
}

static void day_clear(struct day *d)
{
	free(d->top);
	free(d->has);
	d->top = NULL;
	d->has = NULL;
	d->size = d->nhas = 0;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int problem(void (*report)(const char *, void *), void *ctx, const char *date, int top,
		   long long said, long long is)
{
	char *msg = xasprintf("day_temps: on %s, %d tenths: the counter says %lld, a recount %lld",
			      date, top, said, is);

	report(msg, ctx);
	free(msg);
	return 1;
}

/* Compares the counters of d->date with its recount, and empties d: the
 * residents' highest readings sorted, in runs, merged with the counters in
 * the same order. */
static int day_compare(struct db *db, struct day *d, void (*report)(const char *, void *),
		       void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT top, n FROM day_temps WHERE date = ?1 AND n <> 0"
				   " ORDER BY top",
				   e);
	int *tops = xcalloc((size_t)d->nhas + 1, sizeof *tops), ntops = 0, i = 0, n = 0, r;

	if (!st) {
		free(tops);
		return -1;
	}
	for (long long k = 0; k < d->size; k++)
		if (d->has[k / 8] & 1u << k % 8)
			tops[ntops++] = d->top[k];
	day_clear(d);
	qsort(tops, (size_t)ntops, sizeof *tops, cmp_int);
	sqlite3_bind_text(st, 1, d->date, -1, SQLITE_STATIC);
	r = sql_step_row(db, st, e);
	while (r == 1 || (r == 0 && i < ntops)) {
		int j = i, top = r == 1 ? sqlite3_column_int(st, 0) : 0;
		long long said = r == 1 ? sqlite3_column_int64(st, 1) : 0;

		while (j < ntops && tops[j] == tops[i])
			j++;
		if (i < ntops && (r == 0 || tops[i] < top)) { /* no counter */
			n += problem(report, ctx, d->date, tops[i], 0, j - i);
			i = j;
			continue;
		}
		if (i < ntops && tops[i] == top) {
			if (said != j - i)
				n += problem(report, ctx, d->date, top, said, j - i);
			i = j;
		} else {
			n += problem(report, ctx, d->date, top, said, 0);
		}
		r = sql_step_row(db, st, e);
	}
	sqlite3_reset(st);
	free(tops);
	return r < 0 ? -1 : n;
}

/* The counters of the dates no live reading was recounted for (seen[] the
 * recounted dates, in order) are all wrong. */
static int unseen_dates(struct db *db, char **seen, int nseen, struct day *d,
			void (*report)(const char *, void *), void *ctx, struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db, "SELECT DISTINCT date FROM day_temps WHERE n <> 0 ORDER BY date", e);
	char **dates = NULL;
	int n = 0, ndates = 0, r, k = 0;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		const char *date = (const char *)sqlite3_column_text(st, 0);

		while (k < nseen && strcmp(seen[k], date) < 0)
			k++;
		if (k < nseen && !strcmp(seen[k], date))
			continue;
		dates = xrealloc(dates, (size_t)(ndates + 1) * sizeof *dates);
		dates[ndates++] = xstrdup(date);
	}
	sqlite3_reset(st);
	for (int i = 0; i < ndates; i++) {
		int p;

		free(d->date);
		d->date = dates[i];
		p = r < 0 ? 0 : day_compare(db, d, report, ctx, e);
		if (p < 0)
			r = -1;
		else
			n += p;
	}
	free(dates);
	return r < 0 ? -1 : n;
}

/* The date after date (ISO), as the timestamps of the day compare below;
 * a malformed date gives itself (nothing created before it counts). */
static void next_day(const char *date, char next[DATE_STR])
{
	struct date d, nd;

	if (date_parse_iso(date, &d, NULL) < 0) {
		snprintf(next, DATE_STR, "%.10s", date);
		return;
	}
	nd = date_add(&d, 1);
	date_format(&nd, next);
}

/* The readings tallied so far, by date (in the order met), and the
 * households' times they are judged by. */
struct daytemps_tally {
	struct times t;
	struct day *days;
	int ndays, last;
	int fed;	  /* the rows came from a caller's pass */
	int spilled;	  /* too many dates to hold: recounted date by date */
	long long least; /* the residents' highest id + 1 */
};

/* A pass over the readings meets them in table order, so every date is held
 * until the end: about 4 bytes per resident and date (27 MB for 40,000
 * households and 60 days).  Past these bounds (a long-lived file, or a
 * damaged one with readings spread over many dates) the tally lets go and
 * the recount walks the readings in date order itself, one date at a time. */
#define TALLY_BYTES_MAX (128LL << 20)
#define TALLY_DAYS_MAX 1024

struct daytemps_tally *db_daytemps_tally_new(struct db *db, struct err *e)
{
	struct daytemps_tally *tl = xcalloc(1, sizeof *tl);
	sqlite3_stmt *st = db_stmt(db, "SELECT max(id) FROM residents", e);

	/* (Only a hint: a stray huge id does not size every date's array.) */
	if (st && sql_step_row(db, st, e) == 1 && sqlite3_column_int64(st, 0) > 0 &&
	    sqlite3_column_int64(st, 0) < 1 << 24)
		tl->least = sqlite3_column_int64(st, 0) + 1;
	if (st)
		sqlite3_reset(st);
	if (!st || times_load(db, &tl->t, e) < 0) {
		db_daytemps_tally_free(tl);
		return NULL;
	}
	return tl;
}

void db_daytemps_tally_free(struct daytemps_tally *tl)
{
	if (!tl)
		return;
	times_free(&tl->t);
	for (int i = 0; i < tl->ndays; i++) {
		free(tl->days[i].date);
		day_clear(&tl->days[i]);
	}
	free(tl->days);
	free(tl);
}

/* The day of date, made when new: the last one met first (the rows come
 * mostly in date order). */
static struct day *tally_day(struct daytemps_tally *tl, const char *date)
{
	struct day *d;

	if (tl->ndays && !strcmp(tl->days[tl->last].date, date))
		return &tl->days[tl->last];
	for (int i = 0; i < tl->ndays; i++)
		if (!strcmp(tl->days[i].date, date)) {
			tl->last = i;
			return &tl->days[i];
		}
	if (tl->ndays >= TALLY_DAYS_MAX ||
	    (tl->ndays + 1) * (tl->least * (long long)sizeof(int) + tl->least / 8) >
		TALLY_BYTES_MAX) {
		for (int i = 0; i < tl->ndays; i++) {
			free(tl->days[i].date);
			day_clear(&tl->days[i]);
		}
		tl->ndays = tl->last = 0;
		tl->spilled = 1;
		return NULL;
	}
	tl->days = xrealloc(tl->days, (size_t)(tl->ndays + 1) * sizeof *tl->days);
	d = &tl->days[tl->ndays];
	memset(d, 0, sizeof *d);
	d->date = xstrdup(date);
	next_day(date, d->next);
	tl->last = tl->ndays++;
	return d;
}

static void tally_add(struct daytemps_tally *tl, const char *date, long long household,
		      long long resident, int temp)
{
	struct day *d = tl->spilled ? NULL : tally_day(tl, date);

	if (d && lives(&tl->t, household, d->next))
		day_add(d, resident, temp, tl->least);
}

void db_daytemps_tally_sql(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	struct daytemps_tally *tl = sqlite3_user_data(cx);
	const char *date = (const char *)sqlite3_value_text(v[1]);

	/* As the view: a live reading with a temperature of a live visit. */
	tl->fed = 1;
	if (argc == 7 && sqlite3_value_type(v[0]) != SQLITE_NULL &&
	    sqlite3_value_type(v[3]) == SQLITE_NULL && sqlite3_value_type(v[4]) == SQLITE_NULL &&
	    sqlite3_value_type(v[6]) != SQLITE_NULL)
		tally_add(tl, date ? date : "", sqlite3_value_int64(v[2]),
			  sqlite3_value_int64(v[5]), sqlite3_value_int(v[6]));
	sqlite3_result_int(cx, 0);
}

/* The recount without a tally: the live readings from the covering
 * indexes visits_date and readings_visit in date order, each date compared
 * as soon as its readings are in, then the dates no reading was met for. */
static int temps_walk(struct db *db, struct daytemps_tally *tl,
		      void (*report)(const char *problem, void *ctx), void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT v.date, v.household_id, r.resident_id, r.temperature"
				   " FROM visits v CROSS JOIN readings r ON r.visit_id = v.id"
				   " WHERE v.deleted_at IS NULL AND r.deleted_at IS NULL"
				   " AND r.temperature IS NOT NULL ORDER BY v.date",
				   e);
	struct day d = {0}, empty = {0};
	char **seen = NULL;
	int nseen = 0, cap = 0, n = 0, p = 0, r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		const char *date = (const char *)sqlite3_column_text(st, 0);

		date = date ? date : "";
		if (!d.date || strcmp(d.date, date)) {
			if (d.date) {
				if ((p = day_compare(db, &d, report, ctx, e)) < 0)
					break;
				n += p;
			}
			XGROW(seen, cap, nseen + 1, 64);
			d.date = seen[nseen++] = xstrdup(date);
			next_day(date, d.next);
		}
		if (lives(&tl->t, sqlite3_column_int64(st, 1), d.next))
			day_add(&d, sqlite3_column_int64(st, 2), sqlite3_column_int(st, 3),
				tl->least);
	}
	sqlite3_reset(st);
	if (r == 0 && d.date && (p = day_compare(db, &d, report, ctx, e)) >= 0)
		n += p;
	day_clear(&d);
	if (r == 0 && p >= 0 && (p = unseen_dates(db, seen, nseen, &empty, report, ctx, e)) >= 0)
		n += p;
	xfree_strv(seen, (size_t)nseen);
	free(empty.date);
	return r < 0 || p < 0 ? -1 : n;
}

static int cmp_day(const void *a, const void *b)
{
	return strcmp(((const struct day *)a)->date, ((const struct day *)b)->date);
}

/* Compares each tallied date, in date order, then the dates not tallied. */
static int temps_recount(struct db *db, struct daytemps_tally *tl,
			 void (*report)(const char *problem, void *ctx), void *ctx, struct err *e)
{
	struct day empty = {0};
	char **seen;
	int n = 0, p = 0;

	if (!tl->fed || tl->spilled)
		return temps_walk(db, tl, report, ctx, e);
	if (tl->ndays > 1)
		qsort(tl->days, (size_t)tl->ndays, sizeof *tl->days, cmp_day);
	tl->last = 0;
	seen = xcalloc((size_t)tl->ndays + 1, sizeof *seen);
	for (int i = 0; i < tl->ndays && p >= 0; i++) {
		seen[i] = tl->days[i].date;
		if ((p = day_compare(db, &tl->days[i], report, ctx, e)) >= 0)
			n += p;
	}
	if (p >= 0 && (p = unseen_dates(db, seen, tl->ndays, &empty, report, ctx, e)) >= 0)
		n += p;
	free(seen);
	free(empty.date);
	return p < 0 ? -1 : n;
}

/* One date of the outcomes' recount: per outcome, the households whose
 * latest visit it was and their visits. */
struct outcomes {
	char *date, next[DATE_STR];
	char *code[8];
	long long households[8], visits[8];
	int n;
};

static void outcomes_add(struct outcomes *o, const char *code, long long visits)
{
	int k = 0;

	while (k < o->n && strcmp(o->code[k], code))
		k++;
	if (k == o->n) {
		if (o->n == 8)
			k = 7; /* (the schema allows four) */
		else
			o->code[o->n++] = xstrdup(code);
	}
	o->households[k]++;
	o->visits[k] += visits;
}

static int outcome_problem(void (*report)(const char *, void *), void *ctx, const char *date,
			   const char *code, long long h, long long v, long long rh, long long rv)
{
	char *msg = xasprintf("day_outcomes: on %s, %s: the counter says %lld households"
			      " (%lld visits), a recount %lld (%lld)",
			      date, code, h, v, rh, rv);

	report(msg, ctx);
	free(msg);
	return 1;
}

/* Compares the counters of o->date with its recount, and empties o. */
static int outcomes_compare(struct db *db, struct outcomes *o,
			    void (*report)(const char *, void *), void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT outcome, households, visits FROM day_outcomes"
				   " WHERE date = ?1 AND (households <> 0 OR visits <> 0)",
				   e);
	int n = 0, r, seen[8] = {0};

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, o->date, -1, SQLITE_STATIC);
	while ((r = sql_step_row(db, st, e)) == 1) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		long long h = sqlite3_column_int64(st, 1), v = sqlite3_column_int64(st, 2);
		int k = 0;

		while (k < o->n && strcmp(o->code[k], code ? code : ""))
			k++;
		if (k < o->n)
			seen[k] = 1;
		if (k == o->n || o->households[k] != h || o->visits[k] != v)
			n += outcome_problem(report, ctx, o->date, code ? code : "", h, v,
					     k < o->n ? o->households[k] : 0,
					     k < o->n ? o->visits[k] : 0);
	}
	sqlite3_reset(st);
	for (int k = 0; k < o->n; k++) {
		if (!seen[k] && r >= 0)
			n += outcome_problem(report, ctx, o->date, o->code[k], 0, 0,
					     o->households[k], o->visits[k]);
		free(o->code[k]);
		o->households[k] = o->visits[k] = 0;
	}
	o->n = 0;
	return r < 0 ? -1 : n;
}

/* The counters of dates without a live visit are all wrong. */
static int outcomes_unseen(struct db *db, void (*report)(const char *, void *), void *ctx,
			   struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT date, outcome, households, visits FROM day_outcomes c"
				   " WHERE (households <> 0 OR visits <> 0) AND NOT EXISTS (SELECT 1"
				   " FROM visits v WHERE v.date = c.date AND v.deleted_at IS NULL)",
				   e);
	int n = 0, r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1)
		n += outcome_problem(report, ctx, (const char *)sqlite3_column_text(st, 0),
				     (const char *)sqlite3_column_text(st, 1),
				     sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3), 0, 0);
	sqlite3_reset(st);
	return r < 0 ? -1 : n;
}

/* The live visits in date and household order, latest last (the covering
 * index visits_date): a household's last row of a date is its latest. */
static int outcomes_recount(struct db *db, const struct times *t,
			    void (*report)(const char *problem, void *ctx), void *ctx,
			    struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT date, household_id, outcome FROM visits"
				   " WHERE deleted_at IS NULL ORDER BY date, household_id, at, id",
				   e);
	struct outcomes o = {0};
	char *last = NULL;
	long long hh = 0, visits = 0;
	int n = 0, p = 0, r;

	if (!st)
		return -1;
	while (p >= 0 && (r = sql_step_row(db, st, e)) == 1) {
		const char *date = (const char *)sqlite3_column_text(st, 0);
		long long id = sqlite3_column_int64(st, 1);

		if (visits && (id != hh || strcmp(o.date, date))) {
			if (lives(t, hh, o.next))
				outcomes_add(&o, last, visits);
			visits = 0;
		}
		if (!o.date || strcmp(o.date, date)) {
			if (o.date && (p = outcomes_compare(db, &o, report, ctx, e)) >= 0)
				n += p;
			free(o.date);
			o.date = xstrdup(date);
			next_day(date, o.next);
		}
		free(last);
		last = sql_col_dup(st, 2);
		if (!last)
			last = xstrdup("");
		hh = id;
		visits++;
	}
	sqlite3_reset(st);
	if (p >= 0 && r >= 0 && visits && lives(t, hh, o.next))
		outcomes_add(&o, last, visits);
	if (p >= 0 && r >= 0 && o.date && (p = outcomes_compare(db, &o, report, ctx, e)) >= 0)
		n += p;
	if (p >= 0 && r >= 0 && (p = outcomes_unseen(db, report, ctx, e)) >= 0)
		n += p;
	free(last);
	free(o.date);
	for (int k = 0; k < o.n; k++)
		free(o.code[k]);
	return p < 0 || r < 0 ? -1 : n;
}

int db_daytemps_tally_finish(struct db *db, struct daytemps_tally *tl,
			      void (*report)(const char *problem, void *ctx), void *ctx,
			      struct err *e)
{
	int a = temps_recount(db, tl, report, ctx, e), b = -1;

	if (a >= 0)
		b = outcomes_recount(db, &tl->t, report, ctx, e);
	return a < 0 || b < 0 ? -1 : a + b;
}

int db_daytemps_recount(struct db *db, void (*report)(const char *problem, void *ctx), void *ctx,
			struct err *e)
{
	struct daytemps_tally *tl = db_daytemps_tally_new(db, e);
	int r = tl ? db_daytemps_tally_finish(db, tl, report, ctx, e) : -1;

	db_daytemps_tally_free(tl);
	return r;
}
