/* Unit tests of db/: opening, migrations, refusal of a newer schema,
 * transactions, audit rows in the same transaction, soft delete, natural
 * order through the stored sort key, households and residents CRUD. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/xalloc.h"
#include "core/model.h"
#include "core/settings.h"
#include "db/db.h"
#include "db/households.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/staff.h"
#include "db/sql.h"
#include "dbfix.h"

static struct db *open_mem(void)
{
	struct db *db = NULL;
	struct err e;

	err_clear(&e);
	db = dbfix_open("幸福里社区");
	return db;
}

static long long count(struct db *db, const char *sql)
{
	return sql_scalar(db, sql, NULL);
}

static void test_migrations_set_version(void **state)
{
	struct db *db = open_mem();

	(void)state;
	assert_int_equal(count(db, "PRAGMA user_version"), db_schema_version());
	assert_true(count(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'pass_events'") == 1);
	assert_int_equal(count(db, "PRAGMA foreign_keys"), 1);
	db_close(&db);
	assert_null(db);
}

static void test_newer_schema_refused_untouched(void **state)
{
	char dir[] = "/tmp/doorstep-test-XXXXXX";
	char path[256], msg[600];
	struct db *db = NULL;
	struct err e;
	sqlite3 *h;
	struct stat before, after;
	FILE *f;
	char a[4096], b[4096];
	size_t na, nb;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/sub/d.db", dir);
	err_clear(&e);
	assert_int_equal(db_open(&db, path, DB_OPEN_CREATE, &e), 0);
	db_close(&db);
	assert_int_equal(stat(path, &before), 0);
	assert_int_equal(before.st_mode & 0777, 0600);
	snprintf(msg, sizeof msg, "%s/sub", dir);
	assert_int_equal(stat(msg, &after), 0);
	assert_int_equal(after.st_mode & 0777, 0700);

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA journal_mode=DELETE; PRAGMA user_version=99", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	f = fopen(path, "rb");
	na = fread(a, 1, sizeof a, f);
	fclose(f);

	assert_int_equal(db_open(&db, path, 0, &e), -1);
	assert_null(db);
	assert_non_null(strstr(e.msg, "newer"));
	f = fopen(path, "rb");
	nb = fread(b, 1, sizeof b, f);
	fclose(f);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	snprintf(msg, sizeof msg, "rm -rf %s", dir);
	assert_int_equal(system(msg), 0);
}

static void test_not_a_database(void **state)
{
	char path[] = "/tmp/doorstep-junk-XXXXXX";
	int fd = mkstemp(path);
	struct db *db = NULL;
	struct err e;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "this is not sqlite at all, just text................................................................................................", 130), 130);
	close(fd);
	err_clear(&e);
	assert_int_equal(db_open(&db, path, 0, &e), -1);
	assert_non_null(strstr(e.msg, "not a doorstep database"));
	unlink(path);
}

static void test_household_natural_order_and_audit(void **state)
{
	struct db *db = open_mem();
	static const char *codes[] = {"12-1-101", "3-10-101", "3-2-501", "3-2-0502"};
	struct household h;
	struct err e;
	sqlite3_stmt *st;
	const char *want[] = {"3-2-501", "3-2-0502", "3-10-101", "12-1-101"};
	int i = 0;

	(void)state;
	err_clear(&e);
	for (size_t k = 0; k < 4; k++) {
		memset(&h, 0, sizeof h);
		h.grid_id = -1;
		h.code = (char *)codes[k];
		assert_int_equal(db_household_insert(db, &h, &e), 0);
		assert_true(h.id > 0);
	}
	assert_int_equal(count(db, "SELECT count(*) FROM audit_log WHERE table_name = 'households'"
				   " AND action = 'insert'"),
			 4);
	st = db_stmt(db, "SELECT code FROM households ORDER BY sort_key, id", &e);
	while (sqlite3_step(st) == SQLITE_ROW)
		assert_string_equal((const char *)sqlite3_column_text(st, 0), want[i++]);
	sqlite3_reset(st);
	assert_int_equal(i, 4);

	/* A duplicate code is refused, naming it, and writes nothing. */
	memset(&h, 0, sizeof h);
	h.grid_id = -1;
	h.code = "3-2-501";
	assert_int_equal(db_household_insert(db, &h, &e), -1);
	assert_non_null(strstr(e.msg, "3-2-501"));
	assert_int_equal(count(db, "SELECT count(*) FROM households"), 4);
	db_close(&db);
}

static void test_resident_crud_soft_delete(void **state)
{
	struct db *db = open_mem();
	struct household h = {.grid_id = -1, .code = "3-2-501"};
	struct resident r = {0}, got = {0};
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	r.household_id = h.id;
	r.name = "张三";
	r.id_number = "11010519491231002X";
	r.phone = "13812345678";
	r.relation = "head";
	r.sex = 'F'; /* 11010519491231002X: sequence 002, a woman */
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM residents WHERE pinyin = 'zs'"
				   " AND id_rev = 'X20013219491501011' AND phone_rev = '87654321831'"),
			 1);

	/* Unchanged update: nothing written, no audit row. */
	assert_int_equal(db_resident_update(db, &r, &e), 0);
	r.phone = "13900000001";
	assert_int_equal(db_resident_update(db, &r, &e), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM audit_log WHERE action = 'update'"
				   " AND table_name = 'residents' AND changes LIKE '%13900000001%'"
				   " AND staff = '测试员'"),
			 1);

	/* The same ID number on another resident is refused. */
	struct resident twin = {.household_id = h.id, .name = "李四",
				.id_number = "11010519491231002X"};
	assert_int_equal(db_resident_insert(db, &twin, &e), -1);
	assert_non_null(strstr(e.msg, "张三"));

	assert_int_equal(db_household_get(db, h.id, &h, &e), 1);
	assert_string_equal(h.head_name, "张三");
	assert_int_equal(h.resident_count, 1);
	model_household_clear(&h);

	assert_int_equal(db_resident_delete(db, r.id, &e), 1);
	assert_int_equal(db_resident_get(db, r.id, &got, &e), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM residents WHERE deleted_at IS NOT NULL"), 1);
	assert_int_equal(db_resident_delete(db, r.id, &e), 0);
	model_resident_clear(&got);
	db_close(&db);
}

static void test_rollback_discards_audit(void **state)
{
	struct db *db = open_mem();
	struct household h = {.grid_id = -1, .code = "1-1-101"};
	struct err e;
	long long before;

	(void)state;
	err_clear(&e);
	before = count(db, "SELECT count(*) FROM audit_log");
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	db_rollback(db);
	assert_false(db_in_transaction(db));
	assert_int_equal(count(db, "SELECT count(*) FROM households"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM audit_log"), before);
	db_close(&db);
}

static long long insert_household(struct db *db, const char *code, struct err *e)
{
	struct household h = {.grid_id = -1, .code = (char *)code};

	return db_household_insert(db, &h, e) < 0 ? -1 : h.id;
}

/* An inner level rolled back undoes only its own writes: the outer
 * transaction stays open with what it wrote before, and commits it. */
static void test_inner_rollback_keeps_outer(void **state)
{
	struct db *db = open_mem();
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_begin(db, &e), 0);
	assert_true(insert_household(db, "1-1-101", &e) > 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_true(insert_household(db, "1-1-102", &e) > 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_true(insert_household(db, "1-1-103", &e) > 0);
	assert_int_equal(db_commit(db, &e), 0);
	db_rollback(db);
	assert_true(db_in_transaction(db));
	assert_int_equal(count(db, "SELECT count(*) FROM households"), 1);
	assert_true(insert_household(db, "1-1-104", &e) > 0);
	assert_int_equal(db_commit(db, &e), 0);
	assert_false(db_in_transaction(db));
	assert_int_equal(count(db, "SELECT group_concat(code, ',') = '1-1-101,1-1-104'"
				   " FROM (SELECT code FROM households ORDER BY code)"),
			 1);
	db_close(&db);
}

/* A write function that fails inside its own db_begin returns the error to
 * its caller; the caller's transaction and earlier writes are intact, and
 * the caller's rollback still undoes everything. */
static void test_inner_failure_returns_error(void **state)
{
	struct db *db = open_mem();
	struct err e;
	long long audit = count(db, "SELECT count(*) FROM audit_log");

	(void)state;
	err_clear(&e);
	assert_int_equal(db_exec(db,
				 "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.households"
				 " WHEN NEW.code = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END",
				 &e),
			 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_true(insert_household(db, "1-1-101", &e) > 0);
	assert_int_equal(insert_household(db, "bad", &e), -1);
	assert_non_null(strstr(e.msg, "refused"));
	assert_true(db_in_transaction(db));
	assert_int_equal(count(db, "SELECT count(*) FROM households"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM audit_log"), audit + 1);
	db_rollback(db);
	assert_false(db_in_transaction(db));
	assert_int_equal(count(db, "SELECT count(*) FROM households"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM audit_log"), audit);
	db_close(&db);
}

/* A failed commit closes its own level and no other: db_end after it does
 * not roll back the caller's level too.  SQLite ending the transaction
 * itself (as on a full disk; here a ROLLBACK behind the db's back) makes the
 * inner db_end fail, the caller's level stays counted open, and the caller's
 * commit says the change was rolled back (before, the caller's level was
 * closed by db_end's extra rollback and its commit was "without a
 * transaction"); the next transaction starts clean. */
static void test_failed_commit_closes_one_level(void **state)
{
	struct db *db = open_mem();
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_begin(db, &e), 0);
	assert_true(insert_household(db, "1-1-101", &e) > 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_true(insert_household(db, "1-1-102", &e) > 0);
	assert_int_equal(db_exec(db, "ROLLBACK", &e), 0);
	assert_int_equal(db_end(db, 0, &e), -1);
	assert_true(db_in_transaction(db));
	err_clear(&e);
	assert_int_equal(db_commit(db, &e), -1);
	assert_null(strstr(e.msg, "internal error"));
	assert_false(db_in_transaction(db));
	assert_int_equal(db_begin(db, &e), 0);
	assert_true(insert_household(db, "1-1-103", &e) > 0);
	assert_int_equal(db_end(db, 1, &e), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM households"), 1);
	db_close(&db);
}

/* sql_collect_texts: every row, ncols entries a row, a NULL as asked; an
 * error names the prefix and keeps the rows read. */
static void test_collect_texts(void **state)
{
	struct db *db = open_mem();
	struct err e;
	sqlite3_stmt *st;
	char **v;
	size_t n;

	(void)state;
	err_clear(&e);
	st = db_stmt(db,
		     "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 40)"
		     " SELECT '第' || i || '户', CASE WHEN i % 2 THEN NULL ELSE i END FROM k",
		     &e);
	assert_non_null(st);
	assert_int_equal(sql_collect_texts(db, st, 2, NULL, "reading", &v, &n, &e), 0);
	sqlite3_reset(st);
	assert_int_equal(n, 80);
	assert_string_equal(v[0], "第1户");
	assert_null(v[1]);
	assert_string_equal(v[78], "第40户");
	assert_string_equal(v[79], "40");
	xfree_strv(v, n);
	assert_int_equal(sql_collect_texts(db, st, 2, "", "reading", &v, &n, &e), 0);
	sqlite3_reset(st);
	assert_string_equal(v[1], "");
	xfree_strv(v, n);
	st = db_stmt(db, "SELECT 'a' UNION ALL SELECT abs(-9223372036854775807 - 1)", &e);
	assert_non_null(st);
	assert_int_equal(sql_collect_texts(db, st, 1, "", "counting", &v, &n, &e), -1);
	sqlite3_reset(st);
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "a");
	assert_non_null(strstr(e.msg, "counting"));
	xfree_strv(v, n);
	db_close(&db);
}

/* A grid's and a staff member's look-up-or-insert refuse an empty name
 * and one over the column's limit on the field of the form that gave it
 * (record_name_check), and insert a good one once. */
static void test_ensure_names_checked(void **state)
{
	char long_name[256];
	struct err e;
	struct db *db;
	long long id;

	(void)state;
	db = dbfix_open("幸福里社区");
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = 0;
	err_clear(&e);
	assert_int_equal(db_grid_ensure(db, "", &e), -1);
	assert_string_equal(e.field, "grid");
	assert_string_equal(e.msg, "a grid name is required");
	err_clear(&e);
	assert_int_equal(db_grid_ensure(db, long_name, &e), -1);
	assert_string_equal(e.field, "grid");
	err_clear(&e);
	assert_int_equal(db_staff_ensure(db, NULL, NULL, &e), -1);
	assert_string_equal(e.field, "staff");
	assert_string_equal(e.msg, "a staff name is required");
	err_clear(&e);
	assert_int_equal(db_staff_ensure(db, long_name, NULL, &e), -1);
	assert_string_equal(e.field, "staff");
	id = db_grid_ensure(db, "一网格", &e);
	assert_true(id > 0);
	assert_int_equal(db_grid_ensure(db, "一网格", &e), id);
	id = db_staff_ensure(db, "李四", NULL, &e);
	assert_true(id > 0);
	assert_int_equal(db_staff_ensure(db, "李四", "volunteer", &e), id);
	db_close(&db);
}

/* A household is found by its code (rowdesc_find's text :key) with or
 * without its joined columns, and by its id, as the same record; an unknown
 * code is 0 and leaves the record as initialised. */
static void test_household_found_by_code_and_id(void **state)
{
	struct household h = {.grid_id = -1}, a, b, c;
	struct err e;
	struct db *db;

	(void)state;
	db = dbfix_open("幸福里社区");
	h.code = "3-2-101";
	h.notes = "东单元";
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	assert_int_equal(db_household_find_code(db, "3-2-101", &a, &e), 1);
	assert_int_equal(db_household_lookup_code(db, "3-2-101", &b, &e), 1);
	assert_int_equal(db_household_get(db, h.id, &c, &e), 1);
	assert_int_equal(a.id, h.id);
	assert_int_equal(b.id, h.id);
	assert_string_equal(a.uuid, c.uuid);
	assert_string_equal(b.notes, "东单元");
	model_household_clear(&a);
	model_household_clear(&b);
	model_household_clear(&c);
	assert_int_equal(db_household_find_code(db, "9-9-999", &a, &e), 0);
	assert_int_equal(a.id, -1);
	model_household_clear(&a);
	db_close(&db);
}

/* A household without a code and a resident without a name are refused on
 * that field (record_text_given), and nothing is written. */
static void test_required_texts(void **state)
{
	struct household h = {.grid_id = -1, .code = ""};
	struct resident r = {.household_id = -1};
	struct err e;
	struct db *db;

	(void)state;
	db = dbfix_open("幸福里社区");
	err_clear(&e);
	assert_int_equal(db_household_insert(db, &h, &e), -1);
	assert_string_equal(e.field, "code");
	assert_string_equal(e.msg, "the household code is required");
	h.code = "1-1-101";
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	r.household_id = h.id;
	err_clear(&e);
	assert_int_equal(db_resident_insert(db, &r, &e), -1);
	assert_string_equal(e.field, "name");
	assert_string_equal(e.msg, "the resident's name is required");
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM residents", &e), 0);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrations_set_version),
		cmocka_unit_test(test_newer_schema_refused_untouched),
		cmocka_unit_test(test_not_a_database),
		cmocka_unit_test(test_household_natural_order_and_audit),
		cmocka_unit_test(test_resident_crud_soft_delete),
		cmocka_unit_test(test_rollback_discards_audit),
		cmocka_unit_test(test_inner_rollback_keeps_outer),
		cmocka_unit_test(test_inner_failure_returns_error),
	    cmocka_unit_test(test_failed_commit_closes_one_level),
		cmocka_unit_test(test_collect_texts),
		cmocka_unit_test(test_ensure_names_checked),
		cmocka_unit_test(test_household_found_by_code_and_id),
		cmocka_unit_test(test_required_texts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
