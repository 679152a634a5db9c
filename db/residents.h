/* db residents: the people registered in households.
 *
 * Writes keep the derived search columns (core/reskey: pinyin initials,
 * reversed ID number and phone) in step with the record, and audit each
 * change in the same transaction.  Each function opens its own transaction
 * unless the caller has one open.  Input is validated by core/ rules first
 * (ID numbers already normalised by idcard_parse). */
#ifndef DOORSTEP_DB_RESIDENTS_H
#define DOORSTEP_DB_RESIDENTS_H

#include "core/err.h"
#include "core/model.h"

struct db;

/* Inserts r (household_id and name required; id_type defaults to "id",
 * relation to "other", status to "living"), sets r->id and r->uuid.  An ID
 * number already held by a live resident is refused naming the household.
 * Returns 0 or -1. */
int db_resident_insert(struct db *db, struct resident *r, struct err *e);

/* As db_resident_insert (the same INSERT and audit row) for a bulk writer
 * that has already made sure the ID number is free (db/roster.c looks each
 * one up to match residents): no lookup here.  Must run inside the caller's
 * transaction (db_begin); on -1 the caller rolls it back.  The unique index
 * still refuses a taken ID number, with SQLite's message. */
int db_resident_insert_checked(struct db *db, struct resident *r, struct err *e);

/* Bulk writing (an import), inside the caller's transaction: after
 * db_resident_bulk_begin, db_resident_insert_bulk stages r (r->uuid set,
 * r->id -1: no audit row, the bulk writer audits every record it inserted
 * at its end, db_record_audit_inserted); db_resident_bulk_flush writes every staged
 * resident, in staging order, with one INSERT … SELECT, where the table's
 * constraints, indexes and triggers apply (one INSERT per resident opened a
 * statement journal each, for the triggers and the foreign key: a third of
 * an import).  A staged resident is not seen by lookups before the flush.
 * r's texts must be a checked roster's (core/roster.h: roster_check_cells
 * refuses a cell over its column's limit or holding a character textsafe
 * refuses, what db_resident_insert checks; test_roster's
 * test_accepted_rows_pass_record_checks holds it to that): only the name's
 * presence is checked again here.
 * Each returns 0 or -1 (the caller rolls back). */
int db_resident_bulk_begin(struct db *db, struct err *e);
int db_resident_insert_bulk(struct db *db, struct resident *r, struct err *e);
int db_resident_bulk_flush(struct db *db, struct err *e);

/* Writes r's fields to the live record r->id (not household_id: see
 * db_resident_move).  1 changed (audited old/new), 0 unchanged, -1 error. */
int db_resident_update(struct db *db, const struct resident *r, struct err *e);

/* Moves the resident to another live household (audited).  0 or -1. */
int db_resident_move(struct db *db, long long id, long long household_id, struct err *e);

/* Soft-deletes the resident (audited).  1 deleted, 0 not found, -1 error. */
int db_resident_delete(struct db *db, long long id, struct err *e);

/* Lookups of live residents; 1 found, 0 not, -1 error.  The caller clears
 * *out with model_resident_clear; *out is overwritten, not freed, first. */
int db_resident_get(struct db *db, long long id, struct resident *out, struct err *e);
int db_resident_find_id_number(struct db *db, const char *id_number, struct resident *out,
			       struct err *e);
int db_resident_find_name(struct db *db, long long household_id, const char *name,
			  struct resident *out, struct err *e);

/* Calls fn for each live resident of the household (head first, then by id);
 * fn returns non-zero to stop.  Returns 0 or -1. */
int db_resident_each_in_household(struct db *db, long long household_id,
				  int (*fn)(const struct resident *r, void *ctx), void *ctx,
				  struct err *e);

#endif
