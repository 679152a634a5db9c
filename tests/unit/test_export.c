/* Unit tests of core/export (value formatting, the catalogue) and db/export
 * (a query behind every column; streaming in order on an in-memory
 * database). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/export.h"
#include "db/db.h"
#include "db/export.h"
#include "db/sql.h"

static const struct export_style codes = {0, 0}, zh = {1, 0}, full = {0, 1};

static void fmt_is(const char *dataset, const char *column, const char *raw,
		   const struct export_style *st, const char *want)
{
	const struct export_dataset *ds = export_dataset_find(dataset);
	char buf[EXPORT_VALUE_MAX];
	const char *got;
	size_t n;
	int i;

	assert_non_null(ds);
	i = export_column_find(ds, column);
	if (i < 0)
		fail_msg("no column %s in %s", column, dataset);
	got = export_format_value(&ds->cols[i], raw, raw ? strlen(raw) : 0, st, buf, sizeof buf, &n);
	assert_int_equal(n, strlen(want));
	if (memcmp(got, want, n))
		fail_msg("%s.%s %s: got %.*s, wanted %s", dataset, column, raw ? raw : "NULL", (int)n,
			 got, want);
}

static void test_units(void **state)
{
	(void)state;
	fmt_is("readings", "temperature", "365", &codes, "36.5");
	fmt_is("readings", "temperature", "370", &codes, "37.0");
	fmt_is("readings", "temperature", NULL, &codes, "");
	fmt_is("donations", "amount", "123450", &codes, "1234.50");
	fmt_is("donations", "amount", "5", &codes, "0.05");
	fmt_is("donations", "amount", "0", &codes, "0.00");
	fmt_is("distributions", "quantity", "1250", &codes, "12.5");
	fmt_is("distributions", "quantity", "1225", &codes, "12.25");
	fmt_is("distributions", "quantity", "20000", &codes, "200");
	fmt_is("distributions", "quantity", "7", &codes, "0.07");
	/* Something that is not a number is written as stored. */
	fmt_is("readings", "temperature", "abc", &codes, "abc");
}

static void test_labels(void **state)
{
	(void)state;
	fmt_is("residents", "sex", "M", &codes, "M");
	fmt_is("residents", "sex", "F", &zh, "女");
	fmt_is("residents", "relation", "head", &zh, "户主");
	fmt_is("residents", "tags", "elderly_alone,chronic", &codes, "elderly_alone,chronic");
	fmt_is("residents", "tags", "elderly_alone,chronic", &zh, "独居老人、慢性病");
	fmt_is("residents", "tags", "", &zh, "");
	fmt_is("readings", "symptoms", "cough,mystery", &zh, "咳嗽、mystery");
	fmt_is("isolations", "state", "active", &zh, "隔离中");
	fmt_is("isolations", "kind", "unknown_kind", &zh, "unknown_kind");
	fmt_is("checks", "late", "1", &zh, "是");
	fmt_is("checks", "late", "0", &zh, "否");
	fmt_is("checks", "late", "1", &codes, "1");
}

static void test_masking(void **state)
{
	(void)state;
	fmt_is("residents", "id_number", "411202198503121232", &codes, "411202********1232");
	fmt_is("residents", "id_number", "411202198503121232", &zh, "411202********1232");
	fmt_is("residents", "id_number", "411202198503121232", &full, "411202198503121232");
	fmt_is("residents", "phone", "13812345678", &codes, "138****5678");
	fmt_is("residents", "phone", "13812345678", &full, "13812345678");
	fmt_is("residents", "household_phone", "13812345678", &codes, "138****5678");
	fmt_is("shifts", "staff_phone", "13812345678", &codes, "138****5678");
	fmt_is("residents", "id_number", NULL, &codes, "");
}

static void test_catalogue(void **state)
{
	const struct export_dataset *ds;
	struct err e = {0};
	int n;

	(void)state;
	ds = export_datasets(&n);
	assert_int_equal(n, 14); /* ... expenditures, ..., pass_events, followups, visitors, daily */
	assert_null(export_dataset_find("people"));
	for (int i = 0; i < n; i++) {
		int defaults = 0;

		for (int c = 0; c < ds[i].ncols; c++) {
			defaults += ds[i].cols[c].in_default;
			/* Names are unique within a dataset. */
			assert_int_equal(export_column_find(&ds[i], ds[i].cols[c].name), c);
			if (ds[i].cols[c].type == EXPORT_ENUM || ds[i].cols[c].type == EXPORT_CODES)
				assert_non_null(ds[i].cols[c].table);
		}
		assert_true(defaults > 0);
	}
	if (!db_export_complete(&e))
		fail_msg("%s", e.msg);
}

struct collect {
	char text[4096];
	int rows;
};

static int collect_row(void *ctx, const char *const *vals, const size_t *lens)
{
	struct collect *c = ctx;
	size_t len = strlen(c->text);

	snprintf(c->text + len, sizeof c->text - len, "%.*s|%.*s;", (int)(vals[0] ? lens[0] : 4),
		 vals[0] ? vals[0] : "NULL", (int)(vals[1] ? lens[1] : 4), vals[1] ? vals[1] : "NULL");
	c->rows++;
	return 0;
}

static int stop_after_one(void *ctx, const char *const *vals, const size_t *lens)
{
	(void)vals;
	(void)lens;
	return ++((struct collect *)ctx)->rows >= 1;
}

/* Households stream in natural code order and soft-deleted ones are left
 * out; counting agrees; an early stop stops. */
static void test_db_stream(void **state)
{
	struct db *db = NULL;
	struct err e = {0};
	const struct export_dataset *ds = export_dataset_find("households");
	int cols[2] = {export_column_find(ds, "code"), export_column_find(ds, "compound")};
	struct db_export_query q = {ds, cols, 2, NULL, NULL, "2020-02-15"};
	struct collect c = {{0}, 0};

	(void)state;
	assert_int_equal(db_open(&db, "", DB_OPEN_MEMORY, &e), 0);
	assert_int_equal(db_exec(db,
				      "INSERT INTO households(uuid, created_at, updated_at, deleted_at, code, sort_key, compound) VALUES"
				      " ('a', 'x', 'x', NULL, '3-10-101', '0003-0010-0101', '幸福里'),"
				      " ('b', 'x', 'x', NULL, '3-2-501', '0003-0002-0501', NULL),"
				      " ('c', 'x', 'x', 'y', '1-1-1', '0001-0001-0001', 'gone')",
				      &e),
			 0);
	assert_int_equal(db_export_run(db, &q, collect_row, &c, &e), 2);
	assert_string_equal(c.text, "3-2-501|NULL;3-10-101|幸福里;");
	assert_int_equal(db_export_count(db, &q, &e), 2);
	c.rows = 0;
	assert_int_equal(db_export_run(db, &q, stop_after_one, &c, &e), 1);
	/* Households have no date. */
	q.from = "2020-01-01";
	assert_int_equal(db_export_run(db, &q, collect_row, &c, &e), -1);
	assert_non_null(strstr(e.msg, "no date"));
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),      cmocka_unit_test(test_labels),
		cmocka_unit_test(test_masking),    cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_db_stream),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
