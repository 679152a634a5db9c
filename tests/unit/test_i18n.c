/* Unit tests of core/i18n: the messages formed in core/ follow the user's
 * locale.  The runner sets LC_ALL=C.UTF-8 (English, what every other test
 * asserts); here the locale is switched to zh_CN.UTF-8 and the catalogue of
 * the build ($DOORSTEP_BUILD/locale, compiled from data/locale/zh_CN.po) is
 * bound, as tui/locale.c does for the program. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libintl.h>
#include <locale.h>

#include "core/i18n.h"
#include "core/idcard.h"
#include "core/roster.h"

static const struct date today = {2020, 2, 15};

/* A valid number (411202199001011230) with its check digit changed. */
#define BAD_CHECK "411202199001011235"

static int use_locale(const char *name)
{
	char dir[1024];
	const char *build = getenv("DOORSTEP_BUILD");

	if (!setlocale(LC_ALL, name))
		return -1;
	snprintf(dir, sizeof dir, "%s/locale", build && *build ? build : "build");
	bindtextdomain("doorstep", dir);
	bind_textdomain_codeset("doorstep", "UTF-8");
	textdomain("doorstep");
	return 0;
}

static int setup_zh(void **state)
{
	(void)state;
	if (use_locale("zh_CN.UTF-8") < 0) {
		fprintf(stderr, "the zh_CN.UTF-8 locale is not installed (locale-gen)\n");
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* The idcard rule speaks Chinese, with its format arguments in place. */
static void test_idcard_zh(void **state)
{
	struct idcard c;
	struct err e = {0};

	(void)state;
	assert_int_equal(idcard_parse(BAD_CHECK, IDCARD_RESIDENT, &today, &c, &e), -1);
	if (!strstr(e.msg, "身份证号") || !strstr(e.msg, "校验位应为 0") || !strstr(e.msg, "5"))
		fail_msg("not in Chinese: \"%s\"", e.msg);
	assert_null(strstr(e.msg, "check digit"));
	assert_string_equal(e.field, "id_number"); /* field names stay codes */
}

/* A roster import line: the column names the field, the reason follows
 * without the rule's own "身份证号：" prefix. */
static void test_roster_zh(void **state)
{
	struct roster_headers *h = NULL;
	struct roster *r;
	struct err e = {0};
	const struct roster_issue *is;
	const char *csv = "户号,姓名,身份证号\n3-2-501,张三," BAD_CHECK "\n";

	(void)state;
	assert_int_equal(roster_headers_load("data/roster_headers.txt", &h, &e), 0);
	r = roster_new(h, &today);
	assert_int_equal(roster_read(r, csv, strlen(csv)), -1);
	assert_int_equal(roster_issue_count(r), 1);
	is = roster_issue_at(r, 0);
	assert_int_equal(is->line, 2);
	assert_string_equal(is->column, "身份证号");
	if (strncmp(is->message, "校验位应为 0", strlen("校验位应为 0")))
		fail_msg("roster reason \"%s\"", is->message);
	roster_free(&r);
	roster_headers_free(&h);
}

/* Back in C.UTF-8 the same message is English again. */
static void test_english_default(void **state)
{
	struct idcard c;
	struct err e = {0};

	(void)state;
	assert_int_equal(use_locale("C.UTF-8"), 0);
	assert_int_equal(idcard_parse(BAD_CHECK, IDCARD_RESIDENT, &today, &c, &e), -1);
	assert_string_equal(e.msg, "ID number: check digit should be 0, not 5");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_idcard_zh, setup_zh, teardown),
	    cmocka_unit_test_setup_teardown(test_roster_zh, setup_zh, teardown),
	    cmocka_unit_test(test_english_default),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
