/* db: opening, migrating and transacting on one database file; see db.h and
 * sql.h.  The schema itself lives in schema.c. */
#include "db/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomicfile.h"
#include "core/auditfmt.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/uuid.h"
#include "core/xalloc.h"
#include "db/schema.h"
#include "db/search.h"
#include "db/sql.h"

#define STMT_SLOTS 512

struct stmt_slot {
	char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	char *path;
	char *staff;
	int depth;       /* nesting of db_begin */
	int rolled_back; /* SQLite ended the whole transaction by itself */
	int damaged;     /* a statement found the file damaged: nothing more is written */
	struct stmt_slot slots[STMT_SLOTS];
};

sqlite3 *db_handle(struct db *db)
{
	return db->h;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

void db_set_staff(struct db *db, const char *name)
{
	free(db->staff);
	db->staff = xstrdup(name ? name : "");
}

const char *db_staff(const struct db *db)
{
	return db->staff ? db->staff : "";
}

static int damaged_error(struct db *db, struct err *e, const char *detail)
{
	return err_set(e, _("%s: the database is damaged: restore a backup (%s)"), db->path,
		       detail);
}

int sql_error(struct db *db, struct err *e, const char *what)
{
	int code = sqlite3_extended_errcode(db->h);
	const char *msg = sqlite3_errmsg(db->h);

	if (code == SQLITE_FULL || code == SQLITE_IOERR_WRITE)
		return err_set(e, _("%s: the disk is full or the file is too large (%s)"), what,
			       msg);
	if ((code & 0xff) == SQLITE_READONLY)
		return err_set(e, _("%s: the database %s is read-only (%s)"), what, db->path, msg);
	if ((code & 0xff) == SQLITE_CORRUPT) {
		db->damaged = 1;
		return damaged_error(db, e, msg);
	}
	if ((code & 0xff) == SQLITE_BUSY)
		return err_set(e, _("%s: the database is busy in another program; try again"),
			       what);
	return err_set(e, "%s: %s", what, msg);
}

int sql_step_done(struct db *db, sqlite3_stmt *st, struct err *e)
{
	int rc;

	if (db->damaged) {
		sqlite3_reset(st);
		return damaged_error(db, e, _("nothing more is written"));
	}
	rc = sqlite3_step(st);

	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return 0;
	}
	sql_error(db, e, _("saving failed"));
	sqlite3_reset(st);
	return -1;
}

/* Hashes the first HASH_PREFIX bytes only: the lookup runs on every
 * statement, and hashing whole SQL texts was 4 % of a bulk import.  Texts
 * that share the prefix are told apart by the probe's strcmp. */
#define HASH_PREFIX 64

static uint32_t hash_text(const char *s)
{
	uint32_t h = 2166136261u;

	for (int n = 0; n < HASH_PREFIX && *s; n++)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct err *e)
{
	uint32_t i = hash_text(sql) % STMT_SLOTS;

	for (uint32_t n = 0; n < STMT_SLOTS; n++, i = (i + 1) % STMT_SLOTS) {
		struct stmt_slot *s = &db->slots[i];

		if (!s->sql) {
			if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st,
					       NULL) != SQLITE_OK) {
				sql_error(db, e, _("internal query failed to prepare"));
				sqlite3_finalize(s->st);
				s->st = NULL;
				return NULL;
			}
			s->sql = xstrdup(sql);
			return s->st;
		}
		if (!strcmp(s->sql, sql)) {
			sqlite3_reset(s->st);
			sqlite3_clear_bindings(s->st);
			return s->st;
		}
	}
	err_set(e, "internal error: too many distinct queries");
	return NULL;
}

int db_exec(struct db *db, const char *sql, struct err *e)
{
	char *msg = NULL;

	if (db->damaged)
		return damaged_error(db, e, _("nothing more is written"));
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int r = msg ? err_set(e, "%s", msg) : sql_error(db, e, _("query failed"));

		if (msg)
			sql_error(db, e, _("database"));
		sqlite3_free(msg);
		return r;
	}
	return 0;
}

int db_schema_version(void)
{
	return schema_latest_version();
}

/* Creates each missing folder of path's directory with mode 0700. */
static int make_parent_dirs(const char *path, struct err *e)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int r = 0;

	if (!slash || slash == dir)
		goto out;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			r = err_set(e, _("cannot create the folder %s: %s"), dir, strerror(errno));
			goto out;
		}
		*p = '/';
	}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		r = err_set(e, _("cannot create the folder %s: %s"), dir, strerror(errno));
out:
	free(dir);
	return r;
}

/* Creates an empty file with mode 0600 so that SQLite never creates it with
 * the umask's mode. */
/* 1 when SQLite could not open path, a database in WAL mode, because it
 * cannot create the -wal and -shm files beside it: the folder is not
 * writable and they do not exist already.  A file in rollback-journal mode
 * (a backup) reads fine from a read-only folder, a USB stick say. */
static int folder_blocks_wal(const char *path)
{
	unsigned char hdr[20];
	char *dir, *slash, *f;
	int fd = open(path, O_RDONLY), blocked;

	blocked = fd >= 0 && pread(fd, hdr, sizeof hdr, 0) == (ssize_t)sizeof hdr &&
		  !memcmp(hdr, "SQLite format 3", 16) && hdr[18] == 2;
	if (fd >= 0)
		close(fd);
	if (!blocked)
		return 0;
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';
	blocked = access(slash ? dir : ".", W_OK | X_OK) < 0;
	if (blocked) {
		f = xasprintf("%s-shm", path);
		blocked = access(f, F_OK) < 0;
		free(f);
		if (!blocked) {
			f = xasprintf("%s-wal", path);
			blocked = access(f, F_OK) < 0;
			free(f);
		}
	}
	free(dir);
	return blocked;
}

static int create_file(const char *path, struct err *e)
{
	int fd;

	if (make_parent_dirs(path, e) < 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return err_set(e, _("cannot create %s: %s"), path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return 0;
}

static int read_user_version(struct db *db, int *v, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		goto bad;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		goto bad;
	}
	*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
bad:
	if (sqlite3_errcode(db->h) == SQLITE_NOTADB)
		return err_set(e,
			       _("%s is not a doorstep database (not an SQLite file, or damaged)"),
			       db->path);
	return sql_error(db, e, db->path);
}

/* What the probe of an existing file found. */
struct probe {
	long long app_id, version;
	int empty;     /* no table at all: a new or 0-byte file */
	int doorstep;  /* the tables of doorstep's first schema are there */
	int set_up;    /* a settings row exists */
};

/* A "file:" URI for path that SQLite opens immutable: no lock, no -wal or
 * -shm created beside it. */
static char *immutable_uri(const char *path)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			strbuf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			strbuf_add(&b, p, 1);
	}
	strbuf_puts(&b, "?immutable=1");
	return strbuf_detach(&b);
}

static long long probe_scalar(sqlite3 *h, const char *sql, int *rc)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	*rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	if (*rc == SQLITE_OK) {
		*rc = sqlite3_step(st);
		if (*rc == SQLITE_ROW) {
			v = sqlite3_column_int64(st, 0);
			*rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return v;
}

/* Reads an existing file's identity read-only, writing nothing to it or
 * beside it: immutable unless a -wal file (another program at work) holds
 * part of it.  Returns 0, or -1 when the file is no SQLite database. */
static int probe_file(const char *path, struct probe *p, struct err *e)
{
	char *wal = xasprintf("%s-wal", path), *uri;
	int live = access(wal, F_OK) == 0, rc, r = -1;
	sqlite3 *h = NULL;

	memset(p, 0, sizeof *p);
	uri = live ? xstrdup(path) : immutable_uri(path);
	rc = sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY | (live ? 0 : SQLITE_OPEN_URI), NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(h, 10000);
		p->app_id = probe_scalar(h, "PRAGMA application_id", &rc);
	}
	if (rc == SQLITE_OK)
		p->version = probe_scalar(h, "PRAGMA user_version", &rc);
	if (rc == SQLITE_OK)
		p->empty = probe_scalar(h, "SELECT count(*) = 0 FROM sqlite_schema", &rc) == 1;
	if (rc == SQLITE_OK)
		p->doorstep = probe_scalar(h,
					   "SELECT count(*) = 4 FROM sqlite_schema WHERE type = 'table'"
					   " AND name IN ('settings', 'households', 'residents', 'audit_log')",
					   &rc) == 1;
	if (rc == SQLITE_OK && p->doorstep)
		p->set_up = probe_scalar(h, "SELECT count(*) > 0 FROM settings", &rc) == 1;
	if (rc == SQLITE_OK)
		r = 0;
	else if ((rc & 0xff) == SQLITE_NOTADB)
		err_set(e, _("%s is not a doorstep database (not an SQLite file, or damaged)"), path);
	else if ((rc & 0xff) == SQLITE_CORRUPT)
		err_set(e, _("%s: the database is damaged: restore a backup (%s)"), path,
			sqlite3_errstr(rc));
	else
		err_set(e, _("cannot open %s: %s"), path, h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
	sqlite3_close_v2(h);
	free(uri);
	free(wal);
	return r;
}

/* Decides from the probe whether doorstep may open the file with flags. */
static int check_identity(const char *path, const struct probe *p, int flags, struct err *e)
{
	int ours = p->app_id == DB_APPLICATION_ID ||
		   (p->app_id == 0 && (p->empty || (p->version > 0 && p->doorstep)));

	if (!ours)
		return err_set(e,
			       _("%s is another program's database, not doorstep's; it was left "
				 "untouched"),
			       path);
	/* A newer doorstep's file is refused as such once open. */
	if ((flags & DB_OPEN_SETUP) || p->version > schema_latest_version())
		return 0;
	if (p->empty && (flags & DB_OPEN_READONLY))
		return err_set(e, _("%s is not set up: run doorstep init"), path);
	if (!(flags & DB_OPEN_READONLY) && (p->empty || !p->set_up))
		return err_set(e, _("%s is not set up: run doorstep init"), path);
	return 0;
}

int db_probe_identity(const char *path, struct err *e)
{
	struct probe pr;

	if (probe_file(path, &pr, e) < 0)
		return -1;
	return check_identity(path, &pr, DB_OPEN_READONLY | DB_OPEN_SETUP, e);
}

/* Gives a doorstep file of an earlier version (application_id 0) the
 * value that names it doorstep's. */
static int set_application_id(struct db *db, struct err *e)
{
	char sql[64];

	if (sql_scalar(db, "PRAGMA application_id", e) == DB_APPLICATION_ID)
		return 0;
	snprintf(sql, sizeof sql, "PRAGMA application_id=%ld", (long)DB_APPLICATION_ID);
	return db_exec(db, sql, e);
}

int db_open(struct db **out, const char *path, int flags, struct err *e)
{
	struct db *db = xcalloc(1, sizeof *db);
	int oflags = SQLITE_OPEN_NOMUTEX;
	int version = 0;
	struct probe pr;
	struct stat sb;

	*out = NULL;
	if (flags & DB_OPEN_MEMORY) {
		path = ":memory:";
		oflags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY;
	} else if (flags & DB_OPEN_READONLY) {
		oflags |= SQLITE_OPEN_READONLY;
	} else {
		oflags |= SQLITE_OPEN_READWRITE;
	}
	db->path = xstrdup(path);

	if (!(flags & DB_OPEN_MEMORY)) {
		if (stat(path, &sb) < 0) {
			if (errno != ENOENT || !(flags & DB_OPEN_CREATE)) {
				err_set(e,
					errno == ENOENT
					    ? _("no database at %s: create one with `doorstep init "
						"--community NAME` or `doorstep demo`")
					    : _("cannot open %s: %s"),
					path, strerror(errno));
				goto fail;
			}
			if (create_file(path, e) < 0)
				goto fail;
			flags |= DB_OPEN_SETUP;
		} else if (!S_ISREG(sb.st_mode)) {
			err_set(e, _("%s is not a regular file"), path);
			goto fail;
		} else if (!(flags & DB_OPEN_READONLY) && access(path, W_OK) < 0) {
			err_set(e,
				_("the database %s is read-only: doorstep needs to write to it "
				  "(check its permissions)"),
				path);
			goto fail;
		} else if (folder_blocks_wal(path)) {
			err_set(e, _("the folder of %s is not writable: doorstep keeps its journal (%s-wal) beside the database (check the folder's permissions)"),
				path, path);
			goto fail;
		}
		if (probe_file(path, &pr, e) < 0 || check_identity(path, &pr, flags, e) < 0)
			goto fail;
	}
	if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
		err_set(e, _("cannot open %s: %s"), path,
			db->h ? sqlite3_errmsg(db->h) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 10000);
	if (read_user_version(db, &version, e) < 0)
		goto fail;
	if (version > schema_latest_version()) {
		err_set(e,
			_("%s was written by a newer doorstep (schema %d; this program knows up to "
			  "%d): update doorstep; the file was left untouched"),
			path, version, schema_latest_version());
		goto fail;
	}
	if (db_exec(db, "PRAGMA foreign_keys=ON", e) < 0)
		goto fail;
	/* Sorts and DISTINCTs of small lists (a household's head, its tags)
	 * would otherwise create a temporary file per statement: 4x slower. */
	if (db_exec(db, "PRAGMA temp_store=MEMORY", e) < 0)
		goto fail;
	if (db_search_functions(db, e) < 0)
		goto fail;
	if (!(flags & DB_OPEN_READONLY)) {
		if (!(flags & DB_OPEN_MEMORY) && db_exec(db, "PRAGMA journal_mode=WAL", e) < 0) {
			err_prefix(e, "%s", path);
			goto fail;
		}
		if (db_exec(db, "PRAGMA synchronous=NORMAL", e) < 0)
			goto fail;
		if (schema_migrate(db, version, e) < 0 || set_application_id(db, e) < 0)
			goto fail;
	} else if (version < schema_latest_version()) {
		err_set(e,
			_("%s has an older schema (%d) and is open read-only: open it once for "
			  "writing to upgrade it"),
			path, version);
		goto fail;
	}
	*out = db;
	return 0;
fail:
	db_close(&db);
	return -1;
}

void db_close(struct db **pdb)
{
	struct db *db = *pdb;

	if (!db)
		return;
	if (db->h && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	for (int i = 0; i < STMT_SLOTS; i++) {
		sqlite3_finalize(db->slots[i].st);
		free(db->slots[i].sql);
	}
	if (db->h)
		sqlite3_close_v2(db->h);
	free(db->path);
	free(db->staff);
	free(db);
	*pdb = NULL;
}

char *db_default_path(const char *flag_value)
{
	const char *env = getenv("DOORSTEP_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (flag_value && *flag_value)
		return xstrdup(flag_value);
	if (env && *env)
		return xstrdup(env);
	if (xdg && *xdg == '/')
		return xasprintf("%s/doorstep/doorstep.db", xdg);
	return xasprintf("%s/.local/share/doorstep/doorstep.db", home && *home ? home : ".");
}

/* The savepoint of nesting level depth (2 and deeper). */
static void savepoint_sql(char *buf, size_t n, const char *verb, int depth)
{
	snprintf(buf, n, "%s doorstep_sp%d", verb, depth);
}

/* 1 when SQLite ended the transaction by itself (a full disk, an I/O
 * error): nothing is left to commit, roll back to or release. */
static int transaction_lost(struct db *db)
{
	if (!db->rolled_back && sqlite3_get_autocommit(db->h))
		db->rolled_back = 1;
	return db->rolled_back;
}

int db_begin(struct db *db, struct err *e)
{
	char sql[48];

	if (db->damaged)
		return damaged_error(db, e, _("nothing more is written"));
	if (db->depth == 0) {
		db->rolled_back = 0;
		if (db_exec(db, "BEGIN IMMEDIATE", e) < 0)
			return -1;
		db->depth = 1;
		return 0;
	}
	if (transaction_lost(db))
		return err_set(e, _("the change was rolled back"));
	savepoint_sql(sql, sizeof sql, "SAVEPOINT", db->depth + 1);
	if (db_exec(db, sql, e) < 0)
		return -1;
	db->depth++;
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	char sql[48];

	if (db->depth <= 0)
		return err_set(e, "internal error: commit without a transaction");
	if (transaction_lost(db)) {
		if (--db->depth == 0)
			db->rolled_back = 0;
		return err_set(e, _("the change was rolled back"));
	}
	if (db->depth > 1) {
		savepoint_sql(sql, sizeof sql, "RELEASE", db->depth);
		if (db_exec(db, sql, e) == 0) {
			db->depth--;
			return 0;
		}
		db_rollback(db); /* the level is closed either way: undone */
		return -1;
	}
	db->depth = 0;
	if (db->damaged) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return damaged_error(db, e, _("the change was rolled back"));
	}
	if (db_exec(db, "COMMIT", e) < 0) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

void db_rollback(struct db *db)
{
	char sql[48];

	if (db->depth <= 0)
		return;
	if (db->depth > 1 && !transaction_lost(db)) {
		savepoint_sql(sql, sizeof sql, "ROLLBACK TO", db->depth);
		if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK) {
			savepoint_sql(sql, sizeof sql, "RELEASE", db->depth);
			sqlite3_exec(db->h, sql, NULL, NULL, NULL);
		} else {
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
			db->rolled_back = 1;
		}
	} else if (db->depth == 1 && !sqlite3_get_autocommit(db->h)) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	}
	if (--db->depth == 0)
		db->rolled_back = 0;
}

long long db_end(struct db *db, long long r, struct err *e)
{
	if (r < 0) {
		db_rollback(db);
		return r;
	}
	return db_commit(db, e) < 0 ? -1 : r;
}

int db_in_transaction(const struct db *db)
{
	return db->depth > 0;
}

int db_need_transaction(struct db *db, const char *what, struct err *e)
{
	return db_in_transaction(db) ? 0
				      : err_set(e, "internal error: %s outside a transaction", what);
}

long long db_data_version(struct db *db)
{
	return sql_scalar(db, "PRAGMA data_version", NULL);
}

int db_audit(struct db *db, const char *action, const char *table, const char *record_uuid,
	     const char *changes, struct err *e)
{
	char uuid[UUID_STR], now[CLOCK_STR];
	struct strbuf bad = STRBUF_INIT;
	sqlite3_stmt *st;

	/* Merge reads the row on another machine, where a local id means
	 * another record or none: a reference that is no UUID is a fault of
	 * the code, refused before it is written. */
	if (auditfmt_refs_check(changes, &bad) < 0) {
		err_set(e, "internal error: the audit row of %s %s names %s by no UUID", action,
			table, strbuf_str(&bad));
		strbuf_free(&bad);
		return -1;
	}
	st = db_stmt(db,
				   "INSERT INTO audit_log(uuid, at, staff, action, table_name, record_uuid, changes)"
				   " VALUES(:uuid, :at, :staff, :action, :tbl, :rec, :changes)",
				   e);

	if (!st)
		return -1;
	sql_new_record(uuid, now);
	sql_bind_text(st, ":uuid", uuid);
	sql_bind_text(st, ":at", now);
	sql_bind_text(st, ":staff", db_staff(db));
	sql_bind_text(st, ":action", action);
	sql_bind_text(st, ":tbl", table);
	sql_bind_text(st, ":rec", record_uuid);
	sql_bind_text(st, ":changes", changes);
	return sql_step_done(db, st, e);
}

/* Copies every page of db into the new, empty file at tmp.  The copy runs
 * without a journal (the file is not the backup until it is renamed, and a
 * journal would be a second file opened by name), and SQLite refuses to
 * follow a link at tmp. */
static int backup_pages(struct db *db, const char *tmp, const char *path, struct err *e)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int r = -1;

	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) !=
	    SQLITE_OK) {
		err_set(e, _("cannot write %s: %s"), path, sqlite3_errmsg(dst));
		goto out;
	}
	if (sqlite3_exec(dst, "PRAGMA journal_mode=OFF", NULL, NULL, NULL) != SQLITE_OK) {
		err_set(e, _("backup to %s failed: %s"), path, sqlite3_errmsg(dst));
		goto out;
	}
	b = sqlite3_backup_init(dst, "main", db->h, "main");
	if (!b) {
		err_set(e, _("backup to %s failed: %s"), path, sqlite3_errmsg(dst));
		goto out;
	}
	while (1) {
		int rc = sqlite3_backup_step(b, 256);

		if (rc == SQLITE_DONE)
			break;
		if (rc == SQLITE_OK)
			continue;
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			sqlite3_sleep(50);
			continue;
		}
		sqlite3_backup_finish(b);
		err_set(e, _("backup to %s failed: %s"), path, sqlite3_errstr(rc));
		goto out;
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK) {
		err_set(e, _("backup to %s failed: %s"), path, sqlite3_errmsg(dst));
		goto out;
	}
	r = 0;
out:
	sqlite3_close_v2(dst);
	return r;
}

int db_backup(struct db *db, const char *path, struct err *e)
{
	/* Bytes 18 and 19 of the header: 1 is a rollback-journal file, which
	 * opens from a read-only folder (a USB stick) without -wal and -shm. */
	static const unsigned char legacy[2] = {1, 1};
	struct atomic_file f;

	if (atomic_file_open(&f, path, e) < 0)
		return -1;
	if (backup_pages(db, f.tmp, path, e) < 0)
		goto fail;
	if (pwrite(f.fd, legacy, sizeof legacy, 18) != (ssize_t)sizeof legacy) {
		err_set(e, _("cannot write %s: %s"), path, strerror(errno));
		goto fail;
	}
	return atomic_file_commit(&f, e);
fail:
	atomic_file_abort(&f);
	return -1;
}

int db_integrity_check(struct db *db, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA integrity_check", e);
	int r = 0;

	if (!st)
		return -1;
	if (sql_step_row(db, st, e) != 1)
		return -1;
	if (strcmp((const char *)sqlite3_column_text(st, 0), "ok"))
		r = err_set(e, _("integrity check: %s"), sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return r;
}

int db_quick_check(struct db *db, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA quick_check(1)", e);
	int r = 0;

	if (!st || sql_step_row(db, st, e) != 1)
		return -1;
	if (strcmp((const char *)sqlite3_column_text(st, 0), "ok")) {
		db->damaged = 1;
		r = damaged_error(db, e, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	return r;
}
