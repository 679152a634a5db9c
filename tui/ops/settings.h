/* ops/settings: saving the Settings form: the settings row, the key areas
 * and who checks isolation away from home, in one transaction. */
#ifndef DOORSTEP_OPS_SETTINGS_H
#define DOORSTEP_OPS_SETTINGS_H

#include "core/err.h"

struct db;
struct settings;

/* Writes s, the key areas (only when they changed: db_key_areas_set) and
 * whether the committee checks central isolation and hospital stays (1) or
 * the site does (0), all or nothing, with their audit rows.  Returns 0, or -1 with e
 * filled (nothing written). */
int settings_save(struct db *db, const struct settings *s, const char *key_areas,
		  int checks_central, int checks_hospital, struct err *e);

#endif
