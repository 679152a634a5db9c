/* test_live: a change committed by another program appears on the open
 * Households list without a key press, filter included: a household added
 * and a resident renamed from the sqlite3 shell. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

int main(void)
{
	struct harness_fixture fx = {.staff = "李明"};
	struct harness *h = harness_fixture_open(&fx);
	const char *db = fx.db;
	char *s;

	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "4-4-404");
	harness_key(h, "F10");
	HWAIT(h, "Households: 1", 3000);

	s = harness_sql(db, "INSERT INTO households(uuid, created_at, updated_at, code, sort_key)"
			    " VALUES('00000000-0000-4000-8000-000000000001', '2020-02-15 09:31:00',"
			    " '2020-02-15 09:31:00', '1-1-101', '01-01-2101')");
	HCHECK(h, s != NULL, "sqlite3 insert failed");
	free(s);
	HWAIT(h, "1-1-101", 3000);
	HWAIT(h, "Households: 2", 1000);

	/* Filtered by a name that another program gives a resident. */
	harness_type(h, "/zl");
	HWAIT(h, "No household matches", 3000);
	s = harness_sql(
	    db, "INSERT INTO residents(uuid, created_at, updated_at, household_id, name)"
		" SELECT '00000000-0000-4000-8000-000000000002', '2020-02-15 09:32:00',"
		" '2020-02-15 09:32:00', id, '赵六' FROM households WHERE code = '4-4-404'");
	HCHECK(h, s != NULL, "sqlite3 insert failed");
	free(s);
	HWAIT(h, "4-4-404", 3000);
	HGONE(h, "No household matches", 1000);
	harness_free(&h);
	harness_fixture_close(&fx);
	return 0;
}
