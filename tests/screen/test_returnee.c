/* test_returnee: 刘䶮 came back from 武汉 on 02-10 and is not isolated: the
 * alert "from 武汉 02-10, not isolated" is in Today; Enter
 * proposes an isolation from the return date, F10 confirms it (last day
 * 02-23) and the alert goes.  张三, back from 湖北 on 02-12, gets the
 * audited decision "home health monitoring" with a reason.  `doorstep
 * report` lists no returnee left.  In Chinese, at 80x24. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixture.h"

static char *dir, *db;

static const char seed[] =
    "INSERT INTO households(uuid, created_at, updated_at, code, sort_key) VALUES"
    " ('h1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-2-501', '03-02-2501');"
    "INSERT INTO residents(uuid, created_at, updated_at, household_id, name, relation, pinyin,"
    " returned_from, return_date) VALUES"
    " ('r1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '刘䶮', 'head', 'ly',"
    " '湖北省武汉市', '2020-02-10'),"
    " ('r2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '张三', 'child', 'zs',"
    " '湖北孝感', '2020-02-12');";

int main(void)
{
	const char *init[] = {"--db", NULL, "init", "--community", "幸福里社区", NULL};
	const char *ienv[] = {"DOORSTEP_NOW=2020-02-15 08:00:00", NULL};
	const char *env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", "NO_COLOR=1", "LANG=zh_CN.UTF-8",
			     "LC_ALL=zh_CN.UTF-8", NULL};
	const char *args[] = {"--db", NULL, "--staff", "王芳", NULL};
	const char *report[] = {"--db", NULL, "report", NULL};
	struct harness_opts o = {.rows = 24, .cols = 80, .env = env, .args = args};
	struct harness *h;
	char *out = NULL;
	int st;

	dir = harness_tmpdir();
	db = malloc(strlen(dir) + 16);
	sprintf(db, "%s/t.db", dir);
	init[1] = args[1] = report[1] = db;
	HCHECK(NULL, harness_run(ienv, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	free(harness_sql(db, seed));

	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "02-12 自湖北返回，未隔离", 5000);
	HWAIT(h, "02-10 自湖北返回，未隔离", 3000);
	/* 张三 (latest return) first: the monitoring decision */
	harness_key(h, "Home");
	harness_key(h, "Enter");
	HWAIT(h, "重点地区返回人员", 3000);
	HWAIT(h, "湖北孝感 2020-02-12", 3000);
	harness_settle(h, 50, 1000);
	harness_type(h, "2"); /* 居家健康监测，不隔离 */
	harness_key(h, "F10");
	HWAIT(h, "请填写只做居家健康监测、不隔离的理由", 3000);
	harness_type(h, "已在孝感隔离满14天");
	harness_key(h, "F10");
	HWAIT(h, "张三：居家健康监测，不隔离（已在孝感隔离满14天）。", 3000);
	HSQL_IS(h, db, "SELECT monitoring FROM residents WHERE name = '张三'", "已在孝感隔离满14天");
	/* 刘䶮: isolate from the return date */
	harness_key(h, "Home");
	harness_key(h, "Enter");
	HWAIT(h, "湖北省武汉市 2020-02-10", 3000);
	harness_key(h, "F10");
	HWAIT(h, "2020-02-23", 3000);
	HSQL_IS(h, db, "SELECT start_date, reason, kind FROM isolations", "2020-02-10|key_area|home");
	HCHECK(h, harness_wait_gone(h, "未隔离", 3000), "the returnee alert stayed");
	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	harness_free(&h);

	HCHECK(NULL, harness_run(env, report, &out, 5000) == 0, "report failed: %s", out);
	HCHECK(NULL, strstr(out, "重点地区返回未隔离人员： 0"), "report:\n%s", out);
	free(out);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
