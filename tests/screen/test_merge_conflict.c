/* test_merge_conflict: an open conflict a merge stored (issue 23: a void on
 * one machine, the goods given out on the other, stock below zero) is on the
 * Today tab until someone settles it; Enter shows both machines' records and
 * the repairing actions; undoing the void clears it, audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static char db[512];

static char *sql(const char *q)
{
	char *out = harness_sql(db, q);

	if (!out) {
		fprintf(stderr, "FAIL: sqlite3 failed on: %s\n", q);
		exit(1);
	}
	return out;
}

int main(void)
{
	static const char *const env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", NULL};
	const char *tenv[] = {"DOORSTEP_NOW=2020-02-15 10:30:00", "NO_COLOR=1", NULL};
	static const char *args[] = {"--db", db, "--staff", "李强", NULL};
	struct harness_opts o = {.env = tenv, .args = args};
	char *dir = harness_tmpdir();
	const char *init[] = {"--db", db, "init", "--community", "幸福里社区", NULL};
	const char *check[] = {"--db", db, "check", NULL};
	struct harness *h;
	char *out = NULL;
	int st;

	snprintf(db, sizeof db, "%s/conflict.db", dir);
	HCHECK(NULL, harness_run(env, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	/* what a merge leaves: A's void of 50 boxes, B's 30 boxes given out,
	 * and the open conflict it stored */
	free(sql("INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year, station, seq,"
		 " received_date, donor_name, kind, item, quantity, unit, void_reason, voided_at)"
		 " VALUES ('d-1', '2020-02-14 09:00:00', '2020-02-15 10:00:00', '2020-A-0013', 2020,"
		 " 'A', 13, '2020-02-14', '王先生', 'goods', '口罩', 5000, '箱', '重复登记',"
		 " '2020-02-15 10:00:00');"
		 "INSERT INTO distributions(uuid, created_at, updated_at, item, unit, quantity,"
		 " recipient, date) VALUES ('t-1', '2020-02-15 10:05:00', '2020-02-15 10:05:00',"
		 " '口罩', '箱', 3000, '东门卡点', '2020-02-15');"
		 "INSERT INTO conflicts(uuid, created_at, updated_at, kind, subject, detail) VALUES"
		 " ('c-1', '2020-02-15 10:05:00', '2020-02-15 10:05:00', 'stock', '口罩|箱',"
		 " json_object('item', '口罩', 'unit', '箱', 'received', 0, 'distributed', 3000,"
		 " 'voids', json_array(json_object('uuid', 'd-1', 'receipt_no', '2020-A-0013',"
		 " 'quantity', 5000, 'void_reason', '重复登记')), 'distributions',"
		 " json_array(json_object('uuid', 't-1', 'date', '2020-02-15', 'quantity', 3000,"
		 " 'recipient', '东门卡点'))));"));
	/* check passes, with a warning */
	HCHECK(NULL, harness_run(env, check, &out, 5000) == 0, "check failed: %s", out);
	HCHECK(NULL, strstr(out, "warning: conflict") != NULL, "no warning in: %s", out);
	free(out);

	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "CONFLICT", 5000);
	HWAIT(h, "stock below zero after a merge", 3000);
	harness_key(h, "End");
	harness_key(h, "Enter");
	HWAIT(h, "Merge conflict: stock of 口罩 (箱) below zero", 3000);
	HWAIT(h, "2020-A-0013: 50 箱, voided (重复登记)", 3000);
	HWAIT(h, "2020-02-15: 30 箱 to 东门卡点", 3000);
	/* Settle by (the first field to fill): undo the void */
	harness_settle(h, 150, 2000);
	harness_send(h, " ", 1);
	HWAIT(h, "undo the void", 3000);
	harness_send(h, "1", 1);
	harness_settle(h, 150, 2000);
	harness_key(h, "F10");
	HGONE(h, "Merge conflict", 3000);
	HGONE(h, "CONFLICT", 3000);
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);

	out = sql("SELECT coalesce(void_reason, 'counts') || ' ' || (SELECT resolution FROM conflicts)"
		  " || ' ' || (SELECT count(*) FROM audit_log WHERE action = 'update'"
		  " AND record_uuid IN ('d-1', 'c-1')) FROM donations");
	HCHECK(NULL, strstr(out, "counts undo_void 2") != NULL, "after settling: %s", out);
	free(out);
	HCHECK(NULL, harness_run(env, check, &out, 5000) == 0, "check failed: %s", out);
	HCHECK(NULL, strstr(out, "warning") == NULL, "a warning is left: %s", out);
	free(out);
	harness_rmdir(dir);
	free(dir);
	return 0;
}
