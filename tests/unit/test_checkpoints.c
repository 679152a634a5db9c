/* Unit tests of db/checkpoints on an in-memory database: checkpoints and
 * shifts with their audit rows, copying a roster forward, gaps (unstaffed
 * and uncovered hours, across midnight) and double-booked people. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "core/settings.h"
#include "db/checkpoints.h"
#include "db/duty_roster.h"
#include "db/db.h"
#include "db/demo.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/staff.h"
#include "dbfix.h"

struct fx {
	struct db *db;
	long long east, west; /* checkpoints */
	long long zhang, li;  /* staff */
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct checkpoint c;
	struct err e;

	setenv("DOORSTEP_NOW", "2020-02-10 09:30:00", 1);
	err_clear(&e);
	f->db = dbfix_open("幸福里社区");
	db_checkpoint_init(&c);
	xstrset(&c.name, "东门卡点");
	assert_int_equal(db_checkpoint_insert(f->db, &c, &e), 0);
	f->east = c.id;
	db_checkpoint_clear(&c);
	db_checkpoint_init(&c);
	xstrset(&c.name, "西门卡点");
	strcpy(c.kind, "road");
	assert_int_equal(db_checkpoint_insert(f->db, &c, &e), 0);
	f->west = c.id;
	db_checkpoint_clear(&c);
	f->zhang = db_staff_ensure(f->db, "张伟", "grid_worker", &e);
	f->li = db_staff_ensure(f->db, "李娜", "volunteer", &e);
	assert_true(f->zhang > 0 && f->li > 0);
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

static long long add(struct fx *f, long long cp, const char *date, const char *a, const char *b,
		     long long staff)
{
	struct shift s;
	struct err e;
	long long id;

	err_clear(&e);
	db_shift_init(&s);
	s.checkpoint_id = cp;
	strcpy(s.date, date);
	strcpy(s.start_time, a);
	strcpy(s.end_time, b);
	s.staff_id = staff;
	if (db_shift_insert(f->db, &s, &e) < 0)
		fail_msg("shift %s %s-%s: %s", date, a, b, e.msg);
	id = s.id;
	db_shift_clear(&s);
	return id;
}

static struct date d(const char *s)
{
	struct date out;

	assert_int_equal(date_parse_iso(s, &out, NULL), 0);
	return out;
}

static void test_checkpoint_crud(void **state)
{
	struct fx *f = *state;
	struct checkpoint c, got;
	struct err e;

	err_clear(&e);
	db_checkpoint_init(&c);
	xstrset(&c.name, "东门卡点");
	assert_int_equal(db_checkpoint_insert(f->db, &c, &e), -1);
	assert_string_equal(e.field, "name");
	db_checkpoint_clear(&c);
	db_checkpoint_init(&c);
	assert_int_equal(db_checkpoint_insert(f->db, &c, &e), -1);
	xstrset(&c.name, "南门");
	strcpy(c.kind, "tower");
	assert_int_equal(db_checkpoint_insert(f->db, &c, &e), -1);
	assert_string_equal(e.field, "kind");

	assert_int_equal(db_checkpoint_get(f->db, f->west, &got, &e), 1);
	assert_string_equal(got.kind, "road");
	xstrset(&got.location, "西门外路口");
	assert_int_equal(db_checkpoint_update(f->db, &got, &e), 1);
	assert_int_equal(db_checkpoint_update(f->db, &got, &e), 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name ="
				      " 'checkpoints' AND action = 'update' AND changes LIKE"
				      " '%西门外路口%'"),
			 1);
	db_checkpoint_clear(&got);
	assert_int_equal(db_checkpoint_find(f->db, "西门卡点", &got, &e), 1);
	assert_string_equal(got.location, "西门外路口");
	assert_int_equal(db_checkpoint_delete(f->db, f->west, &e), 1);
	assert_int_equal(db_checkpoint_get(f->db, f->west, &got, &e), 0);
	db_checkpoint_clear(&c);
	db_checkpoint_clear(&got);
}

static void test_shift_checks(void **state)
{
	struct fx *f = *state;
	struct shift s, got;
	struct err e;
	long long id;

	err_clear(&e);
	db_shift_init(&s);
	s.checkpoint_id = f->east;
	strcpy(s.date, "2020-02-10");
	strcpy(s.start_time, "8:00");
	strcpy(s.end_time, "16:00");
	assert_int_equal(db_shift_insert(f->db, &s, &e), -1);
	assert_string_equal(e.field, "start_time");
	strcpy(s.start_time, "16:00");
	assert_int_equal(db_shift_insert(f->db, &s, &e), -1);
	assert_string_equal(e.field, "end_time");
	strcpy(s.start_time, "08:00");
	strcpy(s.date, "2020-02-30");
	assert_int_equal(db_shift_insert(f->db, &s, &e), -1);
	assert_string_equal(e.field, "date");
	strcpy(s.date, "2020-02-10");
	s.checkpoint_id = 999;
	assert_int_equal(db_shift_insert(f->db, &s, &e), -1);
	assert_string_equal(e.field, "checkpoint");

	id = add(f, f->east, "2020-02-10", "08:00", "16:00", f->zhang);
	/* The same person twice on the same shift is refused... */
	db_shift_clear(&s);
	db_shift_init(&s);
	s.checkpoint_id = f->east;
	strcpy(s.date, "2020-02-10");
	strcpy(s.start_time, "08:00");
	strcpy(s.end_time, "16:00");
	s.staff_id = f->zhang;
	assert_int_equal(db_shift_insert(f->db, &s, &e), -1);
	assert_string_equal(e.field, "staff");
	/* ...a second person is welcome. */
	s.staff_id = f->li;
	strcpy(s.role, "leader");
	assert_int_equal(db_shift_insert(f->db, &s, &e), 0);

	assert_int_equal(db_shift_get(f->db, id, &got, &e), 1);
	assert_string_equal(got.staff_name, "张伟");
	assert_string_equal(got.checkpoint_name, "东门卡点");
	assert_int_equal(got.present, -1);
	assert_int_equal(db_shift_set_present(f->db, id, 1, &e), 1);
	assert_int_equal(db_shift_set_present(f->db, id, 1, &e), 0);
	db_shift_clear(&got);
	assert_int_equal(db_shift_get(f->db, id, &got, &e), 1);
	assert_int_equal(got.present, 1);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name = 'shifts'"),
			 3);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name = 'shifts'"
				      " AND action = 'update' AND changes LIKE '%present%'"),
			 1);
	assert_int_equal(db_shift_delete(f->db, id, &e), 1);
	assert_int_equal(db_shift_get(f->db, id, &got, &e), 0);
	db_shift_clear(&s);
	db_shift_clear(&got);
}

struct collect {
	int n;
	char line[32][80];
};

static int collect_shift(const struct shift *s, void *ctx)
{
	struct collect *c = ctx;

	if (c->n < 32)
		snprintf(c->line[c->n++], 80, "%s %s %s %s", s->date, s->start_time, s->role,
			 s->staff_name);
	return 0;
}

/* A week of day (08:00-20:00) and night (20:00-08:00) shifts at the east
 * gate, from Monday 2020-02-03. */
static void plan_week(struct fx *f)
{
	char date[DATE_STR];

	for (int i = 0; i < 7; i++) {
		struct date day = date_add(&(struct date){2020, 2, 3}, i);

		date_format(&day, date);
		add(f, f->east, date, "08:00", "20:00", f->zhang);
		add(f, f->east, date, "20:00", "08:00", f->li);
	}
}

static void test_copy_forward(void **state)
{
	struct fx *f = *state;
	struct date mon = d("2020-02-03"), next = d("2020-02-10");
	struct collect c = {0};
	struct err e;

	err_clear(&e);
	plan_week(f);
	assert_int_equal(db_shift_copy(f->db, &mon, 7, 7, -1, &e), 14);
	assert_int_equal(db_shift_copy(f->db, &mon, 7, 7, -1, &e), 0);
	assert_int_equal(db_shift_each(f->db, &next, 7, -1, collect_shift, &c, &e), 0);
	assert_int_equal(c.n, 14);
	assert_string_equal(c.line[0], "2020-02-10 08:00 member 张伟");
	assert_string_equal(c.line[13], "2020-02-16 20:00 member 李娜");
	/* One day forward, one checkpoint. */
	assert_int_equal(db_shift_copy(f->db, &(struct date){2020, 2, 16}, 1, 1, f->east, &e), 2);
	assert_int_equal(count(f->db, "SELECT count(*) FROM shifts WHERE date = '2020-02-17'"
				      " AND present IS NULL AND deleted_at IS NULL"),
			 2);
}

static void test_gaps(void **state)
{
	struct fx *f = *state;
	struct date mon = d("2020-02-03"), next = d("2020-02-10");
	struct roster_gap *g = NULL;
	struct shift s;
	struct err e;
	size_t n;
	long long wed_night, thu_day;

	err_clear(&e);
	plan_week(f);
	/* The first Monday's small hours: no Sunday night shift before it. */
	assert_int_equal(db_roster_gaps(f->db, &mon, 7, &g, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(g[0].date, "2020-02-03");
	assert_string_equal(g[0].from, "00:00");
	assert_string_equal(g[0].to, "08:00");
	db_roster_gaps_free(g, n);
	assert_int_equal(db_shift_copy(f->db, &mon, 7, 7, -1, &e), 14);
	assert_int_equal(db_roster_gaps(f->db, &next, 7, &g, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_null(g);

	/* Wednesday night taken off: the evening and the early morning after. */
	wed_night = sql_scalar(f->db,
			       "SELECT id FROM shifts WHERE date = '2020-02-12'"
			       " AND start_time = '20:00'",
			       NULL);
	assert_int_equal(db_shift_delete(f->db, wed_night, &e), 1);
	/* Thursday's day shift has nobody now. */
	thu_day = sql_scalar(f->db,
			     "SELECT id FROM shifts WHERE date = '2020-02-13'"
			     " AND start_time = '08:00'",
			     NULL);
	assert_int_equal(db_shift_get(f->db, thu_day, &s, &e), 1);
	s.staff_id = -1;
	assert_int_equal(db_shift_update(f->db, &s, &e), 1);
	db_shift_clear(&s);
	/* Friday's day person did not turn up. */
	assert_int_equal(db_shift_set_present(f->db,
					      sql_scalar(f->db,
							 "SELECT id FROM shifts WHERE date ="
							 " '2020-02-14' AND start_time = '08:00'",
							 NULL),
					      0, &e),
			 1);

	assert_int_equal(db_roster_gaps(f->db, &next, 7, &g, &n, &e), 0);
	assert_int_equal(n, 4);
	assert_string_equal(g[0].date, "2020-02-12");
	assert_string_equal(g[0].checkpoint_name, "东门卡点");
	assert_string_equal(g[0].from, "20:00");
	assert_string_equal(g[0].to, "24:00");
	assert_int_equal(g[0].kind, ROSTER_GAP_UNCOVERED);
	assert_string_equal(g[1].date, "2020-02-13");
	assert_string_equal(g[1].from, "00:00");
	assert_string_equal(g[1].to, "08:00");
	assert_int_equal(g[1].kind, ROSTER_GAP_UNCOVERED);
	assert_string_equal(g[2].date, "2020-02-13");
	assert_string_equal(g[2].from, "08:00");
	assert_string_equal(g[2].to, "20:00");
	assert_int_equal(g[2].kind, ROSTER_GAP_UNSTAFFED);
	assert_string_equal(g[3].date, "2020-02-14");
	assert_string_equal(g[3].from, "08:00");
	assert_string_equal(g[3].to, "20:00");
	assert_int_equal(g[3].kind, ROSTER_GAP_ABSENT);
	db_roster_gaps_free(g, n);

	/* A checkpoint never rostered has no usual hours, so no gaps; the
	 * west gate's one shift makes its hours usual for the whole span. */
	add(f, f->west, "2020-02-15", "09:00", "11:00", f->zhang);
	assert_int_equal(db_roster_gaps(f->db, &next, 7, &g, &n, &e), 0);
	assert_int_equal(n, 4 + 6);
	db_roster_gaps_free(g, n);
}

static void test_double_booking(void **state)
{
	struct fx *f = *state;
	struct date mon = d("2020-02-10");
	struct roster_clash *c = NULL;
	struct err e;
	size_t n;
	long long day, evening;

	err_clear(&e);
	day = add(f, f->east, "2020-02-10", "08:00", "20:00", f->zhang);
	/* Touching shifts are fine: 20:00 to 08:00, then 08:00 again. */
	add(f, f->east, "2020-02-10", "20:00", "08:00", f->li);
	add(f, f->east, "2020-02-11", "08:00", "20:00", f->li);
	assert_int_equal(db_roster_clashes(f->db, &mon, 7, &c, &n, &e), 0);
	assert_int_equal(n, 0);
	/* Zhang also at the west gate in the evening: overlaps 19:00-20:00. */
	evening = add(f, f->west, "2020-02-10", "19:00", "23:00", f->zhang);
	/* Li's night runs to 08:00 Tuesday; a west shift at 07:00 clashes. */
	add(f, f->west, "2020-02-11", "07:00", "09:00", f->li);
	assert_int_equal(db_roster_clashes(f->db, &mon, 7, &c, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(c[0].staff_id, f->zhang);
	assert_string_equal(c[0].staff_name, "张伟");
	assert_int_equal(c[0].shift_a, day);
	assert_int_equal(c[0].shift_b, evening);
	assert_string_equal(c[0].checkpoint_b, "西门卡点");
	assert_string_equal(c[0].hours_b, "19:00-23:00");
	assert_int_equal(c[1].staff_id, f->li);
	assert_string_equal(c[1].hours_a, "20:00-08:00");
	assert_string_equal(c[1].date_b, "2020-02-11");
	assert_string_equal(c[1].hours_b, "07:00-09:00");
	/* and the same 07:00 west shift against Li's Tuesday day shift. */
	assert_string_equal(c[2].hours_a, "07:00-09:00");
	assert_string_equal(c[2].hours_b, "08:00-20:00");
	db_roster_clashes_free(c, n);
	/* The week before sees none of it. */
	assert_int_equal(db_roster_clashes(f->db, &(struct date){2020, 2, 3}, 7, &c, &n, &e), 0);
	assert_int_equal(n, 0);
}

/* The demo's week of shifts (db/demo.c) holds the two gaps and the one
 * double booking it was built with, and no other. */
static void test_demo_roster(void **state)
{
	struct demo_params p = {.households = 120, .days = 10, .seed = 5};
	struct demo_summary sum;
	struct roster_gap *gaps = NULL;
	struct roster_clash *clashes = NULL;
	struct date from = {2020, 2, 12}, before = {2020, 2, 14}, after = {2020, 2, 16};
	size_t ng = 0, nc = 0;
	struct db *db;
	struct err e;
	int absent = 0, unstaffed = 0;

	(void)state;
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	err_clear(&e);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	assert_int_equal(db_demo_generate(db, &p, &sum, &e), 0);
	assert_int_equal(sum.checkpoints, 2);
	assert_int_equal(sum.passes, 120 + count(db, "SELECT count(*) FROM passes WHERE revoked_at"
						     " IS NOT NULL"));
	assert_true(sum.pass_events > 0);
	assert_int_equal(db_roster_gaps(db, &from, 7, &gaps, &ng, &e), 0);
	for (size_t i = 0; i < ng; i++) {
		struct date d;

		assert_int_equal(date_parse_iso(gaps[i].date, &d, NULL), 0);
		absent += gaps[i].kind == ROSTER_GAP_ABSENT && !date_cmp(&d, &before) &&
			  !strcmp(gaps[i].from, "07:00") && !strcmp(gaps[i].to, "14:00");
		unstaffed += gaps[i].kind == ROSTER_GAP_UNSTAFFED && !date_cmp(&d, &after) &&
			     !strcmp(gaps[i].from, "14:00") && !strcmp(gaps[i].to, "21:00");
	}
	assert_int_equal(ng, 2);
	assert_int_equal(absent, 1);
	assert_int_equal(unstaffed, 1);
	assert_int_equal(db_roster_clashes(db, &from, 7, &clashes, &nc, &e), 0);
	assert_int_equal(nc, 1);
	assert_string_equal(clashes[0].date_a, "2020-02-15");
	db_roster_gaps_free(gaps, ng);
	db_roster_clashes_free(clashes, nc);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_checkpoint_crud, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_shift_checks, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_copy_forward, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_gaps, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_double_booking, setup, teardown),
	    cmocka_unit_test(test_demo_roster),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
