/* test_followup: a fever found on the round opens a follow-up that stays
 * in Today; the worker refers it to the fever clinic (it stays open), then
 * closes it as isolated: the isolation starts in the same step and the case
 * leaves Today.  The day's counts move, `doorstep report` says so, and the
 * followups export lists the case.  In Chinese, at 80x24. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixture.h"

static const char *db;

static const char seed[] =
    "INSERT INTO households(uuid, created_at, updated_at, code, sort_key) VALUES"
    " ('h1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-2-501', '03-02-2501');"
    "INSERT INTO residents(uuid, created_at, updated_at, household_id, name, relation, pinyin)"
    " VALUES ('r1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '田秀艳', 'head', 'txy');"
    "INSERT INTO visits(uuid, created_at, updated_at, household_id, at, date, outcome) VALUES"
    " ('v1', '2020-02-15 08:10:00', '2020-02-15 08:10:00', 1, '2020-02-15 08:10:00',"
    " '2020-02-15', 'visited');"
    "INSERT INTO readings(uuid, created_at, updated_at, visit_id, resident_id, temperature)"
    " VALUES ('d1', '2020-02-15 08:10:00', '2020-02-15 08:10:00', 1, 1, 390);"
    "INSERT INTO followups(uuid, created_at, updated_at, resident_id, opened_at, source,"
    " source_uuid, temperature) VALUES ('f1', '2020-02-15 08:10:00', '2020-02-15 08:10:00', 1,"
    " '2020-02-15 08:10:00', 'round', 'd1', 390);";

/* The follow-up is Today's second alert, after the round's fever. */
static void go_to_row(struct harness *h)
{
	harness_key(h, "Home");
	harness_key(h, "Down");
	harness_settle(h, 50, 1000);
}

int main(void)
{
	struct harness_fixture fx = {
	    .lang = "zh_CN", .staff = "王芳", .seed = seed, .now = "2020-02-15 10:00:00"};
	const char *report[] = {"--db", NULL, "report", NULL};
	const char *export[] = {"--db", NULL, "export", "followups", "--encoding", "utf8", NULL};
	struct harness *h;
	char *out = NULL;
	int st;

	h = harness_fixture_open(&fx);
	db = fx.db;
	report[1] = export[1] = db;
	HWAIT(h, "发热随访", 5000);
	HWAIT(h, "随访在管 1", 3000);
	go_to_row(h);
	harness_key(h, "Enter");
	HWAIT(h, "发热送诊随访", 3000);
	HWAIT(h, "39.0", 3000);
	/* Nothing typed: refused. */
	harness_key(h, "F10");
	HWAIT(h, "请填写送诊的发热门诊，或随访结果", 3000);
	/* Referred at 09:40 to the clinic by ambulance: still open.  The
	 * refusal left the cursor on the clinic. */
	harness_type(h, "区人民医院发热门诊");
	harness_key(h, "Tab");
	harness_type(h, "120救护车");
	harness_key(h, "BTab");
	harness_key(h, "BTab");
	harness_type(h, "09:40");
	harness_key(h, "F10");
	HWAIT(h, "已送区人民医院发热门诊", 3000);
	HWAIT(h, "随访已送诊", 3000);
	HSQL_IS(h, db, "SELECT referred_at, clinic, transport, closed_at IS NULL FROM followups",
		"2020-02-15 09:40:00|区人民医院发热门诊|120救护车|1");

	/* Closed as isolated: the isolation starts, the case leaves Today. */
	go_to_row(h);
	harness_key(h, "Enter");
	HWAIT(h, "发热送诊随访", 3000);
	HWAIT(h, "区人民医院发热门诊", 3000);
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_type(h, "4"); /* outcome: isolated (after 未结案, 排除, 居家观察) */
	harness_key(h, "F10");
	HWAIT(h, "田秀艳的随访已结案：隔离", 3000);
	HWAIT(h, "随访在管 0", 3000);
	HSQL_IS(h, db, "SELECT outcome, isolation_id FROM followups", "isolated|1");
	HSQL_IS(h, db, "SELECT kind, reason, start_date, end_date IS NULL FROM isolations",
		"home|symptoms|2020-02-15|1");
	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(&h);

	HCHECK(NULL, harness_run(fx.env, report, &out, 5000) == 0, "report failed: %s", out);
	HCHECK(NULL, strstr(out, "发热随访") && strstr(out, "当日结案： 1"),
	       "report without the follow-ups:\n%s", out);
	free(out);
	HCHECK(NULL, harness_run(fx.env, export, &out, 5000) == 0, "export failed: %s", out);
	HCHECK(NULL,
	       strstr(out, "田秀艳") && strstr(out, "区人民医院发热门诊") &&
		   strstr(out, ",isolated,2020-02-15 10:00:00,王芳"),
	       "export without the case:\n%s", out);
	free(out);
	harness_fixture_close(&fx);
	return 0;
}
