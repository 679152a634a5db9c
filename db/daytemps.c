/* daytemps: the day's temperature counters set aside for a bulk write; see
 * daytemps.h. */
#include "db/daytemps.h"

#include <stdio.h>

#include "db/schema.h"
#include "db/sql.h"

int db_daytemps_suspend(struct db *db, int *set_aside, struct err *e)
{
	const char *const *names = schema_day_temps_trigger_names();
	static const char *const when[] = {"before", "after"};
	char sql[128];

	for (int i = 0; names[i]; i++)
		for (int k = 0; k < 2; k++) {
			snprintf(sql, sizeof sql, "DROP TRIGGER day_temps_%s_%s", names[i],
				 when[k]);
			if (db_exec(db, sql, e) < 0)
				return -1;
		}
	*set_aside = 1;
	return 0;
}

int db_daytemps_resume(struct db *db, int *set_aside, struct err *e)
{
	if (!*set_aside)
		return 0;
	if (db_exec(db, schema_day_temps_refill(), e) < 0 ||
	    db_exec(db, schema_day_temps_triggers(), e) < 0)
		return -1;
	*set_aside = 0;
	return 0;
}
