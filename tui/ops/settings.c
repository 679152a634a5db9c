/* ops/settings: the Settings form's writes in one transaction; see
 * settings.h. */
#include "tui/ops/settings.h"

#include "db/db.h"
#include "db/settings.h"
#include "db/site_checks.h"
#include "db/visitors.h"

int settings_save(struct db *db, const struct settings *s, const char *key_areas,
		  int checks_central, int checks_hospital, struct err *e)
{
	int r = -1;

	if (db_begin(db, e) < 0)
		return -1;
	if (db_settings_put(db, s, e) >= 0 && db_key_areas_set(db, key_areas, e) >= 0 &&
	    db_site_checks_set(db, checks_central, checks_hospital, e) >= 0)
		r = 0;
	return (int)db_end(db, r, e);
}
