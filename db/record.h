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

/* The same, with changes (JSON, or NULL) in the audit row: a deletion that
 * takes records with it names them as {"took": {"residents": [uuid ...]}},
 * so that a merge bringing it back brings them back too (docs/merge.md). */
int db_record_soft_delete_audited(struct db *db, const char *table, long long id,
				  const char *changes, struct err *e);

/* Voids the record id (uuid) of table (donations or expenditures: voided
 * with a reason, never deleted) now, with its audit row (action void,
 * {"void_reason": reason}), inside the caller's transaction; the caller
 * checked that it may.  Returns 0 or -1. */
int db_record_void(struct db *db, const char *table, long long id, const char *uuid,
		   const char *reason, struct err *e);

/* Appends `"key":"<uuid>"` to json (an open JSON object): the record id
 * of table as its UUID, so that an audit row means the same record on
 * every machine (integer ids differ between machines; rows written before
 * hold the integer, and readers take both).  The integer when no record has
 * that id, null for -1. */
void record_json_ref(struct db *db, struct strbuf *json, const char *key, const char *table,
		     long long id);

/* As record_json_ref for a change: `"key":[old,new]`, each a UUID. */
void record_json_ref_change(struct db *db, struct strbuf *json, const char *key,
			    const char *table, long long old_id, long long new_id);

/* Copies the UUID of table's record id into out.  1 found, 0 not, -1 error. */
int db_record_uuid(struct db *db, const char *table, long long id, char out[37], struct err *e);

/* The audit rows of a bulk insert, written at its end in one statement: an
 * "insert" row with changes (JSON or NULL) for every record of table whose
 * id is above after_id, in id order, in the caller's transaction.  Merge
 * reads them as it reads the rows db_audit writes (who inserted what here);
 * the values themselves are in the records.  0 or -1. */
int db_record_audit_inserted(struct db *db, const char *table, long long after_id,
			     const char *changes, struct err *e);

#endif
