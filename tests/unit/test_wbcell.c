/* Unit tests of core/wbcell (numbers and serial dates of workbook cells,
 * date formats, cell references) and of csvout_looks_like_value (the texts
 * a spreadsheet would turn into values) and csvout's repair of invalid
 * UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/csvout.h"
#include "core/wbcell.h"

static void test_numbers(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(wbcell_number(13812345678.0, out, sizeof out), CELL_NUMBER);
	assert_string_equal(out, "13812345678");
	assert_int_equal(wbcell_number(420102850312123.0, out, sizeof out), CELL_NUMBER);
	assert_string_equal(out, "420102850312123"); /* a 15-digit old ID: whole */
	assert_int_equal(wbcell_number(411202195001010016.0, out, sizeof out), CELL_LOST_DIGITS);
	assert_string_equal(out, "4.11202E+17");
	assert_int_equal(wbcell_number(36.5, out, sizeof out), CELL_NUMBER);
	assert_string_equal(out, "36.5");
	assert_int_equal(wbcell_number(-12.0, out, sizeof out), CELL_NUMBER);
	assert_string_equal(out, "-12");
	assert_int_equal(wbcell_number(0.1 + 0.2, out, sizeof out), CELL_NUMBER);
	assert_string_equal(out, "0.3");
}

static void test_dates(void **state)
{
	char out[16];

	(void)state;
	assert_int_equal(wbcell_date(1, 0, out, sizeof out), CELL_DATE);
	assert_string_equal(out, "1900-01-01");
	assert_int_equal(wbcell_date(59, 0, out, sizeof out), CELL_DATE);
	assert_string_equal(out, "1900-02-28");
	assert_int_equal(wbcell_date(60, 0, out, sizeof out), -1); /* 1900-02-29 never was */
	assert_int_equal(wbcell_date(61, 0, out, sizeof out), CELL_DATE);
	assert_string_equal(out, "1900-03-01");
	assert_int_equal(wbcell_date(43871, 0, out, sizeof out), CELL_DATE);
	assert_string_equal(out, "2020-02-10");
	assert_int_equal(wbcell_date(43871.75, 0, out, sizeof out), CELL_DATE); /* with a time */
	assert_string_equal(out, "2020-02-10");
	assert_int_equal(wbcell_date(42409, 1, out, sizeof out), CELL_DATE); /* 1904 system */
	assert_string_equal(out, "2020-02-10");
	assert_int_equal(wbcell_date(0, 0, out, sizeof out), -1);
	assert_int_equal(wbcell_date(-5, 0, out, sizeof out), -1);
	assert_int_equal(wbcell_date(1e12, 0, out, sizeof out), -1);
}

static void test_formats(void **state)
{
	(void)state;
	for (int id = 14; id <= 22; id++)
		assert_true(wbcell_builtin_is_date(id));
	assert_false(wbcell_builtin_is_date(0));
	assert_false(wbcell_builtin_is_date(49)); /* @, text */
	assert_true(wbcell_format_is_date("yyyy-mm-dd"));
	assert_true(wbcell_format_is_date("yyyy\"年\"m\"月\"d\"日\""));
	assert_true(wbcell_format_is_date("yyyy年m月d日"));
	assert_true(wbcell_format_is_date("[$-804]yyyy/m/d;@"));
	assert_true(wbcell_format_is_date("d-mmm"));
	assert_false(wbcell_format_is_date("0.00"));
	assert_false(wbcell_format_is_date("#,##0.00;[Red]-#,##0.00"));
	assert_false(wbcell_format_is_date("h:mm:ss"));
	assert_false(wbcell_format_is_date("\"day\" 0")); /* quoted letters */
	assert_false(wbcell_format_is_date("[Red]0"));
}

static void test_refs(void **state)
{
	char name[8];
	long row;

	(void)state;
	assert_int_equal(wbcell_parse_ref("A1", &row), 0);
	assert_int_equal(row, 1);
	assert_int_equal(wbcell_parse_ref("AB12", &row), 27);
	assert_int_equal(row, 12);
	assert_int_equal(wbcell_parse_ref("XFD1048576", &row), 16383);
	assert_int_equal(wbcell_parse_ref("XFE1", &row), -1);
	assert_int_equal(wbcell_parse_ref("A1048577", &row), -1);
	assert_int_equal(wbcell_parse_ref("1A", &row), -1);
	assert_int_equal(wbcell_parse_ref("ABCD1", &row), -1);
	wbcell_column_name(0, name, sizeof name);
	assert_string_equal(name, "A");
	wbcell_column_name(8, name, sizeof name);
	assert_string_equal(name, "I");
	wbcell_column_name(27, name, sizeof name);
	assert_string_equal(name, "AB");
	wbcell_column_name(16383, name, sizeof name);
	assert_string_equal(name, "XFD");
}

static void test_looks_like_value(void **state)
{
	static const char *const values[] = {
	    "1E5", "(12)", "12%", "1,234", "TRUE", "false", "Jan-1", "1-Jan", "March 2020",
	    "0001234", "3/4", "1.10105E+17", "-12", "$5", "¥1,234.50", "2020-1-2", "12:30",
	    "1 1/2", " 42 ",
	};
	static const char *const texts[] = {
	    "1-1-101号", "张三", "A-12", "E5", "12a", "TRUE1", "Jan", "May be", "1E", "(12",
	    "3/4 楼", "", "-", "%", "e.g.",
	};

	(void)state;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		if (!csvout_looks_like_value(values[i], strlen(values[i])))
			fail_msg("\"%s\" should look like a value", values[i]);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (csvout_looks_like_value(texts[i], strlen(texts[i])))
			fail_msg("\"%s\" should stay text", texts[i]);
}

/* Cells of a text column that a spreadsheet would read as values get the
 * tab in the spreadsheet encodings and stay bare in utf8; invalid UTF-8 is
 * written as U+FFFD with a warning naming row and column. */
static void test_csv_cells(void **state)
{
	static const char *const encs[] = {"utf8-bom", "utf8"};

	(void)state;
	for (int k = 0; k < 2; k++) {
		enum csvout_encoding enc;
		struct csvout *w = NULL;
		struct err e = {0};
		FILE *f = tmpfile();
		char buf[256] = "";
		size_t n;

		assert_int_equal(csvout_encoding_parse(encs[k], &enc, &e), 0);
		assert_int_equal(csvout_open(&w, fileno(f), enc, &e), 0);
		csvout_cell_str(w, "room", CSVOUT_TEXT);
		csvout_cell_str(w, "notes", CSVOUT_TEXT);
		assert_int_equal(csvout_row_end(w, &e), 0);
		csvout_cell_str(w, "1E5", CSVOUT_TEXT);
		csvout_cell_str(w, "ab\xe9" "cd", CSVOUT_TEXT);
		assert_int_equal(csvout_row_end(w, &e), 0);
		assert_int_equal(csvout_finish(w, &e), 0);
		assert_int_equal(csvout_warning_count(w), 1);
		assert_string_equal(csvout_warning(w, 0),
				    "row 2, column notes: a stored value is not valid UTF-8; its "
				    "bad bytes were written as U+FFFD");
		csvout_free(&w);
		rewind(f);
		n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
		if (k == 0)
			assert_non_null(strstr(buf, "\"1E5\t\",ab\xef\xbf\xbd" "cd\r\n"));
		else
			assert_non_null(strstr(buf, "1E5,ab\xef\xbf\xbd" "cd\n"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_numbers),	   cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_formats),	   cmocka_unit_test(test_refs),
	    cmocka_unit_test(test_looks_like_value), cmocka_unit_test(test_csv_cells),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
