/* Unit tests of core/csvread: records and their lines as Excel writes them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/strbuf.h"

/* Collects "line:field|field|...;" for each record. */
static int collect(const struct csvread_row *row, void *ctx)
{
	struct strbuf *b = ctx;

	strbuf_printf(b, "%ld:", row->line);
	for (int i = 0; i < row->n; i++)
		strbuf_printf(b, "%s%s", i ? "|" : "", row->fields[i]);
	strbuf_putc(b, ';');
	return 0;
}

static char *read_all(const char *text, int *rc, struct err *e)
{
	struct strbuf b = STRBUF_INIT;

	err_clear(e);
	*rc = csvread_text(text, strlen(text), collect, &b, e);
	return strbuf_detach(&b);
}

static void expect(const char *text, const char *want)
{
	struct err e;
	int rc;
	char *got = read_all(text, &rc, &e);

	assert_int_equal(rc, 0);
	assert_string_equal(got, want);
	free(got);
}

static void test_lf_and_crlf(void **state)
{
	(void)state;
	expect("a,b\nc,d\n", "1:a|b;2:c|d;");
	expect("a,b\r\nc,d\r\n", "1:a|b;2:c|d;");
	expect("a,b\r\nc,d", "1:a|b;2:c|d;"); /* no newline at the end */
}

static void test_bom_skipped(void **state)
{
	(void)state;
	expect("\xef\xbb\xbf户号,姓名\r\n1-1-101,张三\r\n", "1:户号|姓名;2:1-1-101|张三;");
}

static void test_quotes_commas_newlines(void **state)
{
	(void)state;
	/* A quoted field with a comma, a doubled quote and two line breaks: the
	 * next record starts on line 4 and CRLF inside the field becomes LF. */
	expect("a,\"x, \"\"y\"\"\r\nz\r\nw\"\r\nb,c\r\n", "1:a|x, \"y\"\nz\nw;4:b|c;");
}

static void test_blank_lines_and_trailing_columns(void **state)
{
	(void)state;
	expect("a,b,,,\n\n  \r\n,,,\nc,,d,,\n", "1:a|b;5:c||d;");
}

static void test_unquoted_spaces_trimmed(void **state)
{
	(void)state;
	expect(" a , b \n", "1:a|b;");
}

static void test_strict_errors_name_the_line(void **state)
{
	struct err e;
	int rc;
	char *got;

	(void)state;
	got = read_all("a,b\nc,d\"e\nf,g\n", &rc, &e);
	assert_int_equal(rc, -1);
	assert_int_equal(e.line, 2);
	assert_non_null(strstr(e.msg, "quote"));
	free(got);

	got = read_all("a,b\nc,\"never closed\nf,g\n", &rc, &e);
	assert_int_equal(rc, -1);
	assert_int_equal(e.line, 2);
	assert_non_null(strstr(e.msg, "never closed"));
	free(got);

	got = read_all("a,\"b\"x\n", &rc, &e);
	assert_int_equal(rc, -1);
	assert_int_equal(e.line, 1);
	free(got);
}

static int stop_after_one(const struct csvread_row *row, void *ctx)
{
	(void)row;
	++*(int *)ctx;
	return 1;
}

static void test_callback_stops(void **state)
{
	struct err e;
	int n = 0;

	(void)state;
	err_clear(&e);
	assert_int_equal(csvread_text("a\nb\nc\n", 6, stop_after_one, &n, &e), 1);
	assert_int_equal(n, 1);
}

static void test_empty_text(void **state)
{
	(void)state;
	expect("", "");
	expect("\r\n\r\n", "");
	expect("\xef\xbb\xbf", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lf_and_crlf),
	    cmocka_unit_test(test_bom_skipped),
	    cmocka_unit_test(test_quotes_commas_newlines),
	    cmocka_unit_test(test_blank_lines_and_trailing_columns),
	    cmocka_unit_test(test_unquoted_spaces_trimmed),
	    cmocka_unit_test(test_strict_errors_name_the_line),
	    cmocka_unit_test(test_callback_stops),
	    cmocka_unit_test(test_empty_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
