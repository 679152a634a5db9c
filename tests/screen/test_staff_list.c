/* test_staff_list: F4 lists the staff with this month's volunteer hours
 * (张党员: 4 hours present, an absent shift not counted); Enter edits the
 * selected person: a phone typed with full-width digits is stored
 * canonical, and party membership is recorded with an audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static char *dir, *db;

static const char seed[] =
    "INSERT INTO staff(uuid, created_at, updated_at, name, role) VALUES"
    " ('s1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '张党员', 'volunteer');"
    "INSERT INTO checkpoints(uuid, created_at, updated_at, name) VALUES"
    " ('k1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '东门卡点');"
    "INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id, date, start_time, end_time,"
    " staff_id, present) VALUES"
    " ('f1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-02-14', '08:00', '12:00', 1, 1),"
    " ('f2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-02-15', '08:00', '12:00', 1, 0);";

static void sql_is(struct harness *h, const char *sql, const char *want)
{
	char *got = harness_sql(db, sql);

	HCHECK(h, got && !strcmp(got, want), "%s\n  gave \"%s\", want \"%s\"", sql,
	       got ? got : "(sqlite3 failed)", want);
	free(got);
}

int main(void)
{
	const char *init[] = {"--db", NULL, "init", "--community", "幸福里社区", NULL};
	const char *ienv[] = {"DOORSTEP_NOW=2020-02-15 08:00:00", NULL};
	const char *env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", "NO_COLOR=1", "LANG=C.UTF-8",
			     "LC_ALL=C.UTF-8", NULL};
	const char *args[] = {"--db", NULL, "--staff", "张党员", NULL};
	struct harness_opts o = {.rows = 24, .cols = 80, .env = env, .args = args};
	struct harness *h;
	char *out = NULL, *row;
	int r, c;

	dir = harness_tmpdir();
	db = malloc(strlen(dir) + 16);
	sprintf(db, "%s/t.db", dir);
	init[1] = args[1] = db;
	HCHECK(NULL, harness_run(ienv, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	free(harness_sql(db, seed));

	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "1 Today", 5000);
	harness_key(h, "F4");
	HWAIT(h, "Staff: 1, 0 party members | volunteer hours in 2020-02: 4", 3000);
	HWAIT(h, "volunteer ", 3000); /* the rows, drawn after the title */
	harness_settle(h, 200, 3000);
	HCHECK(h, harness_find(h, "张党员", &r, &c), "张党员 is not listed");
	row = NULL;
	for (r = 1; r < 24 && !row; r++) { /* below the tab bar, which names her on duty */
		row = harness_row_text(h, r);
		if (!strstr(row, "张党员")) {
			free(row);
			row = NULL;
		}
	}
	HCHECK(h, row && strstr(row, "volunteer") && strstr(row, " 1 ") && strstr(row, " 4"),
	       "row: %s", row ? row : "");
	free(row);
	harness_key(h, "Enter");
	HWAIT(h, "Party member", 3000);
	harness_type(h, "１３８００００１１１１");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Right");
	harness_key(h, "F10");
	HWAIT(h, "1 party members", 3000);
	sql_is(h, "SELECT phone || '/' || party FROM staff", "13800001111/1");
	sql_is(h,
	       "SELECT count(*) FROM audit_log WHERE table_name = 'staff' AND action = 'update'"
	       " AND json_extract(changes, '$.party[1]') = '1'",
	       "1");
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
