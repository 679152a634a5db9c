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

#endif
