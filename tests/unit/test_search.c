/* Unit tests of db/search: the Households list in natural order by keyset,
 * forwards and backwards; the filter by code prefix, name, pinyin initials,
 * ID and phone tails, short (filed as terms) and long (a range); the index
 * following inserts, edits of names, ID numbers and phones, moves, deletes,
 * a change written behind doorstep's back (as from the sqlite3 shell) and a
 * roster import; and no full scan or sort on the hot path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/model.h"
#include "core/roster.h"
#include "core/roster_headers.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/residents.h"
#include "db/roster.h"
#include "db/search.h"
#include "db/sql.h"

static struct db *db;

static long long add_household(const char *code, const char *phone)
{
	struct household h;
	struct err e;
	long long id;

	model_household_init(&h);
	err_clear(&e);
	h.code = xstrdup(code);
	h.phone = phone ? xstrdup(phone) : NULL;
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	id = h.id;
	model_household_clear(&h);
	return id;
}

static long long add_resident(long long hid, const char *name, const char *relation,
			      const char *id_number, const char *phone)
{
	struct resident r;
	struct err e;
	long long id;

	model_resident_init(&r);
	err_clear(&e);
	r.household_id = hid;
	r.name = xstrdup(name);
	r.relation = xstrdup(relation);
	r.id_number = id_number ? xstrdup(id_number) : NULL;
	r.phone = phone ? xstrdup(phone) : NULL;
	if (db_resident_insert(db, &r, &e) < 0)
		fail_msg("%s", e.msg);
	id = r.id;
	model_resident_clear(&r);
	return id;
}

/* The codes of a page, joined by spaces. */
static char *page(const char *query, const struct search_row *anchor, int dir, int n,
		  struct search_row *keep)
{
	struct search_row rows[64];
	struct err e;
	char buf[1024] = "";
	int got;

	err_clear(&e);
	got = db_search_page(db, query, anchor, dir, n, rows, &e);
	if (got < 0)
		fail_msg("%s", e.msg);
	for (int i = 0; i < got; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, rows[i].h.code);
		if (keep && i == got - 1) {
			*keep = rows[i];
			continue;
		}
		db_search_row_clear(&rows[i]);
	}
	return xstrdup(buf);
}

static void check(const char *query, const char *want)
{
	char *got = page(query, NULL, 1, 50, NULL);

	if (strcmp(got, want))
		fail_msg("filter \"%s\": got \"%s\", want \"%s\"", query, got, want);
	free(got);
}

static long long h1, h2, h3, h4, r_zs, r_wxm;

static int setup(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	h3 = add_household("12-1-101", NULL);
	h2 = add_household("3-10-101", NULL);
	h1 = add_household("3-2-501", "13812345678");
	h4 = add_household("高河村3组12号", NULL);
	r_zs = add_resident(h1, "张三", "head", "110101199003074514", "13900001111");
	add_resident(h1, "李四", "spouse", NULL, NULL);
	r_wxm = add_resident(h2, "王小明", "head", NULL, "0398-2812345");
	add_resident(h3, "长江", "head", "11010119900307303X", NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_close(&db);
	return 0;
}

static void test_whole_list_natural_order(void **state)
{
	struct search_row last = {0}, first = {0};
	char *s;

	(void)state;
	check(NULL, "3-2-501 3-10-101 12-1-101 高河村3组12号");
	check("  ", "3-2-501 3-10-101 12-1-101 高河村3组12号");
	s = page(NULL, NULL, 1, 2, &last);
	assert_string_equal(s, "3-2-501 3-10-101");
	free(s);
	s = page(NULL, &last, 1, 2, NULL);
	assert_string_equal(s, "12-1-101 高河村3组12号");
	free(s);
	s = page(NULL, &last, -1, 5, NULL);
	assert_string_equal(s, "3-2-501"); /* before, nearest first */
	free(s);
	s = page(NULL, NULL, -1, 3, &first);
	assert_string_equal(s, "高河村3组12号 12-1-101 3-10-101");
	free(s);
	db_search_row_clear(&last);
	db_search_row_clear(&first);
}

static void test_row_columns(void **state)
{
	struct search_row rows[4];
	struct err e;
	int n;

	(void)state;
	err_clear(&e);
	n = db_search_page(db, "zs", NULL, 1, 4, rows, &e);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].h.code, "3-2-501");
	assert_string_equal(rows[0].h.head_name, "张三");
	assert_int_equal(rows[0].h.resident_count, 2);
	assert_string_equal(rows[0].h.phone, "13812345678");
	assert_non_null(rows[0].sort_key);
	db_search_row_clear(&rows[0]);
	assert_null(rows[0].sort_key);
}

static void test_filters(void **state)
{
	(void)state;
	check("zs", "3-2-501");
	check("ZS", "3-2-501");
	check("ｚｓ", "3-2-501");
	check("wxm", "3-10-101");
	check("xm", "3-10-101");
	check("小明", "3-10-101");
	check("张", "3-2-501");
	check("cj", "12-1-101"); /* 长 as cháng */
	check("zj", "12-1-101"); /* 长 as zhǎng */
	check("3-", "3-2-501 3-10-101");
	check("3-1", "3-10-101");
	check("12", "12-1-101");
	check("高河", "高河村3组12号");
	check("4514", "3-2-501");   /* ID number tail */
	check("303x", "12-1-101");  /* ID tail with a lower-case x */
	check("1111", "3-2-501");   /* phone tail */
	check("2345", "3-10-101");  /* landline tail */
	check("101", "");	    /* a tail of nothing, not a code prefix */
	check("074514", "3-2-501"); /* longer than a filed tail: the range */
	check("9003074514", "3-2-501");
	check("12345", "3-10-101"); /* a landline's long tail */
	check("82812345", "3-10-101");
	check("qqq", "");
	check("z", "3-2-501 12-1-101"); /* 张 and 长 (zhǎng) */
}

/* Sets resident id's ID number and phone through db/residents. */
static void renumber(long long id, const char *id_number, const char *phone)
{
	struct resident r;
	struct err e;

	err_clear(&e);
	assert_int_equal(db_resident_get(db, id, &r, &e), 1);
	free(r.id_number);
	free(r.phone);
	r.id_number = xstrdup(id_number);
	r.phone = xstrdup(phone);
	if (db_resident_update(db, &r, &e) < 0)
		fail_msg("%s", e.msg);
	model_resident_clear(&r);
}

/* An edit of an ID number or a phone refiles the household: the new
 * tails find it at the next keystroke, the old ones no longer do. */
static void test_tails_follow_edits(void **state)
{
	long long id = sql_scalar(db, "SELECT id FROM residents WHERE name = '长江'", NULL);
	struct err e;

	(void)state;
	err_clear(&e);
	renumber(id, "110101199003078654", "13655554321");
	check("8654", "12-1-101");
	check("078654", "12-1-101");
	check("4321", "12-1-101");
	check("303x", "");
	check("7303x", "");
	assert_int_equal(db_search_count(db, "8654", 100, &e), 1);
	assert_int_equal(db_search_count(db, "303x", 100, &e), 0);
	/* Behind doorstep's back: the trigger queues the household. */
	assert_int_equal(
	    db_exec(db, "UPDATE residents SET phone = '13655556789' WHERE name = '长江'", &e), 0);
	check("6789", "12-1-101");
	check("4321", "");
	renumber(id, "11010119900307303X", "");
	check("303x", "12-1-101");
	check("8654", "");
	check("6789", "");
}

/* Residents an import brings in are found by their tails (filed and
 * ranged), names and codes as soon as the import returns: the import
 * leaves its households queued (committed with its rows), and the filter
 * finds them on their rows until they are filed; a dry run queues
 * nothing. */
static void test_tails_after_import(void **state)
{
	static const char csv[] = "户号,姓名,性别,身份证号,联系电话,与户主关系\n"
				  "9-9-909,赵敏,男,440301198506123771,13712349876,户主\n";
	static const char dry[] = "户号,姓名,性别,身份证号,联系电话,与户主关系\n"
				  "9-9-910,钱多,男,110101199003078654,13712340000,户主\n";
	static const struct date today = {2020, 2, 15};
	struct roster_headers *headers = NULL;
	struct roster_counts c;
	struct roster *r;
	struct err e;

	(void)state;
	err_clear(&e);
	if (roster_headers_load("data/roster_headers.txt", &headers, &e) < 0)
		fail_msg("%s", e.msg);
	r = roster_new(headers, &today);
	assert_int_equal(roster_read(r, dry, strlen(dry)), 0);
	if (db_roster_apply(db, r, "dry.csv", 1, NULL, NULL, &c, &e) < 0)
		fail_msg("%s", e.msg);
	roster_counts_clear(&c);
	roster_free(&r);
	check("0000", "");
	check("qd", "");
	r = roster_new(headers, &today);
	assert_int_equal(roster_read(r, csv, strlen(csv)), 0);
	if (db_roster_apply(db, r, "new.csv", 0, NULL, NULL, &c, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(c.residents_new, 1);
	roster_counts_clear(&c);
	roster_free(&r);
	roster_headers_free(&headers);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM search_dirty", &e), 1);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM search_docs d JOIN households h"
					" ON h.id = d.household_id WHERE h.code = '9-9-909'",
				    &e),
			 0);
	check("3771", "9-9-909");
	check("123771", "9-9-909");
	check("9876", "9-9-909");
	check("12349876", "9-9-909");
	check("zm", "9-9-909");
	check("9-9", "9-9-909");
}

static void test_paging_with_filter(void **state)
{
	struct search_row last = {0};
	char *s;

	(void)state;
	s = page("3", NULL, 1, 1, &last);
	assert_string_equal(s, "3-2-501");
	free(s);
	s = page("3", &last, 1, 5, NULL);
	assert_string_equal(s, "3-10-101");
	free(s);
	db_search_row_clear(&last);
}

static void test_follows_changes(void **state)
{
	struct resident r;
	struct household h;
	struct err e;
	char sql[256];

	(void)state;
	err_clear(&e);
	/* Rename through db/. */
	assert_int_equal(db_resident_get(db, r_wxm, &r, &e), 1);
	free(r.name);
	r.name = xstrdup("王大明");
	assert_int_equal(db_resident_update(db, &r, &e), 1);
	model_resident_clear(&r);
	check("xm", "");
	check("wdm", "3-10-101");
	/* Move 张三 to 12-1-101. */
	assert_int_equal(db_resident_move(db, r_zs, h3, &e), 0);
	check("zs", "12-1-101");
	/* Delete him. */
	assert_int_equal(db_resident_delete(db, r_zs, &e), 1);
	check("zs", "");
	check("4514", "");
	/* A new code. */
	assert_int_equal(db_household_get(db, h2, &h, &e), 1);
	free(h.code);
	h.code = xstrdup("3-2-502");
	assert_int_equal(db_household_update(db, &h, &e), 1);
	model_household_clear(&h);
	check("3-2", "3-2-501 3-2-502");
	check(NULL, "3-2-501 3-2-502 12-1-101 高河村3组12号");
	/* Behind doorstep's back, as from the sqlite3 shell. */
	snprintf(sql, sizeof sql, "UPDATE residents SET name = '赵六' WHERE id = %lld", r_wxm);
	assert_int_equal(db_exec(db, sql, &e), 0);
	check("zl", "3-2-502");
	/* A deleted household is not listed. */
	assert_int_equal(db_household_delete(db, h4, &e), 1);
	check("高河", "");
	check(NULL, "3-2-501 3-2-502 12-1-101");
	assert_int_equal(db_search_count(db, NULL, 100, &e), 3);
	assert_int_equal(db_search_count(db, "3-2", 100, &e), 2);
	assert_int_equal(db_search_count(db, "3-2", 1, &e), 1);
	/* What a household was filed under, damaged by hand: its refiling
	 * does not fail the search, and a rebuild files it again. */
	snprintf(sql, sizeof sql,
		 "UPDATE search_docs SET terms = 'not a list' WHERE household_id = %lld;"
		 " UPDATE residents SET name = '钱七' WHERE id = %lld",
		 h2, r_wxm);
	assert_int_equal(db_exec(db, sql, &e), 0);
	check("qq", "3-2-502");
	/* A rebuild files the same terms, and no stale one. */
	assert_int_equal(db_search_rebuild(db, &e), 0);
	check("zl", "");
	check("qq", "3-2-502");
	assert_int_equal(
	    sql_scalar(db, "SELECT count(*) FROM search_terms WHERE term = 'zl'", &e), 0);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM search_dirty", &e), 0);
}

/* Every statement the filter ran: no full scan, and no sort except in the
 * tail stream (whose candidates are few: ≥ 3 digits of a number's end). */
static void test_no_full_scan(void **state)
{
	sqlite3 *h = db_handle(db);
	sqlite3_stmt *st = NULL;
	int seen = 0;

	(void)state;
	check("zs", "");
	check("3-2", "3-2-501 3-2-502");
	check("1234", "");
	check("54321", "");
	check(NULL, "3-2-501 3-2-502 12-1-101");
	while ((st = sqlite3_next_stmt(h, st))) {
		const char *sql = sqlite3_sql(st);

		if (!strstr(sql, "search_terms WHERE term") && !strstr(sql, "(sort_key, id) >") &&
		    !strstr(sql, "id_rev >="))
			continue;
		seen++;
		if (sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0))
			fail_msg("full scan in: %s", sql);
		if (!strstr(sql, "id_rev >=") && sqlite3_stmt_status(st, SQLITE_STMTSTATUS_SORT, 0))
			fail_msg("sort in: %s", sql);
	}
	assert_true(seen >= 3);
}

/* The filter's answer to query q: its count, its first page and its last
 * page (backwards), as one string. */
static char *answer(const char *q)
{
	char *fwd = page(q, NULL, 1, 40, NULL), *back = page(q, NULL, -1, 40, NULL), *all;
	struct err e;

	err_clear(&e);
	all = xasprintf("%lld | %s | %s", db_search_count(db, q, 1000000, &e), fwd, back);
	free(fwd);
	free(back);
	return all;
}

static const char *const import_queries[] = {
    "王", "王伟", "伟芳", "ww", "lfn", "zj", "cj", "swk", "qq", "0123", "9999", "2999",
    "000123", "2812999", "4112", "1-", "2-3", "1-1-1", "12-", "甲", "3-2", "x", "ab", "ＡＢ", NULL,
};

static char **answers(void)
{
	char **a = xcalloc(sizeof import_queries / sizeof *import_queries, sizeof *a);

	for (size_t i = 0; import_queries[i]; i++)
		a[i] = answer(import_queries[i]);
	return a;
}

static void answers_equal(char **want, char **got, const char *when)
{
	for (size_t i = 0; import_queries[i]; i++) {
		if (strcmp(want[i], got[i]))
			fail_msg("%s, \"%s\": got \"%s\", want \"%s\"", when, import_queries[i],
				 got[i], want[i]);
		free(got[i]);
	}
	free(got);
}

/* A roster of 3,000 residents (1,000 households, more than a slice of the
 * idle refiling) is imported and left queued: the filter finds them at
 * once on their rows, by name, initials, ID and phone tails and code,
 * leaves a queued household's stale terms aside, and gives the same
 * answers after db_search_idle has filed the queue slice by slice, which
 * files exactly what a full rebuild files. */
static void test_import_queue(void **state)
{
	static const struct date today = {2020, 2, 15};
	struct roster_headers *headers = NULL;
	struct roster_counts c;
	struct roster *r;
	struct strbuf csv = STRBUF_INIT;
	char buf[4096], sql[256], **before;
	long long queued, left, hid;
	size_t n;
	FILE *f = popen("awk -v n=3000 -f tests/bench/gen_roster.awk", "r");
	struct err e;
	int slices = 0, rc;

	(void)state;
	err_clear(&e);
	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&csv, buf, n);
	assert_int_equal(pclose(f), 0);
	if (roster_headers_load("data/roster_headers.txt", &headers, &e) < 0)
		fail_msg("%s", e.msg);
	r = roster_new(headers, &today);
	assert_int_equal(roster_read(r, strbuf_str(&csv), csv.len), 0);
	if (db_roster_apply(db, r, "big.csv", 0, NULL, NULL, &c, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(c.residents_new, 3000);
	roster_counts_clear(&c);
	roster_free(&r);
	roster_headers_free(&headers);
	strbuf_free(&csv);
	/* Written after the import, queued by the triggers: a household with a
	 * phone and polyphones, and a filed resident renamed (stale terms). */
	hid = add_household("甲-1", "0398-2812999");
	add_resident(hid, "长江", "head", NULL, NULL);
	add_resident(hid, "ＡＢ Smith", "child", NULL, NULL);
	snprintf(sql, sizeof sql, "UPDATE residents SET name = '孙悟空' WHERE id = %lld", r_wxm);
	assert_int_equal(db_exec(db, sql, &e), 0);
	queued = sql_scalar(db, "SELECT count(*) FROM search_dirty", &e);
	assert_true(queued >= 1000);
	before = answers();
	/* Nothing was filed by the keystrokes: the answers came from the rows. */
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM search_dirty", &e), queued);
	check("swk", "3-2-502");
	assert_null(strstr(before[8], "3-2-502")); /* qq: 钱七 was renamed */
	check("甲", "甲-1");
	check("2812999", "甲-1");
	check("ab", "甲-1");
	check("ＡＢ s", "甲-1");
	assert_non_null(strstr(before[5], "甲-1")); /* zj: 长江 */
	assert_non_null(strstr(before[6], "甲-1")); /* cj */
	/* One imported resident, by the tails of the ID number and phone. */
	{
		char *idn = NULL, *ph = NULL, *code = NULL, *tail;
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(db_handle(db),
						    "SELECT r.id_number, r.phone, h.code FROM residents r"
						    " JOIN households h ON h.id = r.household_id"
						    " WHERE r.name LIKE '赵%' ORDER BY r.id DESC LIMIT 1",
						    -1, &st, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		idn = xstrdup((const char *)sqlite3_column_text(st, 0));
		ph = xstrdup((const char *)sqlite3_column_text(st, 1));
		code = xstrdup((const char *)sqlite3_column_text(st, 2));
		sqlite3_finalize(st);
		assert_int_equal(sql_scalar(db, "SELECT count(*) FROM search_dirty", &e), queued);
		for (size_t k = 4; k <= 7; k += 3) {
			tail = answer(idn + strlen(idn) - k);
			if (!strstr(tail, code))
				fail_msg("ID tail %s: %s, not %s", idn + strlen(idn) - k, tail, code);
			free(tail);
			tail = answer(ph + strlen(ph) - k);
			if (!strstr(tail, code))
				fail_msg("phone tail %s: %s, not %s", ph + strlen(ph) - k, tail, code);
			free(tail);
		}
		free(idn);
		free(ph);
		free(code);
	}
	assert_true(strstr(before[0], "1-1-101") != NULL);	     /* 王 */
	assert_false(strncmp(before[9], "0 |", 3) == 0);	     /* 0123 */
	assert_false(strncmp(before[12], "0 |", 3) == 0);	     /* 000123 */
	/* The idle refiling: bounded slices until the queue is empty. */
	while ((rc = db_search_idle(db, &e)) == 0) {
		left = sql_scalar(db, "SELECT count(*) FROM search_dirty", &e);
		assert_true(left > 0 && left < queued);
		queued = left;
		slices++;
	}
	assert_int_equal(rc, 1);
	assert_true(slices >= 1);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM search_dirty", &e), 0);
	answers_equal(before, answers(), "after the idle refiling");
	/* What the slices filed is what a rebuild files. */
	assert_int_equal(db_exec(db,
				 "CREATE TEMP TABLE idx AS SELECT term, sort_key, household_id"
				 " FROM search_terms; CREATE TEMP TABLE docs AS SELECT * FROM search_docs",
				 &e),
			 0);
	assert_int_equal(db_search_rebuild(db, &e), 0);
	assert_int_equal(sql_scalar(db,
				    "SELECT (SELECT count(*) FROM (SELECT * FROM temp.idx EXCEPT"
				    " SELECT term, sort_key, household_id FROM search_terms))"
				    " + (SELECT count(*) FROM (SELECT term, sort_key, household_id"
				    " FROM search_terms EXCEPT SELECT * FROM temp.idx))"
				    " + (SELECT count(*) FROM (SELECT * FROM temp.docs EXCEPT"
				    " SELECT * FROM search_docs))"
				    " + (SELECT count(*) FROM search_docs) - (SELECT count(*) FROM temp.docs)",
				    &e),
			 0);
	assert_true(sql_scalar(db, "SELECT count(*) FROM temp.idx", &e) > 30000);
	answers_equal(before, answers(), "after a rebuild");
	for (size_t i = 0; import_queries[i]; i++)
		free(before[i]);
	free(before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_whole_list_natural_order),
	    cmocka_unit_test(test_row_columns),
	    cmocka_unit_test(test_filters),
	    cmocka_unit_test(test_tails_follow_edits),
	    cmocka_unit_test(test_paging_with_filter),
	    cmocka_unit_test(test_follows_changes),
	    cmocka_unit_test(test_no_full_scan),
	    cmocka_unit_test(test_tails_after_import),
	    cmocka_unit_test(test_import_queue),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
