/* Unit tests of db/passes on an in-memory database: issuing (numbers, one
 * current pass per household, a whole grid), revoking, and the outing rule
 * end to end at the gate: first outing allowed and recorded, the next day
 * refused with the next allowed date, a member in isolation, a revoked and
 * an expired pass, a replacement pass that does not reset the count, and
 * people still out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "core/model.h"
#include "core/settings.h"
#include "db/checkpoints.h"
#include "db/db.h"
#include "db/households.h"
#include "db/gate.h"
#include "db/passes.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/sql.h"
#include "dbfix.h"

struct fx {
	struct db *db;
	long long grid1, grid2;
	long long hh[4];   /* 3-2-501, 3-2-502 (grid 1), 5-1-101, 5-1-102 (grid 2) */
	long long head[4]; /* their heads */
	long long child0;  /* a second member of hh[0] */
	long long gate;	   /* a checkpoint */
};

static void now(const char *ts)
{
	setenv("DOORSTEP_NOW", ts, 1);
}

static long long resident(struct db *db, long long hh, const char *name, const char *rel)
{
	struct resident r;
	struct err e;

	err_clear(&e);
	model_resident_init(&r);
	r.household_id = hh;
	r.name = strdup(name);
	r.relation = strdup(rel);
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	long long id = r.id;
	model_resident_clear(&r);
	return id;
}

static int setup(void **state)
{
	static const char *codes[] = {"3-2-501", "3-2-502", "5-1-101", "5-1-102"};
	static const char *heads[] = {"王建国", "刘芳", "陈明", "赵丽"};
	struct fx *f = calloc(1, sizeof *f);
	struct checkpoint c;
	struct err e;

	now("2020-02-15 09:30:00");
	err_clear(&e);
	f->db = dbfix_open("幸福里社区");
	f->grid1 = db_grid_ensure(f->db, "第一网格", &e);
	f->grid2 = db_grid_ensure(f->db, "第二网格", &e);
	for (int i = 0; i < 4; i++) {
		struct household h;

		model_household_init(&h);
		h.code = strdup(codes[i]);
		h.grid_id = i < 2 ? f->grid1 : f->grid2;
		assert_int_equal(db_household_insert(f->db, &h, &e), 0);
		f->hh[i] = h.id;
		model_household_clear(&h);
		f->head[i] = resident(f->db, f->hh[i], heads[i], "head");
	}
	f->child0 = resident(f->db, f->hh[0], "王小明", "child");
	db_checkpoint_init(&c);
	xstrset(&c.name, "东门卡点");
	assert_int_equal(db_checkpoint_insert(f->db, &c, &e), 0);
	f->gate = c.id;
	db_checkpoint_clear(&c);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	db_close(&f->db);
	free(f);
	return 0;
}

static long long count(struct db *db, const char *sql)
{
	return sql_scalar(db, sql, NULL);
}

static void issue(struct fx *f, int i, const char *until, struct pass *p)
{
	struct err e;

	err_clear(&e);
	if (db_pass_issue(f->db, f->hh[i], until, NULL, p, &e) < 0)
		fail_msg("issue: %s", e.msg);
}

static void test_issue_numbers(void **state)
{
	struct fx *f = *state;
	struct pass p, q;
	struct err e;
	long issued, skipped;
	char no[PASSNO_STR];

	err_clear(&e);
	issue(f, 0, "2020-03-15", &p);
	assert_string_equal(p.household_code, "3-2-501");
	assert_string_equal(p.head_name, "王建国");
	assert_string_equal(p.grid_name, "第一网格");
	assert_string_equal(p.issued_date, "2020-02-15");
	assert_string_equal(p.valid_until, "2020-03-15");
	assert_int_equal(passno_make('A', 1, no, NULL), 0);
	assert_string_equal(p.pass_no, no);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name = 'passes'"
				      " AND action = 'insert'"),
			 1);

	/* One current pass per household. */
	assert_int_equal(db_pass_issue(f->db, f->hh[0], NULL, NULL, &q, &e), -1);
	assert_non_null(strstr(e.msg, no));
	assert_int_equal(db_pass_issue(f->db, f->hh[1], "2020-02-14", NULL, &q, &e), -1);
	assert_string_equal(e.field, "valid_until");

	/* A grid: the household that has one is skipped. */
	assert_int_equal(db_pass_issue_grid(f->db, f->grid1, NULL, &issued, &skipped, &e), 0);
	assert_int_equal(issued, 1);
	assert_int_equal(skipped, 1);
	assert_int_equal(db_pass_current(f->db, f->hh[1], &q, &e), 1);
	assert_int_equal(passno_seq(q.pass_no), 2);
	assert_string_equal(q.valid_until, "");
	/* The whole community. */
	assert_int_equal(db_pass_issue_grid(f->db, -1, "2020-03-31", &issued, &skipped, &e), 0);
	assert_int_equal(issued, 2);
	assert_int_equal(skipped, 2);

	/* Revoked: a reason is required, the number is never reused. */
	assert_int_equal(db_pass_revoke(f->db, p.id, "", &e), -1);
	assert_string_equal(e.field, "revoke_reason");
	assert_int_equal(db_pass_revoke(f->db, p.id, "丢失", &e), 0);
	assert_int_equal(db_pass_revoke(f->db, p.id, "丢失", &e), -1);
	assert_non_null(strstr(e.msg, "already revoked"));
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name = 'passes'"
				      " AND action = 'void' AND changes LIKE '%丢失%'"),
			 1);
	db_pass_clear(&q);
	assert_int_equal(db_pass_current(f->db, f->hh[0], &q, &e), 0);
	issue(f, 0, NULL, &q);
	assert_int_equal(passno_seq(q.pass_no), 5);

	/* Station B numbers its own passes from 1. */
	{
		struct settings s;

		assert_int_equal(db_settings_get(f->db, &s, &e), 1);
		s.station = 'B';
		assert_int_equal(db_settings_put(f->db, &s, &e), 0);
		settings_clear(&s);
		assert_int_equal(db_pass_revoke(f->db, q.id, "换证", &e), 0);
		db_pass_clear(&q);
		issue(f, 0, NULL, &q);
		assert_int_equal(passno_make('B', 1, no, NULL), 0);
		assert_string_equal(q.pass_no, no);
	}
	assert_int_equal(db_pass_set_valid_until(f->db, q.id, "2020-04-01", &e), 1);
	assert_int_equal(db_pass_set_valid_until(f->db, q.id, "2020-04-01", &e), 0);
	db_pass_clear(&p);
	db_pass_clear(&q);
}

static void lookup(struct fx *f, const char *no, struct gate_info *g)
{
	struct err e;

	err_clear(&e);
	if (db_gate_lookup(f->db, no, g, &e) != 1)
		fail_msg("lookup %s: %s", no, e.msg);
}

static void test_outing_rule(void **state)
{
	struct fx *f = *state;
	struct gate_info g;
	struct outing_verdict v;
	struct pass p;
	struct err e;
	char typed[32];

	err_clear(&e);
	issue(f, 0, NULL, &p);
	/* Scanned with spaces, as a person might type it. */
	snprintf(typed, sizeof typed, "%.4s %.4s", p.pass_no, p.pass_no + 4);
	lookup(f, typed, &g);
	assert_string_equal(g.pass.household_code, "3-2-501");
	assert_int_equal(g.n_members, 2);
	assert_string_equal(g.members[0].name, "王建国");
	assert_int_equal(g.n_isolated, 0);
	assert_int_equal(g.outing_days, 2);
	assert_true(g.verdict.allowed);
	assert_int_equal(g.verdict.reason, OUTING_FIRST);
	assert_int_equal(g.n_last, 0);
	db_gate_info_clear(&g);

	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "out", f->child0, &v, &e), 0);
	assert_true(v.allowed);
	assert_int_equal(count(f->db, "SELECT count(*) FROM pass_events WHERE direction = 'out'"
				      " AND at = '2020-02-15 09:30:00' AND resident_id IS NOT NULL"
				      " AND staff_id IS NOT NULL"),
			 1);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name ="
				      " 'pass_events'"),
			 1);

	/* A second member the same day: refused, with the dates. */
	now("2020-02-15 10:00:00");
	lookup(f, p.pass_no, &g);
	assert_false(g.verdict.allowed);
	assert_int_equal(g.verdict.reason, OUTING_TOO_SOON);
	assert_true(g.out_now);
	assert_string_equal(g.out_since, "2020-02-15 09:30:00");
	assert_int_equal(g.n_last, 1);
	assert_string_equal(g.last[0].resident, "王小明");
	assert_string_equal(g.last[0].checkpoint, "东门卡点");
	assert_string_equal(g.last[0].staff, "测试员");
	db_gate_info_clear(&g);
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "out", -1, &v, &e), -1);
	assert_false(v.allowed);
	assert_non_null(strstr(e.msg, "went out on 2020-02-15"));
	assert_non_null(strstr(e.msg, "next allowed on 2020-02-17"));
	assert_int_equal(count(f->db, "SELECT count(*) FROM pass_events"), 1);

	/* Coming back is always recorded. */
	now("2020-02-15 11:10:00");
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "in", f->child0, NULL, &e), 0);

	/* The next day: refused, next allowed 2020-02-17. */
	now("2020-02-16 08:00:00");
	lookup(f, p.pass_no, &g);
	assert_false(g.verdict.allowed);
	assert_int_equal(g.verdict.reason, OUTING_TOO_SOON);
	assert_int_equal(g.verdict.last.d, 15);
	assert_int_equal(g.verdict.next_allowed.d, 17);
	assert_false(g.out_now);
	assert_int_equal(g.n_last, 2);
	assert_string_equal(g.last[0].direction, "in");
	db_gate_info_clear(&g);

	/* Two days on: allowed again. */
	now("2020-02-17 08:00:00");
	lookup(f, p.pass_no, &g);
	assert_true(g.verdict.allowed);
	assert_int_equal(g.verdict.reason, OUTING_DUE);
	db_gate_info_clear(&g);
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "out", -1, NULL, &e), 0);

	/* A member who is not of this household cannot be recorded. */
	now("2020-02-19 08:00:00");
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "out", f->head[1], NULL, &e), -1);
	assert_string_equal(e.field, "resident");
	db_pass_clear(&p);
}

static void test_replacement_keeps_count(void **state)
{
	struct fx *f = *state;
	struct gate_info g;
	struct pass p, q;
	struct err e;

	err_clear(&e);
	issue(f, 1, NULL, &p);
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "out", -1, NULL, &e), 0);
	assert_int_equal(db_pass_revoke(f->db, p.id, "丢失", &e), 0);
	issue(f, 1, NULL, &q);
	now("2020-02-16 09:00:00");
	lookup(f, q.pass_no, &g);
	assert_false(g.verdict.allowed);
	assert_int_equal(g.verdict.reason, OUTING_TOO_SOON);
	assert_int_equal(g.verdict.next_allowed.d, 17);
	db_gate_info_clear(&g);
	db_pass_clear(&p);
	db_pass_clear(&q);
}

static void test_isolation_refused(void **state)
{
	struct fx *f = *state;
	struct gate_info g;
	struct pass p;
	struct err e;
	char sql[512];

	err_clear(&e);
	issue(f, 0, NULL, &p);
	/* The child under home isolation since 02-10 for 14 days. */
	snprintf(sql, sizeof sql,
		 "INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind,"
		 " start_date, days) VALUES('iso-1', '2020-02-10 08:00:00', '2020-02-10 08:00:00',"
		 " %lld, 'home', '2020-02-10', 14)",
		 f->child0);
	assert_int_equal(db_exec(f->db, sql, &e), 0);
	lookup(f, p.pass_no, &g);
	assert_false(g.verdict.allowed);
	assert_int_equal(g.verdict.reason, OUTING_ISOLATION);
	assert_int_equal(g.n_isolated, 1);
	assert_false(g.members[0].isolated);
	assert_true(g.members[1].isolated);
	assert_string_equal(g.members[1].iso_kind, "home");
	assert_string_equal(g.members[1].iso_last_day, "2020-02-23");
	db_gate_info_clear(&g);
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "out", f->head[0], NULL, &e), -1);
	assert_non_null(strstr(e.msg, "isolation"));

	/* Past its planned last day but never ended: still refused. */
	now("2020-02-25 09:00:00");
	lookup(f, p.pass_no, &g);
	assert_int_equal(g.verdict.reason, OUTING_ISOLATION);
	db_gate_info_clear(&g);
	/* Released on the 25th: allowed that day. */
	assert_int_equal(db_exec(f->db,
				 "UPDATE isolations SET end_date = '2020-02-25',"
				 " end_reason = 'completed'",
				 &e),
			 0);
	lookup(f, p.pass_no, &g);
	assert_true(g.verdict.allowed);
	assert_int_equal(g.n_isolated, 0);
	db_gate_info_clear(&g);
	/* An isolation that starts tomorrow does not count yet. */
	snprintf(sql, sizeof sql,
		 "INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind,"
		 " site, start_date, days) VALUES('iso-2', '2020-02-25 08:00:00',"
		 " '2020-02-25 08:00:00', %lld, 'central', '某酒店', '2020-02-26', 14)",
		 f->head[0]);
	assert_int_equal(db_exec(f->db, sql, &e), 0);
	lookup(f, p.pass_no, &g);
	assert_true(g.verdict.allowed);
	db_gate_info_clear(&g);
	now("2020-02-26 09:00:00");
	lookup(f, p.pass_no, &g);
	assert_int_equal(g.verdict.reason, OUTING_ISOLATION);
	assert_string_equal(g.members[0].iso_kind, "central");
	db_gate_info_clear(&g);
	db_pass_clear(&p);
}

static void test_revoked_and_expired(void **state)
{
	struct fx *f = *state;
	struct gate_info g;
	struct pass p, q;
	struct err e;

	err_clear(&e);
	issue(f, 2, NULL, &p);
	assert_int_equal(db_pass_revoke(f->db, p.id, "户主搬离", &e), 0);
	lookup(f, p.pass_no, &g);
	assert_false(g.verdict.allowed);
	assert_int_equal(g.verdict.reason, OUTING_REVOKED);
	assert_string_equal(g.pass.revoke_reason, "户主搬离");
	db_gate_info_clear(&g);
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "out", -1, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "revoked"));

	issue(f, 3, "2020-02-20", &q);
	now("2020-02-20 18:00:00");
	lookup(f, q.pass_no, &g);
	assert_true(g.verdict.allowed);
	db_gate_info_clear(&g);
	now("2020-02-21 07:00:00");
	lookup(f, q.pass_no, &g);
	assert_false(g.verdict.allowed);
	assert_int_equal(g.verdict.reason, OUTING_EXPIRED);
	db_gate_info_clear(&g);
	assert_int_equal(db_gate_record(f->db, q.id, f->gate, -1, "out", -1, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "expired on 2020-02-20"));
	/* Nobody with an expired pass is stuck outside. */
	assert_int_equal(db_gate_record(f->db, q.id, f->gate, -1, "in", -1, NULL, &e), 0);
	assert_int_equal(db_pass_current(f->db, f->hh[3], &q, &e), 0);
	db_pass_clear(&p);
	db_pass_clear(&q);
}

static void test_lookup_errors(void **state)
{
	struct fx *f = *state;
	struct gate_info g;
	struct err e;
	char no[PASSNO_STR];

	err_clear(&e);
	assert_int_equal(db_gate_lookup(f->db, "12345", &g, &e), -1);
	assert_string_equal(e.field, "pass_no");
	db_gate_info_clear(&g);
	assert_int_equal(passno_make('A', 42, no, NULL), 0);
	assert_int_equal(db_gate_lookup(f->db, no, &g, &e), 0);
	db_gate_info_clear(&g);
	no[3] = no[3] == '9' ? '0' : (char)(no[3] + 1);
	assert_int_equal(db_gate_lookup(f->db, no, &g, &e), -1);
	assert_non_null(strstr(e.msg, "check digit"));
	db_gate_info_clear(&g);
}

static void test_still_out(void **state)
{
	struct fx *f = *state;
	struct gate_out *o;
	struct pass p, q;
	struct err e;
	size_t n;
	long outs = -1, ins = -1;

	err_clear(&e);
	issue(f, 0, NULL, &p);
	issue(f, 1, NULL, &q);
	now("2020-02-15 08:00:00");
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "out", f->child0, NULL, &e), 0);
	now("2020-02-15 09:00:00");
	assert_int_equal(db_gate_record(f->db, q.id, f->gate, -1, "out", -1, NULL, &e), 0);
	now("2020-02-15 11:59:00");
	assert_int_equal(db_gate_still_out(f->db, -1, &o, &n, &e), 0);
	assert_int_equal(n, 0);
	now("2020-02-15 12:30:00");
	assert_int_equal(db_gate_still_out(f->db, -1, &o, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(o[0].household_code, "3-2-501");
	assert_string_equal(o[0].resident, "王小明");
	assert_string_equal(o[0].checkpoint, "东门卡点");
	assert_int_equal(o[0].minutes, 270);
	db_gate_outs_free(o, n);
	now("2020-02-15 13:30:00");
	assert_int_equal(db_gate_still_out(f->db, 4, &o, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(o[0].household_code, "3-2-501");
	assert_string_equal(o[1].household_code, "3-2-502");
	db_gate_outs_free(o, n);
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "in", f->child0, NULL, &e), 0);
	assert_int_equal(db_gate_still_out(f->db, 4, &o, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(o[0].household_code, "3-2-502");
	db_gate_outs_free(o, n);
	assert_int_equal(db_gate_day_counts(f->db, &(struct date){2020, 2, 15}, &outs, &ins, &e),
			 0);
	assert_int_equal(outs, 2);
	assert_int_equal(ins, 1);
	/* Three days later nobody is counted out any more. */
	now("2020-02-18 13:30:00");
	assert_int_equal(db_gate_still_out(f->db, 4, &o, &n, &e), 0);
	assert_int_equal(n, 0);
	db_pass_clear(&p);
	db_pass_clear(&q);
}

static void test_page_and_target(void **state)
{
	struct fx *f = *state;
	struct pass page[3] = {0}, more[3] = {0}, back[3] = {0}, last = {0};
	struct err e;
	long long hh, grid;

	err_clear(&e);
	assert_int_equal(db_pass_issue_target(f->db, "5-1-101", &hh, &grid, &e), 1);
	assert_int_equal(hh, f->hh[2]);
	assert_int_equal(db_pass_issue_target(f->db, "第二网格", &hh, &grid, &e), 2);
	assert_int_equal(grid, f->grid2);
	assert_int_equal(db_pass_issue_target(f->db, "*", &hh, &grid, &e), 3);
	assert_int_equal(db_pass_issue_target(f->db, "9-9-999", &hh, &grid, &e), 0);
	assert_non_null(strstr(e.msg, "9-9-999"));

	/* Issued out of order, listed in natural household order. */
	issue(f, 3, NULL, NULL);
	issue(f, 0, NULL, NULL);
	issue(f, 2, NULL, NULL);
	issue(f, 1, NULL, NULL);
	assert_int_equal(db_pass_page(f->db, NULL, 1, 3, page, &e), 3);
	assert_string_equal(page[0].household_code, "3-2-501");
	assert_string_equal(page[1].household_code, "3-2-502");
	assert_string_equal(page[2].household_code, "5-1-101");
	assert_int_equal(db_pass_page(f->db, &page[2], 1, 3, more, &e), 1);
	assert_string_equal(more[0].household_code, "5-1-102");
	assert_int_equal(db_pass_page(f->db, &more[0], -1, 3, back, &e), 3);
	assert_string_equal(back[0].household_code, "5-1-101");
	assert_string_equal(back[2].household_code, "3-2-501");
	assert_int_equal(db_pass_page(f->db, NULL, -1, 1, &last, &e), 1);
	assert_string_equal(last.household_code, "5-1-102");
	for (int i = 0; i < 3; i++) {
		db_pass_clear(&page[i]);
		db_pass_clear(&more[i]);
		db_pass_clear(&back[i]);
	}
	db_pass_clear(&last);
}

/* A fever on this morning's round opens a follow-up; the gate keeps the
 * household in, naming the person and the reading, until it is closed.  A
 * fever taken at the gate refuses the outing and opens a follow-up; a
 * normal temperature is recorded with the outing. */
static void test_fever_followup_and_gate_temperature(void **state)
{
	struct fx *f = *state;
	struct gate_info g;
	struct pass p;
	struct err e;
	char sql[512];

	err_clear(&e);
	issue(f, 0, NULL, &p);
	snprintf(sql, sizeof sql,
		 "INSERT INTO followups(uuid, created_at, updated_at, resident_id, opened_at,"
		 " source, temperature) VALUES('fu-1', '2020-02-15 08:10:00',"
		 " '2020-02-15 08:10:00', %lld, '2020-02-15 08:10:00', 'round', 390)",
		 f->child0);
	assert_int_equal(db_exec(f->db, sql, &e), 0);
	lookup(f, p.pass_no, &g);
	assert_false(g.verdict.allowed);
	assert_int_equal(g.verdict.reason, OUTING_FOLLOWUP);
	assert_string_equal(g.fu_name, "王小明");
	db_gate_info_clear(&g);
	assert_int_equal(db_gate_record(f->db, p.id, f->gate, -1, "out", f->head[0], NULL, &e), -1);
	assert_non_null(strstr(e.msg, "王小明"));
	assert_non_null(strstr(e.msg, "39.0"));
	assert_int_equal(db_exec(f->db, "UPDATE followups SET closed_at = '2020-02-15 09:00:00',"
					" outcome = 'normal'",
				 &e),
			 0);
	/* A fever at the gate: refused, a follow-up opened, no outing stored. */
	assert_int_equal(db_gate_record_temp(f->db, p.id, f->gate, -1, "out", f->head[0], 0, NULL,
					     &e),
			 0); /* no temperature: the plain rule, allowed */
	assert_int_equal(db_exec(f->db, "DELETE FROM pass_events", &e), 0);
	assert_int_equal(db_gate_record_temp(f->db, p.id, f->gate, -1, "out", -1, 385, NULL, &e),
			 -1);
	assert_string_equal(e.field, "resident"); /* whose temperature? */
	assert_int_equal(db_gate_record_temp(f->db, p.id, f->gate, -1, "out", f->head[0], 385,
					     NULL, &e),
			 -1);
	assert_string_equal(e.field, "temperature");
	assert_non_null(strstr(e.msg, "38.5"));
	assert_int_equal(count(f->db, "SELECT count(*) FROM pass_events"), 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM followups WHERE source = 'gate'"
				      " AND temperature = 385 AND closed_at IS NULL"),
			 1);
	lookup(f, p.pass_no, &g);
	assert_int_equal(g.verdict.reason, OUTING_FOLLOWUP);
	db_gate_info_clear(&g);
	db_pass_clear(&p);
	/* Another household, 36.6 at the gate: out, with the reading. */
	issue(f, 2, NULL, &p);
	assert_int_equal(db_gate_record_temp(f->db, p.id, f->gate, -1, "out", f->head[2], 366, NULL,
					     &e),
			 0);
	assert_int_equal(count(f->db, "SELECT temperature FROM pass_events"), 366);
	db_pass_clear(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_issue_numbers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_outing_rule, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_replacement_keeps_count, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_isolation_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_revoked_and_expired, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lookup_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_still_out, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_page_and_target, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_fever_followup_and_gate_temperature, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
