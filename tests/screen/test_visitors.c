/* test_visitors: the visitor log at the gate (外来人员登记) in Chinese at
 * 80x24: from the gate `n` opens the log; a courier with 38.0 is refused
 * (reason on screen and stored), a relative from 武汉 who arrived two days
 * ago is refused, a neighbour from town is admitted and later leaves (`o`);
 * the export and the sheet list all three with the document masked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "harness.h"

static char *dir, *db;

static const char seed[] =
    "INSERT INTO households(uuid, created_at, updated_at, code, sort_key) VALUES"
    " ('h1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-2-501', '03-02-2501');"
    "INSERT INTO checkpoints(uuid, created_at, updated_at, name) VALUES"
    " ('c1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '东门卡点');";

static void sql_is(struct harness *h, const char *sql, const char *want)
{
	char *got = harness_sql(db, sql);

	HCHECK(h, got && !strcmp(got, want), "%s\n  gave \"%s\", want \"%s\"", sql,
	       got ? got : "(sqlite3 failed)", want);
	free(got);
}

/* Logs a visitor: name, temperature, where from, arrival (may be ""). */
static void visitor(struct harness *h, const char *name, const char *temp, const char *from,
		    const char *arrived)
{
	harness_type(h, "n");
	HWAIT(h, "外来人员登记", 3000);
	harness_settle(h, 50, 1000);
	harness_type(h, name);
	harness_key(h, "Tab");
	harness_type(h, temp);
	harness_key(h, "Tab");
	harness_type(h, from);
	harness_key(h, "Tab");
	harness_type(h, arrived);
	harness_key(h, "Tab");
	harness_type(h, "3-2-501");
	harness_key(h, "F10");
}

int main(void)
{
	const char *init[] = {"--db", NULL, "init", "--community", "幸福里社区", NULL};
	const char *ienv[] = {"DOORSTEP_NOW=2020-02-15 08:00:00", NULL};
	const char *env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", "NO_COLOR=1", "LANG=zh_CN.UTF-8",
			     "LC_ALL=zh_CN.UTF-8", NULL};
	const char *args[] = {"--db", NULL, "--staff", "李强", NULL};
	const char *exp[] = {"--db", NULL, "export", "visitors", "--encoding", "utf8", NULL};
	const char *sheet[] = {"--db", NULL, "sheet", "visitors", "--text", NULL};
	struct harness_opts o = {.rows = 24, .cols = 80, .env = env, .args = args};
	struct harness *h;
	char *out = NULL;
	int st;

	dir = harness_tmpdir();
	db = malloc(strlen(dir) + 16);
	sprintf(db, "%s/t.db", dir);
	init[1] = args[1] = exp[1] = sheet[1] = db;
	HCHECK(NULL, harness_run(ienv, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	free(harness_sql(db, seed));

	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "今日", 5000);
	harness_type(h, "8");
	HWAIT(h, "东门卡点", 3000);
	harness_type(h, "n");
	HWAIT(h, "今天还没有外来人员", 3000);

	visitor(h, "快递员张伟", "380", "本市", "");
	HWAIT(h, "快递员张伟: 劝返：体温 38.0 度，发热。", 3000);
	visitor(h, "王丽", "365", "湖北省武汉市", "2020-02-13");
	HWAIT(h, "王丽: 劝返：来自湖北（02-13 抵达），未满 14 天。", 3000);
	visitor(h, "李邻居", "366", "本市江岸区", "");
	HWAIT(h, "李邻居 准予进入，已登记。", 3000);
	HWAIT(h, "登记 3 人，劝返 2 人", 3000);
	harness_key(h, "End");
	harness_type(h, "o");
	HWAIT(h, "李邻居 已离开。", 3000);
	sql_is(h, "SELECT name, admitted, time_out IS NOT NULL FROM visitors ORDER BY id",
	       "快递员张伟|0|0\n王丽|0|0\n李邻居|1|1");
	harness_key(h, "Esc");
	HWAIT(h, "出入证编号", 3000);
	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	harness_free(&h);

	HCHECK(NULL, harness_run(env, exp, &out, 5000) == 0, "export failed: %s", out);
	HCHECK(NULL, strstr(out, "王丽") && strstr(out, "劝返：来自湖北"), "export:\n%s", out);
	free(out);
	HCHECK(NULL, harness_run(env, sheet, &out, 5000) == 0, "sheet failed: %s", out);
	HCHECK(NULL, strstr(out, "外来人员登记表") && strstr(out, "李邻居") &&
			 strstr(out, "当日登记外来人员 3 人，其中劝返 2 人"),
	       "sheet:\n%s", out);
	free(out);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
