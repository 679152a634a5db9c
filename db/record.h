/* record: what every domain table shares: soft delete with its audit row,
 * looking a record's UUID up, and the audit JSON of an update (which text
 * fields changed, old and new). */
#ifndef DOORSTEP_RECORD_H
#define DOORSTEP_RECORD_H

#include <stddef.h>

#include "core/err.h"
#include "core/strbuf.h"

struct db;

/* A text member of a record struct: its column name and offset (a char *). */
struct record_field {
	const char *col;
	size_t off;
};

/* Compares the char * members named by fields in two structs of the same
 * type; appends `"col":[old,new]` to json (an open JSON object) for each that
 * differs (NULL and "" are equal).  Returns how many differ. */
int record_diff(const void *old_rec, const void *new_rec, const struct record_field *fields,
		size_t n, struct strbuf *json);

/* Appends `"col":value` for each non-empty text member (an insert's audit). */
void record_dump(const void *rec, const struct record_field *fields, size_t n,
		 struct strbuf *json);

/* Soft-deletes the live record id of table (one of the domain tables) and
 * writes its audit row, in a transaction of its own unless one is open.
 * Returns 1 deleted, 0 when no live record has that id, -1 error. */
int db_record_soft_delete(struct db *db, const char *table, long long id, struct err *e);

#endif
