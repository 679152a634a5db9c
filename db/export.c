/* db export: SQL behind the export catalogue; see export.h.
 *
 * Each dataset has one FROM clause with its joins, a condition per date
 * bound, an ORDER BY that an index serves where the table is large (visits
 * and readings step in visits_date order without a sort), and one SQL
 * expression per catalogue column.  The statement is built from the columns
 * asked for, so that an export with few columns does no work for the
 * others (SQLite drops LEFT JOINs whose columns are unused). */
#include "db/export.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/sql.h"
#include "db/stats.h"

struct col_sql {
	const char *name;
	const char *expr;
};

struct ds_sql {
	const char *dataset;
	const char *from;     /* FROM ... WHERE <live rows> */
	const char *from_if;  /* AND ... with :from, or NULL */
	const char *to_if;    /* AND ... with :to, or NULL */
	const char *order;    /* ORDER BY ... */
	const struct col_sql *cols;
};

#define FEVER_AT "coalesce((SELECT fever_threshold FROM settings WHERE deleted_at IS NULL LIMIT 1), 373)"
#define AGE(p)                                                                                     \
	"CASE WHEN " p ".birth_date IS NULL THEN NULL ELSE"                                        \
	" CAST(substr(:today, 1, 4) AS INTEGER) - CAST(substr(" p ".birth_date, 1, 4) AS INTEGER)" \
	" - (substr(:today, 6, 5) < substr(" p ".birth_date, 6, 5)) END"
#define HEAD_OF(h)                                                                                 \
	"(SELECT hr.name FROM residents hr WHERE hr.household_id = " h ".id"                       \
	" AND hr.relation = 'head' AND hr.deleted_at IS NULL ORDER BY hr.uuid LIMIT 1)"

static const struct col_sql households_cols[] = {
	{"code", "h.code"},
	{"compound", "h.compound"},
	{"building", "h.building"},
	{"unit", "h.unit"},
	{"room", "h.room"},
	{"address", "h.address"},
	{"grid", "g.name"},
	{"phone", "h.phone"},
	{"head", HEAD_OF("h")},
	{"residents",
	 "(SELECT count(*) FROM residents hr WHERE hr.household_id = h.id AND hr.deleted_at IS NULL"
	 " AND hr.status IN ('living', 'away'))"},
	{"notes", "h.notes"},
	{"uuid", "h.uuid"},
	{"created_at", "h.created_at"},
	{"updated_at", "h.updated_at"},
	{NULL, NULL},
};

static const struct col_sql residents_cols[] = {
	{"code", "h.code"},
	{"name", "p.name"},
	{"sex", "p.sex"},
	{"id_type", "p.id_type"},
	{"id_number", "p.id_number"},
	{"birth_date", "p.birth_date"},
	{"phone", "p.phone"},
	{"relation", "p.relation"},
	{"status", "p.status"},
	{"tags", "p.tags"},
	{"returned_from", "p.returned_from"},
	{"return_date", "p.return_date"},
	{"notes", "p.notes"},
	{"compound", "h.compound"},
	{"building", "h.building"},
	{"unit", "h.unit"},
	{"room", "h.room"},
	{"address", "h.address"},
	{"grid", "g.name"},
	{"household_phone", "h.phone"},
	{"age", AGE("p")},
	{"head", HEAD_OF("h")},
	{"uuid", "p.uuid"},
	{NULL, NULL},
};

static const struct col_sql visits_cols[] = {
	{"date", "v.date"},
	{"at", "v.at"},
	{"code", "h.code"},
	{"grid", "g.name"},
	{"outcome", "v.outcome"},
	{"staff", "s.name"},
	{"readings",
	 "(SELECT count(*) FROM readings r WHERE r.visit_id = v.id AND r.deleted_at IS NULL)"},
	{"fevers",
	 "(SELECT count(*) FROM readings r WHERE r.visit_id = v.id AND r.deleted_at IS NULL"
	 " AND r.temperature >= " FEVER_AT ")"},
	{"notes", "v.notes"},
	{"address", "h.address"},
	{"uuid", "v.uuid"},
	{NULL, NULL},
};

static const struct col_sql readings_cols[] = {
	{"date", "v.date"},
	{"at", "v.at"},
	{"code", "h.code"},
	{"name", "p.name"},
	{"temperature", "r.temperature"},
	{"symptoms", "r.symptoms"},
	{"note", "r.note"},
	{"staff", "s.name"},
	{"fever", "r.temperature >= " FEVER_AT},
	{"id_number", "p.id_number"},
	{"phone", "p.phone"},
	{"grid", "g.name"},
	{"outcome", "v.outcome"},
	{"uuid", "r.uuid"},
	{NULL, NULL},
};

static const struct col_sql isolations_cols[] = {
	{"name", "p.name"},
	{"sex", "p.sex"},
	{"id_number", "p.id_number"},
	{"phone", "p.phone"},
	{"code", "h.code"},
	{"kind", "i.kind"},
	{"site", "i.site"},
	{"reason", "i.reason"},
	{"start_date", "i.start_date"},
	{"days", "i.days"},
	{"extended_days", "i.extended_days"},
	{"last_day", "i.last_day"},
	{"state", "CASE WHEN i.end_date IS NULL THEN 'active' ELSE 'ended' END"},
	{"end_date", "i.end_date"},
	{"end_reason", "i.end_reason"},
	{"notes", "i.notes"},
	{"age", AGE("p")},
	{"address", "h.address"},
	{"grid", "g.name"},
	{"returned_from", "p.returned_from"},
	{"return_date", "p.return_date"},
	{"uuid", "i.uuid"},
	{NULL, NULL},
};

static const struct col_sql checks_cols[] = {
	{"date", "c.date"},
	{"slot", "c.slot"},
	{"at", "c.at"},
	{"name", "p.name"},
	{"code", "h.code"},
	{"kind", "i.kind"},
	{"temperature", "c.temperature"},
	{"symptoms", "c.symptoms"},
	{"method", "c.method"},
	{"late", "c.late"},
	{"staff", "s.name"},
	{"id_number", "p.id_number"},
	{"phone", "p.phone"},
	{"site", "i.site"},
	{"uuid", "c.uuid"},
	{NULL, NULL},
};

static const struct col_sql donations_cols[] = {
	{"receipt_no", "d.receipt_no"},
	{"received_date", "d.received_date"},
	{"donor_name", "d.donor_name"},
	{"donor_type", "d.donor_type"},
	{"anonymous", "d.anonymous"},
	{"phone", "d.phone"},
	{"kind", "d.kind"},
	{"amount", "d.amount_fen"},
	{"channel", "d.channel"},
	{"item", "d.item"},
	{"quantity", "d.quantity"},
	{"unit", "d.unit"},
	{"value", "d.value_fen"},
	{"designation", "d.designation"},
	{"received_by", "s.name"},
	{"void_reason", "d.void_reason"},
	{"voided_at", "d.voided_at"},
	{"notes", "d.notes"},
	{"uuid", "d.uuid"},
	{NULL, NULL},
};

static const struct col_sql expenditures_cols[] = {
	{"date", "x.date"},
	{"purpose", "x.purpose"},
	{"amount", "x.amount_fen"},
	{"approved_by", "x.approved_by"},
	{"voucher_no", "x.voucher_no"},
	{"staff", "s.name"},
	{"void_reason", "x.void_reason"},
	{"voided_at", "x.voided_at"},
	{"notes", "x.notes"},
	{"uuid", "x.uuid"},
	{NULL, NULL},
};

static const struct col_sql distributions_cols[] = {
	{"date", "t.date"},
	{"item", "t.item"},
	{"unit", "t.unit"},
	{"quantity", "t.quantity"},
	{"recipient_kind", "t.recipient_kind"},
	{"recipient",
	 "CASE t.recipient_kind WHEN 'household' THEN coalesce(h.code, t.recipient)"
	 " WHEN 'checkpoint' THEN coalesce(k.name, t.recipient) ELSE t.recipient END"},
	{"staff", "s.name"},
	{"notes", "t.notes"},
	{"uuid", "t.uuid"},
	{NULL, NULL},
};

static const struct col_sql shifts_cols[] = {
	{"date", "f.date"},
	{"checkpoint", "k.name"},
	{"start_time", "f.start_time"},
	{"end_time", "f.end_time"},
	{"staff", "s.name"},
	{"role", "f.role"},
	{"present", "f.present"},
	{"notes", "f.notes"},
	{"staff_phone", "s.phone"},
	{"uuid", "f.uuid"},
	{NULL, NULL},
};

static const struct col_sql pass_events_cols[] = {
	{"at", "x.at"},
	{"pass_no", "ps.pass_no"},
	{"code", "h.code"},
	{"checkpoint", "k.name"},
	{"direction", "x.direction"},
	{"name", "p.name"},
	{"staff", "s.name"},
	{"date", "substr(x.at, 1, 10)"},
	{"uuid", "x.uuid"},
	{NULL, NULL},
};

static const struct col_sql followups_cols[] = {
	{"opened_at", "u.opened_at"},
	{"name", "p.name"},
	{"code", "h.code"},
	{"source", "u.source"},
	{"temperature", "u.temperature"},
	{"symptoms", "u.symptoms"},
	{"referred_at", "u.referred_at"},
	{"clinic", "u.clinic"},
	{"transport", "u.transport"},
	{"outcome", "u.outcome"},
	{"closed_at", "u.closed_at"},
	{"closed_by", "s.name"},
	{"state", "CASE WHEN u.closed_at IS NULL THEN 'open' ELSE 'closed' END"},
	{"id_number", "p.id_number"},
	{"phone", "p.phone"},
	{"date", "substr(u.opened_at, 1, 10)"},
	{"uuid", "u.uuid"},
	{NULL, NULL},
};

static const struct col_sql visitors_cols[] = {
	{"time_in", "x.time_in"},
	{"name", "x.name"},
	{"id_number", "x.id_number"},
	{"phone", "x.phone"},
	{"from_place", "x.from_place"},
	{"arrived_date", "x.arrived_date"},
	{"code", "h.code"},
	{"reason", "x.reason"},
	{"temperature", "x.temperature"},
	{"admitted", "x.admitted"},
	{"refusal", "x.refusal"},
	{"time_out", "x.time_out"},
	{"staff", "s.name"},
	{"checkpoint", "k.name"},
	{"date", "substr(x.time_in, 1, 10)"},
	{"uuid", "x.uuid"},
	{NULL, NULL},
};

static const struct ds_sql queries[] = {
	{"households",
	 " FROM households h LEFT JOIN grids g ON g.id = h.grid_id WHERE h.deleted_at IS NULL", NULL,
	 NULL, " ORDER BY h.sort_key, h.id", households_cols},
	{"residents",
	 " FROM residents p JOIN households h ON h.id = p.household_id"
	 " LEFT JOIN grids g ON g.id = h.grid_id"
	 " WHERE p.deleted_at IS NULL AND h.deleted_at IS NULL",
	 " AND p.return_date >= :from", " AND p.return_date <= :to",
	 " ORDER BY h.sort_key, h.id, p.relation <> 'head', p.id", residents_cols},
	{"visits",
	 " FROM visits v JOIN households h ON h.id = v.household_id"
	 " LEFT JOIN grids g ON g.id = h.grid_id LEFT JOIN staff s ON s.id = v.staff_id"
	 " WHERE v.deleted_at IS NULL",
	 " AND v.date >= :from", " AND v.date <= :to",
	 " ORDER BY v.date, v.household_id, v.id", visits_cols},
	{"readings",
	 " FROM visits v CROSS JOIN readings r ON r.visit_id = v.id"
	 " JOIN households h ON h.id = v.household_id JOIN residents p ON p.id = r.resident_id"
	 " LEFT JOIN grids g ON g.id = h.grid_id LEFT JOIN staff s ON s.id = v.staff_id"
	 " WHERE r.deleted_at IS NULL AND v.deleted_at IS NULL",
	 " AND v.date >= :from", " AND v.date <= :to",
	 " ORDER BY v.date, v.household_id, v.id, r.id", readings_cols},
	/* An isolation belongs to a range when any of its days falls in it;
	 * one entered in error is no isolation at all. */
	{"isolations",
	 " FROM isolation_spans i JOIN residents p ON p.id = i.resident_id"
	 " JOIN households h ON h.id = p.household_id LEFT JOIN grids g ON g.id = h.grid_id"
	 " WHERE i.deleted_at IS NULL AND coalesce(i.end_reason, '') <> 'error'",
	 " AND coalesce(i.end_date, '9999-12-31') >= :from", " AND i.start_date <= :to",
	 " ORDER BY i.start_date, i.id", isolations_cols},
	{"checks",
	 " FROM checks c JOIN isolations i ON i.id = c.isolation_id"
	 " JOIN residents p ON p.id = i.resident_id JOIN households h ON h.id = p.household_id"
	 " LEFT JOIN staff s ON s.id = c.staff_id WHERE c.deleted_at IS NULL",
	 " AND c.date >= :from", " AND c.date <= :to", " ORDER BY c.date, c.slot, c.at, c.id",
	 checks_cols},
	{"donations",
	 " FROM donations d LEFT JOIN staff s ON s.id = d.received_by WHERE d.deleted_at IS NULL",
	 " AND d.received_date >= :from", " AND d.received_date <= :to",
	 " ORDER BY d.received_date, d.id", donations_cols},
	{"distributions",
	 " FROM distributions t LEFT JOIN households h ON h.id = t.household_id"
	 " LEFT JOIN checkpoints k ON k.id = t.checkpoint_id LEFT JOIN staff s ON s.id = t.staff_id"
	 " WHERE t.deleted_at IS NULL",
	 " AND t.date >= :from", " AND t.date <= :to", " ORDER BY t.date, t.id",
	 distributions_cols},
	{"expenditures",
	 " FROM expenditures x LEFT JOIN staff s ON s.id = x.staff_id WHERE x.deleted_at IS NULL",
	 " AND x.date >= :from", " AND x.date <= :to", " ORDER BY x.date, x.id",
	 expenditures_cols},
	{"shifts",
	 " FROM shifts f JOIN checkpoints k ON k.id = f.checkpoint_id"
	 " LEFT JOIN staff s ON s.id = f.staff_id WHERE f.deleted_at IS NULL",
	 " AND f.date >= :from", " AND f.date <= :to",
	 " ORDER BY f.date, k.name, f.start_time, f.id", shifts_cols},
	{"pass_events",
	 " FROM pass_events x JOIN passes ps ON ps.id = x.pass_id"
	 " JOIN households h ON h.id = ps.household_id"
	 " LEFT JOIN checkpoints k ON k.id = x.checkpoint_id"
	 " LEFT JOIN residents p ON p.id = x.resident_id LEFT JOIN staff s ON s.id = x.staff_id"
	 " WHERE x.deleted_at IS NULL",
	 " AND x.at >= :from", " AND x.at < date(:to, '+1 day')", " ORDER BY x.at, x.id",
	 pass_events_cols},
	{"followups",
	 " FROM followups u JOIN residents p ON p.id = u.resident_id"
	 " JOIN households h ON h.id = p.household_id LEFT JOIN staff s ON s.id = u.closed_by"
	 " WHERE u.deleted_at IS NULL",
	 " AND u.opened_at >= :from", " AND u.opened_at < date(:to, '+1 day')",
	 " ORDER BY u.opened_at, u.id", followups_cols},
	{"visitors",
	 " FROM visitors x LEFT JOIN households h ON h.id = x.household_id"
	 " LEFT JOIN staff s ON s.id = x.staff_id LEFT JOIN checkpoints k ON k.id = x.checkpoint_id"
	 " WHERE x.deleted_at IS NULL",
	 " AND x.time_in >= :from", " AND x.time_in < date(:to, '+1 day')",
	 " ORDER BY x.time_in, x.id", visitors_cols},
};

/* The daily dataset: one db_daily_stats per day, each column a member (or
 * a sum of two) of struct daily_stats. */
#define DS(m) offsetof(struct daily_stats, m)
static const struct daily_col {
	const char *name;
	size_t off, off2; /* an int member, plus a second one when off2 != 0 */
	int wide;         /* a long long member */
} daily_cols[] = {
	{"households", DS(households), 0, 0},
	{"residents", DS(residents), 0, 0},
	{"households_done", DS(households_done), 0, 0},
	{"visited", DS(visited), 0, 0},
	{"no_answer", DS(no_answer), 0, 0},
	{"refused", DS(refused), 0, 0},
	{"away", DS(away), 0, 0},
	{"residents_checked", DS(residents_checked), 0, 0},
	{"fevers", DS(fevers), 0, 0},
	{"iso_new_home", DS(iso[STATS_HOME].new_today), 0, 0},
	{"iso_new_central", DS(iso[STATS_CENTRAL].new_today), 0, 0},
	{"iso_new_hospital", DS(iso[STATS_HOSPITAL].new_today), 0, 0},
	{"iso_active_home", DS(iso[STATS_HOME].active), 0, 0},
	{"iso_active_central", DS(iso[STATS_CENTRAL].active), 0, 0},
	{"iso_active_hospital", DS(iso[STATS_HOSPITAL].active), 0, 0},
	{"iso_released", DS(iso_total.released), 0, 0},
	{"checks_due", DS(checks_due), 0, 0},
	{"checks_done", DS(checks_am), DS(checks_pm), 0},
	{"checks_missed", DS(missed_am), DS(missed_pm), 0},
	{"donations", DS(donations), 0, 0},
	{"donation_cash", DS(cash_fen), 0, 1},
	{"goods_donations", DS(goods_donations), 0, 0},
	{"distributions", DS(distributions), 0, 0},
	{"visits", DS(visits), 0, 0},
	{"iso_released_home", DS(iso[STATS_HOME].released), 0, 0},
	{"iso_released_central", DS(iso[STATS_CENTRAL].released), 0, 0},
	{"iso_released_hospital", DS(iso[STATS_HOSPITAL].released), 0, 0},
	{"iso_ended_other", DS(iso_total.ended_other), 0, 0},
	{"checks_am", DS(checks_am), 0, 0},
	{"checks_pm", DS(checks_pm), 0, 0},
	{"missed_am", DS(missed_am), 0, 0},
	{"missed_pm", DS(missed_pm), 0, 0},
	{"checks_late", DS(checks_late), 0, 0},
	{"check_fevers", DS(check_fevers), 0, 0},
	{"goods_value", DS(goods_value_fen), 0, 1},
	{"voided", DS(voided), 0, 0},
	{"distributed_qty", DS(distributed_qty), 0, 1},
	{NULL, 0, 0, 0},
};
#undef DS

/* Longest range the daily export accepts: ten years of rows. */
#define DAILY_MAX_DAYS 3660

static const struct daily_col *find_daily(const char *name)
{
	for (const struct daily_col *c = daily_cols; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/* The daily range: both bounds, defaulting to today (a missing bound takes
 * the other).  Returns the number of days, or -1 with a message. */
static long daily_range(const struct db_export_query *q, struct date *from, struct err *e)
{
	const char *f = q->from ? q->from : q->to ? q->to : q->today;
	const char *t = q->to ? q->to : q->from && strcmp(q->from, q->today) > 0 ? q->from : q->today;
	struct date to;
	long days;

	if (date_parse_iso(f, from, e) < 0 || date_parse_iso(t, &to, e) < 0)
		return -1;
	days = date_diff(&to, from) + 1;
	if (days < 1)
		return err_set(e, _("the daily range ends before it starts")), -1;
	if (days > DAILY_MAX_DAYS)
		return err_set(e, _("the daily range is %ld days; at most %d"), days,
			       DAILY_MAX_DAYS),
		       -1;
	return days;
}

static long long run_daily(struct db *db, const struct db_export_query *q, db_export_row_fn fn,
			   void *ctx, struct err *e)
{
	const struct daily_col **cols = xcalloc((size_t)q->ncols + 1, sizeof *cols);
	const char **vals = xcalloc((size_t)q->ncols + 1, sizeof *vals);
	size_t *lens = xcalloc((size_t)q->ncols + 1, sizeof *lens);
	char(*bufs)[24] = xcalloc((size_t)q->ncols + 1, sizeof *bufs);
	struct daily_stats st = {0};
	struct date day;
	long days = daily_range(q, &day, e);
	long long rows = -1;

	if (days < 0)
		goto out;
	for (int i = 0; i < q->ncols; i++) {
		const char *name = q->ds->cols[q->cols[i]].name;

		cols[i] = find_daily(name);
		if (!cols[i] && strcmp(name, "date")) {
			err_set(e, "internal error: no daily count %s", name);
			goto out;
		}
	}
	rows = 0;
	for (long d = 0; d < days; d++, day = date_add(&day, 1)) {
		char iso[DATE_STR];

		date_format(&day, iso);
		report_stats_clear(&st);
		if (db_daily_stats(db, iso, &st, e) < 0) {
			rows = -1;
			break;
		}
		for (int i = 0; i < q->ncols; i++) {
			const char *base = (const char *)&st;
			long long v;

			if (!cols[i]) {
				vals[i] = st.date;
				lens[i] = strlen(st.date);
				continue;
			}
			if (cols[i]->wide)
				memcpy(&v, base + cols[i]->off, sizeof v);
			else
				v = *(const int *)(const void *)(base + cols[i]->off);
			if (cols[i]->off2)
				v += *(const int *)(const void *)(base + cols[i]->off2);
			lens[i] = (size_t)snprintf(bufs[i], sizeof bufs[i], "%lld", v);
			vals[i] = bufs[i];
		}
		rows++;
		if (fn(ctx, vals, lens))
			break;
	}
out:
	report_stats_clear(&st);
	free(cols);
	free(vals);
	free(lens);
	free(bufs);
	return rows;
}

static const struct ds_sql *find_query(const char *dataset)
{
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		if (!strcmp(queries[i].dataset, dataset))
			return &queries[i];
	return NULL;
}

static const char *find_expr(const struct ds_sql *qs, const char *column)
{
	for (const struct col_sql *c = qs->cols; c->name; c++)
		if (!strcmp(c->name, column))
			return c->expr;
	return NULL;
}

/* Binds a named parameter when the statement has it. */
static void bind_opt(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Builds and prepares the statement; count_only selects count(*). */
static sqlite3_stmt *prepare(struct db *db, const struct db_export_query *q, int count_only,
			     struct err *e)
{
	const struct ds_sql *qs = find_query(q->ds->name);
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st = NULL;

	if (!qs) {
		err_set(e, _("the dataset %s cannot be exported this way"), q->ds->name);
		return NULL;
	}
	if ((q->from || q->to) && !qs->from_if) {
		err_set(e, _("%s have no date: --from and --to do not apply"), q->ds->name);
		return NULL;
	}
	strbuf_puts(&sql, "SELECT ");
	if (count_only) {
		strbuf_puts(&sql, "count(*)");
	} else {
		for (int i = 0; i < q->ncols; i++) {
			const char *name = q->ds->cols[q->cols[i]].name;
			const char *expr = find_expr(qs, name);

			if (!expr) {
				err_set(e, "internal error: no query for column %s of %s", name,
					q->ds->name);
				goto out;
			}
			if (i)
				strbuf_puts(&sql, ", ");
			strbuf_puts(&sql, expr);
		}
		if (q->ncols == 0)
			strbuf_puts(&sql, "NULL");
	}
	strbuf_puts(&sql, qs->from);
	if (q->from)
		strbuf_puts(&sql, qs->from_if);
	if (q->to)
		strbuf_puts(&sql, qs->to_if);
	if (!count_only)
		strbuf_puts(&sql, qs->order);
	if (sqlite3_prepare_v2(db_handle(db), strbuf_str(&sql), -1, &st, NULL) != SQLITE_OK) {
		sql_error(db, e, _("the export query failed"));
		sqlite3_finalize(st);
		st = NULL;
		goto out;
	}
	bind_opt(st, ":from", q->from);
	bind_opt(st, ":to", q->to);
	bind_opt(st, ":today", q->today);
out:
	strbuf_free(&sql);
	return st;
}

long long db_export_count(struct db *db, const struct db_export_query *q, struct err *e)
{
	sqlite3_stmt *st;
	long long n = -1;
	struct date from;

	if (!strcmp(q->ds->name, "daily"))
		return daily_range(q, &from, e);
	st = prepare(db, q, 1, e);
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		sql_error(db, e, _("counting the rows to export failed"));
	sqlite3_finalize(st);
	return n;
}

long long db_export_run(struct db *db, const struct db_export_query *q, db_export_row_fn fn,
			void *ctx, struct err *e)
{
	sqlite3_stmt *st;
	const char **vals;
	size_t *lens;
	long long rows = 0;
	int rc;

	if (!strcmp(q->ds->name, "daily"))
		return run_daily(db, q, fn, ctx, e);
	st = prepare(db, q, 0, e);
	if (!st)
		return -1;
	vals = xcalloc((size_t)q->ncols + 1, sizeof *vals);
	lens = xcalloc((size_t)q->ncols + 1, sizeof *lens);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < q->ncols; i++) {
			vals[i] = (const char *)sqlite3_column_text(st, i);
			lens[i] = vals[i] ? (size_t)sqlite3_column_bytes(st, i) : 0;
		}
		rows++;
		if (fn(ctx, vals, lens))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sql_error(db, e, _("reading the records to export failed"));
		rows = -1;
	}
	sqlite3_finalize(st);
	free(vals);
	free(lens);
	return rows;
}

int db_export_complete(struct err *e)
{
	int n;
	const struct export_dataset *ds = export_datasets(&n);

	for (int i = 0; i < n; i++) {
		const struct ds_sql *qs = find_query(ds[i].name);

		if (!strcmp(ds[i].name, "daily")) {
			for (int c = 1; c < ds[i].ncols; c++)
				if (!find_daily(ds[i].cols[c].name))
					return err_set(e, "no daily count %s", ds[i].cols[c].name), 0;
			continue;
		}
		if (!qs)
			return err_set(e, "no query for dataset %s", ds[i].name), 0;
		if (!qs->from_if != !ds[i].date_rule)
			return err_set(e, "dataset %s: date rule and query disagree", ds[i].name), 0;
		for (int c = 0; c < ds[i].ncols; c++)
			if (!find_expr(qs, ds[i].cols[c].name))
				return err_set(e, "no query for column %s of %s", ds[i].cols[c].name,
					       ds[i].name),
				       0;
	}
	return 1;
}
