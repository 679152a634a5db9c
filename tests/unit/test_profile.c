/* Unit tests of core/profile: a good profile, every mistake named with its
 * line, and the profiles shipped in data/profiles. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/profile.h"

static struct profile *parse_ok(const char *text)
{
	struct profile *p = NULL;
	struct err e = {0};

	if (profile_parse(text, strlen(text), &p, &e) != 0)
		fail_msg("refused: line %ld: %s", e.line, e.msg);
	assert_non_null(p);
	return p;
}

static void parse_bad(const char *text, long line, const char *want)
{
	struct profile *p = (struct profile *)1;
	struct err e = {0};

	assert_int_equal(profile_parse(text, strlen(text), &p, &e), -1);
	assert_null(p);
	if (!strstr(e.msg, want))
		fail_msg("message \"%s\" lacks \"%s\"", e.msg, want);
	if (e.line != line)
		fail_msg("line %ld, wanted %ld (%s)", e.line, line, e.msg);
}

static void test_full_profile(void **state)
{
	struct profile *p;

	(void)state;
	p = parse_ok("\xEF\xBB\xBF; 隔离人员名单\r\n"
		     "[profile]\r\n"
		     "title = 隔离人员名单\r\n"
		     "dataset = isolations   ; the roster\r\n"
		     "encoding = gb18030\r\n"
		     "from = -13\r\n"
		     "to = t\r\n"
		     "ids = full\r\n"
		     "\r\n"
		     "[columns]\r\n"
		     "# name first\r\n"
		     "name = 姓名\r\n"
		     "id_number = 身份证号码\r\n"
		     "kind =\r\n"
		     "notes = 备注#1\r\n");
	assert_string_equal(p->title, "隔离人员名单");
	assert_string_equal(p->dataset->name, "isolations");
	assert_int_equal(p->has_encoding, 1);
	assert_int_equal(p->encoding, CSVOUT_GB18030);
	assert_string_equal(p->from, "-13");
	assert_string_equal(p->to, "t");
	assert_int_equal(p->full_ids, 1);
	assert_int_equal(p->zh_labels, 1); /* Chinese titles */
	assert_int_equal(p->ncols, 4);
	assert_string_equal(p->dataset->cols[p->cols[0].index].name, "name");
	assert_string_equal(p->cols[0].title, "姓名");
	assert_string_equal(p->dataset->cols[p->cols[1].index].name, "id_number");
	assert_string_equal(p->cols[1].title, "身份证号码");
	/* An empty title takes the column's Chinese title. */
	assert_string_equal(p->cols[2].title, "隔离方式");
	/* '#' inside a value is no comment. */
	assert_string_equal(p->cols[3].title, "备注#1");
	profile_free(&p);
	assert_null(p);
}

static void test_defaults_and_order(void **state)
{
	struct profile *p;

	(void)state;
	/* [columns] may come first; English titles keep codes; masked by default. */
	p = parse_ok("[columns]\nreceipt_no = Receipt\namount = Amount\n[profile]\ndataset = donations\n");
	assert_int_equal(p->has_encoding, 0);
	assert_int_equal(p->full_ids, 0);
	assert_int_equal(p->zh_labels, 0);
	assert_null(p->from);
	assert_null(p->title);
	assert_int_equal(p->ncols, 2);
	profile_free(&p);
	p = parse_ok("[profile]\ndataset = residents\nlabels = codes\nids = masked\n[columns]\nname = 姓名\n");
	assert_int_equal(p->zh_labels, 0);
	profile_free(&p);
	p = parse_ok("[profile]\ndataset = residents\nlabels = zh\n[columns]\nsex = sex\n");
	assert_int_equal(p->zh_labels, 1);
	profile_free(&p);
}

static void test_errors_name_the_line(void **state)
{
	(void)state;
	parse_bad("[profile]\ndataset = isolations\n[columns]\nname = 姓名\nidnumber = 身份证号\n", 5,
		  "unknown column \"idnumber\" in dataset isolations");
	parse_bad("[profile]\ndataset = people\n[columns]\nname = 姓名\n", 2,
		  "unknown dataset \"people\"");
	parse_bad("[profile]\ndataset = residents\nencoding = latin1\n", 3, "latin1");
	parse_bad("[profile]\ndataset = residents\nfrom = 2020-02-30\n", 3, "from");
	parse_bad("[profile]\ndataset = residents\nids = some\n", 3, "masked nor full");
	parse_bad("[profile]\ndataset = residents\nlabels = en\n", 3, "zh nor codes");
	parse_bad("[profile]\ncolour = red\n", 2, "unknown key \"colour\"");
	parse_bad("\n\n[options]\n", 3, "unknown section [options]");
	parse_bad("[profile\n", 1, "ends with ]");
	parse_bad("[profile]\njust words\n", 2, "key = value");
	parse_bad("[profile]\n= x\n", 2, "key is missing");
	parse_bad("dataset = residents\n", 1, "before any section");
	parse_bad("[columns]\nname = 姓名\n", 0, "no dataset");
	parse_bad("[profile]\ndataset = residents\n", 0, "no columns");
	parse_bad("", 0, "no dataset");
}

static void test_nul_byte(void **state)
{
	static const char text[] = "[profile]\ndataset = residents\n[col\0umns]\n";
	struct profile *p = NULL;
	struct err e = {0};

	(void)state;
	assert_int_equal(profile_parse(text, sizeof text - 1, &p, &e), -1);
	assert_int_equal(e.line, 3);
	assert_non_null(strstr(e.msg, "NUL"));
}

static void test_load_missing_file(void **state)
{
	struct profile *p = NULL;
	struct err e = {0};

	(void)state;
	assert_int_equal(profile_load("/nonexistent/x.ini", &p, &e), -1);
	assert_non_null(strstr(e.msg, "/nonexistent/x.ini"));
}

/* Every profile shipped in data/profiles loads, with Chinese headers. */
static void test_shipped_profiles(void **state)
{
	DIR *d = opendir("data/profiles");
	struct dirent *de;
	int n = 0;

	(void)state;
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		char path[512];
		struct profile *p = NULL;
		struct err e = {0};
		size_t len = strlen(de->d_name);

		if (len < 5 || strcmp(de->d_name + len - 4, ".ini"))
			continue;
		snprintf(path, sizeof path, "data/profiles/%s", de->d_name);
		if (profile_load(path, &p, &e) != 0)
			fail_msg("%s:%ld: %s", path, e.line, e.msg);
		assert_non_null(p->title);
		assert_int_equal(p->zh_labels, 1);
		profile_free(&p);
		n++;
	}
	closedir(d);
	assert_true(n >= 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_profile),
		cmocka_unit_test(test_defaults_and_order),
		cmocka_unit_test(test_errors_name_the_line),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_load_missing_file),
		cmocka_unit_test(test_shipped_profiles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
