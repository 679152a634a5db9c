/* test_staff_list: F4 lists the staff with this month's volunteer hours
 * (张党员: 4 hours present, an absent shift not counted); Enter edits the
 * selected person: a phone typed with full-width digits is stored
 * canonical, and party membership is recorded with an audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static const char *db;

static const char seed[] =
    "INSERT INTO staff(uuid, created_at, updated_at, name, role) VALUES"
    " ('s1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '张党员', 'volunteer');"
    "INSERT INTO checkpoints(uuid, created_at, updated_at, name) VALUES"
    " ('k1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '东门卡点');"
    "INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id, date, start_time, end_time,"
    " staff_id, present) VALUES"
    " ('f1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-02-14', '08:00', '12:00', 1, 1),"
    " ('f2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-02-15', '08:00', '12:00', 1, 0);";

int main(void)
{
	struct harness_fixture fx = {.lang = "C", .staff = "张党员", .seed = seed};
	struct harness *h;
	char *row;
	int r, c;

	h = harness_fixture_open(&fx);
	db = fx.db;
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
	HSQL_IS(h, db, "SELECT phone || '/' || party FROM staff", "13800001111/1");
	HSQL_IS(h, db,
		"SELECT count(*) FROM audit_log WHERE table_name = 'staff' AND action = 'update'"
		" AND json_extract(changes, '$.party[1]') = '1'",
		"1");
	harness_free(&h);
	harness_fixture_close(&fx);
	return 0;
}
