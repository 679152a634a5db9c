/* Unit tests of db/consistency and db/consistency_scan (`doorstep check`):
 * every class of problem the one pass over each table finds, in a table
 * where it is rare (broken foreign keys, invalid UTF-8 in a rarely used
 * column and in a WITHOUT ROWID table, text over its limit, a record rule,
 * the row rules against a parent, the row counters); the foreign keys the
 * pass checks by joins agree with PRAGMA foreign_key_check on a file
 * broken every way it can be; and the record rules value by value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/recordcheck.h"
#include "core/xalloc.h"
#include "db/consistency.h"
#include "db/db.h"
#include "db/households.h"
#include "db/sql.h"
#include "db/visits.h"
#include "dbfix.h"

/* The problems one check reported. */
struct found {
	char **msg;
	int n;
};

static void collect(const char *problem, void *ctx)
{
	struct found *f = ctx;

	f->msg = xrealloc(f->msg, (size_t)(f->n + 1) * sizeof *f->msg);
	f->msg[f->n++] = xstrdup(problem);
}

static void found_clear(struct found *f)
{
	for (int i = 0; i < f->n; i++)
		free(f->msg[i]);
	free(f->msg);
	f->msg = NULL;
	f->n = 0;
}

/* How many of the problems contain s. */
static int count(const struct found *f, const char *s)
{
	int k = 0;

	for (int i = 0; i < f->n; i++)
		k += strstr(f->msg[i], s) != NULL;
	return k;
}

/* Runs the check; returns what it found (the test clears it). */
static struct found check(struct db *db)
{
	struct found f = {0};
	struct err e;
	int n;

	err_clear(&e);
	n = db_consistency_check(db, collect, &f, &e);
	if (n < 0)
		fail_msg("check: %s", e.msg);
	assert_int_equal(n, f.n);
	return f;
}

static void exec(struct db *db, const char *sql)
{
	struct err e;

	err_clear(&e);
	if (db_exec(db, sql, &e) < 0)
		fail_msg("%s: %s", sql, e.msg);
}

/* A household of two residents, one visit with a reading of each. */
static struct db *world(void)
{
	struct db *db = dbfix_open("幸福里社区");
	struct household h = {.grid_id = -1, .code = "1-1-101"};
	struct visit_reading rd[2] = {{.temperature = 365}, {.temperature = 372, .note = "咳嗽"}};
	struct visit_new v = {.date = "2020-02-15",
			      .at = "2020-02-15 09:00:00",
			      .outcome = VISIT_VISITED,
			      .staff_id = -1,
			      .readings = rd,
			      .n_readings = 2};
	struct err e;
	char uuid[37];

	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	rd[0].resident_id = dbfix_resident(db, h.id, "王五");
	rd[1].resident_id = dbfix_resident(db, h.id, "赵六");
	v.household_id = h.id;
	assert_true(db_visit_insert(db, &v, uuid, &e) > 0);
	return db;
}

static void test_clean(void **state)
{
	struct db *db = world();
	struct found f = check(db);

	(void)state;
	for (int i = 0; i < f.n; i++)
		print_message("unexpected: %s\n", f.msg[i]);
	assert_int_equal(f.n, 0);
	found_clear(&f);
	db_close(&db);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The foreign-key problems the check reports, sorted, one per line. */
static char *fk_lines(const struct found *f)
{
	char **v = xcalloc((size_t)f->n + 1, sizeof *v);
	size_t k = 0, len = 1;
	char *out;

	for (int i = 0; i < f->n; i++)
		if (!strncmp(f->msg[i], "foreign key: ", 13))
			v[k++] = f->msg[i];
	qsort(v, k, sizeof *v, by_text);
	for (size_t i = 0; i < k; i++)
		len += strlen(v[i]) + 1;
	out = xcalloc(len, 1);
	for (size_t i = 0; i < k; i++) {
		strcat(out, v[i]);
		strcat(out, "\n");
	}
	free(v);
	return out;
}

/* PRAGMA foreign_key_check's view of the same file, in the same words. */
static char *pragma_lines(struct db *db)
{
	struct err e;
	sqlite3_stmt *st;
	char *out = xstrdup("");

	err_clear(&e);
	st = db_stmt(db,
		     "SELECT group_concat(m, char(10)) || char(10) FROM (SELECT 'foreign key: '"
		     " || \"table\" || ' row ' || ifnull(rowid, '?') || ' points to a missing '"
		     " || parent AS m"
		     " FROM pragma_foreign_key_check ORDER BY m)",
		     &e);
	assert_non_null(st);
	if (sql_step_row(db, st, &e) == 1 && sqlite3_column_text(st, 0)) {
		free(out);
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	return out;
}

/* Every way a key can miss its parent, in tables the pass joins (readings,
 * visits, a table's key to itself) and in the two it leaves to the pragma
 * (a parent key that is not a rowid; a WITHOUT ROWID child): the check
 * reports exactly the rows PRAGMA foreign_key_check reports. */
static void test_foreign_keys(void **state)
{
	struct db *db = world();
	struct found f;
	char *mine, *theirs;

	(void)state;
	exec(db, "PRAGMA foreign_keys = OFF");
	/* a reading of a visit that is gone, and of a resident that is gone */
	exec(db, "INSERT INTO readings (uuid, created_at, updated_at, visit_id, resident_id)"
		 " VALUES ('r-novisit', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 999, 1),"
		 " ('r-noresident', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 1, 999)");
	/* keys that are no integer: text, a fraction; and a NULL key (no problem) */
	exec(db,
	     "INSERT INTO visits (uuid, created_at, updated_at, household_id, at, date,"
	     " staff_id, outcome) VALUES"
	     " ('v-text', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 1, '2020-02-15 09:00:00',"
	     " '2020-02-15', 'abc', 'away'),"
	     " ('v-real', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 2.5, '2020-02-15 09:00:00',"
	     " '2020-02-15', NULL, 'away'),"
	     " ('v-big', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 1, '2020-02-15 09:00:00',"
	     " '2020-02-15', 99999999999, 'away')");
	exec(db, "UPDATE residents SET household_id = 7 WHERE name = '赵六'");
	exec(db, "INSERT INTO isolations (uuid, created_at, updated_at, resident_id, kind,"
		 " start_date, days, previous_id) VALUES ('i-prev', '2020-02-15 09:00:00',"
		 " '2020-02-15 09:00:00', 1, 'home', '2020-02-15', 14, 42)");
	/* the pragma's own cases: a parent key that is not a rowid, a WITHOUT
	 * ROWID child */
	exec(db, "CREATE TABLE extra_by_uuid (id INTEGER PRIMARY KEY,"
		 " household_uuid TEXT REFERENCES households(uuid));"
		 "INSERT INTO extra_by_uuid (household_uuid) VALUES ('no-such'), (NULL);"
		 "CREATE TABLE extra_norowid (k TEXT PRIMARY KEY,"
		 " resident_id INTEGER REFERENCES residents(id)) WITHOUT ROWID;"
		 "INSERT INTO extra_norowid VALUES ('a', 1), ('b', 555)");
	f = check(db);
	mine = fk_lines(&f);
	theirs = pragma_lines(db);
	assert_string_equal(mine, theirs);
	assert_int_equal(count(&f, "foreign key: readings row "), 2);
	assert_int_equal(count(&f, "points to a missing staff"), 2); /* 'abc', 99999999999 */
	assert_int_equal(count(&f, "foreign key: visits row 3 points to a missing households"), 1);
	assert_int_equal(count(&f, "foreign key: residents row"), 1);
	assert_int_equal(count(&f, "foreign key: isolations row 1 points to a missing isolations"),
			 1);
	assert_int_equal(count(&f, "foreign key: extra_by_uuid row 1 points to a missing"), 1);
	assert_int_equal(count(&f, "foreign key: extra_norowid row"), 1);
	free(mine);
	free(theirs);
	found_clear(&f);
	db_close(&db);
}

/* Invalid UTF-8 in every form, where values are rare: a reading's
 * symptoms, a visitor's origin, the search index (WITHOUT ROWID); valid
 * Chinese and U+FFFD written as such are no problem. */
static void test_utf8(void **state)
{
	struct db *db = world();
	struct found f;

	(void)state;
	exec(db, "UPDATE readings SET symptoms = CAST(X'E4B8' AS TEXT) WHERE id = 1;"
		 "UPDATE readings SET symptoms = CAST(X'61006200' AS TEXT) WHERE id = 2;"
		 "INSERT INTO visitors (uuid, created_at, updated_at, name, from_place, time_in)"
		 " VALUES ('vi-1', '2020-02-15 09:00:00', '2020-02-15 09:00:00', '访客',"
		 " CAST(X'80' AS TEXT), '2020-02-15 09:00:00'),"
		 " ('vi-2', '2020-02-15 09:00:00', '2020-02-15 09:00:00', '访客',"
		 " CAST(X'C0AF' AS TEXT), '2020-02-15 09:00:00'),"
		 " ('vi-3', '2020-02-15 09:00:00', '2020-02-15 09:00:00', '访客',"
		 " CAST(X'EDA080' AS TEXT), '2020-02-15 09:00:00'),"
		 " ('vi-4', '2020-02-15 09:00:00', '2020-02-15 09:00:00', '访客',"
		 " '武汉' || CAST(X'EFBFBD' AS TEXT), '2020-02-15 09:00:00');"
		 "INSERT INTO search_terms VALUES (CAST(X'E6B5' AS TEXT), 'k', 1)");
	f = check(db);
	assert_int_equal(count(&f, "readings: row 1, column symptoms is not valid UTF-8"), 1);
	assert_int_equal(count(&f, "readings: row 2, column symptoms is not valid UTF-8"), 1);
	assert_int_equal(count(&f, "visitors: row 1, column from_place is not valid UTF-8"), 1);
	assert_int_equal(count(&f, "visitors: row 2, column from_place is not valid UTF-8"), 1);
	assert_int_equal(count(&f, "visitors: row 3, column from_place is not valid UTF-8"), 1);
	assert_int_equal(count(&f, "visitors: row 4"), 0);
	assert_int_equal(count(&f, "search_terms: row"), 1);
	assert_int_equal(count(&f, "not valid UTF-8"), 6);
	found_clear(&f);
	db_close(&db);
}

/* A value over its column's limit in characters, ASCII or not; at the
 * limit, or over it in bytes only, it is no problem. */
static void test_limits(void **state)
{
	struct db *db = world();
	struct found f;

	(void)state;
	/* 4,000 characters of 注 (12,000 bytes): at the limit */
	exec(db, "UPDATE readings SET note = replace(printf('%.4000c', 'x'), 'x', '注')"
		 " WHERE id = 1");
	exec(db, "UPDATE readings SET note = printf('%.4001c', 'x') WHERE id = 2");
	exec(db, "UPDATE visits SET notes = replace(printf('%.4001c', 'x'), 'x', '注')");
	exec(db, "UPDATE households SET phone = printf('%.32c', '8')");
	f = check(db);
	assert_int_equal(count(&f, "readings: row 1"), 0);
	assert_int_equal(count(&f, "readings: row 2, column note holds 4001 characters, over its"
				   " limit of 4000"),
			 1);
	assert_int_equal(count(&f, "visits: row 1, column notes holds 4001 characters"), 1);
	assert_int_equal(count(&f, "households:"), 0);
	assert_int_equal(f.n, 2);
	found_clear(&f);
	exec(db, "UPDATE households SET phone = printf('%.33c', '8')");
	f = check(db);
	assert_int_equal(count(&f, "households: row 1, column phone holds 33 characters"), 1);
	found_clear(&f);
	db_close(&db);
}

/* The record rules, the rules of a row against its parent, and the row
 * counters. */
static void test_rules(void **state)
{
	struct db *db = world();
	struct household h2 = {.grid_id = -1, .code = "1-1-102"};
	struct found f;
	struct err e;

	(void)state;
	err_clear(&e);
	exec(db, "UPDATE readings SET created_at = '2020-02-30 09:00:00' WHERE id = 1");
	exec(db, "UPDATE visits SET date = '2020-02-14'");
	f = check(db);
	assert_int_equal(count(&f, "created_at: not a time"), 1);
	assert_int_equal(count(&f, "visits: visit "), 1);
	assert_int_equal(count(&f, "has date 2020-02-14 but time 2020-02-15 09:00:00"), 1);
	assert_int_equal(f.n, 2);
	found_clear(&f);

	exec(db, "UPDATE visits SET date = '2020-02-15', deleted_at = '2020-02-15 10:00:00'");
	exec(db,
	     "UPDATE readings SET created_at = updated_at, deleted_at = updated_at WHERE id = 1");
	exec(db, "UPDATE households SET deleted_at = '2020-02-15 10:00:00'");
	exec(db, "UPDATE row_counts SET n = n + 1 WHERE name = 'residents'");
	f = check(db);
	assert_int_equal(count(&f, "belongs to deleted visit"), 1); /* reading 1 is deleted too */
	assert_int_equal(count(&f, "lives in deleted household"), 2);
	assert_int_equal(count(&f, "row_counts: residents has 2 rows, its counter says 3"), 1);
	assert_int_equal(f.n, 4);
	found_clear(&f);

	/* a reading of a resident of another household, with no audit of a move */
	exec(db, "UPDATE visits SET deleted_at = NULL; UPDATE households SET deleted_at = NULL;"
		 "UPDATE row_counts SET n = n - 1 WHERE name = 'residents'");
	assert_int_equal(db_household_insert(db, &h2, &e), 0);
	exec(db, "UPDATE residents SET household_id = (SELECT max(id) FROM households)"
		 " WHERE name = '赵六'");
	f = check(db);
	assert_int_equal(f.n, 1);
	assert_int_equal(count(&f, "is of a resident of another household than its visit"), 1);
	found_clear(&f);
	db_close(&db);
}

/* The record rules value by value (check tests them without strlen: each
 * test stops at the NUL). */
static void test_recordcheck(void **state)
{
	static const struct {
		const char *col, *value, *id_type;
		int bad;
	} cases[] = {
	    {"date", "2020-02-15", NULL, 0},
	    {"start_date", "2020-02-30", NULL, 1},
	    {"date", "2020-02-15 ", NULL, 1},
	    {"date", "2020-2-15", NULL, 1},
	    {"date", "2020-02-1", NULL, 1},
	    {"date", "", NULL, 1},
	    {"date", "2020-02-15 09:30:00", NULL, 1},
	    {"at", "2020-02-15 09:30:00", NULL, 0},
	    {"created_at", "2020-02-15 23:59:59", NULL, 0},
	    {"created_at", "2020-02-15 24:00:00", NULL, 1},
	    {"created_at", "2020-02-15 09:60:00", NULL, 1},
	    {"created_at", "2020-02-15 09:30:00x", NULL, 1},
	    {"created_at", "2020-02-15 09:30", NULL, 1},
	    {"created_at", "2020-02-15 09:30:0", NULL, 1},
	    {"created_at", "2020-02-15T09:30:00", NULL, 1},
	    {"created_at", "2020-02-15", NULL, 1},
	    {"created_at", NULL, NULL, 0},
	    {"id_number", "11010519491231002X", "id", 0},
	    {"id_number", "110105194912310021", "id", 1},
	    {"id_number", "110105194912310021", "passport", 0},
	    {"id_number", "11010519491231002", "id", 1},
	    {"name", "2020-02-30", NULL, 0},
	    {"updated", "x", NULL, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *why = recordcheck_apply(recordcheck_rule_of(cases[i].col),
						    cases[i].value, cases[i].id_type);

		if ((why != NULL) != cases[i].bad)
			fail_msg("%s = \"%s\": %s", cases[i].col, cases[i].value,
				 why ? why : "valid");
		assert_ptr_equal(
		    why, recordcheck_value(cases[i].col, cases[i].value, cases[i].id_type, NULL));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_clean), cmocka_unit_test(test_foreign_keys),
	    cmocka_unit_test(test_utf8),  cmocka_unit_test(test_limits),
	    cmocka_unit_test(test_rules), cmocka_unit_test(test_recordcheck),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
