/* Unit tests of the day's temperature counters (day_temps, db/schema.c):
 * after every write of a long random sequence (a reading's insert, edit,
 * move to another visit or resident, soft delete, restore and delete; a
 * visit's new date, household, soft delete, restore and delete with its
 * readings; a household's deletion at a time before, on or after a visit's
 * day, its restore and a new creation time; a bulk write with the triggers
 * set aside), the counters equal a recount made here in C from the rows,
 * and db_daily_stats' residents checked and fevers equal it at thresholds on
 * both sides of every temperature used; `check` names a counter that is
 * wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "db/consistency.h"
#include "db/daytemps.h"
#include "db/db.h"
#include "db/sql.h"
#include "db/stats.h"
#include "dbfix.h"

#define HH 5
#define RES 9
#define DAYS 4
#define MAXROWS 4096

static const char *const dates[DAYS] = {"2020-02-12", "2020-02-13", "2020-02-14", "2020-02-15"};
static const char *const outcomes[4] = {"visited", "no_answer", "refused", "away"};

/* The rows the recount needs, read back from the database. */
struct rows {
	int nv, nr;
	long long vid[MAXROWS], vhh[MAXROWS];
	int vday[MAXROWS], vlive[MAXROWS], vout[MAXROWS];
	char vat[MAXROWS][24];
	long long rvisit[MAXROWS], rres[MAXROWS];
	int rtemp[MAXROWS], rlive[MAXROWS];
	char hcreated[HH + 1][24], hdeleted[HH + 1][24];
};

static int day_of(const char *d)
{
	for (int i = 0; i < DAYS; i++)
		if (!strcmp(d, dates[i]))
			return i;
	fail_msg("unexpected date %s", d);
	return -1;
}

static void read_rows(struct db *db, struct rows *w)
{
	sqlite3_stmt *st;

	memset(w, 0, sizeof *w);
	st = db_stmt(db, "SELECT id, created_at, ifnull(deleted_at, '') FROM households", NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int h = sqlite3_column_int(st, 0);

		assert_true(h >= 1 && h <= HH);
		snprintf(w->hcreated[h], sizeof w->hcreated[h], "%s", sqlite3_column_text(st, 1));
		snprintf(w->hdeleted[h], sizeof w->hdeleted[h], "%s", sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	st = db_stmt(db,
		     "SELECT id, household_id, date, deleted_at IS NULL, at, outcome FROM visits",
		     NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *o = (const char *)sqlite3_column_text(st, 5);

		w->vout[w->nv] = 0;
		while (strcmp(outcomes[w->vout[w->nv]], o))
			w->vout[w->nv]++;
		snprintf(w->vat[w->nv], sizeof w->vat[w->nv], "%s", sqlite3_column_text(st, 4));
		w->vid[w->nv] = sqlite3_column_int64(st, 0);
		w->vhh[w->nv] = sqlite3_column_int64(st, 1);
		w->vday[w->nv] = day_of((const char *)sqlite3_column_text(st, 2));
		w->vlive[w->nv++] = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
	st = db_stmt(db,
		     "SELECT visit_id, resident_id, ifnull(temperature, 0), deleted_at IS NULL"
		     " FROM readings",
		     NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		w->rvisit[w->nr] = sqlite3_column_int64(st, 0);
		w->rres[w->nr] = sqlite3_column_int64(st, 1);
		w->rtemp[w->nr] = sqlite3_column_int(st, 2);
		w->rlive[w->nr++] = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
}

/* Whether household h lives at the end of day d: created before the next
 * day and not deleted by then (timestamps compare as text). */
static int household_lives(const struct rows *w, long long h, int d)
{
	static const char *const next[DAYS] = {"2020-02-13", "2020-02-14", "2020-02-15",
					       "2020-02-16"};

	return strcmp(w->hcreated[h], next[d]) < 0 &&
	       (!w->hdeleted[h][0] || strcmp(w->hdeleted[h], next[d]) >= 0);
}

/* top[d][r]: resident r's highest counted reading of day d (0: none). */
static void recount(const struct rows *w, int top[DAYS][RES + 1])
{
	memset(top, 0, sizeof(int) * DAYS * (RES + 1));
	for (int i = 0; i < w->nr; i++) {
		int v = 0;

		if (!w->rlive[i] || !w->rtemp[i])
			continue;
		while (v < w->nv && w->vid[v] != w->rvisit[i])
			v++;
		assert_true(v < w->nv);
		if (!w->vlive[v] || !household_lives(w, w->vhh[v], w->vday[v]))
			continue;
		if (w->rtemp[i] > top[w->vday[v]][w->rres[i]])
			top[w->vday[v]][w->rres[i]] = w->rtemp[i];
	}
}

static void exec(struct db *db, const char *sql)
{
	struct err e;

	err_clear(&e);
	if (db_exec(db, sql, &e) < 0)
		fail_msg("%s: %s", sql, e.msg);
}

static void execf(struct db *db, const char *fmt, ...)
{
	char sql[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	exec(db, sql);
}

/* hh[d][o], nv[d][o]: the households of day d whose latest live visit
 * (by time, then id) found outcome o, and their live visits, for the
 * households that live at the end of the day. */
static void recount_outcomes(const struct rows *w, int hh[DAYS][4], int nv[DAYS][4])
{
	memset(hh, 0, sizeof(int) * DAYS * 4);
	memset(nv, 0, sizeof(int) * DAYS * 4);
	for (int d = 0; d < DAYS; d++)
		for (long long h = 1; h <= HH; h++) {
			int latest = -1, n = 0;

			if (!household_lives(w, h, d))
				continue;
			for (int v = 0; v < w->nv; v++) {
				int c;

				if (w->vday[v] != d || w->vhh[v] != h || !w->vlive[v])
					continue;
				n++;
				c = latest < 0 ? 1 : strcmp(w->vat[v], w->vat[latest]);
				if (c > 0 || (c == 0 && w->vid[v] > w->vid[latest]))
					latest = v;
			}
			if (latest >= 0) {
				hh[d][w->vout[latest]]++;
				nv[d][w->vout[latest]] += n;
			}
		}
}

/* The outcome counters of day d are hh and nv. */
static void outcomes_agree(struct db *db, int step, int d, const int hh[4], const int nv[4])
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT outcome, households, visits FROM day_outcomes"
				   " WHERE date = ?1 AND (households <> 0 OR visits <> 0)",
				   NULL);
	int seen[4] = {0}, n = 0;

	sqlite3_bind_text(st, 1, dates[d], -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int o = 0;

		while (o < 4 && strcmp(outcomes[o], (const char *)sqlite3_column_text(st, 0)))
			o++;
		assert_true(o < 4);
		seen[o] = 1;
		if (sqlite3_column_int(st, 1) != hh[o] || sqlite3_column_int(st, 2) != nv[o])
			fail_msg("step %d, %s, %s: counter %d (%d), recount %d (%d)", step, dates[d],
				 outcomes[o], sqlite3_column_int(st, 1), sqlite3_column_int(st, 2),
				 hh[o], nv[o]);
	}
	sqlite3_reset(st);
	for (int o = 0; o < 4; o++) {
		if (!seen[o] && (hh[o] || nv[o]))
			fail_msg("step %d, %s, %s: no counter, recount %d (%d)", step, dates[d],
				 outcomes[o], hh[o], nv[o]);
		n += hh[o];
	}
	(void)n;
}

/* The counters, the recount and the day's stats agree. */
static void agree(struct db *db, int step)
{
	static struct rows w;
	int top[DAYS][RES + 1];
	static const int thresholds[] = {340, 365, 366, 373, 374, 380, 430};

	int hh[DAYS][4], nv[DAYS][4];

	read_rows(db, &w);
	recount(&w, top);
	recount_outcomes(&w, hh, nv);
	for (int d = 0; d < DAYS; d++) {
		outcomes_agree(db, step, d, hh[d], nv[d]);
		int hist[431] = {0};
		sqlite3_stmt *st = db_stmt(db, "SELECT top, n FROM day_temps WHERE date = ?1", NULL);

		for (int r = 1; r <= RES; r++)
			if (top[d][r])
				hist[top[d][r]]++;
		sqlite3_bind_text(st, 1, dates[d], -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			int t = sqlite3_column_int(st, 0), n = sqlite3_column_int(st, 1);

			assert_true(t >= 340 && t <= 430);
			if (hist[t] != n)
				fail_msg("step %d, %s, %d tenths: counter %d, recount %d", step, dates[d],
					 t, n, hist[t]);
			hist[t] = 0;
		}
		sqlite3_reset(st);
		for (int t = 340; t <= 430; t++)
			if (hist[t])
				fail_msg("step %d, %s, %d tenths: no counter, recount %d", step,
					 dates[d], t, hist[t]);
		for (size_t k = 0; k < sizeof thresholds / sizeof thresholds[0]; k++) {
			struct daily_stats s = {0};
			struct err e;
			int checked = 0, fevers = 0;

			err_clear(&e);
			execf(db, "UPDATE settings SET fever_threshold = %d", thresholds[k]);
			for (int r = 1; r <= RES; r++) {
				checked += top[d][r] != 0;
				fevers += top[d][r] && top[d][r] >= thresholds[k];
			}
			assert_int_equal(db_daily_stats(db, dates[d], &s, &e), 0);
			assert_int_equal(s.residents_checked, checked);
			assert_int_equal(s.fevers, fevers);
			assert_int_equal(s.visited, hh[d][0]);
			assert_int_equal(s.no_answer, hh[d][1]);
			assert_int_equal(s.refused, hh[d][2]);
			assert_int_equal(s.away, hh[d][3]);
			assert_int_equal(s.visits, nv[d][0] + nv[d][1] + nv[d][2] + nv[d][3]);
			report_stats_clear(&s);
		}
	}
}

/* A timestamp around day d's: the day before, in the morning, in the
 * evening, the day after. */
static const char *stamp(int d, int k)
{
	static char s[24];
	static const char *const when[] = {"2020-02-11 23:59:59", "2020-02-12 00:00:00",
					   "2020-02-12 08:00:00", "2020-02-13 00:00:00",
					   "2020-02-13 07:00:00", "2020-02-14 12:00:00",
					   "2020-02-15 23:00:00", "2020-02-16 00:00:00"};

	(void)d;
	snprintf(s, sizeof s, "%s", when[k % 8]);
	return s;
}

static long long pick(struct db *db, const char *table)
{
	char sql[160];
	sqlite3_stmt *st;
	long long id = 0;

	snprintf(sql, sizeof sql,
		 "SELECT id FROM %s ORDER BY id LIMIT 1 OFFSET %d %% max(1, (SELECT count(*) FROM %s))",
		 table, rand(), table);
	st = db_stmt(db, sql, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

static int temperature(void)
{
	static const int t[] = {0, 360, 365, 366, 368, 373, 374, 380, 395, 410};

	return t[rand() % 10];
}

static void add_reading(struct db *db, long long v)
{
	int t = temperature();

	if (!v)
		return;
	execf(db,
	      "INSERT INTO readings (uuid, created_at, updated_at, visit_id, resident_id,"
	      " temperature) VALUES (lower(hex(randomblob(16))), '2020-02-12 08:00:00',"
	      " '2020-02-12 08:00:00', %lld, %d, %s%.0d)",
	      v, 1 + rand() % RES, t ? "" : "NULL", t);
}

/* A visit's time: few, so that two visits of a day often share one. */
static const char *const times[3] = {"09:00:00", "10:00:00", "10:30:00"};

static void add_visit(struct db *db)
{
	int hh = 1 + rand() % HH, d = rand() % DAYS, t = rand() % 3, o = rand() % 4;

	execf(db,
	      "INSERT INTO visits (uuid, created_at, updated_at, household_id, at, date, outcome)"
	      " VALUES (lower(hex(randomblob(16))), '2020-02-12 08:00:00', '2020-02-12 08:00:00',"
	      " %d, '%s %s', '%s', '%s')",
	      hh, dates[d], times[t], dates[d], outcomes[o]);
}

/* One random write of one of the kinds the counters must follow. */
static void random_write(struct db *db)
{
	long long r = pick(db, "readings"), v = pick(db, "visits");
	int t = temperature(), hh = 1 + rand() % HH;

	if (!v) { /* every visit deleted: a new one */
		add_visit(db);
		return;
	}
	if (!r) {
		add_reading(db, v);
		return;
	}
	switch (rand() % 18) {
	case 16:
		execf(db, "UPDATE visits SET outcome = '%s' WHERE id = %lld", outcomes[rand() % 4], v);
		break;
	case 17:
		execf(db, "UPDATE visits SET at = date || ' %s' WHERE id = %lld", times[rand() % 3], v);
		break;
	case 0:
	case 1:
	case 2:
		add_reading(db, v);
		break;
	case 3:
		add_visit(db);
		add_visit(db);
		break;
	case 4:
		execf(db, "UPDATE readings SET temperature = %s%.0d WHERE id = %lld", t ? "" : "NULL",
		      t, r);
		break;
	case 5:
		execf(db, "UPDATE readings SET deleted_at = CASE WHEN deleted_at IS NULL"
			  " THEN '2020-02-15 10:00:00' END WHERE id = %lld",
		      r);
		break;
	case 6:
		execf(db, "UPDATE readings SET visit_id = %lld WHERE id = %lld", v, r);
		break;
	case 7:
		execf(db, "UPDATE readings SET resident_id = %d WHERE id = %lld", 1 + rand() % RES, r);
		break;
	case 8:
		execf(db, "DELETE FROM readings WHERE id = %lld", r);
		break;
	case 9:
		execf(db, "UPDATE visits SET date = '%s' WHERE id = %lld", dates[rand() % DAYS], v);
		break;
	case 10:
		execf(db, "UPDATE visits SET household_id = %d WHERE id = %lld", hh, v);
		break;
	case 11:
		execf(db, "UPDATE visits SET deleted_at = CASE WHEN deleted_at IS NULL"
			  " THEN '2020-02-15 10:00:00' END WHERE id = %lld",
		      v);
		break;
	case 12:
		execf(db, "DELETE FROM readings WHERE visit_id = %lld", v);
		execf(db, "DELETE FROM visits WHERE id = %lld", v);
		break;
	case 13:
		execf(db, "UPDATE households SET deleted_at = '%s' WHERE id = %d",
		      stamp(0, rand() % 8), hh);
		break;
	case 14:
		execf(db, "UPDATE households SET deleted_at = NULL WHERE id = %d", hh);
		break;
	default:
		execf(db, "UPDATE households SET created_at = '%s' WHERE id = %d",
		      stamp(0, rand() % 8), hh);
		break;
	}
}

static struct db *community(void)
{
	struct db *db = dbfix_open("幸福里社区");

	for (int h = 1; h <= HH; h++)
		execf(db,
		      "INSERT INTO households (id, uuid, created_at, updated_at, code, sort_key)"
		      " VALUES (%d, lower(hex(randomblob(16))), '2020-01-01 08:00:00',"
		      " '2020-01-01 08:00:00', '1-%d', '1-%d')",
		      h, h, h);
	for (int r = 1; r <= RES; r++)
		assert_int_equal(dbfix_resident(db, 1 + (r - 1) % HH, "居民"), r);
	return db;
}

/* The community with ten random visits, the generator seeded. */
static struct db *seeded(unsigned seed)
{
	struct db *db;

	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	db = community();
	srand(seed);
	for (int i = 0; i < 10; i++)
		add_visit(db);
	return db;
}

/* Two thousand random writes, the counters checked after each. */
static void test_random_writes(void **state)
{
	(void)state;
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	for (unsigned seed = 1; seed <= 4; seed++) {
		struct db *db = community();

		srand(seed);
		for (int i = 0; i < 30; i++)
			add_visit(db);
		for (int step = 0; step < 500; step++) {
			random_write(db);
			agree(db, step);
		}
		db_close(&db);
	}
}

/* A bulk write with the triggers set aside ends with the counters right,
 * and the triggers back (a write after it moves them); a rolled back bulk
 * write leaves both as they were. */
static void test_bulk(void **state)
{
	struct db *db;
	struct err e;
	int set_aside = 0;

	(void)state;
	err_clear(&e);
	db = seeded(7);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_daytemps_suspend(db, &set_aside, &e), 0);
	assert_int_equal(set_aside, 1);
	for (int i = 0; i < 200; i++)
		add_reading(db, pick(db, "visits"));
	assert_int_equal(db_daytemps_resume(db, &set_aside, &e), 0);
	assert_int_equal(set_aside, 0);
	assert_int_equal(db_commit(db, &e), 0);
	agree(db, 0);
	for (int i = 0; i < 50; i++) {
		random_write(db);
		agree(db, i + 1);
	}
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_daytemps_suspend(db, &set_aside, &e), 0);
	add_reading(db, pick(db, "visits"));
	db_rollback(db);
	for (int i = 0; i < 20; i++) {
		random_write(db);
		agree(db, i + 100);
	}
	db_close(&db);
}

static void count_problem(const char *problem, void *ctx)
{
	int *found = ctx;

	if (!strcmp(problem, "day_temps: on 2020-02-14, 380 tenths: the counter says 1,"
			     " a recount 0"))
		found[0]++;
	else if (!strcmp(problem, "day_temps: on 2020-01-01, 366 tenths: the counter says 2,"
				  " a recount 0"))
		found[1]++;
	else if (!strncmp(problem, "day_temps: on 2020-02-13, 365 tenths: the counter says 0,"
				   " a recount ",
			  strlen("day_temps: on 2020-02-13, 365 tenths: the counter says 0,"
				 " a recount ")))
		found[2]++;
	else if (!strncmp(problem, "day_temps:", 10))
		found[3]++;
	else if (!strncmp(problem, "day_outcomes: on 2020-01-01, away: the counter says 1"
				   " households (1 visits), a recount 0 (0)",
			  200))
		found[4]++;
	else if (!strncmp(problem, "day_outcomes:", 13))
		found[5]++;
}

/* `check` names a counter that is wrong (one too many, one of a date
 * without readings, one missing; outcomes of a date without visits, visits
 * too many), and nothing when they are right. */
static void test_check(void **state)
{
	struct db *db;
	struct err e;
	int found[6] = {0};

	(void)state;
	err_clear(&e);
	db = seeded(3);
	for (int i = 0; i < 60; i++)
		add_reading(db, pick(db, "visits"));
	exec(db, "UPDATE readings SET temperature = 365 WHERE visit_id IN (SELECT id FROM visits"
		 " WHERE date = '2020-02-13')");
	/* (The raw rows have other problems, stale sort keys: not these.) */
	assert_true(db_consistency_check(db, count_problem, found, &e) >= 0);
	assert_int_equal(found[0] + found[1] + found[2] + found[3] + found[4] + found[5], 0);
	exec(db, "DELETE FROM readings WHERE temperature = 380");
	exec(db, "DELETE FROM day_temps WHERE date = '2020-02-14' AND top = 380");
	exec(db, "INSERT INTO day_temps VALUES ('2020-02-14', 380, 1)");
	exec(db, "INSERT INTO day_temps VALUES ('2020-01-01', 366, 2)");
	exec(db, "DELETE FROM day_temps WHERE date = '2020-02-13' AND top = 365");
	exec(db, "INSERT INTO day_outcomes VALUES ('2020-01-01', 'away', 1, 1)");
	exec(db, "UPDATE day_outcomes SET visits = visits + 1 WHERE date = '2020-02-13'");
	assert_true(db_consistency_check(db, count_problem, found, &e) >= 3);
	assert_int_equal(found[0], 1);
	assert_int_equal(found[1], 1);
	assert_int_equal(found[2], 1);
	assert_int_equal(found[3], 0);
	assert_int_equal(found[4], 1);
	assert_true(found[5] >= 1);
	db_close(&db);
}

/* The counters' problems a check names, in the order named. */
struct named {
	char *line[256];
	int n;
};

static void name_counter(const char *problem, void *ctx)
{
	struct named *nm = ctx;

	if ((!strncmp(problem, "day_temps:", 10) || !strncmp(problem, "day_outcomes:", 13)) &&
	    nm->n < 256)
		nm->line[nm->n++] = strdup(problem);
}

/* The recount tallied in the scan's pass over the readings names the same
 * drifted counters as the recount reading the rows itself, after random
 * writes (deleted and moved readings and visits, households deleted and
 * created again) and random drift of the counters. */
static void test_check_fed(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	for (unsigned seed = 1; seed <= 6; seed++) {
		struct db *db = seeded(seed);
		struct named fed = {0}, own = {0};

		for (int i = 0; i < 40; i++)
			add_visit(db);
		for (int step = 0; step < 200; step++)
			random_write(db);
		execf(db, "UPDATE day_temps SET n = n + 1 WHERE (date, top) = (SELECT date, top"
			  " FROM day_temps ORDER BY top, date LIMIT 1 OFFSET %u)", seed);
		execf(db, "INSERT OR REPLACE INTO day_temps VALUES ('%s', %u, 3)",
		      dates[seed % DAYS], 360 + seed);
		execf(db, "DELETE FROM day_temps WHERE (date, top) = (SELECT date, top"
			  " FROM day_temps WHERE n > 0 ORDER BY date DESC, top LIMIT 1 OFFSET %u)",
		      seed);
		execf(db, "UPDATE day_outcomes SET households = households + 1 WHERE"
			  " (date, outcome) = (SELECT date, outcome FROM day_outcomes"
			  " ORDER BY outcome, date LIMIT 1 OFFSET %u)", seed);
		assert_true(db_consistency_check(db, name_counter, &fed, &e) >= 0);
		assert_true(db_daytemps_recount(db, name_counter, &own, &e) >= 0);
		assert_true(fed.n > 0);
		assert_int_equal(fed.n, own.n);
		for (int i = 0; i < fed.n; i++) {
			assert_string_equal(fed.line[i], own.line[i]);
			free(fed.line[i]);
			free(own.line[i]);
		}
		db_close(&db);
	}
}

/* Readings over more dates than a tally holds (TALLY_DAYS_MAX): check lets
 * go of the pass's tally and walks the readings date by date, and still
 * names every drifted counter as the recount alone does. */
static void test_check_many_dates(void **state)
{
	struct db *db;
	struct named fed = {0}, own = {0};
	struct err e;
	int hit = 0;

	(void)state;
	err_clear(&e);
	db = seeded(7);
	exec(db, "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 1199)"
		 " INSERT INTO visits (uuid, created_at, updated_at, household_id, at, date,"
		 " outcome) SELECT lower(hex(randomblob(16))), '2020-02-12 08:00:00',"
		 " '2020-02-12 08:00:00', 1 + i % 5, date('2020-02-16', '+' || i || ' days')"
		 " || ' 09:00:00', date('2020-02-16', '+' || i || ' days'), 'visited' FROM k");
	exec(db, "INSERT INTO readings (uuid, created_at, updated_at, visit_id, resident_id,"
		 " temperature) SELECT lower(hex(randomblob(16))), '2020-02-12 08:00:00',"
		 " '2020-02-12 08:00:00', v.id, r.id, 360 + v.id % 20 FROM visits v JOIN residents r"
		 " ON r.household_id = v.household_id WHERE v.date > '2020-02-15'");
	assert_true(db_consistency_check(db, name_counter, &fed, &e) >= 0);
	assert_int_equal(fed.n, 0);
	exec(db, "UPDATE day_temps SET n = n + 1 WHERE date = '2022-06-01'");
	exec(db, "DELETE FROM day_temps WHERE date = '2023-01-01'");
	assert_true(db_consistency_check(db, name_counter, &fed, &e) >= 0);
	assert_true(db_daytemps_recount(db, name_counter, &own, &e) >= 0);
	assert_true(fed.n >= 2);
	assert_int_equal(fed.n, own.n);
	for (int i = 0; i < fed.n; i++) {
		assert_string_equal(fed.line[i], own.line[i]);
		hit += strstr(fed.line[i], "2022-06-01") || strstr(fed.line[i], "2023-01-01");
		free(fed.line[i]);
		free(own.line[i]);
	}
	assert_true(hit >= 2);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_random_writes),
	    cmocka_unit_test(test_bulk),
	    cmocka_unit_test(test_check),
	    cmocka_unit_test(test_check_fed),
	    cmocka_unit_test(test_check_many_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
