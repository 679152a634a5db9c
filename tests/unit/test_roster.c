/* Unit tests of core/roster: header mapping through the synonym table, the
 * checks of each row, the checks across rows, and the fixtures of
 * tests/fixtures/roster read end to end (encoding, CSV, roster). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/encoding.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/roster.h"
#include "core/strbuf.h"
#include "core/textsafe.h"

#define FIXTURES "tests/fixtures/roster/"

static struct roster_headers *headers;
static const struct date today = {2020, 2, 15};

static int setup(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	if (roster_headers_load("data/roster_headers.txt", &headers, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	roster_headers_free(&headers);
	return 0;
}

static struct roster *read_text(const char *text)
{
	struct roster *r = roster_new(headers, &today);

	roster_read(r, text, strlen(text));
	return r;
}

static struct roster *read_fixture(const char *name)
{
	char path[256];
	struct strbuf raw = STRBUF_INIT;
	char buf[4096], *utf8;
	size_t n, len;
	FILE *f;
	struct err e;
	struct roster *r;

	snprintf(path, sizeof path, FIXTURES "%s", name);
	f = fopen(path, "rb");
	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&raw, buf, n);
	fclose(f);
	err_clear(&e);
	assert_int_equal(
	    encoding_to_utf8(strbuf_str(&raw), raw.len, ENCODING_AUTO, &utf8, &len, NULL, &e), 0);
	r = roster_new(headers, &today);
	roster_read(r, utf8, len);
	free(utf8);
	strbuf_free(&raw);
	return r;
}

/* All issues as "line:column:E|W;" for comparison. */
static char *issue_list(const struct roster *r)
{
	struct strbuf b = STRBUF_INIT;

	for (size_t i = 0; i < roster_issue_count(r); i++) {
		const struct roster_issue *is = roster_issue_at(r, i);

		strbuf_printf(&b, "%ld:%s:%c;", is->line, is->column,
			      is->severity == ROSTER_ERROR ? 'E' : 'W');
	}
	return strbuf_detach(&b);
}

static void expect_issues(const struct roster *r, const char *want)
{
	char *got = issue_list(r);

	if (strcmp(got, want)) {
		for (size_t i = 0; i < roster_issue_count(r); i++)
			fprintf(stderr, "  %ld: %s: %s\n", roster_issue_at(r, i)->line,
				roster_issue_at(r, i)->column, roster_issue_at(r, i)->message);
	}
	assert_string_equal(got, want);
	free(got);
}

static void test_title_key(void **state)
{
	char k[64];

	(void)state;
	roster_title_key("\xe3\x80\x80户\xe3\x80\x80号 ", k, sizeof k);
	assert_string_equal(k, "户号");
	roster_title_key("ＮＡＭＥ", k, sizeof k);
	assert_string_equal(k, "name");
	roster_title_key("ID_Number", k, sizeof k);
	assert_string_equal(k, "idnumber");
	roster_title_key("*姓名：", k, sizeof k);
	assert_string_equal(k, "姓名");
}

static void test_headers_lookup(void **state)
{
	(void)state;
	assert_int_equal(roster_headers_lookup(headers, "门牌号"), ROSTER_CODE);
	assert_int_equal(roster_headers_lookup(headers, "Code"), ROSTER_CODE);
	assert_int_equal(roster_headers_lookup(headers, "公民身份号码"), ROSTER_ID_NUMBER);
	assert_int_equal(roster_headers_lookup(headers, "id number"), ROSTER_ID_NUMBER);
	assert_int_equal(roster_headers_lookup(headers, "手机号"), ROSTER_PHONE);
	assert_int_equal(roster_headers_lookup(headers, " 与户主关系 "), ROSTER_RELATION);
	assert_int_equal(roster_headers_lookup(headers, "序号"), ROSTER_IGNORE);
	assert_int_equal(roster_headers_lookup(headers, "微信号"), -1);
	assert_int_equal(roster_headers_lookup(headers, ""), -1);
}

static void test_headers_parse_errors(void **state)
{
	struct roster_headers *h;
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(roster_headers_parse("# c\nname = 姓名\nnope = x\n", &h, &e), -1);
	assert_null(h);
	assert_int_equal(e.line, 3);
	assert_non_null(strstr(e.msg, "nope"));
	assert_int_equal(roster_headers_parse("name = 姓名\ncode = 姓 名\n", &h, &e), -1);
	assert_non_null(strstr(e.msg, "twice"));
	assert_int_equal(roster_headers_parse("name 姓名\n", &h, &e), -1);
	assert_int_equal(roster_headers_parse("name = 姓名 | Name X\n", &h, &e), 0);
	assert_int_equal(roster_headers_lookup(h, "namex"), ROSTER_NAME);
	roster_headers_free(&h);
	assert_null(h);
}

static void test_excel_fixture(void **state)
{
	struct roster *r = read_fixture("excel_utf8_bom_crlf.csv");

	(void)state;
	expect_issues(r, "");
	assert_int_equal(roster_row_count(r), 5);
	assert_int_equal(roster_household_count(r), 3);
	/* Rows 3 and 4 leave the household cells empty: they belong to 3-2-501. */
	assert_string_equal(roster_row_value(r, 1, ROSTER_CODE), "3-2-501");
	assert_string_equal(roster_row_value(r, 2, ROSTER_CODE), "3-2-501");
	assert_int_equal(roster_row_household(r, 2), 0);
	assert_string_equal(roster_household_value(r, 0, ROSTER_COMPOUND), "幸福小区");
	assert_string_equal(roster_household_value(r, 0, ROSTER_ROOM), "501");
	assert_string_equal(roster_row_value(r, 1, ROSTER_RELATION), "spouse");
	assert_string_equal(roster_row_value(r, 1, ROSTER_SEX), "F");
	assert_string_equal(roster_row_value(r, 1, ROSTER_NOTES), "高血压，每天服药");
	assert_string_equal(roster_row_value(r, 0, ROSTER_BIRTH_DATE), "1965-03-12");
	/* The blank row 5 is skipped: 王五 is on line 6. */
	assert_int_equal(roster_row_line(r, 3), 6);
	assert_string_equal(roster_row_value(r, 3, ROSTER_PHONE), "0398-2812345");
	/* Sex derived from the ID number when the cell is empty; phone groups joined. */
	assert_string_equal(roster_row_value(r, 4, ROSTER_SEX), "F");
	assert_string_equal(roster_row_value(r, 4, ROSTER_PHONE), "13812345679");
	assert_null(roster_row_value(r, 4, ROSTER_NOTES));
	/* 序号 is a known column that is not imported; the mapping shows it. */
	assert_int_equal(roster_column_field(r, 0), ROSTER_IGNORE);
	assert_int_equal(roster_field_column(r, ROSTER_NAME), 6);
	assert_string_equal(roster_column_title(r, 6), "姓名");
	roster_free(&r);
	assert_null(r);
}

static void test_english_reordered(void **state)
{
	struct roster *r = read_fixture("utf8_english_reordered.csv");

	(void)state;
	expect_issues(r, "");
	assert_int_equal(roster_row_count(r), 3);
	assert_int_equal(roster_household_count(r), 1);
	assert_string_equal(roster_row_value(r, 0, ROSTER_NAME), "Wang Fang");
	assert_string_equal(roster_row_value(r, 0, ROSTER_TAGS), "chronic");
	assert_string_equal(roster_row_value(r, 1, ROSTER_STATUS), "away");
	assert_string_equal(roster_row_value(r, 2, ROSTER_BIRTH_DATE), "2018-06-01");
	/* Compound given once, empty on the third row: taken from the household. */
	assert_string_equal(roster_household_value(r, 0, ROSTER_COMPOUND), "Riverside");
	roster_free(&r);
}

static void test_gb18030_fixture(void **state)
{
	struct roster *r = read_fixture("gb18030_excel.csv");

	(void)state;
	expect_issues(r, "");
	assert_int_equal(roster_row_count(r), 3);
	assert_string_equal(roster_row_value(r, 0, ROSTER_NAME), "王䶮");
	assert_string_equal(roster_row_value(r, 1, ROSTER_NAME), "李𠀀");
	assert_string_equal(roster_row_value(r, 2, ROSTER_NAME), "张𪚥");
	assert_string_equal(roster_row_value(r, 0, ROSTER_CODE), "高河村3组12号");
	roster_free(&r);
}

static void test_multiline_notes(void **state)
{
	struct roster *r = read_fixture("multiline_notes.csv");

	(void)state;
	expect_issues(r, "");
	assert_string_equal(roster_row_value(r, 0, ROSTER_NOTES),
			    "第一行，有逗号, 和 \"引号\"\n第二行\n\n第四行");
	assert_int_equal(roster_row_line(r, 1), 6);
	roster_free(&r);
}

static void test_fullwidth(void **state)
{
	struct roster *r = read_fixture("fullwidth.csv");

	(void)state;
	expect_issues(r, "");
	assert_string_equal(roster_row_value(r, 0, ROSTER_CODE), "7-1-101");
	assert_string_equal(roster_row_value(r, 0, ROSTER_ID_NUMBER), "330106198505051230");
	assert_string_equal(roster_row_value(r, 0, ROSTER_PHONE), "15900001111");
	assert_string_equal(roster_row_value(r, 1, ROSTER_ID_NUMBER), "33010619860606118X");
	assert_string_equal(roster_row_value(r, 1, ROSTER_PHONE), "13812345670");
	roster_free(&r);
}

static void test_legacy_id(void **state)
{
	struct roster *r = read_fixture("legacy15.csv");

	(void)state;
	expect_issues(r, "");
	assert_string_equal(roster_row_value(r, 0, ROSTER_ID_NUMBER), "411202196503121356");
	assert_string_equal(roster_row_value(r, 0, ROSTER_BIRTH_DATE), "1965-03-12");
	assert_string_equal(roster_row_value(r, 0, ROSTER_SEX), "M");
	roster_free(&r);
}

static void test_bad_rows(void **state)
{
	struct roster *r = read_fixture("bad_rows.csv");

	(void)state;
	/* One error per bad row, each naming the file's own column. */
	expect_issues(r, "2:身份证号:E;3:联系电话:E;4:性别:E;5:出生日期:E;6:出生日期:E;"
			 "7:性别:E;8:身份证号:E;9:小区:E;10:姓名:E;11:与户主关系:E;"
			 "12:标签:E;13:身份证号:E;14:返回日期:E;16:姓名:E;");
	assert_int_equal(roster_error_count(r), 14);
	assert_non_null(strstr(roster_issue_at(r, 6)->message, "line 6"));
	assert_non_null(strstr(roster_issue_at(r, 7)->message, "A区"));
	assert_non_null(strstr(roster_issue_at(r, 11)->message, "Excel"));
	roster_free(&r);
}

static void test_missing_column(void **state)
{
	struct roster *r = read_fixture("missing_code.csv");

	(void)state;
	expect_issues(r, "1::E;");
	assert_non_null(strstr(roster_issue_at(r, 0)->message, "户号"));
	assert_int_equal(roster_row_count(r), 0);
	roster_free(&r);
}

static void test_title_row_and_unknown_column(void **state)
{
	struct roster *r = read_fixture("title_row.csv");

	(void)state;
	expect_issues(r, "2:微信号:W;");
	assert_int_equal(roster_header_line(r), 2);
	assert_int_equal(roster_row_count(r), 1);
	assert_int_equal(roster_row_line(r, 0), 3);
	roster_free(&r);
}

static void test_malformed_csv(void **state)
{
	struct roster *r = read_fixture("unclosed_quote.csv");

	(void)state;
	expect_issues(r, "2::E;");
	roster_free(&r);
}

static void test_file_level_problems(void **state)
{
	struct roster *r;

	(void)state;
	r = read_text("户号\t姓名\n1\t张三\n");
	expect_issues(r, "1::E;");
	assert_non_null(strstr(roster_issue_at(r, 0)->message, "tabs"));
	roster_free(&r);

	r = read_text("户号,姓名,名字\n1,张三,张三\n");
	expect_issues(r, "1:名字:E;");
	roster_free(&r);

	r = read_text("");
	expect_issues(r, "0::E;");
	roster_free(&r);

	r = read_text("户号,姓名\n");
	expect_issues(r, "0::E;");
	roster_free(&r);

	/* The first row cannot continue a household above it. */
	r = read_text("户号,姓名\n,张三\n");
	expect_issues(r, "2:户号:E;");
	roster_free(&r);
}

/* The columns of a 返乡人员登记表: where from, when, and how. */
static void test_returnee_register(void **state)
{
	struct roster *r;

	(void)state;
	r = read_text("户号,姓名,返回前所在地,返回日期,交通方式\n"
		      "1,张三,湖北省武汉市,2020-01-22,G1234 次列车\n");
	expect_issues(r, "");
	assert_string_equal(roster_row_value(r, 0, ROSTER_RETURNED_FROM), "湖北省武汉市");
	assert_string_equal(roster_row_value(r, 0, ROSTER_RETURN_DATE), "2020-01-22");
	assert_string_equal(roster_row_value(r, 0, ROSTER_TRAVEL), "G1234 次列车");
	roster_free(&r);
}

/* A passport holder's number abroad is taken; an ID card holder's is
 * refused, as a household's own phone is (issue 22). */
static void test_phone_abroad(void **state)
{
	struct roster *r;

	(void)state;
	r = read_text("户号,姓名,证件类型,证件号码,联系电话,户联系电话\n"
		      "1,John Smith,护照,E12345678,+49 30 1234567,\n"
		      "2,张三,居民身份证,11010119900307109X,+49 30 1234567,\n"
		      "3,李四,,,,+49 30 1234567\n");
	expect_issues(r, "3:联系电话:E;4:户联系电话:E;");
	assert_string_equal(roster_row_value(r, 0, ROSTER_PHONE), "+49 30 1234567");
	roster_free(&r);
}

static void test_cell_forms(void **state)
{
	struct roster *r;

	(void)state;
	r = read_text("户号,姓名,出生日期,性别,与户主关系,标签,居住状态\n"
		      "1,张  三,1980年1月5日,男性,妻子,独居、慢病；独居,在家\n"
		      "1,John   Smith,19800105,m,本人,,外出\n"
		      "1,王 五,1980/1/5 0:00:00,,孙女,,已故\n");
	expect_issues(r, "");
	assert_string_equal(roster_row_value(r, 0, ROSTER_NAME), "张三");
	assert_string_equal(roster_row_value(r, 0, ROSTER_BIRTH_DATE), "1980-01-05");
	assert_string_equal(roster_row_value(r, 0, ROSTER_SEX), "M");
	assert_string_equal(roster_row_value(r, 0, ROSTER_RELATION), "spouse");
	assert_string_equal(roster_row_value(r, 0, ROSTER_TAGS), "elderly_alone,chronic");
	assert_string_equal(roster_row_value(r, 0, ROSTER_STATUS), "living");
	assert_string_equal(roster_row_value(r, 1, ROSTER_NAME), "John Smith");
	assert_string_equal(roster_row_value(r, 1, ROSTER_BIRTH_DATE), "1980-01-05");
	assert_string_equal(roster_row_value(r, 1, ROSTER_RELATION), "head");
	assert_string_equal(roster_row_value(r, 2, ROSTER_NAME), "王五");
	assert_string_equal(roster_row_value(r, 2, ROSTER_BIRTH_DATE), "1980-01-05");
	assert_string_equal(roster_row_value(r, 2, ROSTER_RELATION), "other");
	assert_string_equal(roster_row_value(r, 2, ROSTER_STATUS), "deceased");
	roster_free(&r);

	/* A birth month alone is taken from the ID number when it agrees. */
	r = read_text("户号,姓名,身份证号,出生年月\n1,甲,411202196503121356,1965.03\n"
		      "2,乙,,1965.03\n");
	expect_issues(r, "3:出生年月:E;");
	assert_string_equal(roster_row_value(r, 0, ROSTER_BIRTH_DATE), "1965-03-12");
	roster_free(&r);

	/* Other documents are kept as typed, not checksummed. */
	r = read_text("户号,姓名,证件类型,证件号码\n1,Tom,护照,e1234567\n");
	expect_issues(r, "");
	assert_string_equal(roster_row_value(r, 0, ROSTER_ID_TYPE), "passport");
	assert_string_equal(roster_row_value(r, 0, ROSTER_ID_NUMBER), "E1234567");
	roster_free(&r);

	/* Two heads in one household: a warning only. */
	r = read_text("户号,姓名,与户主关系\n1,甲,户主\n1,乙,户主\n");
	expect_issues(r, "3:与户主关系:W;");
	assert_int_equal(roster_error_count(r), 0);
	roster_free(&r);

	/* A line break in a one-line cell, an over-long code. */
	r = read_text(
	    "户号,姓名,小区\n1,甲,\"A\nB\"\n"
	    "1234567890123456789012345678901234567890123456789012345678901234567890,乙,\n");
	expect_issues(r, "2:小区:E;4:户号:E;");
	roster_free(&r);
}

static void test_same_name_told_apart_by_id(void **state)
{
	struct roster *r;

	(void)state;
	r = read_text("户号,姓名,身份证号\n1,张伟,411202196503121356\n1,张伟,411202196807202462\n");
	expect_issues(r, "");
	assert_int_equal(roster_row_count(r), 2);
	roster_free(&r);
}

/* The import stages a roster's values with no check of its own
 * (db_resident_insert_bulk, db_household_insert_bulk): every value a roster
 * accepts must pass what the forms' writes check, the column limits and
 * textsafe.  Each column in turn gets hostile and boundary cells; whenever
 * the roster takes the row, its records must pass those checks. */
static void expect_record_checks(const struct roster *r, const char *what)
{
	struct household h = {0};
	struct resident res = {0};
	struct err e;

	h.code = (char *)roster_household_value(r, 0, ROSTER_CODE);
	h.compound = (char *)roster_household_value(r, 0, ROSTER_COMPOUND);
	h.building = (char *)roster_household_value(r, 0, ROSTER_BUILDING);
	h.unit = (char *)roster_household_value(r, 0, ROSTER_UNIT);
	h.room = (char *)roster_household_value(r, 0, ROSTER_ROOM);
	h.address = (char *)roster_household_value(r, 0, ROSTER_ADDRESS);
	h.phone = (char *)roster_household_value(r, 0, ROSTER_HOUSEHOLD_PHONE);
	h.notes = (char *)roster_household_value(r, 0, ROSTER_HOUSEHOLD_NOTES);
	res.name = (char *)roster_row_value(r, 0, ROSTER_NAME);
	res.id_type = (char *)roster_row_value(r, 0, ROSTER_ID_TYPE);
	res.id_number = (char *)roster_row_value(r, 0, ROSTER_ID_NUMBER);
	res.birth_date = (char *)roster_row_value(r, 0, ROSTER_BIRTH_DATE);
	res.phone = (char *)roster_row_value(r, 0, ROSTER_PHONE);
	res.relation = (char *)roster_row_value(r, 0, ROSTER_RELATION);
	res.status = (char *)roster_row_value(r, 0, ROSTER_STATUS);
	res.tags = (char *)roster_row_value(r, 0, ROSTER_TAGS);
	res.returned_from = (char *)roster_row_value(r, 0, ROSTER_RETURNED_FROM);
	res.return_date = (char *)roster_row_value(r, 0, ROSTER_RETURN_DATE);
	res.travel = (char *)roster_row_value(r, 0, ROSTER_TRAVEL);
	res.notes = (char *)roster_row_value(r, 0, ROSTER_NOTES);
	err_clear(&e);
	if (limits_check_row("households", &e, "code", h.code, "compound", h.compound,
			     "building", h.building, "unit", h.unit, "room", h.room, "address",
			     h.address, "phone", h.phone, "notes", h.notes, (const char *)NULL) < 0 ||
	    textfields_check(model_household_texts, &h, &e) < 0 ||
	    limits_check_row("residents", &e, "name", res.name, "id_number", res.id_number,
			     "phone", res.phone, "tags", res.tags, "returned_from",
			     res.returned_from, "notes", res.notes, "travel", res.travel,
			     (const char *)NULL) < 0 ||
	    textfields_check(model_resident_texts, &res, &e) < 0)
		fail_msg("the roster took %s, which a form refuses: %s", what, e.msg);
	assert_non_null(res.name);
	assert_true(*res.name);
}

static void test_accepted_rows_pass_record_checks(void **state)
{
	static const char *const titles[] = {
	    "code", "compound", "building", "unit", "room", "address", "household phone",
	    "household notes", "name", "sex", "id type", "id number", "birth date", "phone",
	    "relation", "status", "tags", "returned from", "return date", "travel", "notes",
	};
	static const char *const valid[] = {
	    "1-101", "A区", "1", "2", "101", "中山路1号", "010-88776655", "", "张三", "男", "",
	    "411202196503121356", "", "13800138000", "户主", "在家", "独居", "武汉",
	    "2020-02-01", "G123", "",
	};
	static const char *const hostile[] = {
	    "a\x07" "b", "a\xc2\x9b" "b", "a\xe2\x80\xae" "b", "a\xe2\x80\x8b" "b",
	    "\xef\xbb\xbf" "ab", "a\xe2\x80\xa8" "b", "a\xe2\x81\xa6" "b", "a\xff" "b",
	    "a\xc0\xaf" "b", "a\nb", "a\tb", "a\rb", "a\x1b[31mb", "'=1+1",
	};
	struct strbuf csv = STRBUF_INIT, cell = STRBUF_INIT, what = STRBUF_INIT;
	const size_t nf = sizeof titles / sizeof titles[0];
	const size_t nh = sizeof hostile / sizeof hostile[0];

	(void)state;
	for (size_t f = 0; f < nf; f++) {
		/* the hostile cells, then runs of 'x' and of 中 about each limit */
		for (size_t v = 0; v < nh + 2 * 6; v++) {
			static const int lens[] = {31, 40, 64, 100, 200, 4000};
			struct roster *r;

			strbuf_reset(&cell);
			strbuf_add(&cell, "", 0);
			if (v < nh) {
				strbuf_puts(&cell, hostile[v]);
			} else {
				int n = lens[(v - nh) / 2] + 1;

				for (int k = 0; k < n; k++)
					strbuf_puts(&cell, (v - nh) % 2 ? "中" : "x");
			}
			strbuf_reset(&csv);
			strbuf_add(&csv, "", 0);
			for (size_t k = 0; k < nf; k++)
				strbuf_printf(&csv, "%s%s", k ? "," : "", titles[k]);
			strbuf_puts(&csv, "\n");
			for (size_t k = 0; k < nf; k++)
				strbuf_printf(&csv, "%s\"%s\"", k ? "," : "",
					      k == f ? cell.s : valid[k]);
			strbuf_puts(&csv, "\n");
			r = read_text(csv.s);
			if (roster_error_count(r) == 0) {
				assert_int_equal(roster_row_count(r), 1);
				strbuf_reset(&what);
				strbuf_add(&what, "", 0);
				strbuf_printf(&what, "column %s, cell %zu", titles[f], v);
				expect_record_checks(r, what.s);
			}
			roster_free(&r);
		}
	}
	strbuf_free(&csv);
	strbuf_free(&cell);
	strbuf_free(&what);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_title_key),
	    cmocka_unit_test(test_returnee_register),
	    cmocka_unit_test(test_headers_lookup),
	    cmocka_unit_test(test_headers_parse_errors),
	    cmocka_unit_test(test_excel_fixture),
	    cmocka_unit_test(test_english_reordered),
	    cmocka_unit_test(test_gb18030_fixture),
	    cmocka_unit_test(test_multiline_notes),
	    cmocka_unit_test(test_fullwidth),
	    cmocka_unit_test(test_legacy_id),
	    cmocka_unit_test(test_bad_rows),
	    cmocka_unit_test(test_missing_column),
	    cmocka_unit_test(test_title_row_and_unknown_column),
	    cmocka_unit_test(test_malformed_csv),
	    cmocka_unit_test(test_file_level_problems),
	    cmocka_unit_test(test_phone_abroad),
	    cmocka_unit_test(test_cell_forms),
	    cmocka_unit_test(test_same_name_told_apart_by_id),
	    cmocka_unit_test(test_accepted_rows_pass_record_checks),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
