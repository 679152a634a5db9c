/* merge_join: see merge_join.h. */
#include "db/merge_join.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/identity.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/mask.h"
#include "core/mergeplan.h"
#include "core/recordcheck.h"
#include "core/strbuf.h"
#include "core/textsafe.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sql.h"

static void report_join(struct merge *m, struct table *t, row_t loser, row_t survivor,
			const char *key)
{
	struct merge_item *it =
	    mg_report_item(&m->r->joins, &m->r->njoins, t->def->name, mg_row_text(loser, t->i_uuid),
			   mg_row_text(loser, t->i_label));

	snprintf(it->survivor, sizeof it->survivor, "%s", mg_row_text(survivor, t->i_uuid));
	it->survivor_label = xstrdup(mg_row_text(survivor, t->i_label));
	it->key = xstrdup(key);
}

/* 1 when column i is the record's own typed value (not its identity or
 * timestamps). */
static int typed_col(const struct table *t, int i)
{
	return i != t->i_uuid && i != t->i_upd && i != t->i_del &&
	       strcmp(t->cols[i].name, "created_at");
}

static int value_empty(sqlite3_value *v)
{
	return sqlite3_value_type(v) == SQLITE_NULL ||
	       (sqlite3_value_type(v) == SQLITE_TEXT && sqlite3_value_bytes(v) == 0);
}

/* 1 when duplicates a and b differ in one of the table's facts. */
static int facts_differ(const struct table *t, row_t a, row_t b)
{
	for (int k = 0; k < 3 && t->def->facts[k]; k++) {
		int i = mg_col_index(t, t->def->facts[k]);

		if (i >= 0 && mg_value_cmp(a[i], b[i]))
			return 1;
	}
	return 0;
}

/* What the survivor of a join takes from the record joined away: each field
 * filled there only is copied (its change appended to fill as
 * `"col":[old,new]`), each that differs is appended to lost.  Returns the
 * number of fields filled. */
static int join_fields(const struct table *t, row_t winner, row_t loser, struct strbuf *fill,
		       struct strbuf *lost, int *differ)
{
	int filled = 0;

	for (int i = 0; i < t->ncol; i++) {
		sqlite3_value *nv;

		if (!typed_col(t, i) || value_empty(loser[i]) || !mg_value_cmp(winner[i], loser[i]))
			continue;
		if (!value_empty(winner[i])) {
			mg_json_value(lost, t->cols[i].name, loser[i]);
			(*differ)++;
			continue;
		}
		json_add_change(fill, t->cols[i].name, "",
				(const char *)sqlite3_value_text(loser[i]));
		nv = sqlite3_value_dup(loser[i]);
		if (!nv) {
			fprintf(stderr, "doorstep: out of memory\n");
			abort();
		}
		sqlite3_value_free(winner[i]);
		winner[i] = nv;
		filled++;
	}
	return filled;
}

/* A join that lost differing values is a conflict too: listed with the
 * survivor's UUID. */
static void report_join_conflict(struct merge *m, struct table *t, row_t winner, row_t loser,
				 int took_other)
{
	struct merge_item *it =
	    mg_report_item(&m->r->conflicts, &m->r->nconflicts, t->def->name,
			   mg_row_text(winner, t->i_uuid), mg_row_text(winner, t->i_label));

	it->took_other = took_other;
	snprintf(it->this_at, sizeof it->this_at, "%s",
		 mg_row_text(took_other ? loser : winner, t->i_upd));
	snprintf(it->other_at, sizeof it->other_at, "%s",
		 mg_row_text(took_other ? winner : loser, t->i_upd));
	snprintf(it->survivor, sizeof it->survivor, "%s", mg_row_text(loser, t->i_uuid));
}

/* Joins natural duplicates v (about to be written) and s (live here).
 * *v_lost: v was joined away; *differ: fields whose values differed (kept
 * in the audit row as lost); *kept_both: the two differ in a fact, so both
 * stay and nothing was written. */
static int join_pair(struct merge *m, struct table *t, row_t v, int v_exists, row_t s, int *v_lost,
		     int *differ, int *kept_both, struct err *e)
{
	struct strbuf key = STRBUF_INIT, ch = STRBUF_INIT, fill = STRBUF_INIT, lost = STRBUF_INIT;
	int v_wins, filled, r = -1;
	row_t loser, winner;

	if (facts_differ(t, v, s)) {
		*kept_both = 1;
		return 0;
	}

	if (t->def->key_global && mg_row_is_null(v, t->i_del) != mg_row_is_null(s, t->i_del))
		v_wins = mg_row_is_null(v, t->i_del); /* a live record beats a deleted one */
	else
		v_wins = mergeplan_survives(mg_row_text(v, t->i_uuid), mg_row_text(s, t->i_uuid));
	loser = v_wins ? s : v;
	winner = v_wins ? v : s;
	for (int k = 0; k < t->nkey; k++) {
		const char *kv = mg_row_text(v, t->i_key[k]);
		mask_fn mask = mask_for_field(t->def->key[k]);

		strbuf_printf(&key, "%s%s=", k ? ", " : "", t->def->key[k]);
		if (t->cols[t->i_key[k]].parent)
			strbuf_puts(&key, "same"); /* a parent's UUID says little to a reader */
		else if (mask) /* the report and the audit log show no full ID number */
			mask_append(mask, kv, &key);
		else
			strbuf_puts(&key, kv);
	}
	report_join(m, t, loser, winner, strbuf_str(&key));
	/* Nothing typed is thrown away: the survivor takes what only the
	 * other filled in; differing values are a conflict, kept as lost. */
	json_open(&fill);
	json_open(&lost);
	filled = join_fields(t, winner, loser, &fill, &lost, differ);
	json_add_str(&fill, "filled_from", mg_row_text(loser, t->i_uuid));
	json_close(&fill);
	json_close(&lost);
	if (*differ)
		report_join_conflict(m, t, winner, loser, v_wins);
	/* Deleted as of its own last change: the same version whichever
	 * machine, and whichever pair of a larger group, makes the join. */
	if (mg_row_is_null(loser, t->i_del)) {
		char *at = xstrdup(mg_row_text(loser, t->i_upd));

		mg_row_set_text(m->mkval, loser, t->i_del, at);
		free(at);
	}
	if (t->def->key_global) {
		/* Both rows must exist: the one joined away gives up its key. */
		char *renamed = xasprintf("%s~%.8s", mg_row_text(loser, t->i_key[0]),
					  mg_row_text(loser, t->i_uuid));

		mg_row_set_text(m->mkval, loser, t->i_key[0], renamed);
		free(renamed);
	}
	if (v_wins) {
		if (mg_write_row(m, t, s, 1, e) < 0 || mg_write_row(m, t, v, v_exists, e) < 0)
			goto out;
	} else if (mg_write_row(m, t, v, v_exists, e) < 0 ||
		   (filled && mg_write_row(m, t, s, 1, e) < 0)) {
		goto out;
	}
	/* The fields filled are a change of the survivor (an update), so its
	 * fuller version wins on the machines that lack it. */
	if (filled && db_audit(m->db, "update", t->def->name, mg_row_text(winner, t->i_uuid),
			       strbuf_str(&fill), e) < 0)
		goto out;
	if (mg_repoint_children(m, t, mg_row_text(loser, t->i_uuid), mg_row_text(winner, t->i_uuid),
				e) < 0)
		goto out;
	/* Remember the join, here and (through the audit log) on every machine. */
	sqlite3_bind_text(m->join_add, 1, mg_row_text(loser, t->i_uuid), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(m->join_add, 2, mg_row_text(winner, t->i_uuid), -1, SQLITE_TRANSIENT);
	if (mg_step_done(m, m->join_add, e) < 0)
		goto out;
	sqlite3_bind_text(m->join_chain, 1, mg_row_text(loser, t->i_uuid), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(m->join_chain, 2, mg_row_text(winner, t->i_uuid), -1, SQLITE_TRANSIENT);
	if (mg_step_done(m, m->join_chain, e) < 0)
		goto out;
	json_open(&ch);
	json_add_str(&ch, "joined_into", mg_row_text(winner, t->i_uuid));
	json_add_str(&ch, "key", strbuf_str(&key));
	json_add_str(&ch, "peer", m->r->other_uuid);
	if (*differ) {
		json_add_str(&ch, "conflict", "values differed: the survivor's are kept");
		strbuf_printf(&ch, ",\"lost\":%s", strbuf_str(&lost));
	}
	json_close(&ch);
	if (db_audit(m->db, "merge", t->def->name, mg_row_text(loser, t->i_uuid), strbuf_str(&ch),
		     e) < 0)
		goto out;
	*v_lost = !v_wins;
	r = 0;
out:
	strbuf_free(&key);
	strbuf_free(&ch);
	strbuf_free(&fill);
	strbuf_free(&lost);
	return r;
}

/* Writes version v, joining it with any natural duplicate live here first.
 * Returns the number of joins made, or -1; *differ counts the joins whose
 * values differed (conflicts). */
int mg_place_row(struct merge *m, struct table *t, row_t v, int exists, int *differ, struct err *e)
{
	int joins = 0;

	for (;;) {
		row_t s = NULL;
		int rc, lost = 0, diff = 0, kept_both = 0;

		if (!t->dup || !mg_row_is_null(v, t->i_del) ||
		    (t->i_keynull >= 0 && !mg_row_is_null(v, t->i_keynull)))
			break;
		for (int k = 0; k < t->nkey; k++)
			if (mg_row_is_null(v, t->i_key[k]))
				goto plain;
		mg_bind_row(t->dup, t, v);
		rc = sqlite3_step(t->dup);
		if (rc == SQLITE_ROW)
			s = mg_row_load(t->dup, t->ncol);
		sqlite3_reset(t->dup);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return sql_error(m->db, e, _("merge: reading failed"));
		if (!s)
			break;
		rc = join_pair(m, t, v, exists, s, &lost, &diff, &kept_both, e);
		mg_row_free(&s, t->ncol);
		if (rc < 0)
			return -1;
		if (kept_both)
			break;
		joins++;
		*differ += diff > 0;
		exists = 1;
		if (lost || joins > 16)
			return joins;
	}
plain:
	if (joins > 0)
		return joins;
	return mg_write_row(m, t, v, exists, e) < 0 ? -1 : 0;
}

static long unseen(sqlite3_stmt *st, const char *uuid)
{
	long n = -1;

	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

static int record_conflict(struct merge *m, struct table *t, row_t mine, row_t theirs,
			   int took_other, struct err *e)
{
	struct merge_report *r = m->r;
	struct strbuf ch = STRBUF_INIT;
	row_t lost = took_other ? mine : theirs, won = took_other ? theirs : mine;
	struct merge_item *it =
	    mg_report_item(&r->conflicts, &r->nconflicts, t->def->name,
			   mg_row_text(mine, t->i_uuid), mg_row_text(won, t->i_label));
	int rc;

	it->took_other = took_other;
	snprintf(it->this_at, sizeof it->this_at, "%s", mg_row_text(mine, t->i_upd));
	snprintf(it->other_at, sizeof it->other_at, "%s", mg_row_text(theirs, t->i_upd));

	/* The losing values, so that nothing typed is lost. */
	json_open(&ch);
	json_add_str(&ch, "conflict",
		     took_other ? "took the other machine's version"
				: "kept this machine's version");
	json_add_str(&ch, "peer", r->other_uuid);
	strbuf_puts(&ch, ",\"lost\":");
	json_open(&ch);
	for (int i = 0; i < t->ncol; i++)
		if (mg_value_cmp(lost[i], won[i]))
			mg_json_value(&ch, t->cols[i].name, lost[i]);
	json_close(&ch);
	json_close(&ch);
	rc = db_audit(m->db, "merge", t->def->name, mg_row_text(mine, t->i_uuid), strbuf_str(&ch),
		      e);
	strbuf_free(&ch);
	return rc;
}

/* Refuses a record of the other file that is invalid on its own: a field
 * against core/recordcheck's rules (unless the other file's schema is older
 * than the rule), a foreign key to a record that does not exist. */
/* The characters of theirs' text columns (core/limits: no control, bidi or
 * invisible character; notes take newline and tab), as the forms check them.
 * A value this database already holds in the same record is no news and is
 * left to `check`.  Returns the column refused, or -1. */
static int refused_chars(const struct table *t, row_t v, row_t mine, struct err *why)
{
	for (int i = 0; i < t->ncol; i++) {
		const struct text_limit *l = t->cols[i].limit;
		const char *s = mg_row_is_null(v, i) ? NULL : mg_row_text(v, i);

		if (!s || !l || t->cols[i].parent ||
		    (mine && !mg_row_is_null(mine, i) && !strcmp(mg_row_text(mine, i), s)))
			continue;
		/* limits_check_chars, with the column's limit found once. */
		if (textsafe_check(s, limits_class(l), t->cols[i].name, _(l->label), why) < 0)
			return i;
	}
	return -1;
}

static int validate_row(struct merge *m, struct table *t, row_t v, row_t mine, struct err *e)
{
	int i_type = mg_col_index(t, "id_type");
	const char *why = NULL;
	struct err chars;
	int i, since;

	for (i = 0; i < t->ncol && !why; i++) {
		if (t->cols[i].parent) {
			if (mg_row_is_null(v, i) &&
			    sqlite3_column_int(t->sel_other, t->ncol + 1 + i))
				why = N_("points to a record that does not exist");
			continue;
		}
		why = recordcheck_value(
		    t->cols[i].name, mg_row_is_null(v, i) ? NULL : mg_row_text(v, i),
		    i_type >= 0 && !mg_row_is_null(v, i_type) ? mg_row_text(v, i_type) : NULL,
		    &since);
		if (why && since > m->other_version)
			why = NULL;
	}
	if (why)
		return err_field(e, t->cols[i - 1].name,
				 _("the other file's record %s %s is invalid: %s %s; nothing was "
				   "merged"),
				 t->def->name, mg_row_text(v, t->i_uuid), t->cols[i - 1].name,
				 _(why));
	err_clear(&chars);
	i = refused_chars(t, v, mine, &chars);
	if (i < 0)
		return 0;
	return err_field(e, t->cols[i].name,
			 _("the other file's record %s %s is invalid: %s (%s); nothing was merged"),
			 t->def->name, mg_row_text(v, t->i_uuid), chars.msg, t->cols[i].name);
}

/* 1 when a resident's sex or birth date contradicts its ID number
 * (core/identity.h); 0 for any other record. */
static int identity_clash(const struct table *t, row_t v)
{
	const char *col[4] = {"id_type", "id_number", "sex", "birth_date"};
	const char *val[4];
	struct err ignore;

	if (strcmp(t->def->name, "residents"))
		return 0;
	for (int i = 0; i < 4; i++) {
		int k = mg_col_index(t, col[i]);

		val[i] = k >= 0 && !mg_row_is_null(v, k) ? mg_row_text(v, k) : NULL;
	}
	return identity_check(val[0], val[1], val[2], val[3], &ignore);
}

int mg_merge_table(struct merge *m, struct table *t, struct mergeplan_counts *c, struct err *e)
{
	int rc, r = -1;

	while ((rc = sqlite3_step(t->sel_other)) == SQLITE_ROW) {
		row_t theirs = mg_row_load(t->sel_other, t->ncol), mine = NULL;
		int known = sqlite3_column_int(t->sel_other, t->ncol);
		int j, differ = 0;

		if (known) {
			struct mergeplan_side a, b;
			struct mergeplan_decision d;

			sqlite3_bind_value(t->sel_main, t->ncol + 1, theirs[t->i_uuid]);
			if (sqlite3_step(t->sel_main) == SQLITE_ROW)
				mine = mg_row_load(t->sel_main, t->ncol);
			sqlite3_reset(t->sel_main);
			if (!mine) {
				mg_row_free(&theirs, t->ncol);
				sql_error(m->db, e, _("merge: reading failed"));
				goto out;
			}
			if (mg_row_cmp(t, mine, theirs) == 0) {
				c->unchanged++;
				goto next;
			}
			a.updated_at = mg_row_text(mine, t->i_upd);
			a.deleted = !mg_row_is_null(mine, t->i_del);
			a.unseen = (int)unseen(m->unseen_this, mg_row_text(mine, t->i_uuid));
			b.updated_at = mg_row_text(theirs, t->i_upd);
			b.deleted = !mg_row_is_null(theirs, t->i_del);
			b.unseen = (int)unseen(m->unseen_other, mg_row_text(mine, t->i_uuid));
			if (a.unseen < 0 || b.unseen < 0) {
				sql_error(m->db, e, _("merge: reading the audit log failed"));
				goto fail;
			}
			d = mergeplan_decide(&a, &b, mg_row_cmp(t, theirs, mine),
					     mg_row_same_change(t, mine, theirs));
			/* A version that contradicts its own ID number is not taken
			 * over one that does not: it stays a conflict to settle. */
			if (d.choice == MERGEPLAN_TAKE && identity_clash(t, theirs) &&
			    !identity_clash(t, mine)) {
				d.choice = MERGEPLAN_KEEP;
				d.conflict = 1;
			}
			if (d.conflict) {
				c->conflicts++;
				if (record_conflict(m, t, mine, theirs, d.choice == MERGEPLAN_TAKE,
						    e) < 0)
					goto fail;
			}
			if (d.choice == MERGEPLAN_KEEP) {
				c->unchanged++;
				goto next;
			}
			c->updated++;
		} else {
			c->added++;
		}
		if (validate_row(m, t, theirs, mine, e) < 0)
			goto fail;
		j = mg_place_row(m, t, theirs, known, &differ, e);
		if (j < 0)
			goto fail;
		c->joined += j;
		c->conflicts += differ;
	next:
		mg_row_free(&theirs, t->ncol);
		mg_row_free(&mine, t->ncol);
		continue;
	fail:
		mg_row_free(&theirs, t->ncol);
		mg_row_free(&mine, t->ncol);
		goto out;
	}
	if (rc != SQLITE_DONE) {
		sql_error(m->db, e, _("merge: reading the other database failed"));
		goto out;
	}
	r = 0;
out:
	sqlite3_reset(t->sel_other);
	return r;
}
