/* merge: the merge engine; see merge.h and docs/merge.md.
 *
 * The tables' columns are read from the schema at run time (pragma
 * table_info and foreign_key_list), so a column added by a later migration
 * travels without a change here.  Each table is merged in two steps over the
 * other file's rows: the UUIDs this file knows (a decision between two
 * versions, core/mergeplan), then the new ones (inserted).  Whenever a
 * version is about to become live here, its natural key (household code, ID
 * number ...) is checked: a live record of another UUID with the same key is
 * a natural duplicate, and the two are joined (the smaller UUID survives).
 * Joins are remembered in the audit log ({"joined_into": uuid}, action
 * merge) and read back from both files into temp.merge_join, through which
 * every foreign key is resolved, so both machines agree on the survivor. */
#include "db/merge.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/mask.h"
#include "core/recordcheck.h"
#include "core/strbuf.h"
#include "core/uuid.h"
#include "core/xalloc.h"
#include "db/bulkindex.h"
#include "db/conflicts.h"
#include "db/consistency.h"
#include "db/daytemps.h"
#include "db/db.h"
#include "db/merge_join.h"
#include "db/merge_revive.h"
#include "db/merge_rows.h"
#include "db/schema.h"
#include "db/sql.h"

static const struct table_def defs[MERGE_TABLES] = {
    {.name = "staff", .label = "name", .key = {"name"}},
    {.name = "grids", .label = "name", .key = {"name"}},
    {.name = "households", .label = "code", .key = {"code"}},
    {.name = "residents",
     .label = "name",
     .key = {"id_number"},
     .within = {{"household_id", 1}}},
    {.name = "visits", .label = "at", .within = {{"household_id", 0}}},
    {.name = "readings",
     .label = "temperature",
     .within = {{"visit_id", 1}, {"resident_id", 0}}},
    {.name = "isolations",
     .label = "start_date",
     .key = {"resident_id"},
     .key_null = "end_date",
     .within = {{"resident_id", 0}}},
    {.name = "checks",
     .label = "date",
     .key = {"isolation_id", "date", "slot"},
     .facts = {"temperature", "symptoms"},
     .within = {{"isolation_id", 0}}},
    {.name = "followups", .label = "opened_at", .within = {{"resident_id", 0}}},
    {.name = "checkpoints", .label = "name", .key = {"name"}},
    {.name = "donations", .label = "receipt_no"},
    {.name = "distributions", .label = "item", .within = {{"household_id", 0}}},
    {.name = "expenditures", .label = "voucher_no"},
    {.name = "shifts", .label = "date", .within = {{"checkpoint_id", 0}}},
    {.name = "passes",
     .label = "pass_no",
     .key = {"pass_no"},
     .key_global = 1,
     .within = {{"household_id", 0}}},
    {.name = "pass_events", .label = "at", .within = {{"pass_id", 0}}},
    {.name = "visitors", .label = "time_in"},
    {.name = "conflicts", .label = "subject"},
    {.name = "audit_log"},
};

/* ---- the other file: a snapshot attached as "other" ---- */

/* A file: URI for path, so that mode=ro can be asked for. */
static char *file_uri(const char *path)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21)
			strbuf_printf(&b, "%%%02X", *p);
		else
			strbuf_putc(&b, (char)*p);
	}
	strbuf_puts(&b, "?mode=ro");
	return strbuf_detach(&b);
}

static int backup_all(sqlite3 *dst, const char *dst_name, sqlite3 *src, struct err *e)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, dst_name, src, "main");
	int rc;

	if (!b)
		return err_set(e, _("cannot copy the other database: %s"), sqlite3_errmsg(dst));
	while ((rc = sqlite3_backup_step(b, 1024)) == SQLITE_OK || rc == SQLITE_BUSY ||
	       rc == SQLITE_LOCKED)
		if (rc != SQLITE_OK)
			sqlite3_sleep(50);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return err_set(e, _("cannot copy the other database: %s"), sqlite3_errstr(rc));
	return 0;
}

/* A damaged other file is refused by its own name before anything is read
 * from it (SQLite's quick check of the copy). */
static int other_damaged(struct merge *m, const char *path, struct err *e)
{
	sqlite3_stmt *st = NULL;
	int ok, rc;

	/* CHECK constraints are left to the record checks, which name the
	 * record and the field. */
	sqlite3_exec(m->h, "PRAGMA ignore_check_constraints = 1", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(m->h, "PRAGMA other.quick_check(1)", -1, &st, NULL) != SQLITE_OK) {
		err_set(e, _("%s is damaged (%s): nothing was merged"), path, sqlite3_errmsg(m->h));
		sqlite3_exec(m->h, "PRAGMA ignore_check_constraints = 0", NULL, NULL, NULL);
		sqlite3_finalize(st);
		return -1;
	}
	rc = sqlite3_step(st);
	ok = rc == SQLITE_ROW && sqlite3_column_text(st, 0) &&
	     !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
	if (!ok)
		err_set(e, _("%s is damaged (%s): nothing was merged"), path,
			rc == SQLITE_ROW && sqlite3_column_text(st, 0)
			    ? (const char *)sqlite3_column_text(st, 0)
			    : sqlite3_errstr(rc));
	sqlite3_finalize(st);
	sqlite3_exec(m->h, "PRAGMA ignore_check_constraints = 0", NULL, NULL, NULL);
	return ok ? 0 : -1;
}

/* Opens path read-only and copies it into the schema "other" of m's
 * connection; an older schema is migrated in an in-memory copy first. */
static int attach_other(struct merge *m, const char *path, struct err *e)
{
	char *uri = file_uri(path);
	sqlite3 *src = NULL;
	sqlite3_stmt *st = NULL;
	struct db *mig = NULL;
	struct stat sb;
	int version = 0, r = -1;

	if (stat(path, &sb) < 0) {
		err_set(e, _("cannot open %s: %s"), path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(sb.st_mode)) {
		err_set(e, _("%s is not a regular file"), path);
		goto out;
	}
	if (db_probe_identity(path, e) < 0)
		goto out;
	if (sqlite3_open_v2(uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		err_set(e, _("cannot open %s: %s"), path,
			src ? sqlite3_errmsg(src) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(src, 10000);
	if (sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		err_set(e, _("%s is not a doorstep database (not an SQLite file, or damaged)"),
			path);
		goto out;
	}
	version = sqlite3_column_int(st, 0);
	m->other_version = version;
	if (version > schema_latest_version()) {
		err_set(e,
			_("%s was written by a newer doorstep (schema %d; this program knows up to "
			  "%d): update doorstep before merging it"),
			path, version, schema_latest_version());
		goto out;
	}
	if (version < 1) {
		err_set(e, _("%s is not a doorstep database"), path);
		goto out;
	}
	/* The other file's copy goes to a temporary file, not to memory
	 * (db_open's temp_store): a large community's copy is gigabytes. */
	if (mg_exec(m, "PRAGMA temp_store = FILE", e) < 0 ||
	    mg_exec(m, "ATTACH '' AS other", e) < 0)
		goto out;
	/* A merge touches every page of both: a cache that holds them saves
	 * most of the reads and writes (set back to SQLite's default at the end). */
	if (mg_exec(m, "PRAGMA main.cache_size = -65536; PRAGMA other.cache_size = -65536", e) < 0)
		goto out;
	if (mg_exec(m,
		    "CREATE TEMP TABLE IF NOT EXISTS merge_join(loser TEXT PRIMARY KEY,"
		    " survivor TEXT NOT NULL)",
		    e) < 0)
		goto out;
	if (version < schema_latest_version()) {
		/* Read it through the migrations without changing it. */
		if (db_open(&mig, NULL, DB_OPEN_MEMORY, e) < 0 ||
		    backup_all(db_handle(mig), "main", src, e) < 0 ||
		    schema_migrate(mig, version, e) < 0 ||
		    backup_all(m->h, "other", db_handle(mig), e) < 0) {
			err_prefix(e, "%s (schema %d)", path, version);
			goto out;
		}
	} else if (backup_all(m->h, "other", src, e) < 0) {
		goto out;
	}
	if (other_damaged(m, path, e) < 0)
		goto out;
	r = 0;
out:
	sqlite3_finalize(st);
	if (src)
		sqlite3_close_v2(src);
	db_close(&mig);
	free(uri);
	return r;
}

static int append_audit(struct merge *m, long *added, struct err *e)
{
	if (mg_exec(m,
		    "INSERT INTO main.audit_log(uuid, at, staff, action, table_name, record_uuid,"
		    " changes) SELECT uuid, at, staff, action, table_name, record_uuid, changes"
		    " FROM other.audit_log o WHERE NOT EXISTS"
		    " (SELECT 1 FROM main.audit_log a WHERE a.uuid = o.uuid) ORDER BY o.id",
		    e) < 0)
		return -1;
	*added = sqlite3_changes(m->h);
	return 0;
}

struct side_settings {
	int found;
	char uuid[37];
	char *community; /* malloc'd */
	char station;
};

static int read_settings(struct merge *m, const char *schema, struct side_settings *s,
			 struct err *e)
{
	char *sql = xasprintf("SELECT uuid, community, station FROM %s.settings"
			      " WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
			      schema);
	sqlite3_stmt *st = mg_prepare(m, sql, e);
	int rc;

	free(sql);
	memset(s, 0, sizeof *s);
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->found = 1;
		sql_col_copy(st, 0, s->uuid, sizeof s->uuid);
		sql_col_str(st, 1, &s->community);
		s->station =
		    (char)(sqlite3_column_text(st, 2) ? sqlite3_column_text(st, 2)[0] : 'A');
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(m->db, e, _("merge: reading the settings failed"));
	return 0;
}

/* A receipt number held by two different donations cannot be merged. */
static int check_receipts(struct merge *m, const char *path, struct err *e)
{
	sqlite3_stmt *st =
	    mg_prepare(m,
		       "SELECT o.receipt_no FROM other.donations o JOIN main.donations d"
		       " ON d.receipt_no = o.receipt_no WHERE d.uuid <> o.uuid"
		       " ORDER BY o.receipt_no LIMIT 1",
		       e);
	int rc, r = 0;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		r = err_set(
		    e,
		    _("receipt %s is a different donation in %s than here: the two machines "
		      "issued the same receipt numbers (one was copied instead of set up "
		      "with `doorstep init --from FILE --station S`); nothing was merged"),
		    sqlite3_column_text(st, 0), path);
	else if (rc != SQLITE_DONE)
		r = sql_error(m->db, e, _("merge: reading the donations failed"));
	sqlite3_finalize(st);
	return r;
}

/* A text over its column's limit (core/limits.h) that this database does not
 * already hold is refused, naming the record, the field and the limit: the
 * merge takes it whole or not at all, never cut.  (A value held here already,
 * an older row, is no news and is left to `check`.) */
static int check_limits(struct merge *m, const char *path, struct err *e)
{
	int r = 0;

	for (const struct text_limit *l = text_limits; l->table && !r; l++) {
		char *sql = xasprintf(
		    "SELECT o.uuid, length(o.\"%s\") FROM other.\"%s\" o"
		    " WHERE length(o.\"%s\") > %d AND NOT EXISTS (SELECT 1 FROM"
		    " main.\"%s\" h WHERE h.uuid = o.uuid AND h.\"%s\" IS o.\"%s\")"
		    " LIMIT 1",
		    l->column, l->table, l->column, l->max_chars, l->table, l->column, l->column);
		sqlite3_stmt *st = mg_prepare(m, sql, e);
		int rc;

		free(sql);
		if (!st)
			return -1;
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			r = err_set(e,
				    _("%s: the %s of %s record %s is %d characters long, over its "
				      "limit of %d; nothing was merged"),
				    path, _(l->label), l->table,
				    (const char *)sqlite3_column_text(st, 0),
				    sqlite3_column_int(st, 1), l->max_chars);
		else if (rc != SQLITE_DONE)
			r = sql_error(m->db, e, _("merge: reading the other file failed"));
		sqlite3_finalize(st);
	}
	return r;
}

static void merge_free(struct merge *m)
{
	for (int i = 0; i < MERGE_TABLES; i++)
		mg_table_free(&m->t[i]);
	sqlite3_finalize(m->unseen_this);
	sqlite3_finalize(m->unseen_other);
	sqlite3_finalize(m->join_add);
	sqlite3_finalize(m->join_chain);
	sqlite3_finalize(m->mkval);
	m->unseen_this = m->unseen_other = m->join_add = m->join_chain = m->mkval = NULL;
}

/* The count of the audit rows of the record ?1 in the file in ("main" or
 * "other") that change it (an action IN changes) and the file not_in lacks. */
static sqlite3_stmt *unseen_stmt(struct merge *m, const char *in, const char *not_in,
				 const char *changes, struct err *e)
{
	char *sql = xasprintf("SELECT count(*) FROM %s.audit_log a WHERE a.record_uuid = ?1"
			      " AND a.action IN %s AND NOT EXISTS"
			      " (SELECT 1 FROM %s.audit_log b WHERE b.uuid = a.uuid)",
			      in, changes, not_in);
	sqlite3_stmt *st = mg_prepare(m, sql, e);

	free(sql);
	return st;
}

static int prepare_all(struct merge *m, struct err *e)
{
	char *changes;

	for (int i = 0; i < MERGE_TABLES; i++) {
		if (mg_table_load(m, &m->t[i], &defs[i], e) < 0)
			return -1;
		m->r->tables[i].table = defs[i].name;
	}
	/* Only rows that change the record count as unseen: not the merge's
	 * own rows (conflicts, joins), nor reveal, print or export. */
	changes = mg_change_actions_sql();
	m->unseen_this = unseen_stmt(m, "main", "other", changes, e);
	m->unseen_other = unseen_stmt(m, "other", "main", changes, e);
	free(changes);
	m->join_add = mg_prepare(
	    m, "INSERT OR REPLACE INTO temp.merge_join(loser, survivor) VALUES(?1, ?2)", e);
	m->join_chain =
	    mg_prepare(m, "UPDATE temp.merge_join SET survivor = ?2 WHERE survivor = ?1", e);
	m->mkval = mg_prepare(m, "SELECT ?1", e);
	return m->unseen_this && m->unseen_other && m->join_add && m->join_chain && m->mkval ? 0
											     : -1;
}

static int write_summary(struct merge *m, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	char station[2] = {m->r->other_station, 0};
	int rc;

	json_open(&ch);
	json_add_str(&ch, "merged_from", station);
	json_add_int(&ch, "added", m->r->total.added);
	json_add_int(&ch, "updated", m->r->total.updated);
	json_add_int(&ch, "conflicts", m->r->total.conflicts);
	json_add_int(&ch, "joined", m->r->total.joined);
	json_add_int(&ch, "revived", (long long)m->r->nrevivals);
	json_add_int(&ch, "open_conflicts", (long long)m->r->nopen);
	json_close(&ch);
	rc = db_audit(m->db, "merge", "peers", m->r->other_uuid, strbuf_str(&ch), e);
	strbuf_free(&ch);
	return rc;
}

static int remember_peer(struct merge *m, struct err *e)
{
	sqlite3_stmt *st =
	    mg_prepare(m,
		       "INSERT INTO main.peers(db_uuid, station, last_merged_at)"
		       " VALUES(?1, ?2, ?3) ON CONFLICT(db_uuid) DO UPDATE SET"
		       " station = excluded.station, last_merged_at = excluded.last_merged_at",
		       e);
	char station[2] = {m->r->other_station, 0};
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, m->r->other_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, station, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->now, -1, SQLITE_STATIC);
	rc = mg_step_done(m, st, e);
	sqlite3_finalize(st);
	return rc;
}

static int read_last_met(struct merge *m, struct err *e)
{
	sqlite3_stmt *st =
	    mg_prepare(m, "SELECT last_merged_at FROM main.peers WHERE db_uuid = ?1", e);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, m->r->other_uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		sql_col_copy(st, 0, m->r->last_met, sizeof m->r->last_met);
	sqlite3_finalize(st);
	return 0;
}

/* Copies the other's settings with a fresh UUID and the new station. */
static int copy_settings(struct merge *m, char station, struct err *e)
{
	sqlite3_stmt *st =
	    mg_prepare(m,
		       "INSERT INTO main.settings(uuid, created_at, updated_at, community,"
		       " street, district, station, fever_threshold, isolation_days,"
		       " am_cutoff, pm_cutoff, outing_days, out_alert_hours)"
		       " SELECT ?1, ?2, ?2, community, street, district, ?3, fever_threshold,"
		       " isolation_days, am_cutoff, pm_cutoff, outing_days, out_alert_hours"
		       " FROM other.settings WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
		       e);
	char uuid[UUID_STR], st_code[2] = {station, 0};
	struct strbuf ch = STRBUF_INIT;
	int rc;

	if (!st)
		return -1;
	uuid_v4(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, st_code, -1, SQLITE_STATIC);
	rc = mg_step_done(m, st, e);
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	json_open(&ch);
	json_add_str(&ch, "community", m->r->other_community);
	json_add_str(&ch, "station", st_code);
	json_add_str(&ch, "copied_from", m->r->other_uuid);
	json_close(&ch);
	rc = db_audit(m->db, "insert", "settings", uuid, strbuf_str(&ch), e);
	strbuf_free(&ch);
	return rc;
}

/* `check`'s problems of this file, as a list of strings. */
struct problems {
	char **v;
	size_t n;
};

static void add_problem(const char *p, void *ctx)
{
	struct problems *ps = ctx;

	ps->v = xrealloc(ps->v, (ps->n + 1) * sizeof *ps->v);
	ps->v[ps->n++] = xstrdup(p);
}

static void problems_free(struct problems *ps)
{
	xfree_strv(ps->v, ps->n);
	memset(ps, 0, sizeof *ps);
}

/* `check`'s problems of the file as it was before the merge: what a second
 * connection sees while the merge's transaction is open. */
static int problems_before(struct merge *m, struct problems *before, struct err *e)
{
	struct db *old = NULL;
	int r = db_open(&old, db_path(m->db), DB_OPEN_READONLY, e);

	if (r >= 0)
		r = db_consistency_check(old, add_problem, before, e);
	db_close(&old);
	return r < 0 ? -1 : 0;
}

/* A merge never leaves a problem `check` would find that was not there
 * before it: the last guard, after every rule above.  The file before is
 * checked only when the file after has a problem (a full check costs as
 * much as the merge); init --from's file was empty before. */
static int no_new_problem(struct merge *m, struct problems *before, int was_empty,
			  const char *path, struct err *e)
{
	struct problems after = {0};
	int r = 0;

	if (db_consistency_check(m->db, add_problem, &after, e) < 0)
		return -1;
	if (after.n > 0 && !was_empty && problems_before(m, before, e) < 0) {
		problems_free(&after);
		return -1;
	}
	for (size_t i = 0; i < after.n && r == 0; i++) {
		size_t k = 0;

		while (k < before->n && strcmp(before->v[k], after.v[i]))
			k++;
		if (k == before->n)
			r = err_set(e,
				    _("merging %s would leave this file inconsistent (%s); nothing "
				      "was merged"),
				    path, after.v[i]);
	}
	problems_free(&after);
	return r;
}

/* Reads both sides' settings and refuses a pair that must not be merged:
 * another community (without --force), one station code on two machines,
 * init --from into a database that already holds records. */
static int meet(struct merge *m, struct side_settings *me, struct side_settings *them,
		const char *path, const struct merge_opts *o, char init_station, struct err *e)
{
	struct merge_report *r = m->r;
	struct db *db = m->db;

	if (read_settings(m, "main", me, e) < 0 || read_settings(m, "other", them, e) < 0)
		return -1;
	if (!them->found) {
		err_set(
		    e,
		    _("%s holds no community (it was never set up with `doorstep init`); nothing "
		      "was merged"),
		    path);
		return -1;
	}
	snprintf(r->other_uuid, sizeof r->other_uuid, "%s", them->uuid);
	r->other_community = xstrdup(them->community);
	r->other_station = them->station;
	if (init_station) {
		long long n;

		if (me->found) {
			err_set(e,
				_("%s already holds the community \"%s\": init --from needs a new, "
				  "empty database"),
				db_path(db), me->community);
			return -1;
		}
		n = sql_scalar(db,
			       "SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM"
			       " households) + (SELECT count(*) FROM audit_log)",
			       e);
		if (n != 0) {
			if (n > 0)
				err_set(
				    e,
				    _("%s already holds records: init --from needs a new, empty "
				      "database"),
				    db_path(db));
			return -1;
		}
		if (init_station == them->station) {
			err_set(
			    e,
			    _("%s is station %c already: give this machine its own station code "
			      "(--station), so that receipt numbers stay unique"),
			    path, them->station);
			return -1;
		}
		r->this_station = init_station;
	} else {
		if (!me->found) {
			err_set(e,
				_("%s holds no community yet: set it up with `doorstep init --from "
				  "%s --station S` instead"),
				db_path(db), path);
			return -1;
		}
		r->this_station = me->station;
		r->same_database = !strcmp(me->uuid, them->uuid);
		if (strcmp(me->community, them->community) && !o->force) {
			err_set(
			    e,
			    _("%s belongs to the community \"%s\", this database to \"%s\": "
			      "nothing was merged (use --force if they are really one community)"),
			    path, them->community, me->community);
			return -1;
		}
		if (!r->same_database && me->station == them->station) {
			err_set(e,
				_("%s is also station %c: two machines of one station code would "
				  "issue the same receipt numbers; nothing was merged (set up each "
				  "machine with `doorstep init --from FILE --station S`)"),
				path, them->station);
			return -1;
		}
		if (read_last_met(m, e) < 0)
			return -1;
	}
	return 0;
}

static int run(struct db *db, const char *path, const struct merge_opts *o, char init_station,
	       struct merge_report *r, struct err *e)
{
	struct merge m;
	struct side_settings me = {0}, them = {0};
	static const char *const bulk_tables[] = {"readings", "visits", NULL};
	struct problems before = {0};
	struct bulkindex bulk = {NULL, 0};
	int temps = 0; /* the day_temps triggers set aside (init --from) */
	int attached = 0, began = 0, rc = -1;

	memset(&m, 0, sizeof m);
	memset(r, 0, sizeof *r);
	m.db = db;
	m.h = db_handle(db);
	m.r = r;
	r->dry_run = o->dry_run;
	clock_now(m.now);
	if (db_in_transaction(db)) {
		err_set(e, "internal error: merge inside a transaction");
		return -1;
	}
	if (db_quick_check(db, e) < 0)
		return -1;
	if (attach_other(&m, path, e) < 0)
		goto out;
	attached = 1;
	if (meet(&m, &me, &them, path, o, init_station, e) < 0)
		goto out;
	if (check_receipts(&m, path, e) < 0 || check_limits(&m, path, e) < 0)
		goto out;
	if (prepare_all(&m, e) < 0) {
		err_prefix(e, _("%s does not hold the tables of a doorstep database (damaged?)"),
			   path);
		goto out;
	}

	if (db_begin(db, e) < 0)
		goto out;
	began = 1;
	if (mg_load_joins(&m, e) < 0)
		goto out;
	if (init_station && copy_settings(&m, init_station, e) < 0)
		goto out;
	/* init --from copies every record into an empty file: the indexes of
	 * the two largest tables (no natural key, so no merge lookup uses
	 * them) are built once after the copy instead of row by row. */
	if (init_station && (db_bulkindex_drop(db, bulk_tables, &bulk, e) < 0 ||
			     db_daytemps_suspend(db, &temps, e) < 0))
		goto out;
	for (int i = 0; i < AUDIT_INDEX; i++) {
		if (mg_merge_table(&m, &m.t[i], &r->tables[i].c, e) < 0)
			goto out;
		mergeplan_counts_add(&r->total, &r->tables[i].c);
	}
	if (db_bulkindex_restore(db, &bulk, e) < 0 || db_daytemps_resume(db, &temps, e) < 0)
		goto out;
	if (mg_repoint_known_joins(&m, e) < 0 || mg_revive_all(&m, e) < 0 ||
	    mg_store_conflicts(&m, e) < 0)
		goto out;
	if ((mergeplan_counts_changed(&r->total) || r->nrevivals || r->nopen) && !init_station &&
	    write_summary(&m, e) < 0)
		goto out;
	if (append_audit(&m, &r->tables[AUDIT_INDEX].c.added, e) < 0)
		goto out;
	if (!r->same_database && remember_peer(&m, e) < 0)
		goto out;
	if (no_new_problem(&m, &before, init_station != 0, path, e) < 0)
		goto out;
	if (o->dry_run) {
		db_rollback(db);
		began = 0;
		rc = 0;
		goto out;
	}
	began = 0;
	if (db_commit(db, e) < 0)
		goto out;
	rc = 0;
out:
	if (began)
		db_rollback(db);
	problems_free(&before);
	db_bulkindex_free(&bulk);
	merge_free(&m);
	free(me.community);
	free(them.community);
	if (attached) {
		struct err ignore;

		err_clear(&ignore);
		mg_exec(&m, "DROP TABLE IF EXISTS temp.merge_join", &ignore);
		mg_exec(&m, "DETACH other", &ignore);
		mg_exec(&m, "PRAGMA main.cache_size = -2000", &ignore);
	}
	sqlite3_exec(m.h, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	return rc;
}

int db_merge(struct db *db, const char *other_path, const struct merge_opts *o,
	     struct merge_report *r, struct err *e)
{
	return run(db, other_path, o, 0, r, e);
}

int db_merge_init_from(struct db *db, const char *other_path, char station, struct merge_report *r,
		       struct err *e)
{
	struct merge_opts o = {0, 0};

	if (station < 'A' || station > 'Z')
		return err_set(e, _("the station code is one letter A-Z"));
	return run(db, other_path, &o, station, r, e);
}

static void item_free(struct merge_item *it)
{
	free(it->label);
	free(it->survivor_label);
	free(it->key);
}

/* Frees the n items of the array v, then v. */
static void items_free(struct merge_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		item_free(&v[i]);
	free(v);
}

void merge_report_free(struct merge_report *r)
{
	items_free(r->conflicts, r->nconflicts);
	items_free(r->joins, r->njoins);
	items_free(r->revivals, r->nrevivals);
	items_free(r->open, r->nopen);
	free(r->other_community);
	memset(r, 0, sizeof *r);
}
