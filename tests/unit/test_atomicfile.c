/* Unit tests of core/atomicfile: the target appears only on commit, with
 * mode 0600; an abort leaves nothing; a name taken by a link is skipped and
 * the link's target untouched; the sweep removes the temporary file of a
 * process that is gone and keeps a living one's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/atomicfile.h"

static char dir[] = "/tmp/doorstep-atomic-XXXXXX";

static void path_in(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", dir, name);
}

static void test_commit_and_abort(void **state)
{
	struct atomic_file f;
	struct stat sb;
	struct err e;
	char target[256];

	(void)state;
	err_clear(&e);
	path_in(target, sizeof target, "out.csv");
	assert_int_equal(atomic_file_open(&f, target, &e), 0);
	assert_int_equal(write(f.fd, "a,b\n", 4), 4);
	assert_int_equal(stat(target, &sb), -1);
	assert_int_equal(stat(f.tmp, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(atomic_file_commit(&f, &e), 0);
	assert_null(f.tmp);
	assert_int_equal(stat(target, &sb), 0);
	assert_int_equal(sb.st_size, 4);
	assert_int_equal(sb.st_mode & 0777, 0600);

	assert_int_equal(atomic_file_open(&f, target, &e), 0);
	assert_int_equal(write(f.fd, "partial", 7), 7);
	{
		char tmp[256];

		snprintf(tmp, sizeof tmp, "%s", f.tmp);
		atomic_file_abort(&f);
		assert_int_equal(stat(tmp, &sb), -1);
	}
	assert_int_equal(stat(target, &sb), 0);
	assert_int_equal(sb.st_size, 4);
}

static void test_planted_link_skipped(void **state)
{
	struct atomic_file f;
	struct err e;
	char target[256], link[256], victim[256], buf[16] = "";
	FILE *v;

	(void)state;
	err_clear(&e);
	path_in(target, sizeof target, "bk.db");
	path_in(victim, sizeof victim, "victim");
	snprintf(link, sizeof link, "%s/.bk.db.tmp-%ld-0", dir, (long)getpid());
	v = fopen(victim, "w");
	fputs("keep", v);
	fclose(v);
	assert_int_equal(symlink(victim, link), 0);
	assert_int_equal(atomic_file_open(&f, target, &e), 0);
	assert_string_not_equal(f.tmp, link);
	assert_int_equal(write(f.fd, "data", 4), 4);
	assert_int_equal(atomic_file_commit(&f, &e), 0);
	v = fopen(victim, "r");
	assert_non_null(fgets(buf, sizeof buf, v));
	fclose(v);
	assert_string_equal(buf, "keep");
}

static void test_sweep(void **state)
{
	struct atomic_file f;
	struct stat sb;
	struct err e;
	char target[256], tmp[256];
	pid_t child;
	int fds[2], status;

	(void)state;
	err_clear(&e);
	path_in(target, sizeof target, "killed.csv");
	/* A child opens a temporary file and dies without cleaning up. */
	assert_int_equal(pipe(fds), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		close(fds[0]);
		if (atomic_file_open(&f, target, &e) < 0)
			_exit(1);
		if (write(fds[1], f.tmp, strlen(f.tmp) + 1) < 0)
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	memset(tmp, 0, sizeof tmp);
	assert_true(read(fds[0], tmp, sizeof tmp - 1) > 0);
	close(fds[0]);
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_int_equal(stat(tmp, &sb), 0);
	/* This process's own open file is kept by the sweep. */
	assert_int_equal(atomic_file_open(&f, target, &e), 0);
	atomic_file_sweep();
	assert_int_equal(stat(tmp, &sb), -1);
	assert_int_equal(stat(f.tmp, &sb), 0);
	atomic_file_abort(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_commit_and_abort),
	    cmocka_unit_test(test_planted_link_skipped),
	    cmocka_unit_test(test_sweep),
	};
	char cmd[128];
	int r;

	if (!mkdtemp(dir))
		return 1;
	snprintf(cmd, sizeof cmd, "%s/state", dir);
	setenv("XDG_STATE_HOME", cmd, 1);
	r = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return r;
}
