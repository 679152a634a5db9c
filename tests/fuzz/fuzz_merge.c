/* libFuzzer harness of `doorstep merge` on mutated peer files.
 *
 * Once: a small demo community (station A) and a second machine made from it
 * with init --from (station B), both real SQLite files.  Per input: fresh
 * copies of both, then the peer file is damaged in one of two ways chosen by
 * the first byte, and merged into this one (db_merge):
 *   - bytes: (3-byte offset, byte) pairs overwrite the file itself, as a bad
 *     USB stick would;
 *   - records: operations on the peer's rows through SQLite with CHECK
 *     constraints and foreign keys off, as a foreign or buggy program would:
 *     set a column of a row to NULL, a number, text or blob from the input,
 *     or to the same column of another row (duplicate UUIDs and natural
 *     keys); delete a row; copy a row under a new id.
 * Invariants: no crash or sanitizer report; a refused merge leaves this file
 * exactly as it was (same content, table by table); a merge that goes
 * through leaves a file that passes SQLite's integrity and foreign key
 * checks.
 *
 * Speed (20 s of CI must try thousands of files, not a hundred): the content
 * of this file before the merge is read once, a refused merge whose file is
 * byte for byte the original needs no second reading, and a record damage
 * is at most MAX_OPS operations in one transaction (a long input used to
 * mean a thousand autocommitted statements before the merge even began). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/strbuf.h"
#include "db/db.h"
#include "db/demo.h"
#include "db/merge.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const tables[] = {
    "settings",	   "staff",	"grids",      "households",    "residents",
    "visits",	   "readings",	"isolations", "checks",	       "checkpoints",
    "donations",   "distributions", "shifts", "passes",	       "pass_events",
    "audit_log",
};
#define NTABLES (sizeof tables / sizeof tables[0])
#define MAX_OPS 16 /* record operations per input: a few break every rule */

static char dir[64], this_path[96], other_path[96];
static unsigned char *this_bytes, *other_bytes;
static size_t this_size, other_size;
static struct strbuf this_content = STRBUF_INIT; /* content() of this_bytes */

static void die(const char *what, const struct err *e)
{
	fprintf(stderr, "fuzz_merge: %s: %s\n", what, e ? e->msg : "");
	exit(2);
}

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b;
	long len;

	if (!f || fseek(f, 0, SEEK_END) < 0 || (len = ftell(f)) < 0)
		die(path, NULL);
	rewind(f);
	b = malloc((size_t)len + 1);
	if (fread(b, 1, (size_t)len, f) != (size_t)len)
		die(path, NULL);
	fclose(f);
	*n = (size_t)len;
	return b;
}

static void spill(const char *path, const unsigned char *b, size_t n)
{
	char side[128];
	FILE *f;

	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	f = fopen(path, "wb");
	if (!f || fwrite(b, 1, n, f) != n || fclose(f) != 0)
		die(path, NULL);
}

static void content(const char *path, struct strbuf *b);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct demo_params p = {.households = 4, .days = 2, .seed = 7, .community = "幸福里社区"};
	struct demo_summary sum;
	struct merge_report r;
	struct db *db;
	struct err e = {0};

	(void)argc;
	(void)argv;
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	snprintf(dir, sizeof dir, "%s/fuzz_merge-XXXXXX", access("/dev/shm", W_OK) ? "/tmp" : "/dev/shm");
	if (!mkdtemp(dir))
		die("mkdtemp", NULL);
	snprintf(this_path, sizeof this_path, "%s/this.db", dir);
	snprintf(other_path, sizeof other_path, "%s/other.db", dir);
	if (db_open(&db, this_path, DB_OPEN_CREATE, &e) < 0 || db_demo_generate(db, &p, &sum, &e) < 0)
		die("the demo community", &e);
	db_close(&db);
	memset(&r, 0, sizeof r);
	if (db_open(&db, other_path, DB_OPEN_CREATE, &e) < 0 ||
	    db_merge_init_from(db, this_path, 'B', &r, &e) < 0)
		die("init --from", &e);
	merge_report_free(&r);
	db_close(&db);
	this_bytes = slurp(this_path, &this_size);
	other_bytes = slurp(other_path, &other_size);
	spill(this_path, this_bytes, this_size);
	content(this_path, &this_content);
	return 0;
}

/* The content of every table of the file at path, into b. */
static void content(const char *path, struct strbuf *b)
{
	sqlite3 *h;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		abort();
	for (size_t t = 0; t < NTABLES; t++) {
		char sql[96];
		sqlite3_stmt *st;

		snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY rowid", tables[t]);
		if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
			abort();
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const void *v = sqlite3_column_blob(st, c);
				int n = sqlite3_column_bytes(st, c);

				strbuf_printf(b, "%d:%d:", sqlite3_column_type(st, c), n);
				if (v)
					strbuf_add(b, v, (size_t)n);
			}
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
}

/* 1 when the file at path is this_bytes, byte for byte, with no journal or
 * WAL beside it: then its content is this_content. */
static int untouched(const char *path)
{
	char side[128];
	unsigned char *b;
	size_t n;
	int same;

	snprintf(side, sizeof side, "%s-wal", path);
	if (access(side, F_OK) == 0)
		return 0;
	snprintf(side, sizeof side, "%s-journal", path);
	if (access(side, F_OK) == 0)
		return 0;
	b = slurp(path, &n);
	same = n == this_size && memcmp(b, this_bytes, n) == 0;
	free(b);
	return same;
}

/* Input reader. */
struct in {
	const uint8_t *p;
	size_t n;
};

static unsigned take(struct in *in, int bytes)
{
	unsigned v = 0;

	for (int i = 0; i < bytes; i++) {
		v = v << 8 | (in->n ? *in->p : 0);
		if (in->n)
			in->p++, in->n--;
	}
	return v;
}

static void damage_bytes(struct in *in)
{
	FILE *f = fopen(other_path, "r+b");

	if (!f)
		abort();
	while (in->n >= 4) {
		unsigned off = take(in, 3) % (unsigned)other_size;
		unsigned char b = (unsigned char)take(in, 1);

		fseek(f, off, SEEK_SET);
		fwrite(&b, 1, 1, f);
	}
	fclose(f);
}

/* The rowid of row k (mod the count) of table t, or 0 for an empty table. */
static long long pick_row(sqlite3 *h, const char *t, unsigned k)
{
	char sql[128];
	sqlite3_stmt *st;
	long long id = 0, n = 0;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", t);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (n == 0)
		return 0;
	snprintf(sql, sizeof sql, "SELECT rowid FROM %s LIMIT 1 OFFSET %lld", t, (long long)k % n);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* The name of column k (mod the count) of table t into out. */
static int pick_column(sqlite3 *h, const char *t, unsigned k, char *out, size_t n)
{
	char sql[96];
	sqlite3_stmt *st;
	int cols = 0, found = 0;

	snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s')", t);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		cols++;
	sqlite3_reset(st);
	for (int i = 0; cols && sqlite3_step(st) == SQLITE_ROW; i++)
		if ((unsigned)i == k % (unsigned)cols) {
			snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
			found = 1;
			break;
		}
	sqlite3_finalize(st);
	return found ? 0 : -1;
}

static void exec_bound(sqlite3 *h, const char *sql, struct in *in, int kind, long long other_row)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	switch (kind) {
	case 0:
		sqlite3_bind_null(st, 1);
		break;
	case 1:
		sqlite3_bind_int64(st, 1, (long long)(int32_t)take(in, 4));
		break;
	case 2:
	case 3: {
		size_t len = take(in, 1) % 40;

		len = len < in->n ? len : in->n;
		if (kind == 2)
			sqlite3_bind_text(st, 1, (const char *)in->p, (int)len, SQLITE_TRANSIENT);
		else
			sqlite3_bind_blob(st, 1, in->p, (int)len, SQLITE_TRANSIENT);
		in->p += len, in->n -= len;
		break;
	}
	default:
		sqlite3_bind_int64(st, 1, other_row);
		break;
	}
	sqlite3_step(st);
	sqlite3_finalize(st);
}

static void damage_records(struct in *in)
{
	sqlite3 *h;

	if (sqlite3_open(other_path, &h) != SQLITE_OK)
		abort();
	sqlite3_exec(h,
		     "PRAGMA ignore_check_constraints=1; PRAGMA foreign_keys=OFF;"
		     " PRAGMA synchronous=OFF; BEGIN",
		     NULL, NULL, NULL);
	for (int ops = 0; in->n >= 4 && ops < MAX_OPS; ops++) {
		const char *t = tables[take(in, 1) % NTABLES];
		unsigned op = take(in, 1);
		long long row = pick_row(h, t, take(in, 1));
		char col[64], sql[512];

		if (!row || pick_column(h, t, take(in, 1), col, sizeof col) < 0)
			continue;
		switch (op % 8) {
		case 0: /* delete the row */
			snprintf(sql, sizeof sql, "DELETE FROM %s WHERE rowid = %lld", t, row);
			sqlite3_exec(h, sql, NULL, NULL, NULL);
			break;
		case 1: /* copy the row under a new id (same uuid: a duplicate) */
			snprintf(sql, sizeof sql,
				 "CREATE TEMP TABLE IF NOT EXISTS cp AS SELECT * FROM %s WHERE 0;"
				 "DELETE FROM cp; INSERT INTO cp SELECT * FROM %s WHERE rowid = %lld;"
				 "UPDATE cp SET id = (SELECT max(id) + 1 FROM %s);"
				 "INSERT INTO %s SELECT * FROM cp; DROP TABLE cp;",
				 t, t, row, t, t);
			sqlite3_exec(h, sql, NULL, NULL, NULL);
			break;
		case 2: /* the same column of another row */
			snprintf(sql, sizeof sql,
				 "UPDATE %s SET \"%s\" = (SELECT \"%s\" FROM %s WHERE rowid = ?1) "
				 "WHERE rowid = %lld",
				 t, col, col, t, row);
			exec_bound(h, sql, in, 4, pick_row(h, t, take(in, 1)));
			break;
		default: /* NULL, a number, text, a blob */
			snprintf(sql, sizeof sql, "UPDATE %s SET \"%s\" = ?1 WHERE rowid = %lld", t,
				 col, row);
			exec_bound(h, sql, in, (int)(op % 4), 0);
			break;
		}
	}
	sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(h);
}

static void check_sound(const char *path)
{
	sqlite3 *h;
	sqlite3_stmt *st;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		abort();
	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok"))
		abort();
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		abort();
	if (sqlite3_step(st) == SQLITE_ROW) {
		fprintf(stderr, "a foreign key broken after the merge: table %s row %lld\n",
			sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1));
		abort();
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = {data, size};
	struct merge_opts o = {0};
	struct merge_report r;
	struct err e = {0};
	struct db *db;
	struct strbuf after = STRBUF_INIT;
	int rc;

	if (size < 1)
		return 0;
	spill(this_path, this_bytes, this_size);
	spill(other_path, other_bytes, other_size);
	if (take(&in, 1) & 1)
		damage_bytes(&in);
	else
		damage_records(&in);
	if (db_open(&db, this_path, 0, &e) < 0)
		abort();
	memset(&r, 0, sizeof r);
	rc = db_merge(db, other_path, &o, &r, &e);
	merge_report_free(&r);
	db_close(&db);
	if (rc < 0 && !untouched(this_path)) {
		content(this_path, &after);
		if (after.len != this_content.len ||
		    (after.len && memcmp(after.s, this_content.s, after.len) != 0)) {
			fprintf(stderr, "a refused merge (%s) changed this file\n", e.msg);
			abort();
		}
		strbuf_free(&after);
	} else if (rc >= 0) {
		check_sound(this_path);
	}
	return 0;
}
