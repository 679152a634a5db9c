/* test_today: the Today tab in a real terminal (issue 5).
 *
 * The counts follow DOORSTEP_NOW: at 09:30 no check is missed yet, at 13:30
 * (after the AM cut-off) both isolations missed their AM check.  Visits
 * written by another program (the sqlite3 shell) show up without a key
 * press; the alerts list fevers with names, the no answer to revisit and the
 * isolation ending today, and a fever at an isolation check (the
 * isolation alerts of db_isolation_alerts); Enter on the no answer opens the Rounds tab on
 * that household (switching the grid), Enter on an isolation alert the
 * Isolation tab; an isolation released today leaves the day's checks with
 * its person (docs/report.md). */
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

/* Waits (3 s at most) until the row showing key also shows want. */
static void row_has(struct harness *h, const char *key, const char *want)
{
	char *line = NULL;
	int row, col;

	for (int waited = 0; waited <= 3000; waited += 50) {
		free(line);
		line = NULL;
		if (harness_find(h, key, &row, &col)) {
			line = harness_row_text(h, row);
			if (strstr(line, want)) {
				free(line);
				return;
			}
		}
		harness_pump(h, 50);
	}
	HCHECK(h, 0, "row of %s is \"%s\", want \"%s\" in it", key, line ? line : "(none)", want);
}

static struct harness *start(const char *now)
{
	const char *env[] = {now, "NO_COLOR=1", NULL};
	static const char *args[] = {"--db", db, "--staff", "李强", NULL};
	struct harness_opts o = {.env = env, .args = args};
	struct harness *h = harness_start(&o);

	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "Households visited", 5000);
	return h;
}

int main(void)
{
	static const char *const env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", NULL};
	char *dir = harness_tmpdir();
	const char *init[] = {"--db", db, "init", "--community", "幸福里社区", NULL};
	struct harness *h;
	struct harness_cell c;
	char *out = NULL;
	int st, row, col;

	snprintf(db, sizeof db, "%s/today.db", dir);
	HCHECK(NULL, harness_run(env, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	free(sql(".read tests/screen/fixtures/round.sql"));
	/* 冯刚's central isolation is checked by the committee here (the
	 * sites' own checks: tests/unit/test_elsewhere.c). */
	free(sql("UPDATE settings SET checks_central = 1;"));

	/* 09:30: nothing done, nothing missed yet */
	h = start("DOORSTEP_NOW=2020-02-15 09:30:00");
	row_has(h, "Households visited", "0 / 7");
	row_has(h, "In isolation", "home 1 | central 1 | hospital 0");
	row_has(h, "Checks today", "2 due");
	row_has(h, "Checks today", "missed AM 0 PM 0");
	row_has(h, "Isolations ending today", "1");
	row_has(h, "ends today", "冯刚");
	HCHECK(h, !harness_has_text(h, "check missed"), "a check is missed before the cut-off");

	/* another program writes: a fever in 5-1-101 and a no answer at 5-1-102 */
	free(
	    sql("INSERT INTO visits(id, uuid, created_at, updated_at, household_id, at, date,"
		" staff_id, outcome) VALUES"
		" (1, 'v-1', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 6,"
		"  '2020-02-15 09:00:00', '2020-02-15', 2, 'visited'),"
		" (2, 'v-2', '2020-02-15 09:10:00', '2020-02-15 09:10:00', 7,"
		"  '2020-02-15 09:10:00', '2020-02-15', 2, 'no_answer');"
		"INSERT INTO readings(uuid, created_at, updated_at, visit_id, resident_id,"
		" temperature) VALUES ('rd-1', '2020-02-15 09:00:00', '2020-02-15 09:00:00', 1, 11,"
		" 381);"));
	row_has(h, "Households visited", "2 / 7");
	row_has(h, "Residents checked", "fevers found today 1");
	row_has(h, "FEVER", "郑洁");
	row_has(h, "FEVER", "38.1 C");
	row_has(h, "no answer  ", "5-1-102");
	HCHECK(h,
	       harness_find(h, "fevers found today 1", &row, &col) &&
		   harness_cell(h, row, col, &c) == 0 && c.bold,
	       "the fever count is not highlighted");

	/* Enter on the no answer: Rounds, on 5-1-102, in its grid */
	harness_key(h, "Home");
	harness_key(h, "Down");
	harness_key(h, "Enter");
	HWAIT(h, "第二网格 (李强)", 3000);
	HWAIT(h, "5-1-102", 3000);
	harness_settle(h, 150, 2000);
	HCHECK(h,
	       harness_find(h, "5-1-102", &row, &col) && harness_cell(h, row, 0, &c) == 0 &&
		   c.reverse,
	       "5-1-102 is not selected");
	row_has(h, "5-1-102", "no answer");
	row_has(h, "5-1-101", "FEVER 38.1");

	/* back to Today; Enter on the isolation alert: the Isolation tab */
	harness_key(h, "BTab");
	harness_key(h, "BTab");
	HWAIT(h, "Households visited", 3000);
	harness_key(h, "End");
	harness_key(h, "Enter");
	HGONE(h, "Households visited", 3000);
	HCHECK(h,
	       harness_find(h, " 4 ", &row, &col) && harness_cell(h, 0, col, &c) == 0 && c.reverse,
	       "the Isolation tab is not the current tab");
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);

	/* 13:30, after the AM cut-off: both isolations missed their AM check */
	h = start("DOORSTEP_NOW=2020-02-15 13:30:00");
	row_has(h, "Checks today", "missed AM 2 PM 0");
	row_has(h, "check missed        郑洁", "5-1-101      no AM check");
	row_has(h, "check missed        冯刚", "5-1-102      no AM check");
	/* a fever at an isolation check: the same alert as the Isolation tab and
	 * `report` (db_isolation_alerts), and the AM check is no longer missed */
	free(sql("INSERT INTO checks(uuid, created_at, updated_at, isolation_id, date, slot, at,"
		 " temperature) VALUES ('k-1', '2020-02-15 13:20:00', '2020-02-15 13:20:00', 1,"
		 " '2020-02-15', 'AM', '2020-02-15 13:20:00', 385);"));
	row_has(h, "38.5 C at the last check", "FEVER               郑洁");
	row_has(h, "Checks today", "missed AM 1 PM 0");
	HCHECK(h, !harness_has_text(h, "check missed        郑洁"), "郑洁's AM check is still missed");
	row_has(h, "Checks today", "AM 1/2");
	/* Enter on 冯刚's missed check: the Isolation tab on his isolation (its
	 * second row now; the first is 郑洁's with the fever) */
	harness_key(h, "Home");
	for (int i = 0; i < 12; i++) {
		harness_settle(h, 100, 2000);
		if (harness_find(h, "check missed        冯刚", &row, &col) &&
		    harness_cell(h, row, 0, &c) == 0 && c.reverse)
			break;
		harness_key(h, "Down");
	}
	harness_key(h, "Enter");
	HWAIT(h, "Flags", 3000);
	harness_settle(h, 150, 2000);
	HCHECK(h,
	       harness_find(h, "冯刚", &row, &col) && harness_cell(h, row, 0, &c) == 0 &&
		   c.reverse && harness_find(h, "郑洁", &st, &col) && st < row,
	       "Enter on 冯刚's alert did not select his isolation");
	harness_key(h, "BTab");
	harness_key(h, "BTab");
	harness_key(h, "BTab");
	HWAIT(h, "Households visited", 3000);
	/* 郑洁 is released today: her AM check is no longer one of the day's
	 * checks, as she is no longer among those due (not "AM 1/1") */
	free(sql("UPDATE isolations SET end_date = '2020-02-15', end_reason = 'completed'"
		 " WHERE id = 1;"));
	row_has(h, "Checks today", "1 due");
	row_has(h, "Checks today", "AM 0/1 | PM 0/1 | missed AM 1 PM 0");
	row_has(h, "Isolations ending today", "released today 1");
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);

	/* the next day: nothing done yet, the central isolation is past its last day */
	h = start("DOORSTEP_NOW=2020-02-16 08:00:00");
	row_has(h, "Households visited", "0 / 7");
	row_has(h, "release due", "冯刚");
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);

	/* more rounds alerts than the list shows (a fever of everyone, a
	 * no answer everywhere): the isolation alerts, read
	 * only when the list reaches them, are there past the last rounds
	 * alert, from the end (End) and page by page (PgDn) */
	free(sql("INSERT INTO visits(uuid, created_at, updated_at, household_id, at, date,"
		 " staff_id, outcome) SELECT 'v-n' || id, '2020-02-16 08:00:00',"
		 " '2020-02-16 08:00:00', id, '2020-02-16 08:00:00', '2020-02-16', 2, 'no_answer'"
		 " FROM households;"
		 "INSERT INTO readings(uuid, created_at, updated_at, visit_id, resident_id,"
		 " temperature) SELECT 'rd-n' || r.id, '2020-02-16 08:00:00', '2020-02-16 08:00:00',"
		 " v.id, r.id, 385 FROM residents r JOIN visits v ON v.household_id = r.household_id"
		 " AND v.date = '2020-02-16';"));
	h = start("DOORSTEP_NOW=2020-02-16 09:00:00");
	row_has(h, "Households visited", "7 / 7");
	row_has(h, "FEVER", "38.5 C");
	HCHECK(h, !harness_has_text(h, "release due"),
	       "the isolation alert shows on a page full of rounds alerts");
	harness_key(h, "End");
	row_has(h, "release due", "冯刚");
	/* another program's write reloads the screen where it stands: the
	 * held alerts are read again, from the row shown */
	free(sql("UPDATE readings SET deleted_at = '2020-02-16 08:30:00'"
		 " WHERE uuid LIKE 'rd-n%' AND resident_id = (SELECT min(resident_id)"
		 " FROM readings WHERE uuid LIKE 'rd-n%');"));
	row_has(h, "Residents checked", "fevers found today 11");
	row_has(h, "release due", "冯刚");
	harness_key(h, "Home");
	HGONE(h, "release due", 3000);
	for (int i = 0; i < 4 && !harness_has_text(h, "release due"); i++) {
		harness_key(h, "PgDn");
		harness_settle(h, 100, 2000);
	}
	row_has(h, "release due", "冯刚");
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	return 0;
}
