/* Unit tests of core/outdir: the one folder exports, sheets and backups go to. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "core/outdir.h"

static void path_is(const char *setting, const char *name, const char *want)
{
	char *got = outdir_path(setting, "/home/wang", name, "residents-2020-02-15.csv");

	assert_string_equal(got, want);
	free(got);
}

static void test_folder(void **state)
{
	char *f;

	(void)state;
	f = outdir_folder("~", "/home/wang");
	assert_string_equal(f, "/home/wang");
	free(f);
	f = outdir_folder("", "/home/wang");
	assert_string_equal(f, "/home/wang");
	free(f);
	f = outdir_folder("~/导出/", "/home/wang");
	assert_string_equal(f, "/home/wang/导出");
	free(f);
	f = outdir_folder("/srv/共享", NULL);
	assert_string_equal(f, "/srv/共享");
	free(f);
	f = outdir_folder("~", NULL);
	assert_string_equal(f, ".");
	free(f);
}

static void test_path(void **state)
{
	(void)state;
	path_is("~", NULL, "/home/wang/residents-2020-02-15.csv");
	path_is("~/导出", "  ", "/home/wang/导出/residents-2020-02-15.csv");
	path_is("~/导出", "名单.csv", "/home/wang/导出/名单.csv");
	path_is("/srv/x/", "名单.csv", "/srv/x/名单.csv");
	/* a name with a folder is taken as it is */
	path_is("~/导出", "/tmp/a.csv", "/tmp/a.csv");
	path_is("~/导出", "./a.csv", "./a.csv");
	path_is("~/导出", "~/b/a.csv", "/home/wang/b/a.csv");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_folder),
	    cmocka_unit_test(test_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
