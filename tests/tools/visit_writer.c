/* visit_writer: adds visits to a database through db_visit_insert, one
 * transaction each, as a second program writing beside the TUI would.
 *
 *	visit_writer DB STAFF COUNT HOUSEHOLDS DATE
 *
 * Visits households 1..HOUSEHOLDS in turn COUNT times on DATE (outcome
 * "no answer", at the current clock time), as staff STAFF.  Exits 0 when
 * every visit was written; otherwise prints the first error and exits 1.
 * Used by tests/screen/test_concurrent (built by `make test`). */
#include <stdio.h>
#include <stdlib.h>

#include "core/err.h"
#include "db/db.h"
#include "db/visits.h"

int main(int argc, char **argv)
{
	struct db *db = NULL;
	struct err e;
	int count, households;

	if (argc != 6 || (count = atoi(argv[3])) < 1 || (households = atoi(argv[4])) < 1) {
		fprintf(stderr, "usage: visit_writer DB STAFF COUNT HOUSEHOLDS DATE\n");
		return 2;
	}
	err_clear(&e);
	if (db_open(&db, argv[1], 0, &e) < 0) {
		fprintf(stderr, "visit_writer: %s\n", e.msg);
		return 1;
	}
	db_set_staff(db, argv[2]);
	for (int i = 0; i < count; i++) {
		struct visit_new v = {
		    .household_id = 1 + i % households,
		    .date = argv[5],
		    .outcome = VISIT_NO_ANSWER,
		    .staff_id = -1,
		};
		char at[20];

		snprintf(at, sizeof at, "%s %02d:%02d:%02d", argv[5], 8 + i / 3600 % 10, i / 60 % 60,
			 i % 60);
		v.at = at;
		if (db_visit_insert(db, &v, NULL, &e) < 0) {
			fprintf(stderr, "visit_writer: visit %d: %s\n", i + 1, e.msg);
			db_close(&db);
			return 1;
		}
	}
	db_close(&db);
	return 0;
}
