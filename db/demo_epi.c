/* demo_epi: travel and party members in the demo; see demo_epi.h. */
#include "db/demo_epi.h"

#include <stddef.h>

#include "db/db.h"
#include "db/sql.h"

int db_demo_epi(struct db *db, struct err *e)
{
	if (db_exec(db,
		    "UPDATE residents SET travel = CASE id % 4"
		    " WHEN 0 THEN 'G' || (1000 + id * 7 % 9000) || ' 次列车'"
		    " WHEN 1 THEN 'CZ' || (3000 + id * 11 % 900) || ' 航班'"
		    " WHEN 2 THEN '自驾 鄂A' || printf('%05d', id * 37 % 100000)"
		    " ELSE '长途客车' END WHERE returned_from IS NOT NULL",
		    e) < 0 ||
	    db_exec(db, "UPDATE staff SET party = 1 WHERE role = 'director' OR id % 3 = 1", e) < 0)
		return -1;
	return (int)sql_scalar(db, "SELECT count(*) FROM staff WHERE party = 1", e);
}
