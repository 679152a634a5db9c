/* test_detail: a household's visits (newest first, readings with fevers
 * marked) and its residents' isolations (day N of M) in the detail, from
 * rows written by other programs. */
#include <stdlib.h>

#include "harness.h"

int main(void)
{
	char *dir, *db = harness_new_db(&dir), buf[600], *s;
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args};
	struct harness *h;
	int r1, c1, r2, c2;

	s = harness_sql(
	    db,
	    "INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key)"
	    " VALUES(1, 'h1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '6-1-101', "
	    "'06-01-2101');"
	    "INSERT INTO residents(id, uuid, created_at, updated_at, household_id, name, relation)"
	    " VALUES(1, 'r1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', 1, '钱九', 'head');"
	    "INSERT INTO visits(id, uuid, created_at, updated_at, household_id, at, date, outcome)"
	    " VALUES(1, 'v1', 'x', 'x', 1, '2020-02-13 10:00:00', '2020-02-13', 'visited'),"
	    " (2, 'v2', 'x', 'x', 1, '2020-02-14 16:20:00', '2020-02-14', 'visited');"
	    "INSERT INTO readings(uuid, created_at, updated_at, visit_id, resident_id, temperature,"
	    " symptoms) VALUES('g1', 'x', 'x', 1, 1, 365, ''), ('g2', 'x', 'x', 2, 1, 381, "
	    "'cough');"
	    "INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind, reason,"
	    " start_date, days) VALUES('i1', 'x', 'x', 1, 'home', 'key_area', '2020-02-10', 14);");
	HCHECK(NULL, s != NULL, "fixture rows refused");
	free(s);
	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2");
	HWAIT(h, "6-1-101", 3000);
	HWAIT(h, "2020-02-14", 1000); /* the last visit */
	harness_key(h, "Enter");
	HWAIT(h, "Visits (2)", 3000);
	HWAIT(h, "Isolations (1)", 1000);
	harness_type(h, "v");
	HWAIT(h, "钱九 38.1 FEVER (cough)", 3000);
	HWAIT(h, "钱九 36.5", 1000);
	HCHECK(h,
	       harness_find(h, "2020-02-14", &r1, &c1) && harness_find(h, "2020-02-13", &r2, &c2) &&
		   r1 < r2,
	       "visits are not newest first");
	harness_type(h, "v");
	HWAIT(h, "day 6 of 14", 3000);
	HWAIT(h, "home", 1000);
	harness_type(h, "v");
	HWAIT(h, "钱九", 3000);
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
