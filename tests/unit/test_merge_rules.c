/* Unit tests of the merge's rules (docs/merge.md) on machines edited through
 * the program's own db functions, so that the audit rows are the real ones:
 * no live record within a deleted one, only changes count as changes,
 * joins keep what was typed, invariants broken by the combination of both
 * sides become open conflicts, ties broken by UUID. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/conflicts.h"
#include "db/sql.h"
#include "db/donations.h"
#include "db/gate.h"
#include "db/households.h"
#include "db/isolation_list.h"
#include "db/isolations.h"
#include "db/stats.h"
#include "db/record.h"
#include "db/residents.h"
#include "db/visits.h"
#include "tests/unit/merge_world.h"

static long long household(struct db *db, const char *code, const char *phone)
{
	struct household h = {.grid_id = -1};
	struct err e;

	err_clear(&e);
	h.code = (char *)code;
	h.phone = (char *)phone;
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	return h.id;
}

static long long resident(struct db *db, long long hh, const char *name, const char *idn)
{
	struct resident r = {0};
	struct err e;

	err_clear(&e);
	r.household_id = hh;
	r.name = (char *)name;
	r.id_number = (char *)idn;
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	return r.id;
}

static long long id_of(struct db *db, const char *table, const char *where)
{
	char *sql = xasprintf("SELECT id FROM %s WHERE %s", table, where);
	long long id = sql_scalar(db, sql, NULL);

	free(sql);
	return id;
}

static long long visit(struct db *db, long long hh, long long res, int temp, const char *at)
{
	struct visit_reading rd = {res, temp, NULL, NULL};
	struct visit_new v = {hh, NULL, at, VISIT_VISITED, -1, NULL, &rd, res > 0};
	struct err e;
	long long id;

	err_clear(&e);
	v.date = NULL;
	if (at) {
		static char date[11];

		snprintf(date, sizeof date, "%.10s", at);
		v.date = date;
	}
	id = db_visit_insert(db, &v, NULL, &e);
	if (id < 0)
		fprintf(stderr, "visit: %s\n", e.msg);
	assert_true(id > 0);
	return id;
}

/* Both ways, then both must be equal and pass check. */
static void both_ways(struct world *w, struct merge_report *ab)
{
	assert_int_equal(world_merge(w, 0, 1, ab), 0);
	assert_int_equal(world_merge(w, 1, 0, NULL), 0);
	assert_int_equal(world_merge(w, 0, 1, NULL), 0);
	assert_true(world_same(w, 0, 1));
	assert_int_equal(world_check(w, 0), 0);
	assert_int_equal(world_check(w, 1), 0);
}

/* A deletes a household; B adds a resident to it and visits it: the
 * household comes back with the resident its deletion took, and the
 * report names the revival. */
static void test_added_within_deleted_brings_parent_back(void **state)
{
	struct world w;
	struct merge_report r;
	long long hh, old;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	hh = household(w.db[0], "1-1-202", "13800000000");
	old = resident(w.db[0], hh, "老住户", NULL);
	(void)old;
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);

	setenv("DOORSTEP_NOW", "2020-02-15 10:00:00", 1);
	assert_int_equal(db_household_delete(w.db[0], hh, &e), 1);
	hh = id_of(w.db[1], "households", "code = '1-1-202'");
	setenv("DOORSTEP_NOW", "2020-02-15 10:05:00", 1);
	visit(w.db[1], hh, resident(w.db[1], hh, "新来人", NULL), 378, "2020-02-15 10:05:00");

	both_ways(&w, &r);
	assert_int_equal(
	    world_count(&w, 0, "SELECT count(*) FROM households WHERE deleted_at IS NULL"), 1);
	assert_int_equal(
	    world_count(&w, 0, "SELECT count(*) FROM residents WHERE deleted_at IS NULL"), 2);
	assert_true(r.nrevivals >= 2);
	assert_string_equal(r.revivals[0].table, "households");
	assert_string_equal(r.revivals[0].label, "1-1-202");
	assert_int_equal(world_count(&w, 1,
				     "SELECT count(*) FROM audit_log WHERE action = 'update'"
				     " AND changes LIKE '%revived_by%'"
				     " AND table_name = 'residents'"),
			 1);
	merge_report_free(&r);
	world_close(&w);
}

/* A deletes a household (and its resident with it); B edits the household
 * later: the edit wins, and the resident comes back with it. */
static void test_edit_of_deleted_brings_its_residents_back(void **state)
{
	struct world w;
	struct household h;
	long long hh;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	hh = household(w.db[0], "2-1-101", NULL);
	resident(w.db[0], hh, "张三", NULL);
	resident(w.db[0], hh, "李四", NULL);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	setenv("DOORSTEP_NOW", "2020-02-15 10:00:00", 1);
	assert_int_equal(db_household_delete(w.db[0], hh, &e), 1);
	setenv("DOORSTEP_NOW", "2020-02-15 11:00:00", 1);
	hh = id_of(w.db[1], "households", "code = '2-1-101'");
	assert_int_equal(db_household_get(w.db[1], hh, &h, &e), 1);
	free(h.phone);
	h.phone = xstrdup("13900000000");
	assert_int_equal(db_household_update(w.db[1], &h, &e), 1);
	model_household_clear(&h);

	both_ways(&w, NULL);
	assert_int_equal(
	    world_count(&w, 0, "SELECT count(*) FROM residents WHERE deleted_at IS NULL"), 2);
	assert_int_equal(world_count(&w, 0,
				     "SELECT count(*) FROM households WHERE deleted_at IS NULL"
				     " AND phone = '13900000000'"),
			 1);
	world_close(&w);
}

/* A visit undone on A (its reading with it) while B records a reading to
 * it... cannot happen through the program; but a household deleted on A
 * while its old visits stay live is no reason to bring it back. */
static void test_old_visits_bring_nothing_back(void **state)
{
	struct world w;
	long long hh;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	hh = household(w.db[0], "3-1-101", NULL);
	visit(w.db[0], hh, -1, 0, "2020-02-15 09:00:00");
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	setenv("DOORSTEP_NOW", "2020-02-15 10:00:00", 1);
	assert_int_equal(db_household_delete(w.db[0], hh, &e), 1);
	both_ways(&w, NULL);
	assert_int_equal(
	    world_count(&w, 1, "SELECT count(*) FROM households WHERE deleted_at IS NULL"), 0);
	world_close(&w);
}

/* Opening a record's form (a reveal row) or printing it is not a change:
 * B's edit is taken, no conflict. */
static void test_reveal_is_not_a_change(void **state)
{
	struct world w;
	struct merge_report r;
	struct household h;
	long long hh;
	struct err e;
	char uuid[37];

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	hh = household(w.db[0], "4-1-101", "13800000001");
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	assert_int_equal(db_record_uuid(w.db[0], "households", hh, uuid, &e), 1);
	/* B changes the phone early; A only looks, later. */
	setenv("DOORSTEP_NOW", "2020-02-15 09:10:00", 1);
	hh = id_of(w.db[1], "households", "code = '4-1-101'");
	assert_int_equal(db_household_get(w.db[1], hh, &h, &e), 1);
	free(h.phone);
	h.phone = xstrdup("13800000002");
	assert_int_equal(db_household_update(w.db[1], &h, &e), 1);
	model_household_clear(&h);
	setenv("DOORSTEP_NOW", "2020-02-15 11:00:00", 1);
	assert_int_equal(db_audit(w.db[0], "reveal", "households", uuid, "{}", &e), 0);
	assert_int_equal(db_audit(w.db[0], "print", "households", uuid, "{}", &e), 0);
	assert_int_equal(
	    db_exec(w.db[0], "UPDATE households SET updated_at = '2020-02-15 11:00:00'", &e), 0);
	assert_int_equal(world_merge(&w, 0, 1, &r), 0);
	assert_int_equal(r.nconflicts, 0);
	assert_int_equal(world_count(&w, 0,
				     "SELECT count(*) FROM households WHERE"
				     " phone = '13800000002'"),
			 1);
	merge_report_free(&r);
	world_close(&w);
}

static const char *text_of(struct world *w, int i, const char *sql)
{
	static char buf[256];
	sqlite3_stmt *st = NULL;

	buf[0] = 0;
	if (sqlite3_prepare_v2(db_handle(w->db[i]), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* Two households entered with one code: the survivor keeps B's notes
 * (typed there only) and A's phone; B's phone is a reported conflict, kept
 * in the join's audit row as lost. */
static void test_join_keeps_what_was_typed(void **state)
{
	struct world w;
	struct merge_report r;
	struct household h = {.grid_id = -1};
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	household(w.db[0], "5-1-101", "13800000005");
	h.code = "5-1-101";
	h.phone = "13900000005";
	h.notes = "门口有狗";
	assert_int_equal(db_household_insert(w.db[1], &h, &e), 0);
	assert_int_equal(world_merge(&w, 0, 1, &r), 0);
	assert_int_equal(r.njoins, 1);
	assert_int_equal(r.nconflicts, 1);
	assert_int_equal(r.tables[2].c.conflicts, 1);
	merge_report_free(&r);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	assert_true(world_same(&w, 0, 1));
	for (int i = 0; i < 2; i++) {
		assert_int_equal(world_count(&w, i,
					     "SELECT count(*) FROM households WHERE"
					     " deleted_at IS NULL AND notes = '门口有狗'"),
				 1);
		assert_int_equal(world_check(&w, i), 0);
	}
	/* The phone of the survivor is one of the two; the other is lost, in
	 * the audit log. */
	{
		char live[32], lost[32];

		snprintf(live, sizeof live, "%s",
			 text_of(&w, 0, "SELECT phone FROM households WHERE deleted_at IS NULL"));
		snprintf(lost, sizeof lost, "%s",
			 text_of(&w, 0,
				 "SELECT json_extract(changes, '$.lost.phone') FROM audit_log"
				 " WHERE action = 'merge' AND changes LIKE '%joined_into%'"));
		assert_true((!strcmp(live, "13800000005") && !strcmp(lost, "13900000005")) ||
			    (!strcmp(live, "13900000005") && !strcmp(lost, "13800000005")));
	}
	world_close(&w);
}

/* Both machines start an isolation of one resident, each with a morning
 * check of another temperature: one isolation survives (the other's kind
 * and site are lost values in the audit log), both checks stay, the slot
 * counts once and is a fever. */
static void test_join_never_drops_a_check(void **state)
{
	struct world w;
	struct daily_stats st;
	struct iso_row row;
	long long hh, res, iso;
	struct err e;
	struct isolation_new home = {0, "home", NULL, "key_area", "2020-02-14", 14, NULL};
	struct isolation_new hotel = {0,  "central", "区隔离酒店", "key_area", "2020-02-14",
				      14, NULL};
	struct isolation_check am = {.date = "2020-02-15",
				     .slot = "AM",
				     .at = "2020-02-15 08:00:00",
				     .temperature = 365,
				     .staff_id = -1};

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	hh = household(w.db[0], "6-1-101", NULL);
	res = resident(w.db[0], hh, "王五", NULL);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	home.resident_id = res;
	iso = db_isolation_start(w.db[0], &home, &e);
	assert_true(iso > 0);
	assert_true(db_isolation_check(w.db[0], iso, &am, NULL, &e) > 0);
	hotel.resident_id = id_of(w.db[1], "residents", "name = '王五'");
	iso = db_isolation_start(w.db[1], &hotel, &e);
	assert_true(iso > 0);
	am.temperature = 378;
	assert_true(db_isolation_check(w.db[1], iso, &am, NULL, &e) > 0);

	/* Which isolation survives the join follows the UUIDs, which are random
	 * here: the site checks central isolations itself on both machines, so
	 * the day's counts do not depend on which one it is. */
	for (int i = 0; i < 2; i++)
		assert_int_equal(db_exec(w.db[i], "UPDATE settings SET checks_central = 1", &e), 0);
	both_ways(&w, NULL);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(world_count(&w, i,
					     "SELECT count(*) FROM isolations"
					     " WHERE deleted_at IS NULL"),
				 1);
		assert_int_equal(world_count(&w, i,
					     "SELECT count(*) FROM checks"
					     " WHERE deleted_at IS NULL"),
				 2);
		assert_int_equal(db_daily_stats(w.db[i], "2020-02-15", &st, &e), 0);
		assert_int_equal(st.checks_am, 1);
		assert_int_equal(st.check_fevers, 1);
		report_stats_clear(&st);
		/* The Isolation tab's row holds both values, and is a fever. */
		assert_int_equal(db_iso_row(w.db[i],
					    world_count(&w, i,
							"SELECT id FROM isolations WHERE deleted_at IS NULL"),
					    &row, &e),
				 1);
		assert_int_equal(row.am, 378);
		assert_int_equal(row.am2, 365);
		assert_int_equal(row.pm2, ISO_CHECK_NONE);
		assert_true(row.flags & ISO_FEVER);
		db_iso_row_clear(&row);
	}
	assert_int_equal(world_count(&w, 0,
				     "SELECT count(*) FROM audit_log WHERE action = 'merge'"
				     " AND json_extract(changes, '$.lost.kind') IS NOT NULL"),
			 1);
	world_close(&w);
}

/* Two visits of one household at the same minute, one on each machine:
 * both machines show the same latest visit (ties by UUID). */
static void test_ties_by_uuid(void **state)
{
	struct world w;
	struct visit_status vs[2];
	long long hh, res;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	hh = household(w.db[0], "7-1-101", NULL);
	res = resident(w.db[0], hh, "赵六", NULL);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	visit(w.db[0], hh, res, 372, "2020-02-15 10:00:00");
	visit(w.db[1], id_of(w.db[1], "households", "code = '7-1-101'"),
	      id_of(w.db[1], "residents", "name = '赵六'"), 361, "2020-02-15 10:00:00");
	both_ways(&w, NULL);
	for (int i = 0; i < 2; i++)
		assert_int_equal(db_visit_status(w.db[i],
						 id_of(w.db[i], "households", "code = '7-1-101'"),
						 "2020-02-15", 373, &vs[i], &e),
				 1);
	assert_int_equal(vs[0].max_temperature, vs[1].max_temperature);
	world_close(&w);
}

static void count_warning(const char *w, void *ctx)
{
	(void)w;
	++*(int *)ctx;
}

static int first_open(const struct conflict *c, void *ctx)
{
	*(long long *)ctx = c->id;
	return 1;
}

/* A voids a donation of 50 boxes while B gives 30 of them out: the merge
 * stores an open conflict (the same record on both machines), `check`
 * passes with a warning, and settling it (undo the void) clears it. */
static void test_stock_below_zero_is_an_open_conflict(void **state)
{
	struct world w;
	struct merge_report r;
	struct donation_new d = {0};
	struct distribution_new out = {"口罩", "箱",	   3000,	 "other", -1,
				       -1,     "东门卡点", "2020-02-15", -1,	  NULL};
	long long don, cid = -1;
	int warnings = 0;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	d.received_date = "2020-02-14";
	d.anonymous = 1;
	d.kind = "goods";
	d.item = "口罩";
	d.quantity = 5000;
	d.unit = "箱";
	d.value_fen = -1;
	d.received_by = -1;
	don = db_donation_insert(w.db[0], &d, NULL, &e);
	assert_true(don > 0);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	setenv("DOORSTEP_NOW", "2020-02-15 10:00:00", 1);
	assert_int_equal(db_donation_void(w.db[0], don, "重复登记", &e), 0);
	assert_true(db_distribution_insert(w.db[1], &out, &e) > 0);

	assert_int_equal(world_merge(&w, 0, 1, &r), 0);
	assert_int_equal(r.nopen, 1);
	assert_string_equal(r.open[0].label, "口罩|箱");
	merge_report_free(&r);
	assert_int_equal(world_merge(&w, 1, 0, &r), 0);
	merge_report_free(&r);
	assert_true(world_same(&w, 0, 1));
	for (int i = 0; i < 2; i++) {
		assert_int_equal(world_count(&w, i, "SELECT count(*) FROM conflicts"), 1);
		assert_int_equal(world_check(&w, i), 0);
	}
	assert_int_equal(db_consistency_warnings(w.db[1], count_warning, &warnings, &e), 1);

	/* Settled on B: accepting needs a note; undoing the void repairs it. */
	assert_int_equal(db_conflicts_open(w.db[1], first_open, &cid, &e), 1);
	assert_int_equal(db_conflict_settle(w.db[1], cid, CONFLICT_ACCEPT, "", &e), -1);
	assert_string_equal(e.field, "note");
	assert_int_equal(db_conflict_settle(w.db[1], cid, CONFLICT_UNDO_VOID, NULL, &e), 0);
	assert_int_equal(db_conflict_settle(w.db[1], cid, CONFLICT_UNDO_VOID, NULL, &e), -1);
	assert_int_equal(world_count(&w, 1, "SELECT count(*) FROM stock_below_zero"), 0);
	assert_int_equal(world_merge(&w, 0, 1, NULL), 0);
	assert_true(world_same(&w, 0, 1));
	warnings = 0;
	assert_int_equal(db_consistency_warnings(w.db[0], count_warning, &warnings, &e), 0);
	assert_int_equal(world_count(&w, 0,
				     "SELECT count(*) FROM donations WHERE"
				     " void_reason IS NULL"),
			 1);
	assert_int_equal(world_check(&w, 0), 0);
	world_close(&w);
}

/* Settling by recording the goods returned, or by accepting with a note. */
static void test_stock_conflict_settled_otherwise(void **state)
{
	struct world w;
	struct donation_new d = {0};
	struct distribution_new out = {"酒精", "瓶",   1000,	     "other", -1,
				       -1,     "西门", "2020-02-15", -1,      NULL};
	long long don, cid = -1;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	d.received_date = "2020-02-14";
	d.anonymous = 1;
	d.kind = "goods";
	d.item = "酒精";
	d.quantity = 2000;
	d.unit = "瓶";
	d.value_fen = -1;
	d.received_by = -1;
	don = db_donation_insert(w.db[0], &d, NULL, &e);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	assert_int_equal(db_donation_void(w.db[0], don, "错录", &e), 0);
	assert_true(db_distribution_insert(w.db[1], &out, &e) > 0);
	assert_int_equal(world_merge(&w, 0, 1, NULL), 0);
	assert_int_equal(db_conflicts_open(w.db[0], first_open, &cid, &e), 1);
	assert_int_equal(db_conflict_settle(w.db[0], cid, CONFLICT_RETURNED, NULL, &e), 0);
	assert_int_equal(world_count(&w, 0, "SELECT count(*) FROM stock_below_zero"), 0);
	assert_int_equal(world_count(&w, 0,
				     "SELECT count(*) FROM audit_log WHERE"
				     " table_name = 'conflicts' AND action = 'update'"),
			 1);
	assert_int_equal(world_check(&w, 0), 0);
	world_close(&w);
}

/* A revokes a pass while B lets the household out with it: the merge
 * stores a conflict (check passes, with a warning), which is settled by
 * restoring the pass, or, when the household holds a new pass meanwhile,
 * only by accepting with a note. */
static void test_pass_used_while_revoked_is_an_open_conflict(void **state)
{
	struct world w;
	struct merge_report r;
	struct pass p, q;
	long long hh, cid = -1;
	int warnings = 0;
	char *where;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	hh = household(w.db[0], "3-1-101", "13800000000");
	assert_int_equal(db_pass_issue(w.db[0], hh, NULL, NULL, &p, &e), 0);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	setenv("DOORSTEP_NOW", "2020-02-15 10:00:00", 1);
	assert_int_equal(db_pass_revoke(w.db[0], p.id, "遗失", &e), 0);
	setenv("DOORSTEP_NOW", "2020-02-15 10:30:00", 1);
	assert_int_equal(db_gate_record(w.db[1], id_of(w.db[1], "passes", "deleted_at IS NULL"), -1,
					-1, "out", -1, NULL, &e),
			 0);

	assert_int_equal(world_merge(&w, 0, 1, &r), 0);
	assert_int_equal(r.nopen, 1);
	assert_string_equal(r.open[0].label, p.pass_no);
	merge_report_free(&r);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	assert_true(world_same(&w, 0, 1));
	for (int i = 0; i < 2; i++) {
		assert_int_equal(
		    world_count(&w, i, "SELECT count(*) FROM conflicts WHERE kind = 'pass'"), 1);
		assert_int_equal(world_check(&w, i), 0);
	}
	assert_int_equal(db_consistency_warnings(w.db[1], count_warning, &warnings, &e), 1);

	/* Settled on B by restoring the pass (a stock action does not fit). */
	assert_int_equal(db_conflicts_open(w.db[1], first_open, &cid, &e), 1);
	assert_int_equal(db_conflict_settle(w.db[1], cid, CONFLICT_UNDO_VOID, NULL, &e), -1);
	assert_int_equal(db_conflict_settle(w.db[1], cid, CONFLICT_UNREVOKE, NULL, &e), 0);
	assert_int_equal(world_count(&w, 1, "SELECT count(*) FROM passes WHERE revoked_at IS NULL"),
			 1);
	assert_int_equal(world_count(&w, 1,
				     "SELECT count(*) FROM audit_log WHERE table_name ="
				     " 'passes' AND action = 'update' AND changes LIKE"
				     " '%revoked_at%'"),
			 1);
	assert_int_equal(world_merge(&w, 0, 1, NULL), 0);
	assert_true(world_same(&w, 0, 1));
	warnings = 0;
	assert_int_equal(db_consistency_warnings(w.db[0], count_warning, &warnings, &e), 0);
	assert_int_equal(world_check(&w, 0), 0);

	/* Again, but A issues the household a new pass after revoking: restoring
	 * would give it two, so only accepting settles it. */
	setenv("DOORSTEP_NOW", "2020-02-16 09:00:00", 1);
	assert_int_equal(db_pass_revoke(w.db[0], p.id, "再次遗失", &e), 0);
	assert_int_equal(db_pass_issue(w.db[0], hh, NULL, NULL, &q, &e), 0);
	setenv("DOORSTEP_NOW", "2020-02-18 09:30:00", 1);
	where = xasprintf("pass_no = '%s'", p.pass_no);
	assert_int_equal(
	    db_gate_record(w.db[1], id_of(w.db[1], "passes", where), -1, -1, "out", -1, NULL, &e),
	    0);
	free(where);
	assert_int_equal(world_merge(&w, 0, 1, &r), 0);
	assert_int_equal(r.nopen, 1);
	merge_report_free(&r);
	cid = -1;
	assert_int_equal(db_conflicts_open(w.db[0], first_open, &cid, &e), 1);
	assert_int_equal(db_conflict_settle(w.db[0], cid, CONFLICT_UNREVOKE, NULL, &e), -1);
	assert_non_null(strstr(e.msg, q.pass_no));
	assert_int_equal(db_conflict_settle(w.db[0], cid, CONFLICT_ACCEPT, "已核实，当日外出", &e),
			 0);
	assert_int_equal(world_check(&w, 0), 0);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	assert_true(world_same(&w, 0, 1));
	assert_int_equal(world_check(&w, 1), 0);
	db_pass_clear(&p);
	db_pass_clear(&q);
	world_close(&w);
}

/* New audit rows name other records by UUID, the same on every machine. */
static void test_audit_refers_by_uuid(void **state)
{
	struct world w;
	long long hh;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	hh = household(w.db[0], "8-1-101", NULL);
	resident(w.db[0], hh, "钱七", NULL);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	for (int i = 0; i < 2; i++)
		assert_int_equal(
		    world_count(&w, i,
				"SELECT count(*) FROM audit_log a JOIN residents r"
				" ON r.uuid = a.record_uuid JOIN households h"
				" ON h.id = r.household_id WHERE a.action = 'insert'"
				" AND json_extract(a.changes, '$.household_id') = h.uuid"),
		    1);
	world_close(&w);
}

/* check reads each value against the record rules: a date that is not one
 * is an invalid record. */
static void test_check_finds_invalid_values(void **state)
{
	struct world w;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 1);
	resident(w.db[0], household(w.db[0], "9-9-101", NULL), "孙八", "11010519491231002X");
	assert_int_equal(world_check(&w, 0), 0);
	assert_int_equal(db_exec(w.db[0], "UPDATE residents SET birth_date = '1949-02-30'", &e), 0);
	assert_int_equal(world_check(&w, 0), 1);
	assert_int_equal(db_exec(w.db[0],
				 "UPDATE residents SET birth_date = NULL,"
				 " id_number = '110105194912310021'",
				 &e),
			 0);
	assert_int_equal(world_check(&w, 0), 1);
	world_close(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_added_within_deleted_brings_parent_back),
	    cmocka_unit_test(test_edit_of_deleted_brings_its_residents_back),
	    cmocka_unit_test(test_old_visits_bring_nothing_back),
	    cmocka_unit_test(test_reveal_is_not_a_change),
	    cmocka_unit_test(test_join_keeps_what_was_typed),
	    cmocka_unit_test(test_join_never_drops_a_check),
	    cmocka_unit_test(test_ties_by_uuid),
	    cmocka_unit_test(test_stock_below_zero_is_an_open_conflict),
	    cmocka_unit_test(test_stock_conflict_settled_otherwise),
	    cmocka_unit_test(test_pass_used_while_revoked_is_an_open_conflict),
	    cmocka_unit_test(test_audit_refers_by_uuid),
	    cmocka_unit_test(test_check_finds_invalid_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
