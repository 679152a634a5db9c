/* isolation_list: the Isolation tab's list, its counts, the alerts and the
 * resident picker; see isolation_list.h. */
#include "db/isolation_list.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/isolation.h"
#include "core/searchkey.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/search.h"
#include "db/settings.h"
#include "db/rowdesc.h"
#include "db/sql.h"
#include "db/views.h"

/* What "now" means for the flags: today, which cut-offs passed, the fever
 * threshold. */
struct now {
	char today[DATE_STR];
	int am_over, pm_over, threshold;
};

static int now_get(struct db *db, struct now *n, struct err *e)
{
	struct settings set;
	struct date today;
	int am, pm, minutes = clock_minutes();

	if (db_settings_get(db, &set, e) < 0) {
		settings_clear(&set);
		return -1;
	}
	clock_today(&today);
	date_format(&today, n->today);
	am = clock_parse_hhmm(set.am_cutoff);
	pm = clock_parse_hhmm(set.pm_cutoff);
	n->am_over = isolation_check_missed(minutes, am < 0 ? 12 * 60 : am, 0);
	n->pm_over = isolation_check_missed(minutes, pm < 0 ? 20 * 60 : pm, 0);
	n->threshold = set.fever_threshold;
	settings_clear(&set);
	return 0;
}

/* The lower of two different checks of today's slot S that a merge kept
 * (docs/merge.md: a check is never joined away when the two differ), NULL
 * when the slot holds one value. */
#define OTHER_CHECK(S)                                                                             \
	"(SELECT min(coalesce(c.temperature, 0)) FROM checks c WHERE c.isolation_id = i.id"       \
	" AND c.date = :today AND c.slot = '" S "' AND c.deleted_at IS NULL"                       \
	" HAVING count(DISTINCT coalesce(c.temperature, 0)) > 1)"

/* The isolations of the filter with their flags, rank and key, as the CTE
 * `o`.  Parameters: :today :am_over :pm_over :thr :ended :kind :site :one.
 * `b` is MATERIALIZED: flattened into the CTEs after it, each use of am, pm
 * and last_t ran its subquery again (six times the work on Today). */
#define ISO_CTE                                                                                    \
	"WITH b AS MATERIALIZED (SELECT i.id, i.uuid, i.resident_id, r.household_id, r.name, r.id_number,"     \
	" h.code AS hcode, i.kind, i.site, i.reason, i.start_date,"                                \
	" i.last_day, i.end_date, i.end_reason, i.days, i.extended_days,"                          \
	" " ISO_DUE_ON("i", ":today") " AS active, " ISO_CHECKS_OURS("i") " AS ours,"             \
	" (SELECT max(coalesce(c.temperature, 0)) FROM checks c WHERE c.isolation_id = i.id"       \
	"  AND c.date = :today AND c.slot = 'AM' AND c.deleted_at IS NULL) AS am,"                 \
	" (SELECT max(coalesce(c.temperature, 0)) FROM checks c WHERE c.isolation_id = i.id"       \
	"  AND c.date = :today AND c.slot = 'PM' AND c.deleted_at IS NULL) AS pm,"                 \
	" " OTHER_CHECK("AM") " AS am2, " OTHER_CHECK("PM") " AS pm2,"                             \
	" (SELECT c.temperature FROM checks c WHERE c.isolation_id IN (i.id, i.previous_id)"       \
	"  AND c.deleted_at IS NULL AND c.temperature IS NOT NULL"                                 \
	"  ORDER BY c.date DESC, c.slot DESC, c.temperature DESC LIMIT 1) AS last_t"               \
	" FROM isolation_spans i JOIN residents r ON r.id = i.resident_id"                         \
	" JOIN households h ON h.id = r.household_id"                                              \
	" WHERE i.deleted_at IS NULL AND (:one IS NULL OR i.id = :one)"                            \
	" AND (:ended OR :one IS NOT NULL OR i.end_date IS NULL OR i.end_date > :today)"          \
	" AND (:kind IS NULL OR i.kind = :kind) AND (:site IS NULL OR i.site = :site)),"          \
	" f AS (SELECT *, coalesce(end_date <= :today, 0) AS ended,"                               \
	" start_date > :today AS future FROM b),"                                                  \
	" g AS (SELECT * FROM f),"                                                                 \
	" k AS (SELECT *, active AND coalesce(last_t >= :thr, 0) AS fever,"                        \
	" active AND ours AND :am_over AND am IS NULL AS missed_am,"                               \
	" active AND ours AND :pm_over AND pm IS NULL AS missed_pm,"                               \
	" active AND last_day = :today AS ends_today,"                                             \
	" active AND last_day < :today AS due FROM g),"                                            \
	" o AS (SELECT *, CASE WHEN ended THEN 5 WHEN future THEN 4 WHEN fever THEN 0"             \
	" WHEN missed_am OR missed_pm THEN 1 WHEN ends_today THEN 2 ELSE 3 END AS rank,"          \
	" CASE WHEN ended THEN -CAST(julianday(end_date) AS INTEGER)"                              \
	" ELSE CAST(julianday(last_day) AS INTEGER) END AS key FROM k)"

/* The flags of enum iso_flag as one integer, each the bit of its column
 * (the columns are 0 or 1, NULL read as 0; SQLite's << and | bind alike,
 * hence the brackets).  The static assertions below tie the bits to the
 * enum. */
#define ISO_FLAG_BITS(X)                                                                           \
	X(ISO_FEVER, 0, "fever") X(ISO_MISSED_AM, 1, "missed_am")                                  \
	X(ISO_MISSED_PM, 2, "missed_pm") X(ISO_ENDS_TODAY, 3, "ends_today")                        \
	X(ISO_DUE_RELEASE, 4, "due") X(ISO_NOT_STARTED, 5, "future") X(ISO_ENDED, 6, "ended")
#define ISO_FLAG_SQL(flag, bit, col) " | (coalesce(" col ", 0) << " #bit ")"
#define ISO_FLAG_CHECK(flag, bit, col) _Static_assert(flag == 1 << bit, #flag);
ISO_FLAG_BITS(ISO_FLAG_CHECK)

/* An isolation row's columns, in the order of ISO_SELECT. */
#define ROWDESC_ROW struct iso_row
#define ISO_COLUMNS(F, X)                                                                          \
	F(INT, id, "id") X(CODE, uuid, "uuid") X(INT, resident_id, "resident_id")                  \
	X(INT, household_id, "household_id") X(DUP, name, "name") X(DUP, id_number, "id_number")   \
	X(DUP, household, "hcode") X(CODE, kind, "kind") X(DUP, site, "site")                      \
	X(CODE, reason, "reason") X(CODE, start_date, "start_date") X(CODE, last_day, "last_day")  \
	X(CODE, end_date, "end_date") X(CODE, end_reason, "end_reason") X(INT32, days, "days")     \
	X(INT32, extended_days, "extended_days")                                                   \
	X(INT32, day, "CAST(julianday(:today) - julianday(start_date) AS INTEGER) + 1")            \
	X(OPT32, am, "am") X(OPT32, pm, "pm") X(OPT32, last_temp, "last_t")                        \
	X(INT32, flags, "(0" ISO_FLAG_BITS(ISO_FLAG_SQL) ")") X(INT32, rank, "rank")               \
	X(INT, key, "key") X(OPT32, am2, "am2") X(OPT32, pm2, "pm2")

#define ISO_SELECT ISO_CTE " " ROWDESC_SELECT(ISO_COLUMNS) " FROM o"

static const char sql_next[] = ISO_SELECT " WHERE (rank, key, id) > (:r, :k, :id)"
					  " ORDER BY rank, key, id LIMIT :n";
static const char sql_prev[] = ISO_SELECT " WHERE (rank, key, id) < (:r, :k, :id)"
					  " ORDER BY rank DESC, key DESC, id DESC LIMIT :n";

/* The columns of ISO_SELECT: a today's check with none recorded, and no
 * latest temperature, read as -1 (ISO_CHECK_NONE). */
ROWDESC_RECORD(row_cols, ISO_COLUMNS, db_iso_row_clear)

static void bind_now(sqlite3_stmt *st, const struct now *n, const struct iso_filter *f, int ended,
		     long long one)
{
	sql_bind_text(st, ":today", n->today);
	sql_bind_int(st, ":am_over", n->am_over);
	sql_bind_int(st, ":pm_over", n->pm_over);
	sql_bind_int(st, ":thr", n->threshold);
	sql_bind_int(st, ":ended", ended);
	sql_bind_text(st, ":kind", f && f->kind && *f->kind ? f->kind : NULL);
	sql_bind_text(st, ":site", f && f->site && *f->site ? f->site : NULL);
	sql_bind_id(st, ":one", one);
}

int db_iso_page(struct db *db, const struct iso_filter *f, const struct iso_row *anchor, int dir,
		int n, struct iso_row *out, struct err *e)
{
	sqlite3_stmt *st;
	struct now now;

	if (n <= 0)
		return 0;
	if (now_get(db, &now, e) < 0)
		return -1;
	st = db_stmt(db, dir < 0 ? sql_prev : sql_next, e);
	if (!st)
		return -1;
	bind_now(st, &now, f, f ? f->ended : 0, -1);
	if (anchor) {
		sql_bind_int(st, ":r", anchor->rank);
		sql_bind_int(st, ":k", anchor->key);
		sql_bind_int(st, ":id", anchor->id);
	} else {
		sql_bind_int(st, ":r", dir < 0 ? INT_MAX : INT_MIN);
		sql_bind_int(st, ":k", 0);
		sql_bind_int(st, ":id", 0);
	}
	sql_bind_int(st, ":n", n);
	return rowdesc_fill(db, st, n, row_cols, ROWDESC_N(row_cols), out, sizeof *out, e);
}

int db_iso_row(struct db *db, long long id, struct iso_row *out, struct err *e)
{
	sqlite3_stmt *st;
	struct now now;

	if (now_get(db, &now, e) < 0)
		return -1;
	st = db_stmt(db, sql_next, e);
	if (!st)
		return -1;
	bind_now(st, &now, NULL, 1, id);
	sql_bind_int(st, ":r", INT_MIN);
	sql_bind_int(st, ":k", 0);
	sql_bind_int(st, ":id", 0);
	sql_bind_int(st, ":n", 1);
	return rowdesc_fill(db, st, 1, row_cols, ROWDESC_N(row_cols), out, sizeof *out, e);
}

int db_iso_counts(struct db *db, const struct iso_filter *f, struct iso_counts *out,
		  struct err *e)
{
	sqlite3_stmt *st;
	struct now now;
	int r, *v[] = {&out->active,	&out->home,	 &out->central,
		       &out->hospital,	&out->fever,	 &out->missed_am,
		       &out->missed_pm, &out->ends_today, &out->due_release};

	memset(out, 0, sizeof *out);
	if (now_get(db, &now, e) < 0)
		return -1;
	st = db_stmt(db,
		     ISO_CTE " SELECT sum(active), sum(active AND kind = 'home'),"
			     " sum(active AND kind = 'central'), sum(active AND kind = 'hospital'),"
			     " sum(fever), sum(missed_am), sum(missed_pm), sum(ends_today), sum(due)"
			     " FROM o",
		     e);
	if (!st)
		return -1;
	bind_now(st, &now, f, 0, -1);
	r = sql_step_row(db, st, e);
	if (r == 1)
		for (int i = 0; i < 9; i++)
			*v[i] = sqlite3_column_int(st, i);
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

int db_iso_sites(struct db *db, int (*fn)(const char *site, void *ctx), void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT DISTINCT site FROM isolations WHERE deleted_at IS NULL"
				   " AND site IS NOT NULL AND site <> ''"
				   " AND (end_date IS NULL OR end_date > :today) ORDER BY site",
				   e);
	char today[DATE_STR];
	struct date d;
	int r, stop = 0;

	if (!st)
		return -1;
	clock_today(&d);
	date_format(&d, today);
	sql_bind_text(st, ":today", today);
	while (!stop && (r = sql_step_row(db, st, e)) == 1) {
		char *site = sql_col_dup(st, 0);

		stop = fn(site, ctx);
		free(site);
	}
	sqlite3_reset(st);
	return r < 0 && !stop ? -1 : 0;
}

/* ---- alerts ---- */

void db_isolation_alerts_free(struct iso_alerts *a)
{
	for (int i = 0; i < a->n; i++)
		isolation_alert_clear(&a->v[i]);
	free(a->v);
	memset(a, 0, sizeof *a);
}

int db_isolation_alerts(struct db *db, int max, struct iso_alerts *out, struct err *e)
{
	static const unsigned flag_of[ISO_ALERT_KINDS] = {
	    ISO_FEVER, ISO_MISSED_AM, ISO_MISSED_PM, ISO_ENDS_TODAY, ISO_DUE_RELEASE};
	struct iso_row *rows = NULL;
	sqlite3_stmt *st;
	struct now now;
	int m, total = 0;

	memset(out, 0, sizeof *out);
	if (now_get(db, &now, e) < 0)
		return -1;
	st = db_stmt(db, sql_next, e);
	if (!st)
		return -1;
	bind_now(st, &now, NULL, 0, -1);
	sql_bind_int(st, ":r", INT_MIN);
	sql_bind_int(st, ":k", 0);
	sql_bind_int(st, ":id", 0);
	sql_bind_int(st, ":n", -1);
	if (rowdesc_collect(db, st, row_cols, ROWDESC_N(row_cols), (void **)&rows, &m, sizeof *rows,
			    e) < 0)
		return -1;
	for (int k = 0; k < ISO_ALERT_KINDS; k++)
		for (int i = 0; i < m; i++)
			if (rows[i].flags & flag_of[k]) {
				out->count[k]++;
				total++;
			}
	if (max < 0 || max > total)
		max = total;
	if (max > 0)
		out->v = xcalloc((size_t)max, sizeof *out->v);
	for (int k = 0; k < ISO_ALERT_KINDS && out->n < max; k++) {
		for (int i = 0; i < m && out->n < max; i++) {
			const struct iso_row *r = &rows[i];
			struct iso_alert *a;

			if (!(r->flags & flag_of[k]))
				continue;
			a = &out->v[out->n++];
			a->kind = (enum iso_alert_kind)k;
			a->isolation_id = r->id;
			a->resident_id = r->resident_id;
			a->household_id = r->household_id;
			snprintf(a->uuid, sizeof a->uuid, "%s", r->uuid);
			a->name = xstrdup(r->name ? r->name : "");
			a->household = xstrdup(r->household ? r->household : "");
			snprintf(a->kind_code, sizeof a->kind_code, "%s", r->kind);
			a->temperature = k == ISO_ALERT_FEVER ? r->last_temp : -1;
			snprintf(a->last_day, sizeof a->last_day, "%s", r->last_day);
		}
	}
	for (int i = 0; i < m; i++)
		db_iso_row_clear(&rows[i]);
	free(rows);
	return total;
}

/* ---- the resident picker ---- */

/* A picked resident's columns: kind, member, SQL expression. */
#undef ROWDESC_ROW
#define ROWDESC_ROW struct iso_pick
#define PICK_COLUMNS(F, X)                                                                         \
	F(INT, id, "r.id") X(INT, household_id, "r.household_id") X(DUP, name, "r.name")           \
	X(DUP, id_number, "r.id_number") X(DUP, household, "h.code")                               \
	X(DUP, sort_key, "h.sort_key")                                                             \
	X(CODE, active_since,                                                                      \
	  "(SELECT i.start_date FROM isolations i WHERE i.resident_id = r.id"                      \
	  " AND i.end_date IS NULL AND i.deleted_at IS NULL LIMIT 1)")
#define PICK_COLS ROWDESC_SELECT(PICK_COLUMNS)
#define PICK_LIVE " h.deleted_at IS NULL AND r.deleted_at IS NULL AND r.status IN ('living','away')"
#define PICK_MATCH                                                                                 \
	" (instr(lower(r.name), :q) > 0 OR instr(r.pinyin, :q) > 0"                                \
	" OR substr(lower(h.code), 1, length(:q)) = :q)"

static const char pick_plain_next[] =
    PICK_COLS " FROM households h JOIN residents r ON r.household_id = h.id WHERE" PICK_LIVE
	      " AND h.sort_key >= :k AND (h.sort_key, h.id, r.id) > (:k, :hid, :rid)"
	      " ORDER BY h.sort_key, h.id, r.id LIMIT :n";
static const char pick_plain_prev[] =
    PICK_COLS " FROM households h JOIN residents r ON r.household_id = h.id WHERE" PICK_LIVE
	      " AND h.sort_key <= :k AND (h.sort_key, h.id, r.id) < (:k, :hid, :rid)"
	      " ORDER BY h.sort_key DESC, h.id DESC, r.id DESC LIMIT :n";

#define PICK_TERM_FROM                                                                             \
	" FROM search_terms t JOIN households h ON h.id = t.household_id"                          \
	" JOIN residents r ON r.household_id = t.household_id WHERE t.term = :q AND" PICK_LIVE     \
	" AND" PICK_MATCH

static const char pick_term_next[] =
    PICK_COLS PICK_TERM_FROM " AND t.sort_key >= :k AND (t.sort_key, t.household_id, r.id)"
			     " > (:k, :hid, :rid) ORDER BY t.sort_key, t.household_id, r.id"
			     " LIMIT :n";
static const char pick_term_prev[] =
    PICK_COLS PICK_TERM_FROM " AND t.sort_key <= :k AND (t.sort_key, t.household_id, r.id)"
			     " < (:k, :hid, :rid) ORDER BY t.sort_key DESC, t.household_id DESC,"
			     " r.id DESC LIMIT :n";

/* Terms and tails together: a tail query has 3+ digits, so both parts are
 * small and sorting their union is cheap. */
#define PICK_UNION                                                                                 \
	" FROM (SELECT t.sort_key AS sk, t.household_id AS hid, r.id AS rid" PICK_TERM_FROM        \
	" UNION SELECT h.sort_key, h.id, r.id FROM residents r JOIN households h"                  \
	" ON h.id = r.household_id WHERE" PICK_LIVE                                                \
	" AND ((r.id_rev >= :t AND r.id_rev < :t || char(1114111))"                                \
	" OR (r.phone_rev >= :t AND r.phone_rev < :t || char(1114111)))) m"                        \
	" JOIN residents r ON r.id = m.rid JOIN households h ON h.id = m.hid"

static const char pick_union_next[] = PICK_COLS PICK_UNION
    " WHERE (m.sk, m.hid, m.rid) > (:k, :hid, :rid) ORDER BY m.sk, m.hid, m.rid LIMIT :n";
static const char pick_union_prev[] = PICK_COLS PICK_UNION
    " WHERE (m.sk, m.hid, m.rid) < (:k, :hid, :rid)"
    " ORDER BY m.sk DESC, m.hid DESC, m.rid DESC LIMIT :n";

ROWDESC_RECORD(pick_cols, PICK_COLUMNS, db_iso_pick_clear)

int db_iso_pick_page(struct db *db, const char *query, const struct iso_pick *anchor, int dir,
		     int n, struct iso_pick *out, struct err *e)
{
	char *q = searchkey_query(query ? query : "");
	char tail[64];
	int is_tail = *q && searchkey_tail(q, tail, sizeof tail);
	const char *sql;
	sqlite3_stmt *st;
	int m = -1;

	if (n <= 0) {
		free(q);
		return 0;
	}
	if (*q && db_search_sync(db, e) < 0)
		goto out;
	if (!*q)
		sql = dir < 0 ? pick_plain_prev : pick_plain_next;
	else if (is_tail)
		sql = dir < 0 ? pick_union_prev : pick_union_next;
	else
		sql = dir < 0 ? pick_term_prev : pick_term_next;
	st = db_stmt(db, sql, e);
	if (!st)
		goto out;
	if (*q)
		sql_bind_text(st, ":q", q);
	if (is_tail)
		sql_bind_text(st, ":t", tail);
	if (anchor) {
		sql_bind_text(st, ":k", anchor->sort_key ? anchor->sort_key : "");
		sql_bind_int(st, ":hid", anchor->household_id);
		sql_bind_int(st, ":rid", anchor->id);
	} else if (dir < 0) {
		/* a blob sorts after every text: before it comes everything */
		sqlite3_bind_blob(st, sqlite3_bind_parameter_index(st, ":k"), "\xff", 1,
				  SQLITE_STATIC);
		sql_bind_int(st, ":hid", LLONG_MAX);
		sql_bind_int(st, ":rid", LLONG_MAX);
	} else {
		sql_bind_text(st, ":k", "");
		sql_bind_int(st, ":hid", LLONG_MIN);
		sql_bind_int(st, ":rid", LLONG_MIN);
	}
	sql_bind_int(st, ":n", n);
	m = rowdesc_fill(db, st, n, pick_cols, ROWDESC_N(pick_cols), out, sizeof *out, e);
out:
	free(q);
	return m;
}
