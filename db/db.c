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

#include "core/clock.h"
#include "core/i18n.h"
#include "core/uuid.h"
#include "core/xalloc.h"
#include "db/schema.h"
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
	int rolled_back; /* the outermost transaction was rolled back inside */
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

int sql_error(struct db *db, struct err *e, const char *what)
{
	int code = sqlite3_extended_errcode(db->h);
	const char *msg = sqlite3_errmsg(db->h);

	if (code == SQLITE_FULL || code == SQLITE_IOERR_WRITE)
		return err_set(e, _("%s: the disk is full or the file is too large (%s)"), what,
			       msg);
	if ((code & 0xff) == SQLITE_READONLY)
		return err_set(e, _("%s: the database %s is read-only (%s)"), what, db->path, msg);
	if ((code & 0xff) == SQLITE_CORRUPT)
		return err_set(e, _("%s: the database %s is damaged (%s); restore it from a backup"),
			       what, db->path, msg);
	if ((code & 0xff) == SQLITE_BUSY)
		return err_set(e, _("%s: the database is busy in another program; try again"),
			       what);
	return err_set(e, "%s: %s", what, msg);
}

static uint32_t hash_text(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
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

	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int r = msg ? err_set(e, "%s", msg) : sql_error(db, e, _("query failed"));

		if (msg)
			sql_error(db, e, _("database"));
		sqlite3_free(msg);
		return r;
	}
	return 0;
}

static int bind_index(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i == 0) {
		fprintf(stderr, "doorstep: internal error: no parameter %s in %s\n", name,
			sqlite3_sql(st));
		abort();
	}
	return i;
}

int sql_bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = bind_index(st, name);

	return (v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i)) ==
			       SQLITE_OK
		       ? 0
		       : -1;
}

int sql_bind_int(sqlite3_stmt *st, const char *name, long long v)
{
	return sqlite3_bind_int64(st, bind_index(st, name), v) == SQLITE_OK ? 0 : -1;
}

int sql_bind_null(sqlite3_stmt *st, const char *name)
{
	return sqlite3_bind_null(st, bind_index(st, name)) == SQLITE_OK ? 0 : -1;
}

int sql_bind_id(sqlite3_stmt *st, const char *name, long long v)
{
	return v < 0 ? sql_bind_null(st, name) : sql_bind_int(st, name, v);
}

int sql_step_done(struct db *db, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return 0;
	}
	sql_error(db, e, _("saving failed"));
	sqlite3_reset(st);
	return -1;
}

int sql_step_row(struct db *db, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	sql_error(db, e, _("reading failed"));
	sqlite3_reset(st);
	return -1;
}

char *sql_col_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? xstrdup((const char *)t) : NULL;
}

void sql_col_str(sqlite3_stmt *st, int col, char **dst)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	xstrset(dst, (const char *)t);
}

void sql_col_copy(sqlite3_stmt *st, int col, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, n, "%s", t ? (const char *)t : "");
}

int sql_collect_ids(struct db *db, sqlite3_stmt *st, long long **ids, size_t *n, struct err *e)
{
	size_t cap = 0;
	int r;

	*ids = NULL;
	*n = 0;
	while ((r = sql_step_row(db, st, e)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*ids = xrealloc(*ids, cap * sizeof **ids);
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

long long sql_scalar(struct db *db, const char *sql, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	long long v = -1;

	if (!st)
		return -1;
	if (sql_step_row(db, st, e) == 1)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

void sql_new_record(char uuid[37], char now[20])
{
	uuid_v7(uuid);
	clock_now(now);
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

static int check_is_doorstep(struct db *db, int version, struct err *e)
{
	long long n;

	if (version > 0)
		return 0;
	/* user_version 0: a new file, or some other SQLite database. */
	n = sql_scalar(db, "SELECT count(*) FROM sqlite_schema", e);
	if (n < 0)
		return -1;
	if (n > 0)
		return err_set(e, _("%s is an SQLite database of another program, not doorstep's"),
			       db->path);
	return 0;
}

int db_open(struct db **out, const char *path, int flags, struct err *e)
{
	struct db *db = xcalloc(1, sizeof *db);
	int oflags = SQLITE_OPEN_NOMUTEX;
	int version = 0;
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
	if (check_is_doorstep(db, version, e) < 0)
		goto fail;
	if (db_exec(db, "PRAGMA foreign_keys=ON", e) < 0)
		goto fail;
	/* Sorts and DISTINCTs of small lists (a household's head, its tags)
	 * would otherwise create a temporary file per statement: 4x slower. */
	if (db_exec(db, "PRAGMA temp_store=MEMORY", e) < 0)
		goto fail;
	if (!(flags & DB_OPEN_READONLY)) {
		if (!(flags & DB_OPEN_MEMORY) && db_exec(db, "PRAGMA journal_mode=WAL", e) < 0) {
			err_prefix(e, "%s", path);
			goto fail;
		}
		if (db_exec(db, "PRAGMA synchronous=NORMAL", e) < 0)
			goto fail;
		if (schema_migrate(db, version, e) < 0)
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

int db_begin(struct db *db, struct err *e)
{
	if (db->depth++ > 0)
		return 0;
	db->rolled_back = 0;
	if (db_exec(db, "BEGIN IMMEDIATE", e) < 0) {
		db->depth = 0;
		return -1;
	}
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	if (db->depth <= 0)
		return err_set(e, "internal error: commit without a transaction");
	if (--db->depth > 0)
		return db->rolled_back ? err_set(e, _("the change was rolled back")) : 0;
	if (db->rolled_back)
		return err_set(e, _("the change was rolled back"));
	if (db_exec(db, "COMMIT", e) < 0) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

void db_rollback(struct db *db)
{
	if (db->depth <= 0)
		return;
	if (!db->rolled_back && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db->rolled_back = 1;
	if (--db->depth == 0)
		db->rolled_back = 0;
}

int db_in_transaction(const struct db *db)
{
	return db->depth > 0;
}

long long db_data_version(struct db *db)
{
	return sql_scalar(db, "PRAGMA data_version", NULL);
}

int db_audit(struct db *db, const char *action, const char *table, const char *record_uuid,
	     const char *changes, struct err *e)
{
	char uuid[UUID_STR], now[CLOCK_STR];
	sqlite3_stmt *st = db_stmt(db,
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

int db_backup(struct db *db, const char *path, struct err *e)
{
	char *tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int r = -1, fd;

	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		err_set(e, _("cannot write %s: %s"), path, strerror(errno));
		goto out;
	}
	close(fd);
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		err_set(e, _("cannot write %s: %s"), path, sqlite3_errmsg(dst));
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
	/* The copy is a self-contained rollback-journal file, fsynced. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		err_set(e, _("backup to %s failed: %s"), path, sqlite3_errmsg(dst));
		goto out;
	}
	sqlite3_close_v2(dst);
	dst = NULL;
	if (rename(tmp, path) < 0) {
		err_set(e, _("cannot write %s: %s"), path, strerror(errno));
		goto out;
	}
	r = 0;
out:
	if (dst)
		sqlite3_close_v2(dst);
	if (r < 0)
		unlink(tmp);
	free(tmp);
	return r;
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
