/* test_gb18030: doorstep in a GB18030 terminal (issue 22), as the SSH
 * clients of Chinese Windows are: run under luit -encoding GB18030 in the
 * zh_CN.GB18030 locale (tools/deps.sh makes it), the harness's terminal
 * speaking UTF-8 to luit.  The Chinese screen shows, Chinese typed
 * filters the households and is stored as UTF-8 in the database; the
 * command line's report reaches that terminal in GB18030 too.
 *
 * luit turns GB18030's four-byte sequences into something else (¥, sent
 * as 81 30 84 36, shows as "$"), which a real GB18030 terminal does not;
 * so the screen is also read through tests/tools/gb_term, which converts
 * with iconv as such a terminal does: the money sign arrives as ¥, and
 * Chinese typed there filters as through luit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

/* The TUI through gb_term: ¥ (four bytes in GB18030) shows as ¥. */
static void gb_term(const char *db, const char *const *env)
{
	const char *b = getenv("DOORSTEP_BUILD");
	char path[600];
	const char *args[] = {harness_bin(), "--db", db, "--staff", "王芳", NULL};
	struct harness_opts o = {.env = env, .args = args, .bin = path};
	struct harness *h;
	int st;

	snprintf(path, sizeof path, "%s/tests/tools/gb_term", b ? b : "build");
	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "今日 2020-02-15", 5000);
	HWAIT(h, "现金 ¥0.00", 3000);
	HCHECK(h, !harness_has_text(h, "$0.00"), "the money sign came out as $");
	harness_type(h, "2");
	HWAIT(h, "户号", 3000);
	harness_type(h, "/张伟");
	HWAIT(h, "筛选： 张伟", 3000);
	HWAIT(h, "3-2-501", 3000);
	harness_key(h, "Esc");
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	harness_free(&h);
}

int main(void)
{
	char *dir, *db = harness_new_db(&dir), *s;
	const char *env[] = {"LANG=zh_CN.GB18030", "LC_ALL=zh_CN.GB18030",
			     "DOORSTEP_NOW=" HARNESS_NOW, "NO_COLOR=1", NULL};
	const char *args[] = {"-encoding", "GB18030", "--", harness_bin(), "--db", db,
			      "--staff",   "王芳",    NULL};
	struct harness_opts o = {.env = env, .args = args, .bin = "/usr/bin/luit"};
	struct harness *h;
	int st;

	if (access("/usr/bin/luit", X_OK) != 0 ||
	    system("locale -a 2>/dev/null | grep -qi '^zh_CN.gb18030$'") != 0) {
		printf("SKIP: luit or the zh_CN.GB18030 locale is missing (tools/deps.sh)\n");
		harness_rmdir(dir);
		return 77;
	}
	s = harness_sql(db, "INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key)"
			    " VALUES(1, 'h1', 'x', 'x', '3-2-501', '03-02-2501');"
			    "INSERT INTO residents(id, uuid, created_at, updated_at, household_id,"
			    " name, relation) VALUES(1, 'r1', 'x', 'x', 1, '张伟', 'head');");
	HCHECK(NULL, s != NULL, "fixture");
	free(s);
	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "今日 2020-02-15", 5000);
	HWAIT(h, "已走访住户", 3000);
	harness_type(h, "2");
	HWAIT(h, "户号", 3000);
	harness_type(h, "/");
	harness_type(h, "张伟");
	HWAIT(h, "筛选： 张伟", 3000);
	HWAIT(h, "3-2-501", 3000);
	harness_key(h, "Esc");
	harness_key(h, "Enter");
	HWAIT(h, "居民 (1)", 3000);
	harness_type(h, "e");
	HWAIT(h, "与户主关系", 3000);
	harness_key(h, "C-u");
	harness_type(h, "张伟国");
	harness_key(h, "F10");
	HGONE(h, "与户主关系", 3000);
	HWAIT(h, "张伟国", 3000);
	s = harness_sql(db, "SELECT name, hex(name) FROM residents WHERE id = 1");
	HCHECK(h, s && !strcmp(s, "张伟国|E5BCA0E4BC9FE59BBD"), "stored %s", s ? s : "?");
	free(s);
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	harness_free(&h);

	/* the command line on that terminal: report in its encoding */
	{
		const char *rargs[] = {"-encoding", "GB18030", "--", harness_bin(), "--db", db,
				       "report", NULL};
		struct harness_opts ro = {.env = env, .args = rargs, .bin = "/usr/bin/luit"};

		h = harness_start(&ro);
		HCHECK(NULL, h != NULL, "harness_start failed");
		HWAIT(h, "当前隔离提醒", 5000); /* the report's last part, in Chinese */
		HCHECK(h, harness_wait_exit(h, 5000, &st), "report did not end");
		harness_free(&h);
	}
	gb_term(db, env);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
