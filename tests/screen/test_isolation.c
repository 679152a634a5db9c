/* test_isolation: the Isolation tab as a user drives it, across a day and
 * the next, each time a new run of the binary with another DOORSTEP_NOW:
 * start two isolations through the resident picker (pinyin initials), an AM
 * check in the morning, the missed AM check shown after the cut-off, a PM
 * fever in the evening (alert first in the list), extend, end, and a late
 * check the next day; the database is checked after each step with the
 * sqlite3 shell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixture.h"

static char *dir, *db;

static const char seed[] =
    "INSERT INTO households(uuid, created_at, updated_at, code, sort_key) VALUES"
    " ('h1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-2-501', '03-02-2501'),"
    " ('h2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-10-101', '03-110-2101');"
    "INSERT INTO residents(uuid, created_at, updated_at, household_id, name, relation,"
    " id_number, pinyin) VALUES"
    " ('r1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '张三', 'head',"
    " '11010519491231002X', 'zs'),"
    " ('r2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '李四', 'spouse', NULL, 'ls'),"
    " ('r3', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 2, '王小明', 'head', NULL, 'wxm');";

/* Starts the TUI at `now` on the Isolation tab. */
static struct harness *run_at(const char *now)
{
	char nowenv[64];
	const char *env[] = {nowenv, "NO_COLOR=1", NULL};
	const char *args[] = {"--db", db, "--staff", "王芳", NULL};
	struct harness_opts o = {.rows = 24, .cols = 80, .env = env, .args = args};
	struct harness *h;

	snprintf(nowenv, sizeof nowenv, "DOORSTEP_NOW=%s", now);
	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "Today", 5000);
	harness_type(h, "4");
	HWAIT(h, "Isolation:", 3000);
	return h;
}

static void quit(struct harness **h)
{
	int st;

	harness_type(*h, "q");
	HCHECK(*h, harness_wait_exit(*h, 5000, &st), "did not quit");
	HCHECK(*h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(h);
}

/* 1 when the screen row holding `name` also holds `text`. */
static int row_has(struct harness *h, const char *name, const char *text)
{
	int row, col, ok;
	char *s;

	if (!harness_find(h, name, &row, &col))
		return 0;
	s = harness_row_text(h, row);
	ok = strstr(s, text) != NULL;
	free(s);
	return ok;
}

/* Waits up to ms for the row holding name to hold text. */
static int wait_row(struct harness *h, const char *name, const char *text, int ms)
{
	for (int waited = 0; waited <= ms; waited += 50) {
		if (row_has(h, name, text))
			return 1;
		harness_pump(h, 50);
	}
	return 0;
}

/* Waits up to ms for name to be on the list's first row. */
static int wait_first(struct harness *h, const char *name, int ms)
{
	int row, col;

	for (int waited = 0; waited <= ms; waited += 50) {
		if (harness_find(h, name, &row, &col) && row == 4)
			return 1;
		harness_pump(h, 50);
	}
	return 0;
}

static void start_for(struct harness *h, const char *query, const char *name)
{
	harness_type(h, "n");
	HWAIT(h, "Find:", 3000);
	harness_type(h, query);
	HWAIT(h, name, 3000);
	harness_key(h, "Enter");
	HWAIT(h, "Start an isolation", 3000);
	HWAIT(h, name, 3000);
	harness_key(h, "F10");
	HWAIT(h, "Isolation started on 2020-02-15: 14 days, last day 2020-02-28.", 3000);
}

int main(void)
{
	const char *init[] = {"--db", NULL, "init", "--community", "幸福社区", NULL};
	const char *env[] = {"DOORSTEP_NOW=2020-02-15 08:00:00", NULL};
	struct harness *h;
	char *out = NULL;

	dir = harness_tmpdir();
	db = malloc(strlen(dir) + 16);
	sprintf(db, "%s/t.db", dir);
	init[1] = db;
	HCHECK(NULL, harness_run(env, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	free(harness_sql(db, seed));
	HSQL_IS(NULL, db, "SELECT count(*) FROM residents", "3");

	/* 09:30: start two isolations; the picker finds 张三 by "zs" */
	h = run_at("2020-02-15 09:30:00");
	HWAIT(h, "Nobody is in isolation", 3000);
	start_for(h, "zs", "张三");
	HWAIT(h, "1/14", 3000);
	HCHECK(h, wait_row(h, "张三", "110105********002X", 3000), "no masked ID on 张三's row");
	HCHECK(h, wait_row(h, "张三", "02-28", 3000), "no last day on 张三's row");
	start_for(h, "xm", "王小明");
	HWAIT(h, "Isolation: 2 active", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM isolations WHERE end_date IS NULL AND days = 14", "2");
	/* a resident already isolated cannot start a second one */
	harness_type(h, "n");
	HWAIT(h, "Find:", 3000);
	harness_type(h, "zs");
	HWAIT(h, "since 02-15", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "already in isolation since 2020-02-15", 3000);

	/* the AM check of 张三: the slot comes from the clock */
	HCHECK(h, wait_first(h, "张三", 3000), "张三 is not the first row");
	harness_key(h, "Home");
	harness_type(h, "c");
	HWAIT(h, "Record a check", 3000);
	HWAIT(h, "张三 (3-2-501), day 1 of 14", 3000);
	harness_settle(h, 100, 2000);
	HCHECK(h, wait_row(h, "Slot", " AM ", 3000), "the slot is not AM at 09:30");
	harness_type(h, "368");
	harness_key(h, "F10");
	HWAIT(h, "AM check of 2020-02-15 recorded for 张三: 36.8 C.", 3000);
	HCHECK(h, wait_row(h, "张三", "36.8", 3000), "the AM check is not on 张三's row");
	HSQL_IS(h, db, "SELECT slot, temperature, method, late FROM checks", "AM|368|in_person|0");
	HSQL_IS(h, db,
	       "SELECT count(*) FROM audit_log WHERE action = 'insert'"
	       " AND table_name IN ('isolations', 'checks')",
	       "3");
	quit(&h);

	/* 12:30, a new run: 王小明 missed the AM check, and leads the list */
	h = run_at("2020-02-15 12:30:00");
	HWAIT(h, "missed AM 1 PM 0", 3000);
	HCHECK(h, wait_row(h, "王小明", "miss", 3000), "王小明's AM not shown missed");
	HCHECK(h, !row_has(h, "张三", "miss"), "张三 shown missed");
	HCHECK(h, wait_first(h, "王小明", 3000),
	       "王小明 (missed) is not the first row");
	quit(&h);

	/* 20:30: 张三's PM check is a fever: alert, first row; PM slot by default */
	h = run_at("2020-02-15 20:30:00");
	HWAIT(h, "missed AM 1 PM 2", 3000);
	/* both missed a check now: by last day, then as started */
	HCHECK(h, wait_first(h, "张三", 3000), "张三 not first");
	HCHECK(h, wait_row(h, "张三", "36.8 miss", 3000), "张三's AM and PM not shown");
	harness_key(h, "Home");
	harness_key(h, "Enter");
	HWAIT(h, "张三 (3-2-501)", 3000);
	harness_settle(h, 100, 2000);
	HCHECK(h, wait_row(h, "Slot", " PM ", 3000), "the slot is not PM at 20:30");
	harness_type(h, "38.5");
	harness_key(h, "F10");
	HWAIT(h, "FEVER: 张三 38.5 C (2020-02-15 PM)", 3000);
	HWAIT(h, "fever 1 | missed AM 1 PM 1", 3000);
	HCHECK(h, wait_first(h, "张三", 3000), "张三 (fever) not first");
	HCHECK(h, wait_row(h, "张三", "fever", 3000), "no fever flag on 张三's row");
	HSQL_IS(h, db, "SELECT slot, temperature FROM checks ORDER BY id", "AM|368\nPM|385");

	/* extend 张三 by 7 days */
	harness_key(h, "Home");
	harness_type(h, "e");
	HWAIT(h, "Extend the isolation", 3000);
	harness_key(h, "F10");
	HWAIT(h, "张三: now 21 days, last day 2020-03-06.", 3000);
	HCHECK(h, wait_row(h, "张三", "1/21", 3000), "张三 not on day 1 of 21");
	HSQL_IS(h, db, "SELECT extended_days FROM isolations WHERE resident_id = 1", "7");

	/* end it: hospitalised */
	harness_type(h, "x");
	HWAIT(h, "End the isolation", 3000);
	harness_key(h, "Space");
	HWAIT(h, "hospitalised", 3000);
	harness_type(h, "2");
	harness_key(h, "F10");
	HWAIT(h, "Isolation of 张三 ended on 2020-02-15: hospitalised.", 3000);
	HWAIT(h, "Isolation: 1 active", 3000);
	HSQL_IS(h, db, "SELECT end_date, end_reason FROM isolations WHERE resident_id = 1",
	       "2020-02-15|hospitalised");
	HSQL_IS(h, db,
	       "SELECT count(*) FROM audit_log WHERE action = 'update'"
	       " AND table_name = 'isolations'",
	       "2");

	/* history of the ended isolation: v shows the ended ones */
	harness_type(h, "v");
	HWAIT(h, "with ended", 3000);
	HCHECK(h, wait_row(h, "张三", "02-15 36.8 38.5 to hospital", 3000),
	       "ended 张三 not shown with its end date and checks");
	harness_key(h, "Down");
	harness_type(h, "h");
	HWAIT(h, "History of isolation of 张三", 3000);
	HWAIT(h, "王芳", 3000);
	harness_key(h, "Esc");
	HWAIT(h, "Isolation:", 3000);

	/* the filter says what v chose (ended ones shown: yes) and takes it
	 * back: no, and home isolations only */
	harness_type(h, "/");
	HWAIT(h, "Filter isolations", 3000);
	HWAIT(h, "all kinds", 3000);
	HWAIT(h, "yes", 3000);
	harness_type(h, "h");
	HWAIT(h, "home", 3000);
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_type(h, "n");
	harness_key(h, "F10");
	HGONE(h, "Filter isolations", 3000);
	HGONE(h, "with ended", 3000);
	HCHECK(h, !harness_has_text(h, "to hospital"), "the ended isolation is still shown");
	HCHECK(h, wait_row(h, "王小明", "home", 3000), "the active home isolation is not shown");
	HWAIT(h, "[home]", 3000);
	quit(&h);

	/* the next morning: a check for the ended isolation is stored, late */
	h = run_at("2020-02-16 09:00:00");
	harness_type(h, "v");
	HWAIT(h, "hospital", 3000);
	harness_key(h, "End");
	HCHECK(h, wait_row(h, "张三", "hospital", 3000), "ended 张三 is not last");
	harness_type(h, "c");
	HWAIT(h, "Record a check", 3000);
	harness_type(h, "366");
	harness_key(h, "F10");
	HWAIT(h, "marked late", 3000);
	HSQL_IS(h, db, "SELECT date, slot, late FROM checks ORDER BY id DESC LIMIT 1",
	       "2020-02-16|AM|1");
	quit(&h);

	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
