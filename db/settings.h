/* db settings: the one settings row of a database. */
#ifndef DOORSTEP_DB_SETTINGS_H
#define DOORSTEP_DB_SETTINGS_H

#include "core/err.h"
#include "core/settings.h"

struct db;

/* Reads the settings into s (overwritten, not freed: settings_clear it after
 * use).  Returns 1 found, 0 when the database was never initialised (s gets
 * the defaults), -1 on error (s holds the defaults). */
int db_settings_get(struct db *db, struct settings *s, struct err *e);

/* Validates and writes the settings (inserting the row the first time) with
 * an audit row, in one transaction.  Returns 0 or -1. */
int db_settings_put(struct db *db, const struct settings *s, struct err *e);

/* Remembers the staff picked at start (no audit: not a record change). */
int db_settings_set_last_staff(struct db *db, const char *name, struct err *e);

#endif
