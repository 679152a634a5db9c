/* db households: households and grids.
 *
 * Every write records its audit row in the same transaction; each function
 * opens its own transaction unless the caller has one open (db_begin nests),
 * so an import can wrap thousands of them in one.  Input is expected to be
 * validated by core/ rules already; the schema's constraints are the last
 * line. */
#ifndef DOORSTEP_DB_HOUSEHOLDS_H
#define DOORSTEP_DB_HOUSEHOLDS_H

#include "core/err.h"
#include "core/model.h"

struct db;

/* Inserts h (code required; sort key computed), sets h->id and h->uuid.
 * A live household with the same code is refused with a message naming it.
 * Returns 0 or -1. */
int db_household_insert(struct db *db, struct household *h, struct err *e);

/* As db_household_insert (the same INSERT and audit row) for a bulk writer
 * that has already looked the code up (db/roster.c): no lookup here.  Must
 * run inside the caller's transaction; on -1 the caller rolls it back. */
int db_household_insert_checked(struct db *db, struct household *h, struct err *e);

/* Bulk writing (an import), inside the caller's transaction, as
 * db_resident_bulk_begin and the rest (db/residents.h): after
 * db_household_bulk_begin, db_household_insert_bulk stages h
 * under h->id, which the caller chose past every stored id (max(id) + 1,
 * + 2 ...: what households would give it), sets h->uuid, writes no audit
 * row; db_household_bulk_flush writes the staged households with one
 * INSERT … SELECT, before the residents' flush (a taken id fails it).  A
 * staged household is not seen by lookups before the flush.  h's texts
 * must be a checked roster's, as db_resident_insert_bulk's (db/residents.h):
 * only the code's presence is checked again.  Each returns 0 or -1 (the
 * caller rolls back). */
int db_household_bulk_begin(struct db *db, struct err *e);
int db_household_insert_bulk(struct db *db, struct household *h, struct err *e);
int db_household_bulk_flush(struct db *db, struct err *e);

/* Writes h's editable fields (code, compound, building, unit, room, address,
 * grid_id, phone, notes) to the live record h->id.  Returns 1 when something
 * changed (audited with old and new values), 0 when nothing did, -1 error. */
int db_household_update(struct db *db, const struct household *h, struct err *e);

/* Reads the live household id (with grid name, head, resident count, last
 * visit and tags joined).  1 found, 0 not found, -1 error.  The caller
 * clears *out with model_household_clear; *out is overwritten, not freed, first. */
int db_household_get(struct db *db, long long id, struct household *out, struct err *e);

/* As db_household_get, by code. */
int db_household_find_code(struct db *db, const char *code, struct household *out,
			   struct err *e);

/* As db_household_find_code, reading only the household's own columns
 * (id, uuid, code ... grid_id, phone, notes; grid_name, head_name, counts,
 * last_visit and tags stay NULL/0): cheap enough to match thousands of rows. */
int db_household_lookup_code(struct db *db, const char *code, struct household *out,
			     struct err *e);

/* Soft-deletes the household and its live residents (each audited).
 * 1 deleted, 0 not found, -1 error. */
int db_household_delete(struct db *db, long long id, struct err *e);

/* The id of the live grid called name, created when missing (audited).
 * Returns the id or -1. */
long long db_grid_ensure(struct db *db, const char *name, struct err *e);

/* Sets the grid's staff in charge.  Returns 0 or -1. */
int db_grid_set_staff(struct db *db, long long grid_id, long long staff_id, struct err *e);

#endif
