/* test_visitors: the visitor log at the gate (外来人员登记) in Chinese at
 * 80x24: from the gate `n` opens the log; a courier with 38.0 is refused
 * (reason on screen and stored), a relative from 武汉 who arrived two days
 * ago is refused, a neighbour from town is admitted and later leaves (`o`);
 * the export and the sheet list all three with the document masked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixture.h"

static const char *db;

static const char seed[] =
    "INSERT INTO households(uuid, created_at, updated_at, code, sort_key) VALUES"
    " ('h1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-2-501', '03-02-2501');"
    "INSERT INTO checkpoints(uuid, created_at, updated_at, name) VALUES"
    " ('c1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '东门卡点');";

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
	struct harness_fixture fx = {.lang = "zh_CN", .staff = "李强", .seed = seed};
	const char *exp[] = {"--db", NULL, "export", "visitors", "--encoding", "utf8", NULL};
	const char *sheet[] = {"--db", NULL, "sheet", "visitors", "--text", NULL};
	struct harness *h;
	char *out = NULL;
	int st;

	h = harness_fixture_open(&fx);
	db = fx.db;
	exp[1] = sheet[1] = db;
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
	HSQL_IS(h, db, "SELECT name, admitted, time_out IS NOT NULL FROM visitors ORDER BY id",
		"快递员张伟|0|0\n王丽|0|0\n李邻居|1|1");
	harness_key(h, "Esc");
	HWAIT(h, "出入证编号", 3000);
	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	harness_free(&h);

	HCHECK(NULL, harness_run(fx.env, exp, &out, 5000) == 0, "export failed: %s", out);
	HCHECK(NULL, strstr(out, "王丽") && strstr(out, "劝返：来自湖北"), "export:\n%s", out);
	free(out);
	HCHECK(NULL, harness_run(fx.env, sheet, &out, 5000) == 0, "sheet failed: %s", out);
	HCHECK(NULL,
	       strstr(out, "外来人员登记表") && strstr(out, "李邻居") &&
		   strstr(out, "当日登记外来人员 3 人，其中劝返 2 人"),
	       "sheet:\n%s", out);
	free(out);
	harness_fixture_close(&fx);
	return 0;
}
