/* Unit tests of the schema views and SQL predicates of db/views.h against
 * the core rules they stand for: an isolation's last day
 * (isolation_span_compute), due on and held on a date (isolation_due_on,
 * isolation_held_on), and the stock on hand (stock_on_hand), on a table of
 * boundary cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/isolation.h"
#include "core/stock.h"
#include "db/db.h"
#include "db/sql.h"
#include "db/views.h"

static struct db *open_db(void)
{
	struct db *db = NULL;
	struct err e;

	err_clear(&e);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	assert_int_equal(
	    db_exec(db,
		    "INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key)"
		    " VALUES(1, 'h1', '2020-01-01 08:00:00', '2020-01-01 08:00:00', '1', '1');"
		    "INSERT INTO residents(id, uuid, created_at, updated_at, household_id, name)"
		    " VALUES(1, 'r1', '2020-01-01 08:00:00', '2020-01-01 08:00:00', 1, '张三');",
		    &e),
	    0);
	return db;
}

/* An isolation as stored, and the day it is asked about. */
struct iso_case {
	const char *what;
	const char *start;
	int days, extended;
	const char *end; /* NULL while it runs */
	const char *day;
};

static const struct iso_case iso_cases[] = {
    {"first day", "2020-02-01", 14, 0, NULL, "2020-02-01"},
    {"day before the start", "2020-02-01", 14, 0, NULL, "2020-01-31"},
    {"last day today", "2020-02-01", 14, 0, NULL, "2020-02-14"},
    {"release day, not ended", "2020-02-01", 14, 0, NULL, "2020-02-15"},
    {"long past, not ended", "2020-02-01", 14, 0, NULL, "2020-03-20"},
    {"extended, old last day", "2020-02-01", 14, 7, NULL, "2020-02-14"},
    {"extended, new last day", "2020-02-01", 14, 7, NULL, "2020-02-21"},
    {"ended today (completed)", "2020-02-01", 14, 0, "2020-02-15", "2020-02-15"},
    {"ended, the day before", "2020-02-01", 14, 0, "2020-02-15", "2020-02-14"},
    {"ended, the day after", "2020-02-01", 14, 0, "2020-02-15", "2020-02-16"},
    {"restarted today (old row)", "2020-02-01", 14, 0, "2020-02-06", "2020-02-06"},
    {"restarted (new row) day 1", "2020-02-06", 14, 0, NULL, "2020-02-06"},
    {"ended early", "2020-02-01", 14, 0, "2020-02-05", "2020-02-10"},
    {"ended on its start day", "2020-02-01", 14, 0, "2020-02-01", "2020-02-01"},
    {"ended before it started", "2020-02-10", 14, 0, "2020-02-05", "2020-02-07"},
    {"one day", "2020-02-01", 1, 0, NULL, "2020-02-01"},
    {"one day, next day", "2020-02-01", 1, 0, NULL, "2020-02-02"},
    {"across a month end", "2020-01-25", 14, 3, NULL, "2020-02-09"},
    {"across a leap day", "2020-02-20", 14, 0, NULL, "2020-03-04"},
    {"across a year end", "2019-12-25", 14, 0, NULL, "2020-01-07"},
    {"sixty plus ninety", "2020-02-01", 60, 90, NULL, "2020-06-29"},
};

static void test_isolation_view_agrees_with_core(void **state)
{
	struct db *db = open_db();
	sqlite3_stmt *ins, *q;
	char last[DATE_STR];

	(void)state;
	assert_int_equal(
	    sqlite3_prepare_v2(db_handle(db),
			       "INSERT INTO isolations(id, uuid, created_at, updated_at,"
			       " resident_id, kind, start_date, days, extended_days,"
			       " end_date) VALUES(?1, 'i' || ?1, '2020-01-01 08:00:00',"
			       " '2020-01-01 08:00:00', 1, 'home', ?2, ?3, ?4, ?5)",
			       -1, &ins, NULL),
	    SQLITE_OK);
	assert_int_equal(
	    sqlite3_prepare_v2(db_handle(db),
			       "SELECT i.last_day, " ISO_DUE_ON("i", ":d") ", " ISO_HELD_ON(
				   "i", ":d") " FROM isolation_spans i WHERE i.id = :id",
			       -1, &q, NULL),
	    SQLITE_OK);
	for (size_t k = 0; k < sizeof iso_cases / sizeof iso_cases[0]; k++) {
		const struct iso_case *c = &iso_cases[k];
		struct date start, end, day;
		struct isolation_span span;

		assert_int_equal(date_parse_iso(c->start, &start, NULL), 0);
		assert_int_equal(date_parse_iso(c->day, &day, NULL), 0);
		if (c->end)
			assert_int_equal(date_parse_iso(c->end, &end, NULL), 0);
		isolation_span_compute(&start, c->days, c->extended, &span);
		date_format(&span.last_day, last);

		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, (long long)k + 1);
		sqlite3_bind_text(ins, 2, c->start, -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 3, c->days);
		sqlite3_bind_int(ins, 4, c->extended);
		if (c->end)
			sqlite3_bind_text(ins, 5, c->end, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 5);
		assert_int_equal(sqlite3_step(ins), SQLITE_DONE);

		sqlite3_reset(q);
		sql_bind_text(q, ":d", c->day);
		sql_bind_int(q, ":id", (long long)k + 1);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		if (strcmp((const char *)sqlite3_column_text(q, 0), last))
			fail_msg("%s: the view's last day %s, core's %s", c->what,
				 sqlite3_column_text(q, 0), last);
		if (sqlite3_column_int(q, 1) !=
		    isolation_due_on(&start, c->end ? &end : NULL, &day))
			fail_msg("%s: due on %s: SQL %d, core %d", c->what, c->day,
				 sqlite3_column_int(q, 1),
				 isolation_due_on(&start, c->end ? &end : NULL, &day));
		if (sqlite3_column_int(q, 2) !=
		    isolation_held_on(&start, c->end ? &end : NULL, &day))
			fail_msg("%s: held on %s: SQL %d, core %d", c->what, c->day,
				 sqlite3_column_int(q, 2),
				 isolation_held_on(&start, c->end ? &end : NULL, &day));
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(q);
	db_close(&db);
}

/* The two predicates by hand on the cases that matter most: the day an
 * isolation ends it is held but no longer due. */
static void test_due_and_held(void **state)
{
	struct date s, e, d;

	(void)state;
	date_parse_iso("2020-02-01", &s, NULL);
	date_parse_iso("2020-02-15", &e, NULL);
	date_parse_iso("2020-02-15", &d, NULL);
	assert_int_equal(isolation_due_on(&s, &e, &d), 0);
	assert_int_equal(isolation_held_on(&s, &e, &d), 1);
	assert_int_equal(isolation_due_on(&s, NULL, &d), 1);
	date_parse_iso("2020-02-14", &d, NULL);
	assert_int_equal(isolation_due_on(&s, &e, &d), 1);
	date_parse_iso("2020-01-31", &d, NULL);
	assert_int_equal(isolation_held_on(&s, NULL, &d), 0);
	assert_int_equal(isolation_due_on(&s, NULL, &d), 0);
}

/* Stock: receipts, distributions, a void of a past receipt, a deleted
 * distribution, an item only ever voided; on hand from the view against
 * core's stock_on_hand over the same sums, and the moves up to a date. */
static void test_stock_view_agrees_with_core(void **state)
{
	struct db *db = open_db();
	struct err e;
	sqlite3_stmt *q;
	struct {
		const char *item, *unit;
		long long received, distributed, value_fen;
	} want[] = {
	    {"口罩", "箱", 1000 + 500, 300, 10000 + 5000},
	    {"消毒液", "瓶", 0, 0, 0}, /* only a voided receipt: not listed */
	    {"酒精", "瓶", 2000, 2000, 0},
	};
	int n = 0;

	(void)state;
	err_clear(&e);
	assert_int_equal(
	    db_exec(
		db,
		"INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year, station,"
		" seq, received_date, kind, item, unit, quantity, value_fen, void_reason,"
		" voided_at, deleted_at) VALUES"
		" ('d1', 'x', 'x', 'A1', 2020, 'A', 1, '2020-02-01', 'goods', '口罩', '箱', 1000,"
		"  10000, NULL, NULL, NULL),"
		" ('d2', 'x', 'x', 'A2', 2020, 'A', 2, '2020-02-03', 'goods', '口罩', '箱', 500,"
		"  5000, NULL, NULL, NULL),"
		" ('d3', 'x', 'x', 'A3', 2020, 'A', 3, '2020-02-02', 'goods', '口罩', '箱', 700,"
		"  7000, 'wrong item', '2020-02-10 09:00:00', NULL),"
		" ('d4', 'x', 'x', 'A4', 2020, 'A', 4, '2020-02-02', 'goods', '消毒液', '瓶', 100,"
		"  NULL, 'duplicate', '2020-02-02 10:00:00', NULL),"
		" ('d5', 'x', 'x', 'A5', 2020, 'A', 5, '2020-02-02', 'goods', '酒精', '瓶', 2000,"
		"  NULL, NULL, NULL, NULL),"
		" ('d6', 'x', 'x', 'A6', 2020, 'A', 6, '2020-02-02', 'cash', NULL, NULL, NULL,"
		"  NULL, NULL, NULL, NULL);"
		"INSERT INTO distributions(uuid, created_at, updated_at, item, unit, quantity,"
		" date, deleted_at) VALUES ('t1', 'x', 'x', '口罩', '箱', 300, '2020-02-04', NULL),"
		" ('t2', 'x', 'x', '口罩', '箱', 50, '2020-02-04', '2020-02-05 08:00:00'),"
		" ('t3', 'x', 'x', '酒精', '瓶', 2000, '2020-02-05', NULL);",
		&e),
	    0);
	assert_int_equal(sqlite3_prepare_v2(db_handle(db),
					    "SELECT item, unit, received, distributed, value_fen,"
					    " on_hand FROM stock ORDER BY item, unit",
					    -1, &q, NULL),
			 SQLITE_OK);
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *item = (const char *)sqlite3_column_text(q, 0);
		struct stock_line line = {sqlite3_column_int64(q, 2), sqlite3_column_int64(q, 3)};
		size_t k;

		for (k = 0; k < sizeof want / sizeof want[0]; k++)
			if (!strcmp(want[k].item, item))
				break;
		assert_true(k < sizeof want / sizeof want[0]);
		assert_string_equal(sqlite3_column_text(q, 1), want[k].unit);
		assert_int_equal(line.received, want[k].received);
		assert_int_equal(line.distributed, want[k].distributed);
		assert_int_equal(sqlite3_column_int64(q, 4), want[k].value_fen);
		assert_int_equal(sqlite3_column_int64(q, 5), stock_on_hand(&line));
		assert_string_not_equal(item, "消毒液");
		n++;
	}
	sqlite3_finalize(q);
	assert_int_equal(n, 2);
	/* As of 2020-02-09 the receipt voided on the 10th was still in stock. */
	assert_int_equal(sql_scalar(db,
				    "SELECT sum(received) - sum(distributed) FROM stock_moves"
				    " WHERE item = '口罩' AND date <= '2020-02-09'",
				    NULL),
			 1000 + 500 + 700 - 300);
	assert_int_equal(sql_scalar(db,
				    "SELECT sum(received) - sum(distributed) FROM stock_moves"
				    " WHERE item = '口罩' AND date <= '2020-02-10'",
				    NULL),
			 1000 + 500 - 300);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_isolation_view_agrees_with_core),
	    cmocka_unit_test(test_due_and_held),
	    cmocka_unit_test(test_stock_view_agrees_with_core),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
