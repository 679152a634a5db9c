/* test_release: safe release from isolation as a worker meets it.
 * 田秀艳 is on day 8 of 18 with 38.2 at her PM check: an empty check is
 * refused and stores nothing; ending as 期满解除 (completed) is refused
 * naming the day and the fever, the isolation and its fever alert stay;
 * typed again with a reason, it ends and the reason is stored and audited.
 * In Chinese, at 80x24. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixture.h"

static char *dir, *db;

static const char seed[] =
    "INSERT INTO households(uuid, created_at, updated_at, code, sort_key) VALUES"
    " ('h1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-2-501', '03-02-2501');"
    "INSERT INTO residents(uuid, created_at, updated_at, household_id, name, relation, pinyin)"
    " VALUES ('r1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '田秀艳', 'head', 'txy');"
    "INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind, reason, start_date,"
    " days) VALUES ('i1', '2020-02-08 10:00:00', '2020-02-08 10:00:00', 1, 'home', 'key_area',"
    " '2020-02-08', 18);"
    "INSERT INTO checks(uuid, created_at, updated_at, isolation_id, date, slot, at, temperature)"
    " VALUES ('c1', '2020-02-15 19:00:00', '2020-02-15 19:00:00', 1, '2020-02-15', 'PM',"
    " '2020-02-15 19:00:00', 382);";

int main(void)
{
	const char *init[] = {"--db", NULL, "init", "--community", "幸福社区", NULL};
	const char *ienv[] = {"DOORSTEP_NOW=2020-02-15 08:00:00", NULL};
	const char *env[] = {"DOORSTEP_NOW=2020-02-15 21:00:00", "NO_COLOR=1", "LANG=zh_CN.UTF-8",
			     "LC_ALL=zh_CN.UTF-8", NULL};
	const char *args[] = {"--db", NULL, "--staff", "王芳", NULL};
	struct harness_opts o = {.rows = 24, .cols = 80, .env = env, .args = args};
	struct harness *h;
	char *out = NULL;
	int st;

	dir = harness_tmpdir();
	db = malloc(strlen(dir) + 16);
	sprintf(db, "%s/t.db", dir);
	init[1] = db;
	args[1] = db;
	HCHECK(NULL, harness_run(ienv, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	free(harness_sql(db, seed));

	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "田秀艳", 5000); /* the fever alert in Today */
	HWAIT(h, "38.2", 3000);
	harness_type(h, "4");
	HWAIT(h, "田秀艳", 3000);
	HWAIT(h, "8/18", 3000);

	/* An empty check: refused, nothing stored. */
	harness_type(h, "c");
	HWAIT(h, "登记健康监测", 3000);
	harness_settle(h, 100, 2000);
	harness_key(h, "F10");
	HWAIT(h, "检查须填写体温、症状或未测原因", 3000);
	harness_key(h, "Esc");
	harness_settle(h, 100, 2000);
	if (harness_has_text(h, "放弃"))
		harness_type(h, "y");
	HSQL_IS(h, db, "SELECT count(*) FROM checks", "1");

	/* 期满解除 on day 8 with a fever: refused, the reasons named. */
	harness_settle(h, 100, 2000);
	harness_type(h, "x");
	HWAIT(h, "结束隔离", 3000);
	harness_key(h, "Space");
	HWAIT(h, "期满解除", 3000);
	harness_type(h, "1");
	harness_key(h, "F10");
	HWAIT(h, "第 8 天（共 18 天）", 3000);
	HWAIT(h, "38.2", 3000);
	HSQL_IS(h, db, "SELECT end_date IS NULL FROM isolations", "1");

	/* With a reason it ends, and the reason is kept. */
	harness_type(h, "区疾控核酸阴性");
	harness_key(h, "F10");
	HWAIT(h, "仍予解除：区疾控核酸阴性", 3000);
	HSQL_IS(h, db, "SELECT end_reason, release_override FROM isolations",
	       "completed|区疾控核酸阴性");
	HSQL_IS(h, db,
	       "SELECT count(*) FROM audit_log WHERE table_name = 'isolations'"
	       " AND changes LIKE '%release_override%'",
	       "1");
	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
