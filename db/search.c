/* search: keyset pages of the Households list and the filter's term index;
 * see search.h and core/searchkey.h. */
#include "db/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/searchkey.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/schema.h"
#include "db/sql.h"

/* db.c's busy timeout, restored after the refiling's non-blocking BEGIN. */
#define BUSY_TIMEOUT_MS 10000
/* search_docs.terms as a JSON array, expanded by json_each in SQL; a value
 * damaged by hand (from the sqlite3 shell) counts as no term rather than
 * failing every search (db_search_rebuild repairs the index). */
#define DOC_TERMS "json_each(CASE WHEN json_valid(d.terms) THEN d.terms ELSE '[]' END)"
/* Refiling reads the queue in batches of this many households (their terms
 * are sorted together before they go into the index). */
#define SYNC_BATCH 8192
/* A queue longer than this is refiled with a page cache of BIG_CACHE_KIB. */
#define BIG_QUEUE     2000
#define BIG_CACHE_KIB "131072"
/* A keystroke refiles a queue shorter than this itself; db_search_idle
 * refiles this many households at a time. */
#define KEY_REFILE   64
#define KEY_REFILE_S "64"
#define IDLE_BATCH   512

void db_search_row_clear(struct search_row *r)
{
	model_household_clear(&r->h);
	free(r->sort_key);
	r->sort_key = NULL;
}

/* --- refiling --------------------------------------------------------- */

static int unfile(struct db *db, long long id, struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db,
		    "DELETE FROM search_terms WHERE (term, sort_key, household_id) IN"
		    " (SELECT j.value, d.sort_key, d.household_id FROM search_docs d,"
		    " " DOC_TERMS " j WHERE d.household_id = :id)",
		    e);

	if (!st)
		return -1;
	sql_bind_int(st, ":id", id);
	if (sql_step_done(db, st, e) < 0)
		return -1;
	st = db_stmt(db, "DELETE FROM search_docs WHERE household_id = :id", e);
	if (!st)
		return -1;
	sql_bind_int(st, ":id", id);
	return sql_step_done(db, st, e);
}

/* One household being refiled: what it is filed under now. */
struct filing {
	long long id;
	char *key; /* NULL: deleted, filed under nothing */
	struct searchkey_terms t;
};

/* Unfiles household f->id and reads what it is to be filed under now (its
 * code, phone, and its live residents' names and the short tails of their
 * ID numbers and phones), without filing it yet. */
static int gather(struct db *db, struct filing *f, struct err *e)
{
	sqlite3_stmt *st;
	char *code = NULL, *phone = NULL;
	int r;

	if (unfile(db, f->id, e) < 0)
		return -1;
	st = db_stmt(
	    db,
	    "SELECT code, sort_key, phone FROM households WHERE id = :id AND deleted_at IS NULL",
	    e);
	if (!st)
		return -1;
	sql_bind_int(st, ":id", f->id);
	r = sql_step_row(db, st, e);
	if (r == 1) {
		code = sql_col_dup(st, 0);
		f->key = sql_col_dup(st, 1);
		phone = sql_col_dup(st, 2);
	}
	sqlite3_reset(st);
	if (r <= 0)
		return r;
	r = -1;
	searchkey_add_code(&f->t, code);
	searchkey_add_tails(&f->t, phone);
	st = db_stmt(db,
		     "SELECT name, id_number, phone FROM residents WHERE household_id = :id"
		     " AND deleted_at IS NULL",
		     e);
	if (!st)
		goto out;
	sql_bind_int(st, ":id", f->id);
	while ((r = sql_step_row(db, st, e)) == 1) {
		searchkey_add_name(&f->t, (const char *)sqlite3_column_text(st, 0));
		searchkey_add_number_tails(&f->t, (const char *)sqlite3_column_text(st, 1));
		searchkey_add_number_tails(&f->t, (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	if (r < 0)
		goto out;
	searchkey_terms_finish(&f->t);
	r = 0;
out:
	free(code);
	free(phone);
	return r;
}

/* Records what the gathered households are filed under (search_docs, the
 * terms as a JSON array) and notes them in temp.search_filed: drain moves
 * the terms of every noted household into search_terms at the end, in one
 * statement in index order.  A million terms bound and stepped one by one
 * from C cost a fifth of an import; expanded by json_each, a fraction. */
static int file_all(struct db *db, struct filing *f, int n, struct err *e)
{
	struct strbuf all = STRBUF_INIT;
	int r = -1;

	for (int i = 0; i < n; i++) {
		sqlite3_stmt *st;

		if (!f[i].key)
			continue;
		strbuf_reset(&all);
		strbuf_putc(&all, '[');
		for (size_t j = 0; j < f[i].t.n; j++) {
			if (j)
				strbuf_putc(&all, ',');
			json_quote(&all, f[i].t.v[j]);
		}
		strbuf_putc(&all, ']');
		st = db_stmt(db,
			     "INSERT INTO search_docs(household_id, sort_key, terms)"
			     " VALUES(:id, :key, :terms)",
			     e);
		if (!st)
			goto out;
		sql_bind_int(st, ":id", f[i].id);
		sql_bind_text(st, ":key", f[i].key);
		sql_bind_text(st, ":terms", strbuf_str(&all));
		if (sql_step_done(db, st, e) < 0)
			goto out;
		st = db_stmt(db, "INSERT OR IGNORE INTO temp.search_filed VALUES(:id)", e);
		if (!st)
			goto out;
		sql_bind_int(st, ":id", f[i].id);
		if (sql_step_done(db, st, e) < 0)
			goto out;
	}
	r = 0;
out:
	strbuf_free(&all);
	return r;
}

static int queue_empty(struct db *db, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM search_dirty LIMIT 1", e);
	int r;

	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	sqlite3_reset(st);
	return r < 0 ? -1 : !r;
}

/* Refiles what is queued, in the open transaction, a batch at a time: all
 * of it (limit 0) or the first limit households. */
static int drain_queue(struct db *db, long long limit, struct err *e)
{
	struct filing *f = xcalloc(SYNC_BATCH, sizeof *f);
	int rc = -1;

	for (;;) {
		sqlite3_stmt *st = db_stmt(db, "SELECT household_id FROM search_dirty LIMIT :n", e);
		int n = 0, r = 0, i, batch = SYNC_BATCH;

		if (!st)
			goto out;
		if (limit > 0 && limit < batch)
			batch = (int)limit;
		sql_bind_int(st, ":n", batch);
		while (n < batch && (r = sql_step_row(db, st, e)) == 1) {
			memset(&f[n], 0, sizeof f[n]);
			f[n++].id = sqlite3_column_int64(st, 0);
		}
		sqlite3_reset(st);
		if (r < 0)
			goto out;
		if (n == 0)
			break;
		for (i = 0; i < n && (r = gather(db, &f[i], e)) >= 0; i++)
			;
		if (r >= 0)
			r = file_all(db, f, n, e);
		for (i = 0; r >= 0 && i < n; i++) {
			st = db_stmt(db, "DELETE FROM search_dirty WHERE household_id = :id", e);
			if (!st || (sql_bind_int(st, ":id", f[i].id), sql_step_done(db, st, e)) < 0)
				r = -1;
		}
		for (i = 0; i < n; i++) {
			free(f[i].key);
			searchkey_terms_free(&f[i].t);
		}
		if (r < 0)
			goto out;
		if (limit > 0 && (limit -= n) <= 0)
			break;
	}
	rc = 0;
out:
	free(f);
	return rc;
}

/* As drain_queue; a long queue (after an import, or the first use of a
 * database made before the index) is refiled with a page cache that holds
 * the whole index, which makes its random inserts ten times faster. */
static int drain(struct db *db, long long limit, struct err *e)
{
	long long queued = sql_scalar(db, "SELECT count(*) FROM search_dirty", e), cache = 0;
	char pragma[64];
	int r;

	if (queued < 0)
		return -1;
	if (limit > 0 && queued > limit)
		queued = limit;
	if (queued > BIG_QUEUE) {
		cache = sql_scalar(db, "PRAGMA cache_size", e);
		db_exec(db, "PRAGMA cache_size=-" BIG_CACHE_KIB, e);
	}
	/* A B-tree takes sorted keys at a fraction of the cost of scattered
	 * ones: after an import a million terms go in as one sorted INSERT. */
	r = db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS search_filed(id INTEGER PRIMARY KEY)", e);
	if (r >= 0)
		r = drain_queue(db, limit, e);
	if (r >= 0)
		r = db_exec(db,
			    "INSERT OR IGNORE INTO search_terms(term, sort_key, household_id)"
			    " SELECT j.value, d.sort_key, d.household_id FROM temp.search_filed f"
			    " JOIN search_docs d ON d.household_id = f.id, " DOC_TERMS " j"
			    " ORDER BY 1, 2, 3",
			    e);
	sqlite3_exec(db_handle(db), "DELETE FROM temp.search_filed", NULL, NULL, NULL);
	if (cache) {
		snprintf(pragma, sizeof pragma, "PRAGMA cache_size=%lld", cache);
		sqlite3_exec(db_handle(db), pragma, NULL, NULL, NULL);
	}
	return r;
}

/* Refiles up to limit queued households (0: all), as db_search_sync. */
static int sync_some(struct db *db, long long limit, struct err *e)
{
	sqlite3 *h = db_handle(db);
	int empty = queue_empty(db, e), own, rc;

	if (empty != 0)
		return empty;
	own = !db_in_transaction(db);
	if (own) {
		struct err busy;

		/* A keystroke must not wait for another program's long write. */
		err_clear(&busy);
		sqlite3_busy_timeout(h, 0);
		rc = db_begin(db, &busy);
		sqlite3_busy_timeout(h, BUSY_TIMEOUT_MS);
		if (rc < 0) {
			int code = sqlite3_errcode(h) & 0xff;

			if (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_READONLY)
				return 0;
			*e = busy;
			return -1;
		}
	}
	if (drain(db, limit, e) < 0) {
		if (own)
			db_rollback(db);
		return -1;
	}
	if (own && db_commit(db, e) < 0)
		return -1;
	return limit > 0 ? queue_empty(db, e) : 1;
}

int db_search_sync(struct db *db, struct err *e)
{
	return sync_some(db, 0, e);
}

int db_search_idle(struct db *db, struct err *e)
{
	return sync_some(db, IDLE_BATCH, e);
}

/* Before a keystroke's statements: a short queue (an edit or two since the
 * last search) is refiled at once, as it always was; a long one (after an
 * import, or a migration that refiles everything) is left to the idle
 * refiling, and the keystroke reads its households through the fallback
 * streams below.  Returns whether households are still queued, or -1. */
static int sync_keystroke(struct db *db, struct err *e)
{
	long long queued =
	    sql_scalar(db, "SELECT count(*) FROM (SELECT 1 FROM search_dirty LIMIT " KEY_REFILE_S ")", e);
	int r;

	if (queued <= 0)
		return queued < 0 ? -1 : 0;
	if (queued >= KEY_REFILE)
		return 1;
	r = sync_some(db, 0, e); /* 0: another program holds the lock */
	return r < 0 ? -1 : !r;
}

int db_search_rebuild(struct db *db, struct err *e)
{
	if (db_begin(db, e) < 0)
		return -1;
	if (db_exec(db,
		    "DELETE FROM search_terms; DELETE FROM search_docs;"
		    " INSERT OR IGNORE INTO search_dirty SELECT id FROM households",
		    e) < 0 ||
	    drain(db, 0, e) < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, e);
}

int db_search_bulk_begin(struct db *db, struct err *e)
{
	if (db_need_transaction(db, "a bulk write", e) < 0)
		return -1;
	return db_exec(db, schema_search_insert_triggers_drop(), e);
}

int db_search_queue(struct db *db, long long household_id, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT OR IGNORE INTO search_dirty VALUES(:id)", e);

	if (!st)
		return -1;
	sql_bind_int(st, ":id", household_id);
	return sql_step_done(db, st, e);
}

int db_search_queue_after(struct db *db, long long after_id, struct err *e)
{
	sqlite3_stmt *st = db_stmt(
	    db, "INSERT OR IGNORE INTO search_dirty SELECT id FROM households WHERE id > :id", e);

	if (!st)
		return -1;
	sql_bind_int(st, ":id", after_id);
	return sql_step_done(db, st, e);
}

int db_search_bulk_end(struct db *db, int refile, struct err *e)
{
	if (db_exec(db, schema_search_insert_triggers(), e) < 0)
		return -1;
	return refile ? drain(db, 0, e) : 0;
}

/* --- pages ------------------------------------------------------------ */

struct hit {
	long long id;
	char *key;
};

static void hits_free(struct hit *h, int n)
{
	for (int i = 0; i < n; i++)
		free(h[i].key);
}

/* The statements of one stream, forwards and backwards. */
struct stream_sql {
	const char *fwd, *back;
};

static const struct stream_sql plain_sql = {
    "SELECT id, sort_key FROM households WHERE deleted_at IS NULL AND (sort_key, id) > (:k, :id)"
    " ORDER BY sort_key, id LIMIT :n",
    "SELECT id, sort_key FROM households WHERE deleted_at IS NULL AND (sort_key, id) < (:k, :id)"
    " ORDER BY sort_key DESC, id DESC LIMIT :n",
};

static const struct stream_sql term_sql = {
    "SELECT household_id, sort_key FROM search_terms WHERE term = :q"
    " AND (sort_key, household_id) > (:k, :id) ORDER BY sort_key, household_id LIMIT :n",
    "SELECT household_id, sort_key FROM search_terms WHERE term = :q"
    " AND (sort_key, household_id) < (:k, :id) ORDER BY sort_key DESC, household_id DESC"
    " LIMIT :n",
};

/* While households wait in the queue, what the index holds of them may be
 * stale: the term stream leaves them out, and the queued stream below
 * matches them on their rows as they are now. */
#define NOT_QUEUED " AND household_id NOT IN (SELECT household_id FROM search_dirty)"

static const struct stream_sql filed_sql = {
    "SELECT household_id, sort_key FROM search_terms WHERE term = :q" NOT_QUEUED
    " AND (sort_key, household_id) > (:k, :id) ORDER BY sort_key, household_id LIMIT :n",
    "SELECT household_id, sort_key FROM search_terms WHERE term = :q" NOT_QUEUED
    " AND (sort_key, household_id) < (:k, :id) ORDER BY sort_key DESC, household_id DESC"
    " LIMIT :n",
};

/* The queued households the query finds: the terms they would be filed
 * under (core/searchkey's search_match_*), and for a tail query (:t, :u not
 * NULL) their residents' reversed numbers.  A scan of the queue: cheap
 * while it is short, and db_search_idle shortens it. */
#define QUEUED_WHERE                                                                               \
	" FROM search_dirty d JOIN households h ON h.id = d.household_id"                          \
	" WHERE h.deleted_at IS NULL AND (search_match_household(:q, h.code, h.phone)"             \
	" OR EXISTS (SELECT 1 FROM residents r WHERE r.household_id = h.id"                        \
	" AND r.deleted_at IS NULL AND (r.id_rev >= :t AND r.id_rev < :u"                          \
	" OR r.phone_rev >= :t AND r.phone_rev < :u OR search_match_name(:q, r.name))))"

static const struct stream_sql queued_sql = {
    "SELECT h.id, h.sort_key" QUEUED_WHERE " AND (h.sort_key, h.id) > (:k, :id)"
    " ORDER BY h.sort_key, h.id LIMIT :n",
    "SELECT h.id, h.sort_key" QUEUED_WHERE " AND (h.sort_key, h.id) < (:k, :id)"
    " ORDER BY h.sort_key DESC, h.id DESC LIMIT :n",
};

#define TAIL_WHERE                                                                                 \
	" FROM residents r JOIN households h ON h.id = r.household_id"                             \
	" WHERE (r.id_rev >= :t AND r.id_rev < :u OR r.phone_rev >= :t AND r.phone_rev < :u)"      \
	" AND r.deleted_at IS NULL AND h.deleted_at IS NULL"

static const struct stream_sql tail_sql = {
    "SELECT DISTINCT h.id, h.sort_key" TAIL_WHERE " AND (h.sort_key, h.id) > (:k, :id)"
    " ORDER BY h.sort_key, h.id LIMIT :n",
    "SELECT DISTINCT h.id, h.sort_key" TAIL_WHERE " AND (h.sort_key, h.id) < (:k, :id)"
    " ORDER BY h.sort_key DESC, h.id DESC LIMIT :n",
};

struct query {
	char *q;    /* folded; "" for the whole list */
	int tail;   /* the tail stream applies (a tail longer than the filed ones) */
	int queued; /* households wait in the queue: filed_sql and queued_sql */
	int is_tail;
	char t[64], u[64]; /* the tail range, when is_tail */
};

/* Makes the query and, for a filter, brings the index up to date as far as
 * a keystroke does (sync_keystroke).  Returns 0 or -1. */
static int query_make(struct db *db, struct query *qr, const char *typed, struct err *e)
{
	size_t len;
	int queued;

	memset(qr, 0, sizeof *qr);
	qr->q = searchkey_query(typed);
	if (!*qr->q)
		return 0;
	qr->is_tail = searchkey_tail(qr->q, qr->t, sizeof qr->t);
	/* A short tail is filed as a term: the term lookup finds it all. */
	qr->tail = qr->is_tail && !searchkey_tail_filed(qr->q);
	if (qr->is_tail) {
		/* The end of the prefix range: the last byte raised by one. */
		len = strlen(qr->t);
		memcpy(qr->u, qr->t, len + 1);
		qr->u[len - 1]++;
	}
	queued = sync_keystroke(db, e);
	qr->queued = queued > 0;
	return queued < 0 ? -1 : 0;
}

/* Reads up to n hits of one stream after (or before) key/id into out. */
static int stream_read(struct db *db, const struct stream_sql *sql, const struct query *qr,
		       const char *key, long long id, int dir, int n, struct hit *out,
		       struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, dir > 0 ? sql->fwd : sql->back, e);
	int got = 0, r = 0;

	if (!st)
		return -1;
	sql_bind_text(st, ":k", key);
	sql_bind_int(st, ":id", id);
	sql_bind_int(st, ":n", n);
	if (sql != &plain_sql && sql != &tail_sql)
		sql_bind_text(st, ":q", qr->q);
	if (sql == &tail_sql || sql == &queued_sql) {
		sql_bind_text(st, ":t", qr->is_tail ? qr->t : NULL);
		sql_bind_text(st, ":u", qr->is_tail ? qr->u : NULL);
	}
	while (got < n && (r = sql_step_row(db, st, e)) == 1) {
		out[got].id = sqlite3_column_int64(st, 0);
		out[got].key = sql_col_dup(st, 1);
		got++;
	}
	sqlite3_reset(st);
	if (r < 0) {
		hits_free(out, got);
		return -1;
	}
	return got;
}

static int hit_cmp(const struct hit *a, const struct hit *b)
{
	int c = strcmp(a->key, b->key);

	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Merges a[0..na) and b[0..nb), both in dir order, into out (at most n,
 * duplicates once); hits not taken are freed.  Returns the count. */
static int merge(struct hit *a, int na, struct hit *b, int nb, int dir, int n, struct hit *out)
{
	int i = 0, j = 0, k = 0;

	while (k < n && (i < na || j < nb)) {
		int c = i >= na ? 1 : j >= nb ? -1 : hit_cmp(&a[i], &b[j]) * dir;

		if (c < 0) {
			out[k++] = a[i++];
		} else if (c > 0) {
			out[k++] = b[j++];
		} else {
			out[k++] = a[i++];
			free(b[j++].key);
		}
	}
	hits_free(a + i, na - i);
	hits_free(b + j, nb - j);
	return k;
}

/* The next up to n hits of the query after key/id in dir order: the
 * streams that apply, merged. */
static int next_hits(struct db *db, const struct query *qr, const char *key, long long id, int dir,
		     int n, struct hit *out, struct err *e)
{
	const struct stream_sql *streams[3];
	struct hit *acc, *b, *m;
	int ns = 0, na, k = -1;

	if (!*qr->q)
		return stream_read(db, &plain_sql, qr, key, id, dir, n, out, e);
	streams[ns++] = qr->queued ? &filed_sql : &term_sql;
	if (qr->tail)
		streams[ns++] = &tail_sql;
	if (qr->queued)
		streams[ns++] = &queued_sql;
	if (ns == 1)
		return stream_read(db, streams[0], qr, key, id, dir, n, out, e);
	acc = xcalloc((size_t)n, sizeof *acc);
	b = xcalloc((size_t)n, sizeof *b);
	m = xcalloc((size_t)n, sizeof *m);
	na = stream_read(db, streams[0], qr, key, id, dir, n, acc, e);
	for (int s = 1; na >= 0 && s < ns; s++) {
		int nb = stream_read(db, streams[s], qr, key, id, dir, n, b, e);
		struct hit *t;

		if (nb < 0) {
			hits_free(acc, na);
			na = -1;
			break;
		}
		na = merge(acc, na, b, nb, dir, n, m);
		t = acc;
		acc = m;
		m = t;
	}
	if (na >= 0) {
		memcpy(out, acc, (size_t)na * sizeof *out);
		k = na;
	}
	free(acc);
	free(b);
	free(m);
	return k;
}

int db_search_page(struct db *db, const char *query, const struct search_row *anchor, int dir,
		   int n, struct search_row *out, struct err *e)
{
	struct query qr;
	struct hit *hits;
	char *key;
	long long id;
	int got = 0, own_read;

	if (n <= 0)
		return 0;
	dir = dir < 0 ? -1 : 1;
	if (query_make(db, &qr, query, e) < 0) {
		free(qr.q);
		return -1;
	}
	/* One read transaction: the page is one snapshot, and the twenty-odd
	 * statements below do not each open their own. */
	own_read = sqlite3_get_autocommit(db_handle(db));
	if (own_read && db_exec(db, "BEGIN", e) < 0) {
		free(qr.q);
		return -1;
	}
	key = xstrdup(anchor && anchor->sort_key ? anchor->sort_key : dir > 0 ? "" : "\xff");
	id = anchor ? anchor->h.id : 0;
	hits = xcalloc((size_t)n, sizeof *hits);
	/* A hit whose household is gone (the index not yet refiled because
	 * another program held the lock) is skipped, and more are read. */
	while (got < n) {
		int k = next_hits(db, &qr, key, id, dir, n - got, hits, e), i;

		if (k < 0)
			goto fail;
		if (k == 0)
			break;
		for (i = 0; i < k; i++) {
			int r = db_household_get(db, hits[i].id, &out[got].h, e);

			if (r < 0) {
				hits_free(hits + i, k - i);
				goto fail;
			}
			free(key);
			key = hits[i].key;
			id = hits[i].id;
			if (r == 0) {
				model_household_clear(&out[got].h);
				continue;
			}
			out[got++].sort_key = xstrdup(key);
		}
	}
	free(hits);
	free(key);
	free(qr.q);
	if (own_read)
		sqlite3_exec(db_handle(db), "COMMIT", NULL, NULL, NULL);
	return got;
fail:
	for (int i = 0; i < got; i++)
		db_search_row_clear(&out[i]);
	if (own_read)
		sqlite3_exec(db_handle(db), "ROLLBACK", NULL, NULL, NULL);
	free(hits);
	free(key);
	free(qr.q);
	return -1;
}

/* db_search_count's statements: [queued][tail]. */
static const char *const count_sql[2][2] = {
    {"SELECT count(*) FROM (SELECT 1 FROM search_terms WHERE term = :q LIMIT :lim)",
     "SELECT count(*) FROM (SELECT household_id FROM search_terms WHERE term = :q"
     " UNION SELECT h.id" TAIL_WHERE " LIMIT :lim)"},
    {"SELECT count(*) FROM (SELECT household_id FROM search_terms WHERE term = :q" NOT_QUEUED
     " UNION ALL SELECT h.id" QUEUED_WHERE " LIMIT :lim)",
     "SELECT count(*) FROM (SELECT household_id FROM search_terms WHERE term = :q" NOT_QUEUED
     " UNION SELECT h.id" QUEUED_WHERE " UNION SELECT h.id" TAIL_WHERE " LIMIT :lim)"},
};

long long db_search_count(struct db *db, const char *query, long long limit, struct err *e)
{
	struct query qr;
	sqlite3_stmt *st;
	long long n = -1;
	int r;

	if (query_make(db, &qr, query, e) < 0)
		goto out;
	if (!*qr.q)
		st = db_stmt(
		    db,
		    "SELECT count(*) FROM (SELECT 1 FROM households WHERE deleted_at IS NULL"
		    " LIMIT :lim)",
		    e);
	else
		st = db_stmt(db, count_sql[qr.queued][qr.tail], e);
	if (!st)
		goto out;
	sql_bind_int(st, ":lim", limit);
	if (*qr.q) {
		sql_bind_text(st, ":q", qr.q);
	}
	if (qr.tail || qr.queued) {
		sql_bind_text(st, ":t", qr.is_tail ? qr.t : NULL);
		sql_bind_text(st, ":u", qr.is_tail ? qr.u : NULL);
	}
	r = sql_step_row(db, st, e);
	if (r == 1)
		n = sqlite3_column_int64(st, 0);
	else if (r == 0)
		n = 0;
	sqlite3_reset(st);
out:
	free(qr.q);
	return n;
}

/* --- the queued households' matching, as SQL functions ---------------- */

static void sql_match_household(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	sqlite3_result_int(c, searchkey_match_household((const char *)sqlite3_value_text(v[0]),
							(const char *)sqlite3_value_text(v[1]),
							(const char *)sqlite3_value_text(v[2])));
}

static void sql_match_name(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	sqlite3_result_int(c, searchkey_match_name((const char *)sqlite3_value_text(v[0]),
						   (const char *)sqlite3_value_text(v[1])));
}

int db_search_functions(struct db *db, struct err *e)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
	    {"search_match_household", 3, sql_match_household},
	    {"search_match_name", 2, sql_match_name},
	};

	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (sqlite3_create_function(db_handle(db), fns[i].name, fns[i].nargs,
					    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					    NULL, fns[i].fn, NULL, NULL) != SQLITE_OK)
			return sql_error(db, e, "search");
	return 0;
}
