/* test_gate_fever: the gate and the fevers (外出体温).  3-2-501's child had
 * 39.0 on this morning's round: its pass is refused, the reason naming him
 * and the reading.  3-2-502 goes out with a temperature typed at the gate:
 * 38.5 refuses the outing, opens a follow-up and writes no outing; then the
 * household is refused like an isolated one; 5-1-101 with 36.6 goes out,
 * the reading kept with the outing.  In Chinese, at 80x24. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixture.h"

static const char *db;

static const char seed[] =
    "INSERT INTO households(uuid, created_at, updated_at, code, sort_key) VALUES"
    " ('h1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-2-501', '03-02-2501'),"
    " ('h2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-2-502', '03-02-2502'),"
    " ('h3', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '5-1-101', '05-01-2101');"
    "INSERT INTO residents(uuid, created_at, updated_at, household_id, name, relation, pinyin)"
    " VALUES ('r1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '王建国', 'head', 'wjg'),"
    " ('r2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '王小明', 'child', 'wxm'),"
    " ('r3', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 2, '刘芳', 'head', 'lf'),"
    " ('r4', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 3, '陈明', 'head', 'cm');"
    "INSERT INTO checkpoints(uuid, created_at, updated_at, name) VALUES"
    " ('c1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '东门卡点');"
    "INSERT INTO passes(uuid, created_at, updated_at, pass_no, household_id, issued_date)"
    " VALUES ('p1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '01000015', 1, '2020-02-01'),"
    " ('p2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '01000028', 2, '2020-02-01'),"
    " ('p3', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '01000031', 3, '2020-02-01');"
    "INSERT INTO followups(uuid, created_at, updated_at, resident_id, opened_at, source,"
    " temperature) VALUES ('f1', '2020-02-15 08:10:00', '2020-02-15 08:10:00', 2,"
    " '2020-02-15 08:10:00', 'round', 390);";

static void scan(struct harness *h, const char *pass_no)
{
	harness_type(h, pass_no);
	harness_key(h, "Enter");
}

int main(void)
{
	struct harness_fixture fx = {.lang = "zh_CN", .staff = "李强", .seed = seed};
	struct harness *h;
	int st;

	h = harness_fixture_open(&fx);
	db = fx.db;
	HWAIT(h, "今日", 5000);
	harness_type(h, "8");
	HWAIT(h, "东门卡点", 3000);
	/* 3-2-501: 王小明 had 39.0 on the round */
	scan(h, "01000015");
	HWAIT(h, "不允许外出", 3000);
	HWAIT(h, "王小明", 3000);
	HWAIT(h, "39.0 度", 3000);
	harness_type(h, "o");
	HWAIT(h, "发热随访未结案", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM pass_events", "0");

	/* 3-2-502: 38.5 at the gate */
	scan(h, "01000028");
	HWAIT(h, "允许外出", 3000);
	harness_type(h, "t");
	HWAIT(h, "外出测温", 3000);
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_type(h, "385");
	harness_key(h, "F10");
	HWAIT(h, "38.5 度 为发热，已建立随访", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM pass_events", "0");
	HSQL_IS(h, db,
		"SELECT r.name, f.source, f.temperature FROM followups f"
		" JOIN residents r ON r.id = f.resident_id WHERE f.source = 'gate'",
		"刘芳|gate|385");
	scan(h, "01000028");
	HWAIT(h, "刘芳有未结案的发热随访", 3000);

	/* 5-1-101: 36.6, out */
	scan(h, "01000031");
	HWAIT(h, "允许外出", 3000);
	harness_type(h, "t");
	HWAIT(h, "外出测温", 3000);
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_type(h, "36.6");
	harness_key(h, "F10");
	HWAIT(h, "已登记外出，体温 36.6 度", 3000);
	HSQL_IS(h, db, "SELECT direction, temperature, resident_id FROM pass_events", "out|366|4");
	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	harness_free(&h);
	harness_fixture_close(&fx);
	return 0;
}
