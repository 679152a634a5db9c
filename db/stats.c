/* db stats: the day's counts, one query per group of numbers; see stats.h for
 * the definitions each query implements. */
#include "db/stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/settings.h"
#include "core/temperature.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/rowdesc.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/views.h"

/* Binds the day's parameters a statement names (:date, :next, :thr). */
static void bind_day(sqlite3_stmt *st, const char *date, const char *next, int thr)
{
	if (sqlite3_bind_parameter_index(st, ":date"))
		sql_bind_text(st, ":date", date);
	if (sqlite3_bind_parameter_index(st, ":next"))
		sql_bind_text(st, ":next", next);
	if (sqlite3_bind_parameter_index(st, ":thr"))
		sql_bind_int(st, ":thr", thr);
}

/* A count of struct daily_stats, the column of a query that fills it. */
#define DS(K, m) COLD_##K(struct daily_stats, m)

/* Runs a one-row query and copies its integer columns into the members of
 * s that cols name, in their order (SQL NULL, as sum() over no rows, gives
 * 0; no row gives 0 to each). */
static int one_row(struct db *db, const char *sql, const char *date, const char *next, int thr,
		   const struct col_desc *cols, size_t n, struct daily_stats *s, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int r;

	if (!st)
		return -1;
	bind_day(st, date, next, thr);
	r = sql_step_row(db, st, e);
	if (r == 1)
		rowdesc_read(st, cols, n, s);
	else
		for (size_t i = 0; i < n; i++)
			memset((char *)s + cols[i].off, 0, cols[i].size);
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

/* A record counts for a day when it lives at the end of the day: created
 * before the next day and not deleted by then. */

/* The households and residents that exist at the end of the day (and, for
 * residents, are living or away), counted as every row less those created
 * later and those deleted by then or of another status: every row is the
 * triggers' counter (row_counts; count(*) would read every page of the
 * table), and the rows taken away are few and indexed (households_gone,
 * residents_gone). */
static int count_people(struct db *db, struct daily_stats *s, const char *date, const char *next,
			struct err *e)
{
	static const struct col_desc cols[] = {DS(INT32, households), DS(INT32, residents)};

	return one_row(
	    db,
	    "SELECT (SELECT n FROM row_counts WHERE name = 'households')"
	    " - (SELECT count(*) FROM households WHERE created_at >= :next)"
	    " - (SELECT count(*) FROM households WHERE deleted_at IS NOT NULL"
	    "  AND created_at < :next AND deleted_at < :next),"
	    " (SELECT n FROM row_counts WHERE name = 'residents')"
	    " - (SELECT count(*) FROM residents WHERE created_at >= :next)"
	    " - (SELECT count(*) FROM residents"
	    "  WHERE (deleted_at IS NOT NULL OR status NOT IN ('living','away'))"
	    "  AND created_at < :next AND (deleted_at < :next OR status NOT IN ('living','away')))",
	    date, next, 0, cols, ROWDESC_N(cols), s, e);
}

/* The day's visits of the households counted that day (a household deleted
 * later still counts for the days it existed), and what each household's
 * latest visit of the day found (by time, then id): the date's rows of the
 * triggers' counters day_outcomes (db/schema.c; a row per outcome, with
 * its households and their visits), not a walk of the day's visits (4,045
 * at 40,000 households).  `check` compares them with a recount
 * (day_outcomes_actual states the definition). */
static int count_outcomes(struct db *db, struct daily_stats *s, const char *date, struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db, "SELECT outcome, households, visits FROM day_outcomes WHERE date = :date", e);
	int n[4] = {0}, r;

	if (!st)
		return -1;
	sql_bind_text(st, ":date", date);
	while ((r = sql_step_row(db, st, e)) == 1) {
		int k = model_enum_index(model_outcome, (const char *)sqlite3_column_text(st, 0));

		if (k >= 0 && k < 4)
			n[k] += sqlite3_column_int(st, 1);
		s->visits += sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	s->visited = n[0];
	s->no_answer = n[1];
	s->refused = n[2];
	s->away = n[3];
	s->households_done = n[0] + n[1] + n[2] + n[3];
	return 0;
}

/* The residents with a temperature taken on a visit of the day to a
 * household counted that day, and those of them with a fever (a reading at
 * or above the threshold, core/temperature's temperature_is_fever), each
 * resident once: sums over the date's rows of the triggers' counters
 * day_temps (db/schema.c; a row per highest temperature of a resident that
 * day, so any threshold reads them), not a walk of the day's readings
 * (9,510 at 40,000 households).  `check` compares them with the recount
 * day_temps_actual, which states the definition. */
static int count_checked(struct db *db, struct daily_stats *s, const char *date, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT top, n FROM day_temps WHERE date = :date", e);
	int r;

	if (!st)
		return -1;
	sql_bind_text(st, ":date", date);
	while ((r = sql_step_row(db, st, e)) == 1) {
		int n = sqlite3_column_int(st, 1);

		s->residents_checked += n;
		if (temperature_is_fever(sqlite3_column_int(st, 0), s->fever_threshold))
			s->fevers += n;
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

static int count_visits(struct db *db, struct daily_stats *s, const char *date, struct err *e)
{
	if (count_outcomes(db, s, date, e) < 0)
		return -1;
	return count_checked(db, s, date, e);
}

static int count_isolations(struct db *db, struct daily_stats *s, const char *date, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(
		db, e,
		"SELECT kind, sum(start_date = :date), sum(" ISO_DUE_ON("i", ":date") "),"
		" sum(end_date = :date AND end_reason = 'completed'),"
		" sum(end_date = :date AND coalesce(end_reason, '') NOT IN ('completed','restarted')),"
		" sum(" ISO_DUE_ON("i", ":date") " AND last_day = :date),"
		" sum(" ISO_DUE_ON("i", ":date") " AND last_day < :date)"
		" FROM isolation_spans i WHERE deleted_at IS NULL AND " ISO_HELD_ON("i", ":date")
		" GROUP BY kind",
		SQLP_TEXT(":date", date));
	int r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		int i = model_enum_index(model_iso_kind, (const char *)sqlite3_column_text(st, 0));
		struct stats_isolation *k;

		if (i < 0 || i >= STATS_KINDS)
			continue;
		k = &s->iso[i];
		k->new_today = sqlite3_column_int(st, 1);
		k->active = sqlite3_column_int(st, 2);
		k->released = sqlite3_column_int(st, 3);
		k->ended_other = sqlite3_column_int(st, 4);
		k->ending = sqlite3_column_int(st, 5);
		k->overdue = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	for (int i = 0; i < STATS_KINDS; i++) {
		s->iso_total.new_today += s->iso[i].new_today;
		s->iso_total.active += s->iso[i].active;
		s->iso_total.released += s->iso[i].released;
		s->iso_total.ended_other += s->iso[i].ended_other;
		s->iso_total.ending += s->iso[i].ending;
		s->iso_total.overdue += s->iso[i].overdue;
	}
	return 0;
}

static int count_checks(struct db *db, struct daily_stats *s, const char *date, struct err *e)
{
	static const struct col_desc done[] = {DS(INT32, checks_am), DS(INT32, checks_pm),
					       DS(INT32, checks_late), DS(INT32, check_fevers)};
	static const struct col_desc due[] = {DS(INT32, checks_due), DS(INT32, missed_am),
					      DS(INT32, missed_pm), DS(INT32, checks_elsewhere)};

	if (one_row(db,
		    /* A slot counts once (a merge may keep two differing checks in
		     * it), a fever if either is one, each resident once. */
		    "SELECT sum(slot = 'AM' AND due), sum(slot = 'PM' AND due), sum(late),"
		    " count(DISTINCT CASE WHEN t >= :thr THEN resident_id END) FROM"
		    " (SELECT c.slot, i.resident_id, max(c.late) AS late, max(c.temperature) AS t,"
		    " " ISO_DUE_ON("i", ":date") " AND " ISO_CHECKS_OURS("i") " AS due"
		    " FROM checks c JOIN isolations i ON i.id = c.isolation_id"
		    " WHERE c.date = :date AND c.deleted_at IS NULL AND i.deleted_at IS NULL"
		    " GROUP BY c.isolation_id, c.slot)",
		    date, NULL, s->fever_threshold, done, ROWDESC_N(done), s, e) < 0)
		return -1;
	if (one_row(db,
		    "SELECT sum(ours), sum(ours AND NOT EXISTS (SELECT 1 FROM"
		    " checks c WHERE c.isolation_id = i.id AND c.date = :date AND c.slot = 'AM'"
		    " AND c.deleted_at IS NULL)),"
		    " sum(ours AND NOT EXISTS (SELECT 1 FROM checks c WHERE c.isolation_id = i.id"
		    " AND c.date = :date AND c.slot = 'PM' AND c.deleted_at IS NULL)),"
		    " sum(NOT ours)"
		    " FROM (SELECT i.id, " ISO_CHECKS_OURS("i") " AS ours FROM isolations i"
		    " WHERE i.deleted_at IS NULL AND " ISO_DUE_ON("i", ":date") ") i",
		    date, NULL, 0, due, ROWDESC_N(due), s, e) < 0)
		return -1;
	/* Missed only once the slot's cut-off has passed. */
	if (!s->am_over)
		s->missed_am = 0;
	if (!s->pm_over)
		s->missed_pm = 0;
	return 0;
}

static int count_donations(struct db *db, struct daily_stats *s, const char *date, struct err *e)
{
	static const struct col_desc got[] = {DS(INT32, donations),	DS(INT32, cash_donations),
					      DS(INT, cash_fen),	DS(INT32, goods_donations),
					      DS(INT, goods_value_fen), DS(INT32, voided)};
	static const struct col_desc given[] = {DS(INT32, distributions), DS(INT, distributed_qty)};

	/* A receipt counts on its date unless voided that same day; a void
	 * counts on the void's date, so a later void leaves a past day as it
	 * was reported. */
	if (one_row(db,
		    "WITH d AS (SELECT kind, amount_fen, value_fen, received_date = :date AS got,"
		    " " DONATION_VOIDED("d") " AND " DONATION_VOID_DATE("d") " <= :date AS gone,"
		    " " DONATION_VOIDED("d") " AND " DONATION_VOID_DATE("d") " = :date AS voided"
		    " FROM donations d WHERE d.deleted_at IS NULL AND (d.received_date = :date"
		    " OR d.voided_at >= :date))"
		    " SELECT sum(got AND NOT gone), sum(got AND NOT gone AND kind = 'cash'),"
		    " sum(CASE WHEN got AND NOT gone AND kind = 'cash' THEN amount_fen END),"
		    " sum(got AND NOT gone AND kind = 'goods'),"
		    " sum(CASE WHEN got AND NOT gone AND kind = 'goods' THEN value_fen END),"
		    " sum(voided) FROM d",
		    date, NULL, 0, got, ROWDESC_N(got), s, e) < 0)
		return -1;
	return one_row(db,
		       "SELECT count(*), sum(quantity) FROM distributions"
		       " WHERE date = :date AND deleted_at IS NULL",
		       date, NULL, 0, given, ROWDESC_N(given), s, e);
}

/* Which cut-offs have passed for date, judged against the clock. */
static void cutoffs_over(struct daily_stats *s, const struct settings *set)
{
	char now[CLOCK_STR];
	int cmp, minutes, am = clock_parse_hhmm(set->am_cutoff), pm = clock_parse_hhmm(set->pm_cutoff);

	clock_now(now);
	cmp = strncmp(s->date, now, 10);
	if (cmp < 0) {
		s->am_over = s->pm_over = 1;
		return;
	}
	if (cmp > 0)
		return;
	snprintf(s->as_of, sizeof s->as_of, "%s", now);
	minutes = clock_minutes();
	s->am_over = minutes >= (am < 0 ? 12 * 60 : am);
	s->pm_over = minutes >= (pm < 0 ? 20 * 60 : pm);
}

int db_daily_stats(struct db *db, const char *date, struct daily_stats *out, struct err *e)
{
	struct settings set = {0};
	struct date d, nd;
	char next[DATE_STR];
	int own = !db_in_transaction(db), r = -1;

	memset(out, 0, sizeof *out);
	if (!date)
		return err_field(e, "date", _("no date given"));
	if (date_parse_iso(date, &d, e) < 0) {
		if (e)
			snprintf(e->field, sizeof e->field, "date");
		return -1;
	}
	date_format(&d, out->date);
	nd = date_add(&d, 1);
	date_format(&nd, next);
	/* A deferred read transaction: works on a read-only connection too. */
	if (own && db_exec(db, "BEGIN", e) < 0)
		return -1;
	if (db_settings_get(db, &set, e) < 0)
		goto out;
	out->fever_threshold = set.fever_threshold;
	out->community = xstrdup(set.community);
	snprintf(out->am_cutoff, sizeof out->am_cutoff, "%s", set.am_cutoff);
	snprintf(out->pm_cutoff, sizeof out->pm_cutoff, "%s", set.pm_cutoff);
	cutoffs_over(out, &set);
	settings_clear(&set);
	if (count_people(db, out, out->date, next, e) < 0 ||
	    count_visits(db, out, out->date, e) < 0 ||
	    count_isolations(db, out, out->date, e) < 0 || count_checks(db, out, out->date, e) < 0 ||
	    count_donations(db, out, out->date, e) < 0)
		goto out;
	r = 0;
out:
	settings_clear(&set);
	if (own)
		db_exec(db, "COMMIT", NULL);
	return r;
}
