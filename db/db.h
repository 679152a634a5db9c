/* db: one connection to a doorstep database file.
 *
 * Opening creates the file (mode 0600 in a 0700 folder) when asked, sets WAL,
 * foreign keys and a busy timeout, and runs the schema migrations; a database
 * whose schema is newer than this program is refused and left untouched.
 * Writes go through db_begin/db_commit, which nest as savepoints and start
 * with BEGIN IMMEDIATE so that two processes never deadlock.
 *
 * This header is what tui/ sees: it names no SQLite type.  db/ modules use
 * db/sql.h for statements. */
#ifndef DOORSTEP_DB_H
#define DOORSTEP_DB_H

#include "core/err.h"

struct db;

enum db_open_flags {
	DB_OPEN_CREATE = 1 << 0,   /* create the file (and its folder) when missing */
	DB_OPEN_READONLY = 1 << 1, /* open read-only; no migration is run */
	DB_OPEN_MEMORY = 1 << 2,   /* path is ignored: a private in-memory database */
	DB_OPEN_SETUP = 1 << 3,    /* the caller sets the community up (init, demo, the
				    * first-start screen); implied when CREATE creates */
};

/* PRAGMA application_id of a doorstep file ("DrSt").  Files of earlier
 * versions have 0: with doorstep's tables they get it on their next
 * writable open. */
#define DB_APPLICATION_ID 0x44725374L

/* The schema version this program writes (PRAGMA user_version). */
int db_schema_version(void);

/* Opens path into *out.  Returns 0, or -1 with a message that names the file
 * (missing, not a database, another program's database, not set up, damaged,
 * newer schema, read-only, no permission ...).  On failure *out is NULL and
 * the file is unchanged.
 *
 * An existing file is probed read-only first (nothing appears beside it): an
 * SQLite file that is not doorstep's is refused.  A file that was never set
 * up (0 bytes, or no settings row) opens only with DB_OPEN_SETUP or, when
 * it is empty, not at all read-only; a writable one without settings is
 * refused as well ("not set up: run doorstep init").
 *
 * Once a statement reports the file damaged (SQLITE_CORRUPT), the
 * connection writes nothing more: db_begin, db_exec and every write refuse
 * with "the database is damaged: restore a backup", and an open transaction
 * is rolled back at its commit. */
int db_open(struct db **out, const char *path, int flags, struct err *e);

/* Probes the existing file at path read-only, as db_open does, and refuses
 * another program's SQLite file or a file that is no SQLite database.
 * Nothing is written to or beside it.  Returns 0 or -1. */
int db_probe_identity(const char *path, struct err *e);

/* Rolls back any open transaction, finalizes cached statements, closes, and
 * sets *db to NULL.  NULL is allowed. */
void db_close(struct db **db);

/* The path the connection was opened with ("" for memory). */
const char *db_path(const struct db *db);

/* Resolves the database path: --db value, else $DOORSTEP_DB, else
 * $XDG_DATA_HOME/doorstep/doorstep.db (~/.local/share/...).  Returns a
 * malloc'd string. */
char *db_default_path(const char *flag_value);

/* The staff name recorded in the audit log for writes from now on; the
 * string is copied. */
void db_set_staff(struct db *db, const char *name);
const char *db_staff(const struct db *db);

/* Transactions.  db_begin opens BEGIN IMMEDIATE at depth 0 and a SAVEPOINT
 * at each deeper level; db_commit releases an inner level and commits the
 * outermost.  db_rollback undoes only the innermost open level: the outer
 * transaction stays open with its earlier writes, and the function that
 * failed inside still returns its error to the caller, who decides.  When
 * SQLite itself ended the transaction (a full disk, an I/O error) every
 * later db_commit of the levels still open returns -1 ("rolled back").
 * db_commit closes its level whether it succeeds or not: on -1 the level's
 * writes are undone and the caller must not roll back again (that would
 * undo the level around it); db_end states the pattern once. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);

/* Ends the transaction level opened with db_begin by the outcome r of the
 * work inside it: commits when r >= 0 (a failed commit makes r -1 and has
 * undone the level), else rolls back.  Returns r. */
long long db_end(struct db *db, long long r, struct err *e);
/* 1 while a transaction is open. */
int db_in_transaction(const struct db *db);

/* For work that must run inside the caller's transaction (a bulk writer's):
 * 0 while one is open, else -1 with e saying "internal error: <what> outside
 * a transaction" (what: "a resident's bulk insert"). */
int db_need_transaction(struct db *db, const char *what, struct err *e);

/* A number that changes when another connection commits to the file
 * (PRAGMA data_version); the TUI polls it to refresh.  -1 on error. */
long long db_data_version(struct db *db);

/* Writes one audit_log row in the current transaction: action (insert,
 * update, delete, void, reveal, export, print, import, merge), table name,
 * the record's UUID (may be NULL), and a JSON text of what changed (may be
 * NULL).  Returns 0 or -1. */
int db_audit(struct db *db, const char *action, const char *table, const char *record_uuid,
	     const char *changes, struct err *e);

/* Online backup of the whole database into a new file at path (written
 * under a temporary name, then renamed, mode 0600).  Returns 0 or -1. */
int db_backup(struct db *db, const char *path, struct err *e);

/* SQLite's integrity check.  Returns 0 when "ok"; -1 with the first problem. */
int db_integrity_check(struct db *db, struct err *e);

/* SQLite's quick check (pages and records, not indexes' contents), run
 * before a bulk write (import, merge): a damaged file is refused before
 * anything is written, and the connection marked damaged.  Returns 0 or -1. */
int db_quick_check(struct db *db, struct err *e);

#endif
