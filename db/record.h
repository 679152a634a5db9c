/* record: what every domain table shares: soft delete with its audit row,
 * looking a record's UUID up, and writing a record's audit row (the diff
 * and dump of its columns are rowdesc_diff and rowdesc_dump). */
#ifndef DOORSTEP_RECORD_H
#define DOORSTEP_RECORD_H

#include <stddef.h>

#include <sqlite3.h>

#include "core/date.h"
#include "core/err.h"
#include "core/strbuf.h"
#include "db/rowdesc.h"

struct db;

/* A record's optional day: in (an ISO date, NULL for today) normalised
 * into out; a bad date names field.  0 or -1. */
int record_day_or_today(const char *in, const char *field, char out[DATE_STR], struct err *e);

/* What inserting or updating a record of table takes beyond its row:
 * sql, its INSERT (with :uuid and :now) or UPDATE (with :now and :id);
 * cols, its write columns (COLW...: the row's members bound to the other
 * parameters, rowdesc_bind, and the columns its audit row names, in their
 * order, rowdesc_dump and rowdesc_diff). */
struct record_write {
	const char *table;
	const char *sql;
	const struct col_desc *cols;
	size_t n;
};

/* Inserts row by w in the caller's transaction with its audit row
 * (action insert, the dump of w->audited); uuid gets its new UUID.
 * Returns the new id, or -1. */
long long record_insert(struct db *db, const struct record_write *w, const void *row,
			char uuid[37], struct err *e);

/* record_insert in a transaction level of its own (db_begin), committed;
 * on failure rolled back.  Returns the new id, or -1. */
long long record_insert_tx(struct db *db, const struct record_write *w, const void *row,
			   char uuid[37], struct err *e);

/* Updates the record id (uuid) from old to row by w inside the transaction
 * level the caller opened: with no audited column changed commits and
 * returns 0, else writes the UPDATE and the audit row of the diff and
 * commits: 1; on failure rolls that level back: -1. */
int record_update(struct db *db, const struct record_write *w, long long id, const char *uuid,
		  const void *old, const void *row, struct err *e);

/* A record written whole from its row struct (a checkpoint, a shift): its
 * INSERT and UPDATE, the check both run first inside the transaction
 * (0 or -1 with e filled), the statement reading its live row by :id with
 * its columns (the update's old values), and the message when it is gone
 * (N_() text).  id_off and uuid_off place the row's long long id and
 * char[37] uuid. */
struct record_kind {
	const struct record_write *ins, *upd;
	int (*check)(struct db *db, const void *row, struct err *e);
	const char *get_sql;
	const struct col_desc *cols;
	size_t ncols, row_size, id_off, uuid_off;
	const char *gone;
};

/* The record_kind of rows of type T (with members id and uuid). */
#define RECORD_KIND(T, ins, upd, check, get_sql, cols, gone)                                       \
	{                                                                                          \
		ins, upd, check, get_sql, cols, ROWDESC_N(cols), sizeof(T), offsetof(T, id),       \
		    offsetof(T, uuid), gone                                                        \
	}

/* Checks and inserts row (its id and uuid set; id -1 on failure) with its
 * audit row, in a transaction level of its own.  0 or -1. */
int record_kind_insert(struct db *db, const struct record_kind *k, void *row, struct err *e);

/* Checks row and updates the live record of its id to it (record_update):
 * 1 changed, 0 nothing changed, -1 (gone, refused or failed). */
int record_kind_update(struct db *db, const struct record_kind *k, const void *row, struct err *e);

/* A record kind's public insert and update, record_kind_insert and
 * record_kind_update over the record_kind k, as its header declares them:
 *	int insert_fn(struct db *db, T *row, struct err *e);
 *	int update_fn(struct db *db, const T *row, struct err *e); */
#define RECORD_KIND_FNS(insert_fn, update_fn, T, k)                                                \
	int insert_fn(struct db *db, T *row, struct err *e)                                        \
	{                                                                                          \
		return record_kind_insert(db, k, row, e);                                          \
	}                                                                                          \
	int update_fn(struct db *db, const T *row, struct err *e)                                  \
	{                                                                                          \
		return record_kind_update(db, k, row, e);                                          \
	}

/* Closes ch (an open JSON object), writes it as the audit row of action on
 * table's record uuid in the current transaction, and frees ch.  0 or -1. */
int record_audit(struct db *db, const char *action, const char *table, const char *uuid,
		 struct strbuf *ch, struct err *e);

/* Writes the audit row of ch (as record_audit) and commits the transaction
 * level the caller opened; on failure rolls that level back.  0 or -1. */
int record_audit_commit(struct db *db, const char *action, const char *table, const char *uuid,
			struct strbuf *ch, struct err *e);

/* Ends the update of table's record uuid inside the transaction level the
 * caller opened (db_begin): with changed 0 commits and returns 0; else steps
 * st (the bound UPDATE; NULL when it did not prepare, e filled), writes the
 * audit row of ch (an open JSON object, from rowdesc_diff) and commits: 1.
 * On failure rolls that level back and returns -1.  Frees ch. */
int record_update_commit(struct db *db, int changed, sqlite3_stmt *st, const char *table,
			 const char *uuid, struct strbuf *ch, struct err *e);

/* The audit row of an update of one column: {"col":[old_v,new_v]} (NULL
 * written as null).  0 or -1. */
int record_audit_change(struct db *db, const char *table, const char *uuid, const char *col,
			const char *old_v, const char *new_v, struct err *e);

/* Sets the text column col (a column name of the code, never user input)
 * of the record id of table to v (NULL for NULL) and its updated_at to now,
 * and writes its audit row {"col":[old_v,v]} (record_audit_change), in the
 * caller's transaction; uuid is the record's.  0 or -1. */
int db_record_set_text(struct db *db, const char *table, long long id, const char *uuid,
		       const char *col, const char *old_v, const char *v, struct err *e);

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
 * hold the integer, and readers take both).  null for -1 and when no
 * record has that id: a local id is never written (db_audit refuses it). */
void record_json_ref(struct db *db, struct strbuf *json, const char *key, const char *table,
		     long long id);

/* As record_json_ref for a change: `"key":[old,new]`, each a UUID or null. */
void record_json_ref_change(struct db *db, struct strbuf *json, const char *key, const char *table,
			    long long old_id, long long new_id);

/* Copies the UUID of table's record id into out.  1 found, 0 not, -1 error. */
int db_record_uuid(struct db *db, const char *table, long long id, char out[37], struct err *e);

/* The same for a live record only (not deleted). */
int db_record_live_uuid(struct db *db, const char *table, long long id, char out[37],
			struct err *e);

/* Reads the columns cols of table's live record id into row (zeroed first,
 * row_size bytes; read as rowdesc_read does): the descriptors' names are the
 * columns, so that a one-off look-up ("its uuid and void_reason") states
 * them once.  1 found, 0 not (row untouched), -1 error. */
int record_get_live(struct db *db, const char *table, long long id, const struct col_desc *cols,
		    size_t n, void *row, size_t row_size, struct err *e);

/* The id of the live record of table whose column col (a name of the
 * code, never user input) is v, into *id: 1 found, 0 not, -1 error. */
int db_record_id_by(struct db *db, const char *table, const char *col, const char *v,
		    long long *id, struct err *e);

/* The audit rows of a bulk insert, written at its end in one statement: an
 * "insert" row with changes (JSON or NULL) for every record of table whose
 * id is above after_id, in id order, in the caller's transaction.  Merge
 * reads them as it reads the rows db_audit writes (who inserted what here);
 * the values themselves are in the records.  0 or -1. */
int db_record_audit_inserted(struct db *db, const char *table, long long after_id,
			     const char *changes, struct err *e);

/* A text a record cannot go without: refused on field with the message
 * required when NULL or empty.  0 or -1. */
int record_text_given(const char *text, const char *field, const char *required, struct err *e);

/* The name a look-up-or-insert is given (a grid's, a staff member's, the
 * column name of table): refused on field when empty, with the message
 * required, or over the column's limit (core/limits).  0 or -1. */
int record_name_check(const char *table, const char *field, const char *name,
		      const char *required, struct err *e);

#endif
