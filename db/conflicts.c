/* conflicts: open conflicts a merge stores, and settling them; see
 * conflicts.h. */
#include "db/conflicts.h"

#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/mergeplan.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/donations.h"
#include "db/sql.h"
#include "db/views.h"

#define ROWDESC_ROW struct conflict
#define CONFLICT_COLUMNS(F, X)                                                                     \
	F(INT, id, "id") X(CODE, uuid, "uuid") X(CODE, kind, "kind") X(DUP, subject, "subject")    \
	X(DUP, detail, "detail") X(DUP, resolution, "resolution") X(DUP, note, "note")
#define CONFLICT_COLS                                                                              \
	ROWDESC_SELECT(CONFLICT_COLUMNS)                                                           \
	" FROM conflicts"

/* The columns of CONFLICT_COLS. */
ROWDESC_RECORD(conflict_cols, CONFLICT_COLUMNS, db_conflict_clear)

/* Each rule both sides can break together: a query of (subject, detail,
 * latest change) for each breach that has no open conflict yet.  The detail
 * holds both sides' records as JSON; the latest change among them is the
 * conflict's timestamp, the same on every machine that finds it. */

/* Each item below zero. */
static const char detect_stock_sql[] =
    "SELECT s.item || '|' || s.unit, json_object('item', s.item, 'unit', s.unit,"
    " 'received', s.received, 'distributed', s.distributed,"
    " 'voids', (SELECT json_group_array(json_object('uuid', uuid, 'receipt_no', receipt_no,"
    "  'quantity', quantity, 'void_reason', void_reason)) FROM (SELECT * FROM donations d"
    "  WHERE d.kind = 'goods' AND d.item = s.item AND d.unit = s.unit AND d.deleted_at IS NULL"
    "  AND " DONATION_VOIDED(
	"d") " ORDER BY d.uuid)),"
	     " 'distributions', (SELECT json_group_array(json_object('uuid', uuid, 'date', date,"
	     "  'quantity', quantity, 'recipient', recipient)) FROM (SELECT * FROM distributions t"
	     "  WHERE t.item = s.item AND t.unit = s.unit AND t.deleted_at IS NULL ORDER BY "
	     "t.uuid))),"
	     " max((SELECT coalesce(max(updated_at), '') FROM donations d WHERE d.kind = 'goods'"
	     "  AND d.item = s.item AND d.unit = s.unit),"
	     " (SELECT coalesce(max(updated_at), '') FROM distributions t WHERE t.item = s.item"
	     "  AND t.unit = s.unit))"
	     " FROM stock_below_zero s WHERE NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.kind = "
	     "'stock'"
	     " AND c.subject = s.item || '|' || s.unit AND c.deleted_at IS NULL AND c.resolved_at "
	     "IS NULL)"
	     " ORDER BY s.item, s.unit";

/* Each pass used to go out after it was revoked, with its revocation and
 * those outings. */
static const char detect_pass_sql[] =
    "SELECT u.pass_no, json_object('pass_no', u.pass_no, 'household', h.code,"
    " 'revoked_at', p.revoked_at, 'revoke_reason', coalesce(p.revoke_reason, ''),"
    " 'outings', (SELECT json_group_array(json_object('uuid', event_uuid, 'at', at,"
    "  'checkpoint', checkpoint)) FROM (SELECT x.event_uuid, x.at, coalesce(c.name, '')"
    "  AS checkpoint FROM pass_used_revoked x JOIN pass_events ev ON ev.id = x.event_id"
    "  LEFT JOIN checkpoints c ON c.id = ev.checkpoint_id WHERE x.pass_id = u.pass_id"
    "  ORDER BY x.at, x.event_uuid))),"
    " max(p.updated_at, (SELECT max(ev.updated_at) FROM pass_used_revoked y JOIN pass_events"
    "  ev ON ev.id = y.event_id WHERE y.pass_id = u.pass_id))"
    " FROM (SELECT DISTINCT pass_id, pass_no FROM pass_used_revoked) u"
    " JOIN passes p ON p.id = u.pass_id JOIN households h ON h.id = p.household_id"
    " WHERE NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.kind = 'pass'"
    " AND c.subject = u.pass_no AND c.deleted_at IS NULL AND c.resolved_at IS NULL)"
    " ORDER BY u.pass_no";

static const struct detector {
	const char *kind;
	const char *sql;
} detectors[] = {
    {"stock", detect_stock_sql},
    {"pass", detect_pass_sql},
};

static int store(struct db *db, const char *kind, const char *subject, const char *detail,
		 const char *at, struct err *e)
{
	char uuid[37];
	char *key = xasprintf("%s|%s|%s", kind, subject, detail);
	struct strbuf ch = STRBUF_INIT;
	int r;

	mergeplan_conflict_uuid(key, uuid);
	free(key);
	if (SQL_RUN(db, e,
		    "INSERT INTO conflicts(uuid, created_at, updated_at, kind, subject, detail)"
		    " VALUES(:uuid, :at, :at, :kind, :subject, :detail)"
		    " ON CONFLICT(uuid) DO NOTHING",
		    SQLP_TEXT(":uuid", uuid), SQLP_TEXT(":at", at), SQLP_TEXT(":kind", kind),
		    SQLP_TEXT(":subject", subject), SQLP_TEXT(":detail", detail)) < 0)
		return -1;
	if (sqlite3_changes(db_handle(db)) == 0)
		return 0; /* found before, and settled */
	json_open(&ch);
	json_add_str(&ch, "kind", kind);
	json_add_str(&ch, "subject", subject);
	r = record_audit(db, "insert", "conflicts", uuid, &ch, e);
	strbuf_free(&ch);
	return r < 0 ? -1 : 1;
}

/* Stores the breaches of one rule; appends each subject stored to list.
 * The number stored, or -1. */
static int detect_one(struct db *db, const struct detector *d, struct strbuf *list, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, d->sql, e);
	char **rows;
	size_t n;
	int r, stored = 0;

	if (!st)
		return -1;
	r = sql_collect_texts(db, st, 3, NULL, _("reading failed"), &rows, &n, e);
	sqlite3_reset(st);
	for (size_t i = 0; r == 0 && i < n; i += 3) {
		int s = store(db, d->kind, rows[i], rows[i + 1], rows[i + 2], e);

		if (s < 0) {
			r = -1;
			break;
		}
		if (s > 0) {
			stored++;
			strbuf_puts(list, rows[i]);
			strbuf_putc(list, '\0');
		}
	}
	xfree_strv(rows, n);
	return r < 0 ? -1 : stored;
}

int db_conflicts_detect(struct db *db, char **subjects, struct err *e)
{
	struct strbuf list = STRBUF_INIT;
	int stored = 0;

	if (subjects)
		*subjects = NULL;
	for (size_t i = 0; i < sizeof detectors / sizeof detectors[0]; i++) {
		int n = detect_one(db, &detectors[i], &list, e);

		if (n < 0) {
			strbuf_free(&list);
			return -1;
		}
		stored += n;
	}
	strbuf_putc(&list, '\0');
	if (subjects)
		*subjects = strbuf_detach(&list);
	else
		strbuf_free(&list);
	return stored;
}

int db_conflicts_open(struct db *db, int (*fn)(const struct conflict *c, void *ctx), void *ctx,
		      struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   CONFLICT_COLS " WHERE deleted_at IS NULL AND resolved_at IS NULL"
						 " ORDER BY created_at, uuid",
				   e);
	struct conflict *all;
	void *rows;
	int n, rc;

	if (!st)
		return -1;
	rc = rowdesc_collect(db, st, conflict_cols, ROWDESC_N(conflict_cols), &rows, &n,
			     sizeof *all, e);
	all = rows;
	for (int i = 0; rc == 0 && i < n; i++)
		rc = fn(&all[i], ctx);
	for (int i = 0; i < n; i++)
		db_conflict_clear(&all[i]);
	free(all);
	return rc;
}

int db_conflict_get(struct db *db, long long id, struct conflict *out, struct err *e)
{
	return rowdesc_get(db, CONFLICT_COLS " WHERE id = :key AND deleted_at IS NULL", id,
			   conflict_cols, ROWDESC_N(conflict_cols), out, sizeof *out, e);
}

int db_conflict_records(struct db *db, const struct conflict *c,
			int (*fn)(const struct conflict_record *r, void *ctx), void *ctx,
			struct err *e)
{
	sqlite3_stmt *st = db_stmt(
	    db,
	    "SELECT 1, json_extract(value, '$.receipt_no'), json_extract(value, '$.quantity'),"
	    " json_extract(value, '$.void_reason'), json_extract(:detail, '$.item'),"
	    " json_extract(:detail, '$.unit') FROM json_each(:detail, '$.voids')"
	    " UNION ALL SELECT 0, json_extract(value, '$.date'), json_extract(value, '$.quantity'),"
	    " json_extract(value, '$.recipient'), json_extract(:detail, '$.item'),"
	    " json_extract(:detail, '$.unit') FROM json_each(:detail, '$.distributions')"
	    " UNION ALL SELECT 2, json_extract(:detail, '$.revoked_at'), 0,"
	    " json_extract(:detail, '$.revoke_reason'), json_extract(:detail, '$.pass_no'),"
	    " json_extract(:detail, '$.household') WHERE json_extract(:detail, '$.revoked_at')"
	    " IS NOT NULL"
	    " UNION ALL SELECT 3, json_extract(value, '$.at'), 0, json_extract(value, "
	    "'$.checkpoint'),"
	    " json_extract(:detail, '$.pass_no'), json_extract(:detail, '$.household')"
	    " FROM json_each(:detail, '$.outings')",
	    e);
	static const enum conflict_record_kind kinds[] = {
	    CONFLICT_REC_GIVEN, CONFLICT_REC_VOIDED, CONFLICT_REC_REVOKED, CONFLICT_REC_OUTING};
	int r, rc = 0;

	if (!st)
		return -1;
	sql_bind_text(st, ":detail", c->detail && *c->detail ? c->detail : "{}");
	while (rc == 0 && (r = sql_step_row(db, st, e)) == 1) {
		struct conflict_record cr;
		int k = sqlite3_column_int(st, 0);

		cr.what = kinds[k >= 0 && k < 4 ? k : 0];
		cr.voided = cr.what == CONFLICT_REC_VOIDED;
		cr.ref = (const char *)sqlite3_column_text(st, 1);
		cr.quantity = sqlite3_column_int64(st, 2);
		cr.text = (const char *)sqlite3_column_text(st, 3);
		cr.item = (const char *)sqlite3_column_text(st, 4);
		cr.unit = (const char *)sqlite3_column_text(st, 5);
		cr.ref = cr.ref ? cr.ref : "";
		cr.text = cr.text ? cr.text : "";
		cr.item = cr.item ? cr.item : "";
		cr.unit = cr.unit ? cr.unit : "";
		rc = fn(&cr, ctx);
	}
	sqlite3_reset(st);
	return rc ? rc : (r < 0 ? -1 : 0);
}

/* The voided donations of the conflict count again, each audited. */
static int undo_voids(struct db *db, const struct conflict *c, const char *now, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(
	    db, e,
	    "UPDATE donations SET void_reason = NULL, voided_at = NULL, updated_at = :now"
	    " WHERE uuid IN (SELECT json_extract(value, '$.uuid') FROM json_each(:detail, "
	    "'$.voids'))"
	    " AND " DONATION_VOIDED("donations") " RETURNING uuid, coalesce(void_reason, '')",
	    SQLP_TEXT(":now", now), SQLP_TEXT(":detail", c->detail));
	char **rows;
	size_t n;
	int r;

	if (!st)
		return -1;
	r = sql_collect_texts(db, st, 2, NULL, _("reading failed"), &rows, &n, e);
	sqlite3_reset(st);
	for (size_t i = 0; r == 0 && i < n; i += 2) {
		struct strbuf ch = STRBUF_INIT;

		json_open(&ch);
		json_add_change(&ch, "void_reason", rows[i + 1], "");
		json_add_str(&ch, "conflict", c->uuid);
		r = record_audit(db, "update", "donations", rows[i], &ch, e);
		strbuf_free(&ch);
	}
	xfree_strv(rows, n);
	return r < 0 ? -1 : 0;
}

/* What record_returned reads of the stock below zero. */
struct shortfall {
	char *item, *unit, *from;
	long long missing;
};

static const struct col_desc shortfall_cols[] = {
    COLD_DUP(struct shortfall, item),
    COLD_DUP(struct shortfall, unit),
    COLD_INT(struct shortfall, missing),
    COLD_DUP(struct shortfall, from),
};

/* The goods given out beyond the stock are recorded as returned: a goods
 * donation of what is missing, from the recipients. */
static int record_returned(struct db *db, const struct conflict *c, struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e,
		     "SELECT item, unit, distributed - received, (SELECT group_concat("
		     "recipient, '、') FROM (SELECT DISTINCT t.recipient FROM"
		     " distributions t WHERE t.item = s.item AND t.unit = s.unit"
		     " AND t.deleted_at IS NULL AND t.recipient <> ''))"
		     " FROM stock_below_zero s WHERE item || '|' || unit = :subject",
		     SQLP_TEXT(":subject", c->subject));
	struct donation_new d = {0};
	struct shortfall f = {0};
	int r = st ? rowdesc_one(db, st, shortfall_cols, ROWDESC_N(shortfall_cols), &f, sizeof f, e)
		   : -1;

	if (r == 0)
		return err_set(e, _("the stock of %s is no longer below zero"), c->subject);
	if (r == 1) {
		d.donor_name = f.from && *f.from ? f.from : _("goods returned");
		d.kind = "goods";
		d.item = f.item;
		d.unit = f.unit;
		d.quantity = f.missing;
		d.value_fen = -1;
		d.received_by = -1;
		d.notes = _("goods returned (settling a merge conflict)");
		r = db_donation_insert(db, &d, NULL, e) < 0 ? -1 : 0;
	}
	rowdesc_clear(shortfall_cols, ROWDESC_N(shortfall_cols), &f, sizeof f);
	return r;
}

/* What unrevoke reads of the revoked pass: the pass the household holds
 * now instead (other), if any. */
struct revoked {
	char *uuid, *at, *reason, *other;
};

static const struct col_desc revoked_cols[] = {
    COLD_DUP(struct revoked, uuid),
    COLD_DUP(struct revoked, at),
    COLD_DUP(struct revoked, reason),
    COLD_DUP(struct revoked, other),
};

/* The pass of the conflict counts again: its revocation is undone, unless
 * the household holds another current pass meanwhile (one at most). */
static int unrevoke(struct db *db, const struct conflict *c, const char *now, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(
	    db, e,
	    "SELECT p.uuid, p.revoked_at, coalesce(p.revoke_reason, ''), (SELECT q.pass_no FROM"
	    " passes q WHERE q.household_id = p.household_id AND q.id <> p.id AND"
	    " q.deleted_at IS NULL AND q.revoked_at IS NULL AND (q.valid_until IS NULL OR"
	    " q.valid_until >= substr(:now, 1, 10)) ORDER BY q.pass_no LIMIT 1)"
	    " FROM passes p WHERE p.pass_no = :no AND p.deleted_at IS NULL"
	    " AND p.revoked_at IS NOT NULL",
	    SQLP_TEXT(":now", now), SQLP_TEXT(":no", c->subject));
	struct revoked p = {0};
	struct strbuf ch = STRBUF_INIT;
	int r =
	    st ? rowdesc_one(db, st, revoked_cols, ROWDESC_N(revoked_cols), &p, sizeof p, e) : -1;

	if (r == 0)
		r = err_set(e, _("pass %s is no longer revoked"), c->subject);
	else if (r == 1 && p.other)
		r = err_set(e,
			    _("the household holds pass %s now: restoring %s would give it two; "
			      "accept with a note instead"),
			    p.other, c->subject);
	if (r == 1)
		r = SQL_RUN(db, e,
			    "UPDATE passes SET revoked_at = NULL, revoke_reason = NULL,"
			    " updated_at = :now WHERE uuid = :uuid",
			    SQLP_TEXT(":now", now), SQLP_TEXT(":uuid", p.uuid));
	if (r == 0) {
		json_open(&ch);
		json_add_change(&ch, "revoked_at", p.at, "");
		json_add_change(&ch, "revoke_reason", p.reason, "");
		json_add_str(&ch, "conflict", c->uuid);
		r = record_audit(db, "update", "passes", p.uuid, &ch, e);
		strbuf_free(&ch);
	}
	rowdesc_clear(revoked_cols, ROWDESC_N(revoked_cols), &p, sizeof p);
	return r < 0 ? -1 : 0;
}

/* 1 when action settles a conflict of kind (accepting settles any). */
static int action_fits(const char *kind, enum conflict_action action)
{
	if (action == CONFLICT_ACCEPT)
		return 1;
	if (action == CONFLICT_UNREVOKE)
		return !strcmp(kind, "pass");
	return !strcmp(kind, "stock");
}

int db_conflict_settle(struct db *db, long long id, enum conflict_action action, const char *note,
		       struct err *e)
{
	static const char *const codes[] = {[CONFLICT_UNDO_VOID] = "undo_void",
					    [CONFLICT_RETURNED] = "returned",
					    [CONFLICT_ACCEPT] = "accepted",
					    [CONFLICT_UNREVOKE] = "unrevoke"};
	struct conflict c;
	char now[CLOCK_STR];
	struct strbuf ch = STRBUF_INIT;
	int found, r = -1;

	if (action < CONFLICT_UNDO_VOID || action > CONFLICT_UNREVOKE)
		return err_set(e, "internal error: conflict action %d", (int)action);
	if (action == CONFLICT_ACCEPT && (!note || !*note))
		return err_field(e, "note", _("accepting a conflict needs a note saying why"));
	if (db_begin(db, e) < 0)
		return -1;
	found = db_conflict_get(db, id, &c, e);
	if (found == 0)
		err_set(e, _("no conflict with id %lld"), id);
	else if (found == 1 && c.resolution)
		err_set(e, _("this conflict was already settled (%s)"), c.resolution);
	else if (found == 1 && !action_fits(c.kind, action))
		err_set(e, _("that action does not settle a conflict of this kind"));
	if (found != 1 || c.resolution || !action_fits(c.kind, action))
		goto out;
	clock_now(now);
	if ((action == CONFLICT_UNDO_VOID && undo_voids(db, &c, now, e) < 0) ||
	    (action == CONFLICT_RETURNED && record_returned(db, &c, e) < 0) ||
	    (action == CONFLICT_UNREVOKE && unrevoke(db, &c, now, e) < 0))
		goto out;
	if (SQL_RUN(db, e,
		    "UPDATE conflicts SET resolved_at = :now, updated_at = :now,"
		    " resolution = :res, note = :note WHERE id = :id",
		    SQLP_TEXT(":now", now), SQLP_TEXT(":res", codes[action]),
		    SQLP_TEXT(":note", note ? note : ""), SQLP_INT(":id", id)) < 0)
		goto out;
	json_open(&ch);
	json_add_change(&ch, "resolution", "", codes[action]);
	if (note && *note)
		json_add_change(&ch, "note", "", note);
	r = record_audit(db, "update", "conflicts", c.uuid, &ch, e);
	strbuf_free(&ch);
out:
	r = (int)db_end(db, r, e);
	if (found == 1)
		db_conflict_clear(&c);
	return r < 0 ? -1 : 0;
}
