/* merge_revive: see merge_revive.h. */
#include "db/merge_revive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/conflicts.h"
#include "db/db.h"
#include "db/sql.h"
#include "db/merge_join.h"

/* SQL: the audit rows of record x (an expression) of actions acts in schema
 * s1 that schema s2 lacks exist. */
static void apart(struct strbuf *b, const char *s1, const char *s2, const char *x, const char *acts)
{
	strbuf_printf(b,
		      "EXISTS (SELECT 1 FROM %s.audit_log a WHERE a.record_uuid = %s"
		      " AND a.action IN %s AND NOT EXISTS (SELECT 1 FROM %s.audit_log o"
		      " WHERE o.uuid = a.uuid))",
		      s1, x, acts, s2);
}

static void report_revival(struct merge *m, const struct table *t, const char *uuid,
			   const char *label, const char *by_table, const char *by_uuid,
			   const char *by_label)
{
	struct merge_item *it =
	    mg_report_item(&m->r->revivals, &m->r->nrevivals, t->def->name, uuid, label);

	snprintf(it->survivor, sizeof it->survivor, "%s", by_uuid);
	it->survivor_label = xstrdup(by_label);
	it->key = xstrdup(by_table);
}

static int revive_took(struct merge *m, struct table *t, const char *uuid, const char *label,
		       struct err *e);

/* 1 when the record uuid of t is live here, 0 not, -1 error. */
static int record_live(struct merge *m, struct table *t, const char *uuid, struct err *e)
{
	char *sql =
	    xasprintf("SELECT deleted_at IS NULL FROM main.\"%s\" WHERE uuid = ?1", t->def->name);
	sqlite3_stmt *st = mg_prepare(m, sql, e);
	int r = -1;

	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = sqlite3_column_int(st, 0);
	else
		sql_error(m->db, e, _("merge: reading failed"));
	sqlite3_finalize(st);
	return r;
}

/* Brings the deleted record uuid of t back (its updated_at stays, so every
 * machine that brings it back writes the same version), audited as
 * an update; then the records its deletion took with it.  1 revived, 0 it
 * was live, -1 error. */
static int revive(struct merge *m, struct table *t, const char *uuid, const char *by_table,
		  const char *by_uuid, const char *by_label, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	row_t v = NULL;
	char *label;
	int rc, differ = 0, live;

	sqlite3_bind_text(t->sel_main, t->ncol + 1, uuid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(t->sel_main) == SQLITE_ROW)
		v = mg_row_load(t->sel_main, t->ncol);
	sqlite3_reset(t->sel_main);
	if (!v || mg_row_is_null(v, t->i_del)) {
		mg_row_free(&v, t->ncol);
		return 0;
	}
	/* Written live through the natural-key check: a live duplicate that
	 * came meanwhile (the same ID number registered again) is joined. */
	mg_row_set_text(m->mkval, v, t->i_del, NULL);
	label = xstrdup(mg_row_text(v, t->i_label));
	rc = mg_place_row(m, t, v, 1, &differ, e);
	mg_row_free(&v, t->ncol);
	live = rc < 0 ? -1 : record_live(m, t, uuid, e);
	if (live <= 0) {
		free(label);
		return live < 0 ? -1 : 1; /* joined into the live duplicate */
	}
	report_revival(m, t, uuid, label, by_table, by_uuid, by_label);
	/* An update of deleted_at: a change like any other, so the version
	 * brought back wins over the deleted one on the machines that lack it. */
	json_open(&ch);
	strbuf_puts(&ch, "\"deleted_at\":[\"deleted\",null]");
	json_add_str(&ch, "revived_by_table", by_table);
	json_add_str(&ch, "revived_by", by_uuid);
	json_add_str(&ch, "peer", m->r->other_uuid);
	json_close(&ch);
	rc = db_audit(m->db, "update", t->def->name, uuid, strbuf_str(&ch), e);
	strbuf_free(&ch);
	if (rc == 0)
		rc = revive_took(m, t, uuid, label, e);
	free(label);
	return rc < 0 ? -1 : 1;
}

/* The records the last deletion of uuid took with it (its audit row's
 * {"took": {"residents": [uuid ...]}}), still deleted and unchanged since,
 * come back with it. */
static int revive_took(struct merge *m, struct table *t, const char *uuid, const char *label,
		       struct err *e)
{
	char *acts = mg_change_actions_sql();
	char *sql = xasprintf(
	    "WITH d AS (SELECT at, changes FROM (SELECT at, uuid, changes FROM main.audit_log"
	    " WHERE record_uuid = ?1 AND action = 'delete' UNION SELECT at, uuid, changes"
	    " FROM other.audit_log WHERE record_uuid = ?1 AND action = 'delete')"
	    " WHERE json_valid(changes) ORDER BY at DESC, uuid DESC LIMIT 1)"
	    " SELECT k.key, v.value FROM d, json_each(d.changes, '$.took') k, json_each(k.value) v"
	    " WHERE NOT EXISTS (SELECT 1 FROM main.audit_log a WHERE a.record_uuid = v.value"
	    " AND a.action IN %s AND a.at > d.at) AND NOT EXISTS (SELECT 1 FROM other.audit_log a"
	    " WHERE a.record_uuid = v.value AND a.action IN %s AND a.at > d.at)"
	    " ORDER BY k.key, v.value",
	    acts, acts);
	sqlite3_stmt *st = mg_prepare(m, sql, e);
	char **took;
	size_t n;
	int r;

	free(sql);
	free(acts);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	r = sql_collect_texts(m->db, st, 2, "", _("merge: reading the audit log failed"), &took, &n,
			      e);
	sqlite3_finalize(st);
	for (size_t i = 0; r == 0 && i < n; i += 2) {
		struct table *c = mg_table_named(m, took[i]);

		if (c && revive(m, c, took[i + 1], t->def->name, uuid, label, e) < 0)
			r = -1;
	}
	xfree_strv(took, n);
	return r;
}

/* One pass over a parent relation: each live record of t within a deleted
 * parent, where the relation is strict or the record was changed on one
 * side while the other deleted the parent, brings the parent back.
 * Returns the number of records revived, or -1. */
static int revive_within(struct merge *m, struct table *t, const struct within *w, struct err *e)
{
	int ci = mg_col_index(t, w->col), rc, n = 0;
	struct strbuf b = STRBUF_INIT;
	char *acts = mg_change_actions_sql();
	struct table *p;
	sqlite3_stmt *st;
	char **rows = NULL;
	size_t nrows = 0;

	if (ci < 0 || !t->cols[ci].parent || !(p = mg_table_named(m, t->cols[ci].parent))) {
		free(acts);
		return 0;
	}
	strbuf_printf(&b,
		      "SELECT p.uuid, c.uuid, c.\"%s\" FROM main.\"%s\" c JOIN main.\"%s\" p"
		      " ON p.id = c.\"%s\" WHERE c.deleted_at IS NULL AND p.deleted_at IS NOT NULL"
		      " AND (%d OR (",
		      t->def->label, t->def->name, p->def->name, w->col, w->strict);
	apart(&b, "main", "other", "c.uuid", acts);
	strbuf_puts(&b, " AND ");
	apart(&b, "other", "main", "p.uuid", "('delete')");
	strbuf_puts(&b, ") OR (");
	apart(&b, "other", "main", "c.uuid", acts);
	strbuf_puts(&b, " AND ");
	apart(&b, "main", "other", "p.uuid", "('delete')");
	strbuf_puts(&b, ")) ORDER BY p.uuid, c.uuid");
	free(acts);
	st = mg_prepare(m, strbuf_str(&b), e);
	strbuf_free(&b);
	if (!st)
		return -1;
	n = sql_collect_texts(m->db, st, 3, "", _("merge: reading failed"), &rows, &nrows, e);
	sqlite3_finalize(st);
	for (size_t i = 0; n >= 0 && i < nrows; i += 3) {
		rc = revive(m, p, rows[i], t->def->name, rows[i + 1], rows[i + 2], e);
		n = rc < 0 ? -1 : n + rc;
	}
	xfree_strv(rows, nrows);
	return n;
}

/* Records live again here (an edit won over a deletion) whose deletion had
 * taken records with it: those come back too. */
static int revive_took_of_live(struct merge *m, struct err *e)
{
	sqlite3_stmt *st = mg_prepare(
	    m,
	    "SELECT DISTINCT table_name, record_uuid FROM (SELECT table_name, record_uuid,"
	    " changes FROM main.audit_log WHERE action = 'delete' UNION ALL SELECT"
	    " table_name, record_uuid, changes FROM other.audit_log WHERE action = 'delete')"
	    " WHERE changes LIKE '%\"took\"%' ORDER BY table_name, record_uuid",
	    e);
	char **rows;
	size_t n;
	int r;

	if (!st)
		return -1;
	r = sql_collect_texts(m->db, st, 2, "", _("merge: reading the audit log failed"), &rows, &n,
			      e);
	sqlite3_finalize(st);
	for (size_t i = 0; r == 0 && i < n; i += 2) {
		struct table *t = mg_table_named(m, rows[i]);
		char *sql;
		sqlite3_stmt *q;
		char *label = NULL;

		if (!t)
			continue;
		sql = xasprintf("SELECT \"%s\" FROM main.\"%s\" WHERE uuid = ?1"
				" AND deleted_at IS NULL",
				t->def->label, t->def->name);
		q = mg_prepare(m, sql, e);
		free(sql);
		if (!q) {
			r = -1;
			break;
		}
		sqlite3_bind_text(q, 1, rows[i + 1], -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			label = xstrdup(sqlite3_column_text(q, 0)
					    ? (const char *)sqlite3_column_text(q, 0)
					    : "");
		sqlite3_finalize(q);
		if (label && revive_took(m, t, rows[i + 1], label, e) < 0)
			r = -1;
		free(label);
	}
	xfree_strv(rows, n);
	return r;
}

/* No live record is left within a deleted one: parents come back, passes
 * until nothing changes (a parent brought back may bring its own). */
int mg_revive_all(struct merge *m, struct err *e)
{
	if (revive_took_of_live(m, e) < 0)
		return -1;
	for (int pass = 0; pass < 16; pass++) {
		int changed = 0;

		for (int ti = 0; ti < AUDIT_INDEX; ti++)
			for (int w = 0; w < 2 && m->t[ti].def->within[w].col; w++) {
				int n = revive_within(m, &m->t[ti], &m->t[ti].def->within[w], e);

				if (n < 0)
					return -1;
				changed += n;
			}
		if (!changed)
			break;
	}
	return 0;
}

/* Rules the two sides broke together become open conflicts (stored and
 * listed in the report), never silent. */
int mg_store_conflicts(struct merge *m, struct err *e)
{
	char *subjects = NULL;
	int n = db_conflicts_detect(m->db, &subjects, e);

	if (n < 0)
		return -1;
	for (const char *p = subjects; p && *p; p += strlen(p) + 1)
		mg_report_item(&m->r->open, &m->r->nopen, NULL, NULL, p);
	free(subjects);
	return 0;
}

/* Joins known from either file's audit log (earlier merges), resolved to
 * their final survivor. */
int mg_load_joins(struct merge *m, struct err *e)
{
	static const char *const fill[] = {
	    "INSERT OR IGNORE INTO temp.merge_join(loser, survivor)"
	    " SELECT record_uuid, json_extract(changes, '$.joined_into') FROM main.audit_log"
	    " WHERE action = 'merge' AND record_uuid IS NOT NULL AND json_valid(changes)"
	    " AND json_extract(changes, '$.joined_into') IS NOT NULL",
	    "INSERT OR IGNORE INTO temp.merge_join(loser, survivor)"
	    " SELECT record_uuid, json_extract(changes, '$.joined_into') FROM other.audit_log"
	    " WHERE action = 'merge' AND record_uuid IS NOT NULL AND json_valid(changes)"
	    " AND json_extract(changes, '$.joined_into') IS NOT NULL",
	};

	if (mg_exec(m, "DELETE FROM temp.merge_join", e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof fill / sizeof fill[0]; i++)
		if (mg_exec(m, fill[i], e) < 0)
			return -1;
	/* A survivor may itself have been joined later: follow the chain (the
	 * survivor's UUID is always smaller, so chains end). */
	for (int i = 0; i < 64; i++) {
		if (mg_exec(m,
			    "UPDATE temp.merge_join SET survivor = (SELECT j.survivor FROM"
			    " temp.merge_join j WHERE j.loser = merge_join.survivor)"
			    " WHERE survivor IN (SELECT loser FROM temp.merge_join)",
			    e) < 0)
			return -1;
		if (sqlite3_changes(m->h) == 0)
			break;
	}
	return 0;
}

/* Children of records joined on another machine point at the survivor here
 * too. */
int mg_repoint_known_joins(struct merge *m, struct err *e)
{
	for (int ti = 0; ti < AUDIT_INDEX; ti++) {
		struct table *t = &m->t[ti];
		char *sql;
		sqlite3_stmt *st;
		int rc;

		if (!t->nkey)
			continue;
		sql = xasprintf("SELECT j.loser, j.survivor FROM temp.merge_join j"
				" JOIN main.\"%s\" l ON l.uuid = j.loser"
				" JOIN main.\"%s\" s ON s.uuid = j.survivor",
				t->def->name, t->def->name);
		st = mg_prepare(m, sql, e);
		free(sql);
		if (!st)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char *l = xstrdup((const char *)sqlite3_column_text(st, 0));
			char *s = xstrdup((const char *)sqlite3_column_text(st, 1));

			rc = mg_repoint_children(m, t, l, s, e);
			free(l);
			free(s);
			if (rc < 0) {
				sqlite3_finalize(st);
				return -1;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return sql_error(m->db, e, _("merge: reading failed"));
	}
	return 0;
}
