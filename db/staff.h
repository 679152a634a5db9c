/* db staff: the people on duty (staff, grid workers, volunteers). */
#ifndef DOORSTEP_DB_STAFF_H
#define DOORSTEP_DB_STAFF_H

#include "core/err.h"

struct db;

struct staff_member {
	long long id;
	char uuid[37];
	char *name, *phone; /* malloc'd, owned (db_staff_member_clear) */
	char role[16];	    /* model_staff_role code */
	int active;
	int party; /* 1: a party member (党员) */
};

/* Frees the text members and zeroes the struct. */
void db_staff_member_clear(struct staff_member *m);

/* Looks a live staff member up by exact name: 1 found (*out overwritten, not
 * freed: clear it after use), 0 not found, -1 error. */
int db_staff_find(struct db *db, const char *name, struct staff_member *out, struct err *e);

/* The id of the staff member called name, adding them (with role, a
 * model_staff_role code, and an audit row) when missing.  Returns the id, or
 * -1 with e filled.  Runs in its own transaction unless one is open. */
long long db_staff_ensure(struct db *db, const char *name, const char *role, struct err *e);

/* Calls fn for each live staff member in name order (active ones first when
 * active_first); fn returns non-zero to stop.  Returns 0 or -1. */
int db_staff_each(struct db *db, int active_first,
		  int (*fn)(const struct staff_member *m, void *ctx), void *ctx, struct err *e);

/* Writes m's phone (NULL or "": none), role and party membership to the
 * live staff member m->id, audited with what changed (nothing written
 * when nothing did).  Returns 0 or -1 (e filled: a phone over its limit or
 * with control characters, the member deleted meanwhile). */
int db_staff_update(struct db *db, const struct staff_member *m, struct err *e);

/* The id of the staff member recorded as the connection's staff
 * (db_staff()), added when missing; -1 with e on error. */
long long db_staff_current_id(struct db *db, struct err *e);

#endif
