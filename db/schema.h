/* schema: the doorstep schema and its migrations.
 *
 * Migration N brings a database from user_version N-1 to N; each runs in its
 * own BEGIN IMMEDIATE transaction together with the user_version update, so
 * a crash leaves the file at a whole version. */
#ifndef DOORSTEP_SCHEMA_H
#define DOORSTEP_SCHEMA_H

#include "core/err.h"

struct db;

/* The newest schema version this program knows. */
int schema_latest_version(void);

/* Runs every migration after `from` in order.  Returns 0 or -1. */
int schema_migrate(struct db *db, int from, struct err *e);

/* The SQL that creates, and the SQL that drops, the two AFTER INSERT
 * triggers of migration 2 that queue new households and residents for the
 * search index.  A trigger makes each INSERT a multi-table write, for which
 * SQLite keeps a statement journal (every page the INSERT touches copied
 * aside): a third of a bulk import's time.  db/search.c drops them for an
 * import's transaction, queues the households itself and creates them
 * again before the commit, so that no other writer ever runs without them. */
const char *schema_search_insert_triggers(void);
const char *schema_search_insert_triggers_drop(void);

/* The day's counters (day_temps, day_outcomes; db/daytemps.h): the SQL that
 * creates their triggers, the SQL that refills the tables from their
 * recounts (the views day_temps_actual, day_outcomes_actual), and the
 * triggers' names, NULL-terminated, each before "_before" or "_after". */
const char *schema_day_temps_triggers(void);
const char *schema_day_temps_refill(void);
const char *const *schema_day_temps_trigger_names(void);

#endif
