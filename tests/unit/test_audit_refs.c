/* Tests that every audit row names other records by UUID, and the right
 * ones: every record kind's write paths (insert, update, delete, void,
 * end, restart, distribution, pass, gate, visitor, follow-up ...) run
 * through the db API, then each audit row is read back (db/audit_read)
 * and each member naming a record is checked against the schema: a member
 * called like a foreign key column of its table holds the UUID of the
 * record that column points at (or none when it points at none), never a
 * local integer id.  And an audit row written on machine A, read on
 * machine B after a merge, names records that B holds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/model.h"
#include "core/outing.h"
#include "core/xalloc.h"
#include "db/audit_read.h"
#include "db/checkpoints.h"
#include "db/db.h"
#include "db/donations.h"
#include "db/expenditures.h"
#include "db/followups.h"
#include "db/gate.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/passes.h"
#include "db/record.h"
#include "db/residents.h"
#include "db/rounds.h"
#include "db/sql.h"
#include "db/staff.h"
#include "db/visitors.h"
#include "db/visits.h"
#include "dbfix.h"
#include "merge_world.h"

/* The members that name a record without being a column: their table. */
static const struct {
	const char *key, *table;
} named[] = {
    {"visit", "visits"},
    {"isolation", "isolations"},
    {"household", "households"},
    {"replaced_by", "visits"},
};

/* The table a foreign key column col of table points at (the schema's own
 * word, PRAGMA foreign_key_list), into out; 0 when col is none. */
static int fk_table(struct db *db, const char *table, const char *col, char *out, size_t n)
{
	sqlite3_stmt *st = NULL;
	int found = 0;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db),
					    "SELECT \"table\" FROM pragma_foreign_key_list(?1)"
					    " WHERE \"from\" = ?2",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

/* The UUID of the record that column col of table's record uuid points at
 * now ("" when none). */
static void pointed(struct db *db, const char *table, const char *col, const char *parent,
		    const char *uuid, char out[37])
{
	char *sql = xasprintf("SELECT p.uuid FROM \"%s\" t LEFT JOIN \"%s\" p ON p.id = t.\"%s\""
			      " WHERE t.uuid = ?1",
			      table, parent, col);
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	out[0] = 0;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, 37, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	free(sql);
}

/* 1 when table holds a record of that uuid. */
static int exists(struct db *db, const char *table, const char *uuid)
{
	char *sql = xasprintf("SELECT count(*) FROM \"%s\" WHERE uuid = ?1", table);
	sqlite3_stmt *st = NULL;
	int n;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	free(sql);
	return n > 0;
}

/* r, failing the test with e's message when it is an error. */
static long long ok_at(long long r, const struct err *e, int line)
{
	if (r < 0)
		fail_msg("line %d: %s", line, e->msg);
	return r;
}
#define ok(r, e) ok_at(r, e, __LINE__)

/* 1 when v is a UUID's text: 36 characters, hex digits and four dashes. */
static int is_uuid(const char *v)
{
	size_t i = 0;

	for (; v[i] && i < 36; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23) ? v[i] != '-'
							       : !strchr("0123456789abcdef", v[i]))
			return 0;
	return i == 36 && !v[i];
}

/* What the walk found. */
struct tally {
	int refs;      /* members checked as references */
	int rightmost; /* of them, compared with the record's own column */
	int rows;      /* audit rows read */
};

/* Checks one value v (text, or NULL for a JSON null) of member key of an
 * audit row on table's record uuid: a UUID of a record of parent, or none. */
static void check_value(struct db *db, const struct audit_entry *a, const char *key,
			const char *parent, const char *v)
{
	if (!v || !*v)
		return;
	if (!is_uuid(v))
		fail_msg("%s %s %s: %s is \"%s\", no UUID", a->action, a->table_name,
			 a->record_uuid, key, v);
	if (parent && !exists(db, parent, v))
		fail_msg("%s %s: %s names %s, which is no record of %s", a->action, a->table_name,
			 key, v, parent);
}

/* Whether a later audit row of the same record changes key (then this row's
 * value need not be the record's value now). */
static int changed_later(struct db *db, const struct audit_entry *a, const char *key)
{
	sqlite3_stmt *st = NULL;
	int n;

	assert_int_equal(
	    sqlite3_prepare_v2(db_handle(db),
			       "SELECT count(*) FROM audit_log WHERE record_uuid = ?1"
			       " AND id > ?2 AND json_type(changes, '$.' || ?3) IS NOT NULL",
			       -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, a->record_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, a->id);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n > 0;
}

/* Checks the members of audit row a, read as SQLite's JSON reads them. */
static void check_row(struct db *db, const struct audit_entry *a, struct tally *t)
{
	sqlite3_stmt *st = NULL;
	int rc;

	assert_int_equal(
	    sqlite3_prepare_v2(db_handle(db),
			       "SELECT key, type, value, iif(type = 'array', value ->> 0, NULL),"
			       " iif(type = 'array', value ->> 1, NULL),"
			       " iif(type = 'array', json_array_length(value), 0)"
			       " FROM json_each(?1)",
			       -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, a->changes, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);
		const char *v = (const char *)sqlite3_column_text(st, 2);
		const char *now_v = v;
		char parent[64] = "", want[37];
		int fk = fk_table(db, a->table_name, key, parent, sizeof parent);

		for (size_t i = 0; !fk && i < sizeof named / sizeof named[0]; i++)
			if (!strcmp(named[i].key, key))
				snprintf(parent, sizeof parent, "%s", named[i].table);
		if (!parent[0] && strlen(key) > 3 && !strcmp(key + strlen(key) - 3, "_id"))
			fail_msg("%s %s: %s names a record the schema does not know", a->action,
				 a->table_name, key);
		if (!parent[0])
			continue;
		t->refs++;
		if (!strcmp(type, "integer") || !strcmp(type, "real"))
			fail_msg("%s %s %s: %s holds the local id %s", a->action, a->table_name,
				 a->record_uuid, key, v);
		if (!strcmp(type, "array")) {
			assert_int_equal(sqlite3_column_int(st, 5), 2);
			check_value(db, a, key, parent, (const char *)sqlite3_column_text(st, 3));
			now_v = (const char *)sqlite3_column_text(st, 4);
		} else if (strcmp(type, "text") && strcmp(type, "null")) {
			fail_msg("%s %s: %s is a %s", a->action, a->table_name, key, type);
		}
		check_value(db, a, key, parent, now_v);
		/* The right record: what the record's own column points at. */
		if (fk && strcmp(a->action, "delete") && !changed_later(db, a, key)) {
			pointed(db, a->table_name, key, parent, a->record_uuid, want);
			if (strcmp(want, now_v ? now_v : ""))
				fail_msg("%s %s %s: %s names \"%s\", the record points at \"%s\"",
					 a->action, a->table_name, a->record_uuid, key,
					 now_v ? now_v : "", want);
			t->rightmost++;
		}
	}
	if (rc != SQLITE_DONE) /* no JSON: a merge reads nothing there */
		fail_msg("%s %s: changes %s: %s", a->action, a->table_name, a->changes,
			 sqlite3_errmsg(db_handle(db)));
	sqlite3_finalize(st);
}

/* Reads every record's audit rows back through db_audit_page and checks
 * them; returns what it found. */
static struct tally walk_audit(struct db *db)
{
	struct tally t = {0};
	sqlite3_stmt *recs = NULL;
	struct err e;

	err_clear(&e);
	assert_int_equal(sqlite3_prepare_v2(db_handle(db),
					    "SELECT DISTINCT record_uuid FROM audit_log"
					    " WHERE record_uuid IS NOT NULL",
					    -1, &recs, NULL),
			 SQLITE_OK);
	while (sqlite3_step(recs) == SQLITE_ROW) {
		char *rec = xstrdup((const char *)sqlite3_column_text(recs, 0));
		struct audit_entry page[8], *anchor = NULL, last = {0};
		int n;

		while ((n = db_audit_page(db, rec, anchor, 1, 8, page, &e)) > 0) {
			for (int i = 0; i < n; i++) {
				t.rows++;
				check_row(db, &page[i], &t);
			}
			audit_entry_clear(&last);
			last = page[n - 1];
			for (int i = 0; i < n - 1; i++)
				audit_entry_clear(&page[i]);
			anchor = &last;
		}
		assert_true(n == 0);
		audit_entry_clear(&last);
		free(rec);
	}
	sqlite3_finalize(recs);
	return t;
}

/* The number of audit rows of table with action. */
static long long rows_of(struct db *db, const char *table, const char *action)
{
	char *sql = xasprintf("SELECT count(*) FROM audit_log WHERE table_name = '%s'"
			      " AND action = '%s'",
			      table, action);
	long long n = sql_scalar(db, sql, NULL);

	free(sql);
	return n;
}

static long long household(struct db *db, const char *code, long long grid)
{
	struct household h = {0};
	struct err e;

	err_clear(&e);
	h.code = (char *)code;
	h.grid_id = grid;
	if (db_household_insert(db, &h, &e) < 0)
		fail_msg("household %s: %s", code, e.msg);
	return h.id;
}

static long long checkpoint(struct db *db, const char *name)
{
	struct checkpoint c;
	struct err e;
	long long id;

	err_clear(&e);
	db_checkpoint_init(&c);
	xstrset(&c.name, name);
	assert_int_equal(ok(db_checkpoint_insert(db, &c, &e), &e), 0);
	c.active = 0;
	assert_int_equal(ok(db_checkpoint_update(db, &c, &e), &e), 1);
	c.active = 1;
	assert_int_equal(ok(db_checkpoint_update(db, &c, &e), &e), 1);
	id = c.id;
	db_checkpoint_clear(&c);
	return id;
}

/* Households, residents, grids, staff, shifts: insert, update, move, delete. */
static void write_people(struct db *db, long long *hh, long long *res, long long *cp)
{
	struct household h = {0};
	struct resident r = {0};
	struct shift s;
	struct err e;
	long long grid2, staff, gone, shift;

	err_clear(&e);
	hh[0] = household(db, "1-1-101", db_grid_ensure(db, "一网格", &e));
	hh[1] = household(db, "1-1-102", -1);
	grid2 = db_grid_ensure(db, "二网格", &e);
	assert_int_equal(ok(db_household_get(db, hh[1], &h, &e), &e), 1);
	h.grid_id = grid2;
	assert_int_equal(ok(db_household_update(db, &h, &e), &e), 1);
	model_household_clear(&h);
	res[0] = dbfix_resident(db, hh[0], "张伟");
	res[1] = dbfix_resident(db, hh[1], "李娜");
	gone = dbfix_resident(db, hh[1], "王芳");
	assert_int_equal(ok(db_resident_get(db, res[1], &r, &e), &e), 1);
	xstrset(&r.notes, "独居");
	assert_int_equal(ok(db_resident_update(db, &r, &e), &e), 1);
	model_resident_clear(&r);
	assert_int_equal(ok(db_resident_move(db, gone, hh[0], &e), &e), 0);
	assert_int_equal(ok(db_resident_delete(db, gone, &e), &e), 1);
	staff = db_staff_ensure(db, "赵强", "volunteer", &e);
	assert_int_equal(ok(db_grid_set_staff(db, grid2, staff, &e), &e), 0);
	cp[0] = checkpoint(db, "东门卡点");
	cp[1] = checkpoint(db, "西门卡点");
	db_shift_init(&s);
	s.checkpoint_id = cp[0];
	strcpy(s.date, "2020-02-15");
	strcpy(s.start_time, "08:00");
	strcpy(s.end_time, "12:00");
	s.staff_id = staff;
	assert_int_equal(ok(db_shift_insert(db, &s, &e), &e), 0);
	s.checkpoint_id = cp[1];
	s.staff_id = -1;
	assert_int_equal(ok(db_shift_update(db, &s, &e), &e), 1);
	shift = s.id;
	db_shift_clear(&s);
	assert_int_equal(ok(db_shift_set_present(db, shift, 1, &e), &e), 1);
	assert_int_equal(ok(db_shift_delete(db, shift, &e), &e), 1);
}

/* Visits with readings (a fever opens a follow-up), a visit replaced, one
 * undone; isolations started, checked, extended, restarted, ended. */
static void write_health(struct db *db, const long long *hh, const long long *res)
{
	struct visit_reading rd = {res[0], 385, "cough", NULL};
	struct visit_new v = {hh[0], NULL, NULL, VISIT_VISITED, -1, NULL, &rd, 1};
	struct isolation_new in = {res[1], "home", NULL, "close_contact", NULL, 0, NULL};
	struct isolation_check c = {0};
	struct followup f = {0};
	struct followup_isolation central = {"central", "方舱医院"};
	char uuid[37];
	struct err e;
	long long visit, iso, again;

	err_clear(&e);
	visit = db_visit_insert(db, &v, uuid, &e);
	ok(visit, &e);
	rd.temperature = 366;
	rd.symptoms = NULL;
	visit = db_rounds_visit_replace(db, visit, &v, &e);
	ok(visit, &e);
	v.household_id = hh[1];
	v.readings = NULL;
	v.n_readings = 0;
	v.outcome = VISIT_NO_ANSWER;
	visit = db_visit_insert(db, &v, uuid, &e);
	assert_int_equal(ok(db_visit_undo(db, visit, &e), &e), 1);

	iso = db_isolation_start(db, &in, &e);
	ok(iso, &e);
	c.temperature = 386;
	c.slot = "AM";
	c.staff_id = -1;
	ok(db_isolation_check(db, iso, &c, NULL, &e), &e);
	assert_int_equal(ok(db_isolation_extend(db, iso, 3, &e), &e), 0);
	again = db_isolation_restart(db, iso, NULL, &e);
	ok(again, &e);
	assert_int_equal(ok(db_isolation_end(db, again, "moved_away", NULL, &e), &e), 0);

	/* the fever at the check opened a follow-up for res[1] */
	assert_int_equal(ok(db_followup_open_of(db, res[1], &f, &e), &e), 1);
	assert_int_equal(ok(db_followup_refer(db, f.id, NULL, "区人民医院发热门诊", NULL, &e), &e),
			 0);
	assert_int_equal(ok(db_followup_close(db, f.id, "isolated", &central, NULL, &e), &e), 0);
	db_followup_clear(&f);
}

/* Donations, distributions (to a household, to a checkpoint, to others),
 * expenditures, voids; passes issued, revoked, changed; the gate; visitors. */
static void write_goods(struct db *db, const long long *hh, const long long *res,
			const long long *cp)
{
	struct donation_new d = {0};
	struct distribution_new to = {"口罩", "个", 1000, "checkpoint", hh[0],
				      cp[1],  NULL, NULL, -1,		NULL};
	struct expenditure_new x = {NULL, "购买防护物资", 5000, "居委会", "凭-001", -1, NULL};
	struct visitor_new vis = {0};
	struct pass p, q;
	char receipt[64], why[128];
	int admitted;
	long long cash, spent, visitor;
	struct err e;

	err_clear(&e);
	d.donor_name = "爱心企业";
	d.kind = "goods";
	d.item = "口罩";
	d.unit = "个";
	d.quantity = 50000;
	d.value_fen = -1;
	d.received_by = -1;
	ok(db_donation_insert(db, &d, receipt, &e), &e);
	d.kind = "cash";
	d.amount_fen = 10000;
	cash = db_donation_insert(db, &d, receipt, &e);
	ok(cash, &e);
	/* the form still holds the household picked before it chose a checkpoint */
	ok(db_distribution_insert(db, &to, &e), &e);
	to.recipient_kind = "household";
	to.checkpoint_id = -1;
	ok(db_distribution_insert(db, &to, &e), &e);
	to.recipient_kind = "other";
	to.recipient = "环卫工人";
	ok(db_distribution_insert(db, &to, &e), &e);
	spent = db_expenditure_insert(db, &x, &e);
	ok(spent, &e);
	assert_int_equal(ok(db_expenditure_void(db, spent, "重复", &e), &e), 0);
	assert_int_equal(ok(db_donation_void(db, cash, "录错", &e), &e), 0);

	assert_int_equal(ok(db_pass_issue(db, hh[0], NULL, NULL, &p, &e), &e), 0);
	assert_int_equal(ok(db_pass_set_valid_until(db, p.id, "2020-03-01", &e), &e), 1);
	assert_int_equal(ok(db_gate_record(db, p.id, cp[0], -1, "out", res[0], NULL, &e), &e), 0);
	assert_int_equal(ok(db_gate_record(db, p.id, cp[1], -1, "in", -1, NULL, &e), &e), 0);
	assert_int_equal(ok(db_pass_revoke(db, p.id, "遗失", &e), &e), 0);
	assert_int_equal(ok(db_pass_issue(db, hh[1], NULL, NULL, &q, &e), &e), 0);
	db_pass_clear(&p);
	db_pass_clear(&q);

	vis.name = "快递员";
	vis.household = "1-1-102";
	vis.from_place = "本市";
	vis.temperature = 365;
	vis.checkpoint_id = cp[1];
	visitor = db_visitor_add(db, &vis, &admitted, why, sizeof why, &e);
	ok(visitor, &e);
	assert_int_equal(ok(db_visitor_leave(db, visitor, &e), &e), 0);
}

static void test_every_kind(void **state)
{
	struct db *db;
	long long hh[2], res[2], cp[2];
	struct tally t;
	static const char *const kinds[][2] = {
	    {"households", "insert"},  {"households", "update"},    {"residents", "insert"},
	    {"residents", "update"},   {"residents", "delete"},	    {"grids", "insert"},
	    {"grids", "update"},       {"staff", "insert"},	    {"checkpoints", "insert"},
	    {"checkpoints", "update"}, {"shifts", "insert"},	    {"shifts", "update"},
	    {"shifts", "delete"},      {"visits", "insert"},	    {"visits", "update"},
	    {"visits", "delete"},      {"readings", "insert"},	    {"readings", "delete"},
	    {"isolations", "insert"},  {"isolations", "update"},    {"checks", "insert"},
	    {"followups", "insert"},   {"followups", "update"},	    {"donations", "insert"},
	    {"donations", "void"},     {"distributions", "insert"}, {"expenditures", "insert"},
	    {"expenditures", "void"},  {"passes", "insert"},	    {"passes", "update"},
	    {"passes", "void"},	       {"pass_events", "insert"},   {"visitors", "insert"},
	    {"visitors", "update"},
	};

	(void)state;
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	db = dbfix_open("幸福里社区");
	write_people(db, hh, res, cp);
	write_health(db, hh, res);
	write_goods(db, hh, res, cp);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (rows_of(db, kinds[i][0], kinds[i][1]) < 1)
			fail_msg("no %s audit row of %s", kinds[i][1], kinds[i][0]);
	t = walk_audit(db);
	print_message("%d audit rows, %d references, %d compared with their column\n", t.rows,
		      t.refs, t.rightmost);
	assert_true(t.rows > 60);
	assert_true(t.refs > 30);
	assert_true(t.rightmost > 15);
	/* The two faults found: the follow-up names the resident by UUID, the
	 * distribution to a checkpoint names the checkpoint, not a household. */
	assert_int_equal(sql_scalar(db,
				    "SELECT count(*) FROM audit_log a JOIN residents r"
				    " ON r.uuid = a.changes ->> '$.resident_id'"
				    " WHERE a.table_name = 'followups' AND a.action = 'insert'",
				    NULL),
			 2);
	assert_int_equal(sql_scalar(db,
				    "SELECT count(*) FROM audit_log a JOIN checkpoints c"
				    " ON c.uuid = a.changes ->> '$.checkpoint_id'"
				    " WHERE a.table_name = 'distributions'"
				    " AND a.changes ->> '$.household_id' IS NULL",
				    NULL),
			 1);
	db_close(&db);
}

/* A write that would name a record by its local id is refused whole. */
static void test_local_id_refused(void **state)
{
	struct db *db;
	struct err e;

	(void)state;
	db = dbfix_open("幸福里社区");
	err_clear(&e);
	assert_int_equal(db_audit(db, "insert", "followups", "x", "{\"resident_id\":3}", &e), -1);
	assert_non_null(strstr(e.msg, "resident_id"));
	assert_int_equal(
	    db_audit(db, "update", "residents", "x", "{\"household_id\":[\"7\",\"8\"]}", &e), -1);
	assert_int_equal(
	    db_audit(db, "update", "residents", "x",
		     "{\"household_id\":[\"\",\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\"],"
		     "\"took\":{\"residents\":[]},\"n\":3}",
		     &e),
	    0);
	db_close(&db);
}

/* The words db_audit_ref_label gives for member key of the first audit row
 * of table that has it (static: one at a time). */
static const char *label(struct db *db, const char *table, const char *key)
{
	static struct strbuf out = STRBUF_INIT;
	char *sql = xasprintf("SELECT changes ->> '$.%s' FROM audit_log WHERE table_name = '%s'"
			      " AND changes ->> '$.%s' IS NOT NULL ORDER BY id LIMIT 1",
			      key, table, key);
	sqlite3_stmt *st = NULL;
	struct err e;

	err_clear(&e);
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(
	    db_audit_ref_label(db, key, (const char *)sqlite3_column_text(st, 0), &out, &e), 1);
	sqlite3_finalize(st);
	free(sql);
	return strbuf_str(&out);
}

/* Machine A's audit rows, merged into machine B, name records B holds. */
static void test_merge_resolves(void **state)
{
	struct world w;
	long long hh[2], res[2], cp[2];
	struct tally t;

	(void)state;
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	world_open(&w, 2);
	/* B writes first, so that the local ids of A's records name other
	 * records, or none, in B's file */
	household(w.db[1], "9-9-901", -1);
	household(w.db[1], "9-9-902", -1);
	dbfix_resident(w.db[1], 1, "陈静");
	checkpoint(w.db[1], "北门卡点");
	write_people(w.db[0], hh, res, cp);
	write_health(w.db[0], hh, res);
	write_goods(w.db[0], hh, res, cp);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	assert_true(
	    world_count(&w, 1, "SELECT count(*) FROM audit_log WHERE table_name = 'followups'") >=
	    3);
	t = walk_audit(w.db[1]);
	assert_true(t.refs > 30);
	/* and the history on B names them as A's user knows them */
	assert_string_equal(label(w.db[1], "distributions", "checkpoint_id"), "西门卡点");
	assert_string_equal(label(w.db[1], "isolations", "resident_id"), "李娜");
	assert_string_equal(label(w.db[1], "checks", "isolation"), "2020-02-15 李娜");
	world_close(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_kind),
	    cmocka_unit_test(test_local_id_refused),
	    cmocka_unit_test(test_merge_resolves),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
