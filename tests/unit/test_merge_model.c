/* Model-based test of merging (issue 23): three machines apply random
 * sequences of the program's own operations (the db functions the screens
 * call, so the audit rows are the real ones), merge in random orders, and at
 * the end, after every machine has met every other: all hold the same
 * records, `check` finds nothing on any, and every value typed anywhere is in
 * a live record or in the audit log (a conflict's or a join's `lost`, an
 * update's old value).  The operations cover the households, residents,
 * visits, isolations and checks, donations and stock, and the tables added
 * since: fever follow-ups, returnees, the visitor log, passes and outings,
 * cash and expenditures.  The seed is fixed; MERGE_MODEL_STEPS sets the number
 * of operations (default 240; CI runs more). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/donations.h"
#include "db/expenditures.h"
#include "db/followups.h"
#include "db/gate.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/passes.h"
#include "db/residents.h"
#include "db/returnees.h"
#include "db/visitors.h"
#include "db/visits.h"
#include "tests/unit/merge_world.h"

#define MACHINES 3

static unsigned long long rng;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* The values typed, to be found at the end. */
static char typed[4096][24];
static int ntyped;

static const char *type_value(const char *prefix)
{
	char *v = typed[ntyped % 4096];

	snprintf(v, sizeof typed[0], "%s%05d", prefix, ntyped);
	ntyped++;
	return v;
}

/* One integer from sql with ?1 bound to a (a private statement: the
 * connection's statement cache is for the program's fixed queries). */
static long long scalar(struct db *db, const char *sql, long long a)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db_handle(db)));
	sqlite3_bind_int64(st, 1, a);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A random live record id of table on db, -1 when none. */
static long long pick(struct db *db, const char *table, const char *where)
{
	char *sql = xasprintf("SELECT count(*) FROM %s WHERE deleted_at IS NULL%s%s", table,
			      where ? " AND " : "", where ? where : "");
	long long n = scalar(db, sql, 0), id;

	free(sql);
	if (n <= 0)
		return -1;
	sql = xasprintf("SELECT id FROM %s WHERE deleted_at IS NULL%s%s ORDER BY uuid LIMIT 1"
			" OFFSET ?1",
			table, where ? " AND " : "", where ? where : "");
	id = scalar(db, sql, rnd((unsigned)n));
	free(sql);
	return id;
}

static void op_household(struct db *db, struct err *e)
{
	struct household h = {.grid_id = -1};
	char code[16];

	/* few codes, so that machines enter the same household apart */
	snprintf(code, sizeof code, "1-%u-%u", rnd(3), 101 + rnd(4));
	h.code = code;
	if (rnd(2))
		h.phone = (char *)type_value("1390");
	if (rnd(2))
		h.notes = (char *)type_value("注");
	/* as the form saves it: checked for duplicates in its transaction */
	if (db_begin(db, e) < 0)
		return;
	if (db_household_insert_checked(db, &h, e) < 0 || db_commit(db, e) < 0)
		db_rollback(db);
}

static void op_household_edit(struct db *db, struct err *e)
{
	long long id = pick(db, "households", NULL);
	struct household h;

	if (id < 0 || db_household_get(db, id, &h, e) != 1)
		return;
	free(h.phone);
	h.phone = xstrdup(type_value("1380"));
	db_household_update(db, &h, e);
	model_household_clear(&h);
}

static void op_household_delete(struct db *db, struct err *e)
{
	long long id = pick(db, "households", NULL);

	if (id >= 0 && rnd(3) == 0)
		db_household_delete(db, id, e);
}

static void op_resident(struct db *db, struct err *e)
{
	static const char *const ids[] = {"11010519491231002X", "440524188001010014"};
	long long hh = pick(db, "households", NULL);
	struct resident r = {0};

	if (hh < 0)
		return;
	r.household_id = hh;
	r.name = (char *)type_value("人");
	if (rnd(4) == 0)
		r.id_number = (char *)ids[rnd(2)];
	if (db_begin(db, e) < 0)
		return;
	if (db_resident_insert_checked(db, &r, e) < 0 || db_commit(db, e) < 0)
		db_rollback(db);
}

static void op_resident_edit(struct db *db, struct err *e)
{
	long long id = pick(db, "residents", NULL);
	struct resident r;

	if (id < 0 || db_resident_get(db, id, &r, e) != 1)
		return;
	free(r.phone);
	r.phone = xstrdup(type_value("1370"));
	db_resident_update(db, &r, e);
	model_resident_clear(&r);
}

static void op_visit(struct db *db, struct err *e)
{
	long long res = pick(db, "residents", NULL);
	struct visit_reading rd = {res, 360 + (int)rnd(25), NULL, NULL};
	struct visit_new v = {0};

	if (res < 0)
		return;
	v.household_id = scalar(db, "SELECT household_id FROM residents WHERE id = ?1", res);
	v.date = "2020-02-15";
	v.outcome = VISIT_VISITED;
	v.staff_id = -1;
	v.readings = &rd;
	v.n_readings = 1;
	db_visit_insert(db, &v, NULL, e);
}

static void op_visit_undo(struct db *db, struct err *e)
{
	long long id = pick(db, "visits", NULL);

	if (id >= 0 && rnd(2) == 0)
		db_visit_undo(db, id, e);
}

static void op_isolation(struct db *db, struct err *e)
{
	long long res = pick(db, "residents", NULL);
	struct isolation_new n = {
	    res, rnd(2) ? "home" : "central", NULL, "key_area", "2020-02-14", 14, NULL};

	if (res < 0)
		return;
	if (!strcmp(n.kind, "central"))
		n.site = type_value("酒店");
	db_isolation_start(db, &n, e);
}

static void op_check(struct db *db, struct err *e)
{
	long long iso = pick(db, "isolations", "end_date IS NULL");
	struct isolation_check c = {.date = "2020-02-15",
				    .slot = rnd(2) ? "AM" : "PM",
				    .temperature = 360 + (int)rnd(25),
				    .staff_id = -1};

	if (iso >= 0)
		db_isolation_check(db, iso, &c, NULL, e);
}

static void op_goods(struct db *db, struct err *e)
{
	struct donation_new d = {0};

	d.received_date = "2020-02-14";
	d.donor_name = type_value("捐");
	d.kind = "goods";
	d.item = rnd(2) ? "口罩" : "酒精";
	d.quantity = 100 * (1 + rnd(50));
	d.unit = "箱";
	d.value_fen = -1;
	d.received_by = -1;
	db_donation_insert(db, &d, NULL, e);
}

static void op_distribute(struct db *db, struct err *e)
{
	struct distribution_new d = {rnd(2) ? "口罩" : "酒精",
				     "箱",
				     100 * (1 + rnd(20)),
				     "other",
				     -1,
				     -1,
				     NULL,
				     "2020-02-15",
				     -1,
				     NULL};

	d.recipient = type_value("门");
	db_distribution_insert(db, &d, e);
}

static void op_void(struct db *db, struct err *e)
{
	long long id = pick(db, "donations", "void_reason IS NULL");

	if (id >= 0 && rnd(3) == 0)
		db_donation_void(db, id, type_value("作废"), e);
}

/* Issue 17: a fever follow-up opened, referred, closed. */
static void op_followup(struct db *db, struct err *e)
{
	long long res = pick(db, "residents", NULL);

	if (res < 0)
		return;
	if (db_begin(db, e) < 0)
		return;
	if (db_followup_open_for(db, res, "round", NULL, NULL, 380 + (int)rnd(10), NULL, e) < 0 ||
	    db_commit(db, e) < 0)
		db_rollback(db);
}

static void op_followup_refer(struct db *db, struct err *e)
{
	long long id = pick(db, "followups", "closed_at IS NULL");

	if (id >= 0)
		db_followup_refer(db, id, NULL, type_value("门诊"), NULL, e);
}

static void op_followup_close(struct db *db, struct err *e)
{
	long long id = pick(db, "followups", "closed_at IS NULL");

	if (id >= 0)
		db_followup_close(db, id, "normal", NULL, type_value("结案"), e);
}

/* Issue 17: a returnee's trip and the decision to monitor at home. */
static void op_returnee(struct db *db, struct err *e)
{
	long long id = pick(db, "residents", NULL);
	struct resident r;

	if (id < 0 || db_resident_get(db, id, &r, e) != 1)
		return;
	free(r.returned_from);
	r.returned_from = xstrdup(type_value("武汉"));
	free(r.return_date);
	r.return_date = xstrdup("2020-02-10");
	if (db_resident_update(db, &r, e) == 0 && rnd(2))
		db_returnee_monitor(db, id, type_value("居家"), e);
	model_resident_clear(&r);
}

/* Issue 17: the visitor log at the gate. */
static void op_visitor(struct db *db, struct err *e)
{
	struct visitor_new v = {0};
	char why[128];
	int admitted;

	v.name = type_value("访");
	v.from_place = "北京";
	v.reason = "探亲";
	v.temperature = 360 + (int)rnd(25);
	v.checkpoint_id = -1;
	db_visitor_add(db, &v, &admitted, why, sizeof why, e);
}

static void op_visitor_leave(struct db *db, struct err *e)
{
	long long id = pick(db, "visitors", "admitted = 1 AND time_out IS NULL");

	if (id >= 0)
		db_visitor_leave(db, id, e);
}

/* Passes, revoked and used at the gate. */
static void op_pass(struct db *db, struct err *e)
{
	long long hh = pick(db, "households", NULL);

	if (hh >= 0)
		db_pass_issue(db, hh, NULL, NULL, NULL, e);
}

static void op_pass_revoke(struct db *db, struct err *e)
{
	long long id = pick(db, "passes", "revoked_at IS NULL");

	if (id >= 0 && rnd(2))
		db_pass_revoke(db, id, type_value("遗失"), e);
}

static void op_outing(struct db *db, struct err *e)
{
	long long id = pick(db, "passes", "revoked_at IS NULL");

	if (id >= 0)
		db_gate_record(db, id, -1, -1, rnd(2) ? "out" : "in", -1, NULL, e);
}

/* Issue 19: cash in, cash spent, an expenditure voided. */
static void op_cash(struct db *db, struct err *e)
{
	struct donation_new d = {0};

	d.received_date = "2020-02-14";
	d.donor_name = type_value("捐款");
	d.kind = "cash";
	d.amount_fen = 100 * (1 + rnd(500));
	d.value_fen = -1;
	d.received_by = -1;
	db_donation_insert(db, &d, NULL, e);
}

static void op_expenditure(struct db *db, struct err *e)
{
	struct expenditure_new x = {0};

	x.date = "2020-02-15";
	x.purpose = type_value("购买");
	x.amount_fen = 100 * (1 + rnd(100));
	x.approved_by = "主任";
	x.voucher_no = type_value("凭");
	x.staff_id = -1;
	db_expenditure_insert(db, &x, e);
}

static void op_expenditure_void(struct db *db, struct err *e)
{
	long long id = pick(db, "expenditures", "void_reason IS NULL");

	if (id >= 0 && rnd(2))
		db_expenditure_void(db, id, type_value("作废支出"), e);
}

static void (*const ops[])(struct db *, struct err *) = {
    op_household,      op_household,
    op_household_edit, op_household_delete,
    op_resident,       op_resident,
    op_resident_edit,  op_visit,
    op_visit,	       op_visit_undo,
    op_isolation,      op_check,
    op_check,	       op_goods,
    op_distribute,     op_void,
    op_followup,       op_followup_refer,
    op_followup_close, op_returnee,
    op_visitor,	       op_visitor_leave,
    op_pass,	       op_pass_revoke,
    op_outing,	       op_outing,
    op_cash,	       op_cash,
    op_expenditure,    op_expenditure_void,
};

/* Each typed value is live somewhere or in the audit log. */
static int missing_values(struct world *w)
{
	sqlite3_stmt *st = NULL;
	int missing = 0;

	assert_int_equal(
	    sqlite3_prepare_v2(
		db_handle(w->db[0]),
		"SELECT EXISTS (SELECT 1 FROM audit_log WHERE instr(changes, ?1))"
		" OR EXISTS (SELECT 1 FROM households WHERE deleted_at IS NULL AND ?1 IN"
		" (phone, notes)) OR EXISTS (SELECT 1 FROM residents WHERE deleted_at IS NULL"
		" AND ?1 IN (name, phone)) OR EXISTS (SELECT 1 FROM isolations WHERE"
		" deleted_at IS NULL AND site = ?1) OR EXISTS (SELECT 1 FROM donations WHERE"
		" ?1 IN (donor_name, void_reason)) OR EXISTS (SELECT 1 FROM distributions"
		" WHERE deleted_at IS NULL AND recipient = ?1) OR EXISTS (SELECT 1 FROM"
		" followups WHERE deleted_at IS NULL AND ?1 IN (clinic, notes)) OR EXISTS"
		" (SELECT 1 FROM residents WHERE deleted_at IS NULL AND ?1 IN (returned_from,"
		" monitoring)) OR EXISTS (SELECT 1 FROM visitors WHERE deleted_at IS NULL AND"
		" name = ?1) OR EXISTS (SELECT 1 FROM passes WHERE revoke_reason = ?1)"
		" OR EXISTS (SELECT 1 FROM expenditures WHERE ?1 IN (purpose, voucher_no,"
		" void_reason))",
		-1, &st, NULL),
	    SQLITE_OK);
	for (int i = 0; i < ntyped && i < 4096; i++) {
		sqlite3_bind_text(st, 1, typed[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 1) {
			fprintf(stderr, "  typed value %s is nowhere\n", typed[i]);
			missing++;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return missing;
}

/* Each of these found records at the end. */
static const char *const drove[] = {
    "SELECT count(*) FROM followups",
    "SELECT count(*) FROM followups WHERE closed_at IS NOT NULL OR referred_at IS NOT NULL",
    "SELECT count(*) FROM residents WHERE returned_from IS NOT NULL",
    "SELECT count(*) FROM visitors",
    "SELECT count(*) FROM passes",
    "SELECT count(*) FROM pass_events",
    "SELECT count(*) FROM expenditures",
};

static void test_random_machines_converge(void **state)
{
	struct world w;
	const char *env = getenv("MERGE_MODEL_STEPS");
	int steps = env ? atoi(env) : 240, merges = 0;
	struct err e;

	(void)state;
	rng = 0x2545f4914f6cdd1dULL;
	ntyped = 0;
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, MACHINES);
	for (int s = 0; s < steps; s++) {
		char now[32];

		/* the clocks move on, a few seconds a step, sometimes not at all */
		snprintf(now, sizeof now, "2020-02-15 %02d:%02d:%02d", (9 + s / 1200) % 24,
			 s / 20 % 60, s * 3 % 60);
		setenv("DOORSTEP_NOW", now, 1);
		err_clear(&e);
		if (rnd(8) == 0) {
			int a = (int)rnd(MACHINES), b = (int)rnd(MACHINES - 1);

			b += b >= a;
			assert_int_equal(world_merge(&w, a, b, NULL), 0);
			merges++;
			for (int i = 0; i < MACHINES; i++)
				if (world_check(&w, i) != 0)
					fail_msg("check fails on machine %d after step %d", i, s);
		} else {
			int mark = ntyped;

			int op = (int)rnd(sizeof ops / sizeof ops[0]), on = (int)rnd(MACHINES);

			ops[op](w.db[on], &e);
			if (db_in_transaction(w.db[on]))
				fail_msg("operation %d left a transaction open (%s)", op, e.msg);
			if (getenv("MERGE_MODEL_VERBOSE") && ntyped > mark)
				fprintf(stderr, "  step %d op %d on %d typed %s\n", s, op, on,
					typed[mark]);
			if (e.msg[0]) { /* refused: nothing it typed was stored */
				ntyped = mark;
				if (getenv("MERGE_MODEL_VERBOSE"))
					fprintf(stderr, "  refused: %s\n", e.msg);
			}
		}
	}
	/* Everyone meets everyone, twice over: then all agree. */
	for (int round = 0; round < 2; round++)
		for (int a = 0; a < MACHINES; a++)
			for (int b = 0; b < MACHINES; b++)
				if (a != b)
					assert_int_equal(world_merge(&w, a, b, NULL), 0);
	for (int i = 0; i < MACHINES; i++) {
		assert_int_equal(world_check(&w, i), 0);
		if (i)
			assert_true(world_same(&w, 0, i));
	}
	if (getenv("MERGE_MODEL_KEEP"))
		fprintf(stderr, "  machines kept in %s\n", w.dir);
	assert_int_equal(missing_values(&w), 0);
	/* the tables added since the first merge took part */
	for (size_t i = 0; i < sizeof drove / sizeof drove[0]; i++) {
		long long n = world_count(&w, 0, drove[i]);

		if (getenv("MERGE_MODEL_VERBOSE"))
			fprintf(stderr, "  %s: %lld\n", drove[i], n);
		if (n <= 0)
			fail_msg("no record came of: %s", drove[i]);
	}
	fprintf(stderr, "  %d steps, %d merges on the way, %d values typed\n", steps, merges,
		ntyped);
	world_close(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_random_machines_converge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
