/* Unit tests of core/csvout: quoting only where needed, formula cells
 * neutralised, ID numbers kept as text in the spreadsheet encodings, BOM and
 * line ends, GB18030 and its errors, write errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/csvout.h"

struct cell {
	const char *s;
	enum csvout_kind kind;
};

/* Writes one header row (h) and one data row of cells with enc, returns the
 * file's bytes (malloc'd, NUL-terminated), *len its length. */
static char *write_rows(enum csvout_encoding enc, const char *h, const struct cell *cells, int n,
			size_t *len)
{
	FILE *f = tmpfile();
	struct csvout *w = NULL;
	struct err e = {0};
	char *buf;
	long size;

	assert_non_null(f);
	assert_int_equal(csvout_open(&w, fileno(f), enc, &e), 0);
	if (h) {
		csvout_cell_str(w, h, CSVOUT_TEXT);
		assert_int_equal(csvout_row_end(w, &e), 0);
	}
	for (int i = 0; i < n; i++)
		csvout_cell_str(w, cells[i].s, cells[i].kind);
	if (csvout_row_end(w, &e) != 0)
		fail_msg("row_end: %s", e.msg);
	assert_int_equal(csvout_finish(w, &e), 0);
	csvout_free(&w);
	assert_null(w);
	size = lseek(fileno(f), 0, SEEK_END);
	buf = malloc((size_t)size + 1);
	assert_int_equal(pread(fileno(f), buf, (size_t)size, 0), size);
	buf[size] = '\0';
	*len = (size_t)size;
	fclose(f);
	return buf;
}

/* The one data row written with utf8 (no BOM, LF). */
static void row_is(const struct cell *cells, int n, enum csvout_encoding enc, const char *want)
{
	size_t len;
	char *got = write_rows(enc, NULL, cells, n, &len);
	const char *p = got;

	if (enc == CSVOUT_UTF8_BOM) {
		assert_memory_equal(p, "\xEF\xBB\xBF", 3);
		p += 3;
	}
	assert_string_equal(p, want);
	free(got);
}

static void one(const char *s, enum csvout_kind kind, enum csvout_encoding enc, const char *want)
{
	struct cell c = {s, kind};

	row_is(&c, 1, enc, want);
}

static void test_quoting_only_where_needed(void **state)
{
	(void)state;
	struct cell row[] = {
		{"张三", CSVOUT_TEXT},        {"a,b", CSVOUT_TEXT},       {"说\"好\"", CSVOUT_TEXT},
		{"两行\n文字", CSVOUT_TEXT},  {" lead", CSVOUT_TEXT},     {"trail\t", CSVOUT_TEXT},
		{"", CSVOUT_TEXT},            {NULL, CSVOUT_NUMBER},      {"36.5", CSVOUT_NUMBER},
	};

	row_is(row, 9, CSVOUT_UTF8,
	       "张三,\"a,b\",\"说\"\"好\"\"\",\"两行\n文字\",\" lead\",\"trail\t\",,,36.5\n");
}

static void test_formula_neutralised(void **state)
{
	(void)state;
	one("=1+1", CSVOUT_TEXT, CSVOUT_UTF8, "'=1+1\n");
	one("=HYPERLINK(\"http://x\",\"y\")", CSVOUT_TEXT, CSVOUT_UTF8,
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n");
	one("+下午再去", CSVOUT_TEXT, CSVOUT_UTF8, "'+下午再去\n");
	one("-独居", CSVOUT_TEXT, CSVOUT_UTF8, "'-独居\n");
	one("@医院", CSVOUT_TEXT, CSVOUT_UTF8, "'@医院\n");
	one("\tcmd", CSVOUT_TEXT, CSVOUT_UTF8, "'\tcmd\n");
	one("\r=cmd", CSVOUT_TEXT, CSVOUT_UTF8, "\"'\r=cmd\"\n");
	one("1+1", CSVOUT_TEXT, CSVOUT_UTF8, "1+1\n");
	/* A lone dash is no formula; an apostrophe already there gets one more. */
	one("-", CSVOUT_TEXT, CSVOUT_UTF8, "-\n");
	one("+", CSVOUT_TEXT, CSVOUT_UTF8, "+\n");
	one("'=x", CSVOUT_TEXT, CSVOUT_UTF8, "''=x\n");
	one("'", CSVOUT_TEXT, CSVOUT_UTF8, "'\n");
	one("'abc", CSVOUT_TEXT, CSVOUT_UTF8, "'abc\n");
	one("''=x", CSVOUT_TEXT, CSVOUT_UTF8, "'''=x\n");
	one("'-", CSVOUT_TEXT, CSVOUT_UTF8, "'-\n");
	/* Numbers stay numbers, negative ones too. */
	one("-12.5", CSVOUT_NUMBER, CSVOUT_UTF8, "-12.5\n");
	one("-12.5", CSVOUT_NUMBER, CSVOUT_UTF8_BOM, "-12.5\r\n");
}

static void test_keep_text(void **state)
{
	(void)state;
	/* Spreadsheet encodings: digits that a spreadsheet would turn into a
	 * number or a date get a tab after them. */
	one("411202198503121232", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "\"411202198503121232\t\"\r\n");
	one("13812345678", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "\"13812345678\t\"\r\n");
	one("0398-2812345", CSVOUT_KEEP, CSVOUT_GB18030, "\"0398-2812345\t\"\r\n");
	one("3-2-501", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "\"3-2-501\t\"\r\n");
	one("0101", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "\"0101\t\"\r\n");
	/* Already text: as it is. */
	one("41120219900101567X", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "41120219900101567X\r\n");
	one("411202********1232", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "411202********1232\r\n");
	one("138****5678", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "138****5678\r\n");
	one("2020-A-0001", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "2020-A-0001\r\n");
	one("高河村3组12号", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "高河村3组12号\r\n");
	one("", CSVOUT_KEEP, CSVOUT_UTF8_BOM, "\r\n");
	/* Machines get the value itself. */
	one("411202198503121232", CSVOUT_KEEP, CSVOUT_UTF8, "411202198503121232\n");
	one("3-2-501", CSVOUT_KEEP, CSVOUT_UTF8, "3-2-501\n");
}

/* Export, then "drop the apostrophe when csvout_is_formula", gives back
 * every text. */
static void test_neutralising_is_reversible(void **state)
{
	static const char *const texts[] = {"=1+1", "'=1+1", "''=1+1", "'",  "''",  "-",
					    "'-",   "-5",    "'-5",    "@x", "'abc", "abc",
					    "+",    "+86",   "\t",     "'\t", ""};

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		const char *x = texts[i];
		char y[32];
		const char *back;

		snprintf(y, sizeof y, "%s%s", csvout_is_formula(x, strlen(x)) ? "'" : "", x);
		back = y[0] == '\'' && csvout_is_formula(y, strlen(y)) ? y + 1 : y;
		if (strcmp(back, x))
			fail_msg("\"%s\" came back as \"%s\"", x, back);
	}
}

static void test_bom_and_line_ends(void **state)
{
	struct cell c = {"x", CSVOUT_TEXT};
	size_t len;
	char *s;

	(void)state;
	s = write_rows(CSVOUT_UTF8_BOM, "h", &c, 1, &len);
	assert_int_equal(len, 3 + 3 + 3);
	assert_memory_equal(s, "\xEF\xBB\xBFh\r\nx\r\n", len);
	free(s);
	s = write_rows(CSVOUT_UTF8, "h", &c, 1, &len);
	assert_string_equal(s, "h\nx\n");
	free(s);
	s = write_rows(CSVOUT_GB18030, "h", &c, 1, &len);
	assert_string_equal(s, "h\r\nx\r\n");
	free(s);
}

static void test_gb18030(void **state)
{
	struct cell c[] = {{"张三", CSVOUT_TEXT}, {"a,b", CSVOUT_TEXT}, {"😀", CSVOUT_TEXT}};
	size_t len;
	char *s;

	(void)state;
	s = write_rows(CSVOUT_GB18030, NULL, c, 3, &len);
	/* 张 D5C5, 三 C8FD; U+1F600 is a four-byte GB18030 sequence. */
	assert_int_equal(len, 4 + 1 + 5 + 1 + 4 + 2);
	assert_memory_equal(s, "\xD5\xC5\xC8\xFD,\"a,b\",\x94\x39\xFC\x36\r\n", len);
	free(s);
}

static void test_gb18030_error_names_row_and_column(void **state)
{
	FILE *f = tmpfile();
	struct csvout *w = NULL;
	struct err e = {0};

	(void)state;
	assert_int_equal(csvout_open(&w, fileno(f), CSVOUT_GB18030, &e), 0);
	csvout_cell_str(w, "姓名", CSVOUT_TEXT);
	csvout_cell_str(w, "备注", CSVOUT_TEXT);
	assert_int_equal(csvout_row_end(w, &e), 0);
	csvout_cell_str(w, "张三", CSVOUT_TEXT);
	csvout_cell_str(w, "ok", CSVOUT_TEXT);
	assert_int_equal(csvout_row_end(w, &e), 0);
	csvout_cell_str(w, "李四", CSVOUT_TEXT);
	csvout_cell_str(w, "bad \xED\xA0\x80 surrogate", CSVOUT_TEXT);
	assert_int_equal(csvout_row_end(w, &e), -1);
	if (!strstr(e.msg, "row 3") || !strstr(e.msg, "column 备注") || !strstr(e.msg, "0xED") ||
	    !strstr(e.msg, "GB18030"))
		fail_msg("message: %s", e.msg);
	csvout_free(&w);
	fclose(f);
}

static void test_many_rows_flush(void **state)
{
	FILE *f = tmpfile();
	struct csvout *w = NULL;
	struct err e = {0};
	char line[64];
	long size;

	(void)state;
	assert_int_equal(csvout_open(&w, fileno(f), CSVOUT_UTF8, &e), 0);
	for (int i = 0; i < 20000; i++) {
		snprintf(line, sizeof line, "%d", i);
		csvout_cell_str(w, line, CSVOUT_NUMBER);
		csvout_cell_str(w, "居民", CSVOUT_TEXT);
		assert_int_equal(csvout_row_end(w, &e), 0);
	}
	assert_int_equal(csvout_rows(w), 20000);
	assert_int_equal(csvout_finish(w, &e), 0);
	csvout_free(&w);
	size = lseek(fileno(f), 0, SEEK_END);
	/* digits: 10*1 + 90*2 + 900*3 + 9000*4 + 10000*5; each row ",居民\n" 8 bytes */
	assert_int_equal(size, 10 + 180 + 2700 + 36000 + 50000 + 20000 * 8);
	fclose(f);
}

static void test_disk_full(void **state)
{
	FILE *f = fopen("/dev/full", "w");
	struct csvout *w = NULL;
	struct err e = {0};
	int r = 0;

	(void)state;
	if (!f) {
		printf("SKIP: /dev/full cannot be opened\n");
		skip();
	}
	assert_int_equal(csvout_open(&w, fileno(f), CSVOUT_UTF8_BOM, &e), 0);
	for (int i = 0; i < 10000 && r == 0; i++) {
		csvout_cell_str(w, "一行又一行的数据", CSVOUT_TEXT);
		r = csvout_row_end(w, &e);
	}
	if (r == 0)
		r = csvout_finish(w, &e);
	assert_int_equal(r, -1);
	assert_non_null(strstr(e.msg, "disk is full"));
	csvout_free(&w);
	fclose(f);
}

static void test_encoding_names(void **state)
{
	enum csvout_encoding enc;
	struct err e = {0};

	(void)state;
	assert_int_equal(csvout_encoding_parse("utf8-bom", &enc, &e), 0);
	assert_int_equal(enc, CSVOUT_UTF8_BOM);
	assert_int_equal(csvout_encoding_parse("UTF8", &enc, &e), 0);
	assert_int_equal(enc, CSVOUT_UTF8);
	assert_int_equal(csvout_encoding_parse("gb18030", &enc, &e), 0);
	assert_int_equal(enc, CSVOUT_GB18030);
	assert_int_equal(csvout_encoding_parse("latin1", &enc, &e), -1);
	assert_non_null(strstr(e.msg, "latin1"));
	assert_string_equal(csvout_encoding_name(CSVOUT_GB18030), "gb18030");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting_only_where_needed),
		cmocka_unit_test(test_formula_neutralised),
		cmocka_unit_test(test_keep_text),
		cmocka_unit_test(test_neutralising_is_reversible),
		cmocka_unit_test(test_bom_and_line_ends),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_gb18030_error_names_row_and_column),
		cmocka_unit_test(test_many_rows_flush),
		cmocka_unit_test(test_disk_full),
		cmocka_unit_test(test_encoding_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
