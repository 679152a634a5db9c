/* Unit tests of core/limits and utf8_valid: every declared limit names a real
 * TEXT column of the schema, values are counted in characters (a Chinese
 * character is one, not three), a value over its limit is refused naming the
 * field and the limit, the db write functions refuse it without writing, and
 * malformed UTF-8 (a character cut in the middle) is told from valid text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/limits.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/settings.h"
#include "db/sql.h"
#include "dbfix.h"

static char *rep(const char *s, int n)
{
	struct strbuf b = STRBUF_INIT;

	for (int i = 0; i < n; i++)
		strbuf_puts(&b, s);
	return strbuf_detach(&b);
}

static struct db *open_db(void)
{
	struct db *db = NULL;
	struct err e;

	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	db = dbfix_open("幸福里社区");
	return db;
}

/* A limit on a column that does not exist would never be checked by `check`
 * and would mislead the forms: each must be a TEXT column of its table. */
static void test_every_limit_is_a_text_column(void **state)
{
	struct db *db = open_db();
	int n = 0;

	(void)state;
	for (const struct text_limit *l = text_limits; l->table; l++, n++) {
		char *sql = xasprintf("SELECT count(*) FROM pragma_table_info('%s')"
				      " WHERE name = '%s' AND type = 'TEXT'",
				      l->table, l->column);

		if (sql_scalar(db, sql, NULL) != 1)
			fail_msg("%s.%s is not a TEXT column", l->table, l->column);
		free(sql);
		assert_true(l->max_chars > 0);
		assert_non_null(l->label);
		assert_ptr_equal(limits_find(l->table, l->column), l);
	}
	assert_true(n > 30);
	/* at least what the import always took: codes 64, names 100, notes 4000 */
	assert_true(limits_max("households", "code") >= 64);
	assert_true(limits_max("residents", "name") >= 100);
	assert_true(limits_max("residents", "notes") >= 4000);
	assert_true(limits_max("households", "address") >= 200);
	assert_int_equal(limits_max("households", "sort_key"), 0);
	assert_null(limits_find("nowhere", "code"));
	db_close(&db);
}

static void test_check_counts_characters(void **state)
{
	char *code64 = rep("号", 64), *code65 = rep("号", 65);
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(limits_chars(code64), 64);
	assert_int_equal(limits_chars(""), 0);
	assert_int_equal(limits_chars(NULL), 0);
	assert_int_equal(limits_check("households", "code", code64, &e), 0);
	assert_int_equal(limits_check("households", "code", NULL, &e), 0);
	assert_int_equal(limits_check("households", "code", code65, &e), -1);
	assert_string_equal(e.field, "code");
	assert_string_equal(e.msg, "Household code is too long: 65 characters; it holds at most 64");
	err_clear(&e);
	assert_int_equal(limits_check_row("households", &e, "room", "501", "code", code65,
					  "notes", "x", (const char *)NULL),
			 -1);
	assert_string_equal(e.field, "code");
	err_clear(&e);
	assert_int_equal(limits_check_row("households", &e, "room", "501", "code", code64,
					  (const char *)NULL),
			 0);
	free(code64);
	free(code65);
}

/* The db write refuses a value over its limit and writes nothing. */
static void test_db_refuses_over_limit(void **state)
{
	struct db *db = open_db();
	char *code = rep("号", 65), *notes = rep("注", 4001);
	struct household h = {.grid_id = -1, .code = code};
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_household_insert(db, &h, &e), -1);
	assert_string_equal(e.field, "code");
	h.code = "1-1-101";
	h.notes = notes;
	err_clear(&e);
	assert_int_equal(db_household_insert(db, &h, &e), -1);
	assert_string_equal(e.field, "notes");
	assert_non_null(strstr(e.msg, "at most 4000"));
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM households", NULL), 0);
	notes[strlen(notes) - 3] = '\0'; /* 4000: taken whole */
	err_clear(&e);
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	assert_int_equal(sql_scalar(db, "SELECT length(notes) FROM households", NULL), 4000);
	free(code);
	free(notes);
	db_close(&db);
}

static void test_utf8_valid(void **state)
{
	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("方舱医院 abc", strlen("方舱医院 abc")));
	assert_true(utf8_valid("\xEF\xBF\xBD", 3));		 /* U+FFFD itself */
	assert_true(utf8_valid("\xF0\x9F\x98\x80", 4));	 /* outside the BMP */
	assert_false(utf8_valid("\xE6\x96", 2));		 /* 方 cut after 2 bytes */
	assert_false(utf8_valid("\xE6\x96\xB9\xE9", 4));	 /* a lone lead byte at the end */
	assert_false(utf8_valid("ab\0cd", 5));			 /* a NUL inside */
	assert_false(utf8_valid("\xC0\x80", 2));		 /* overlong */
	assert_false(utf8_valid("\xED\xA0\x80", 3));		 /* a surrogate */
	assert_false(utf8_valid("\xFF", 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_limit_is_a_text_column),
	    cmocka_unit_test(test_check_counts_characters),
	    cmocka_unit_test(test_db_refuses_over_limit),
	    cmocka_unit_test(test_utf8_valid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
