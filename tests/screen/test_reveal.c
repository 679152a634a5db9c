/* test_reveal: the edit forms show ID numbers and phones masked and record
 * a reveal only when the whole number is actually shown (issue 22): an
 * edit that never moves into them writes no reveal; an arrow in the ID
 * field shows it and records "id_number" alone; typing a new phone
 * replaces it unseen.  zh_CN at 80x24, then English at 100x30. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static char *db;

static void expect_sql(struct harness *h, const char *q, const char *want)
{
	char *got = harness_sql(db, q);

	HCHECK(h, got && !strcmp(got, want), "%s gave \"%s\", want \"%s\"", q, got ? got : "?",
	       want);
	free(got);
}

static struct harness *start(const char *lang, int rows, int cols)
{
	static char buf[600];
	static const char *env[5];
	static const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.rows = rows, .cols = cols, .args = args, .env = env};
	struct harness *h;

	harness_db_env(db, buf, env);
	env[2] = lang;
	env[3] = "NO_COLOR=1";
	env[4] = NULL;
	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	harness_settle(h, 200, 5000);
	harness_type(h, "2");
	HWAIT(h, "6-1-101", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "钱九", 3000);
	harness_settle(h, 150, 2000);
	return h;
}

static void tabs(struct harness *h, int n)
{
	for (int i = 0; i < n; i++)
		harness_key(h, "Tab");
	harness_settle(h, 100, 2000);
}

int main(void)
{
	char *dir, *s;
	struct harness *h;
	int st;

	db = harness_new_db(&dir);
	s = harness_sql(
	    db, "INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key)"
		" VALUES(1, 'h1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '6-1-101',"
		" '06-01-2101');"
		"INSERT INTO residents(id, uuid, created_at, updated_at, household_id, name,"
		" relation, id_number, phone) VALUES(1, 'r1', '2020-02-01 08:00:00',"
		" '2020-02-01 08:00:00', 1, '钱九', 'head', '11010119900307109X',"
		" '13812345678');");
	HCHECK(NULL, s != NULL, "fixture");
	free(s);

	/* zh_CN: an edit of the status only records no reveal */
	h = start("LANG=zh_CN.UTF-8", 24, 80);
	harness_type(h, "e");
	HWAIT(h, "与户主关系", 3000);
	HWAIT(h, "110101********109X", 3000);
	HWAIT(h, "138****5678", 3000);
	HCHECK(h, !harness_has_text(h, "11010119900307109X"), "the ID shows whole in the form");
	tabs(h, 7);
	harness_type(h, "wc");
	harness_key(h, "F10");
	HGONE(h, "与户主关系", 3000);
	expect_sql(h, "SELECT status, id_number, phone FROM residents",
		   "away|11010119900307109X|13812345678");
	expect_sql(h, "SELECT count(*) FROM audit_log WHERE action = 'reveal'", "0");
	/* an arrow in the ID field shows it whole: recorded, that field alone */
	harness_type(h, "e");
	HWAIT(h, "与户主关系", 3000);
	tabs(h, 3);
	HWAIT(h, "输入即替换", 3000);
	harness_key(h, "Left");
	HWAIT(h, "11010119900307109X", 3000);
	HCHECK(h, !harness_has_text(h, "13812345678"), "the phone shows whole too");
	expect_sql(h, "SELECT table_name, record_uuid, changes FROM audit_log WHERE action = 'reveal'",
		   "residents|r1|{\"revealed\":\"id_number\"}");
	harness_key(h, "Esc");
	HGONE(h, "与户主关系", 3000);
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);

	/* English: a new phone typed over the masked one, never shown */
	h = start("LANG=C.UTF-8", 30, 100);
	harness_type(h, "e");
	HWAIT(h, "Relation to the head", 3000);
	HWAIT(h, "138****5678", 3000);
	tabs(h, 6);
	HWAIT(h, "type to replace", 3000);
	harness_type(h, "13900001111");
	HWAIT(h, "13900001111", 3000);
	harness_key(h, "F10");
	HGONE(h, "Relation to the head", 3000);
	expect_sql(h, "SELECT phone FROM residents", "13900001111");
	expect_sql(h, "SELECT count(*) FROM audit_log WHERE action = 'reveal'", "1");
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);

	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
