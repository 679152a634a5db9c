/* dbfix: what most database unit tests start with, on top of cmocka: an
 * in-memory community with its settings and the staff member on duty, and
 * a resident added in one call.  A failing step fails the test. */
#ifndef DOORSTEP_DBFIX_H
#define DOORSTEP_DBFIX_H

#include "db/db.h"

/* Opens an in-memory database with default settings for the community
 * named community and the staff member "测试员" on duty; returns it (the
 * test closes it with db_close). */
struct db *dbfix_open(const char *community);

/* Inserts a resident named name into household hh; returns its id. */
long long dbfix_resident(struct db *db, long long hh, const char *name);

#endif
