/* Unit tests of the input-time character checks of every record kind: a
 * control, bidi or invisible character typed into any text of a donation, a
 * distribution, an isolation, a checkpoint, a shift, a visit, a pass, a
 * visitor, an expenditure or a follow-up is refused naming the field and the
 * character, and nothing is written (no row, no audit row, no changed
 * column); the notes of each take newline and tab. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"
#include "core/xalloc.h"
#include "db/checkpoints.h"
#include "db/db.h"
#include "db/donations.h"
#include "db/expenditures.h"
#include "db/followups.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/passes.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/visitors.h"
#include "db/visits.h"

static struct db *db;
static long long hh, res, cp, fu;

/* What a paste from a hostile file or a chat carries. */
static const char *const hostile[] = {
    "甲\x1b]52;c;ZWNobyBoaQ==\x07乙", /* OSC 52: writes the clipboard */
    "甲\xc2\x9b" "2J乙",	       /* U+009B, the one-byte CSI */
    "txt.\xe2\x80\xae" "exe",	       /* U+202E shows it as exe.txt */
    "张\xe2\x80\x8b三",	       /* U+200B: looks like 张三 */
    "甲\r乙",
};

static long long count(const char *sql)
{
	return sql_scalar(db, sql, NULL);
}

static int setup(void **state)
{
	struct household h = {.grid_id = -1, .code = "3-2-501"};
	struct resident r = {0};
	struct checkpoint c;
	struct donation_new d = {0};
	struct settings s;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "王芳");
	settings_defaults(&s);
	xstrset(&s.community, "幸福社区");
	assert_int_equal(db_settings_put(db, &s, &e), 0);
	settings_clear(&s);
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	hh = h.id;
	r.household_id = h.id;
	r.name = "田秀艳";
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	res = r.id;
	db_checkpoint_init(&c);
	xstrset(&c.name, "东门");
	assert_int_equal(db_checkpoint_insert(db, &c, &e), 0);
	cp = c.id;
	db_checkpoint_clear(&c);
	d.donor_name = "宏达物业";
	d.kind = "cash";
	d.amount_fen = 100000;
	d.value_fen = -1;
	d.received_by = -1;
	assert_true(db_donation_insert(db, &d, NULL, &e) > 0);
	assert_int_equal(db_followup_open_for(db, res, "round", NULL, NULL, 385, NULL, &e), 1);
	fu = count("SELECT id FROM followups");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_close(&db);
	return 0;
}

/* One write of one record kind with text t in one of its fields. */
struct writer {
	const char *field; /* the field the refusal must name */
	int (*write)(const char *t, struct err *e);
};

static int w_donor(const char *t, struct err *e)
{
	struct donation_new d = {0};

	d.donor_name = t;
	d.kind = "goods";
	d.item = "口罩";
	d.unit = "箱";
	d.quantity = 1000;
	d.value_fen = -1;
	d.received_by = -1;
	return db_donation_insert(db, &d, NULL, e) < 0 ? -1 : 0;
}

static int w_designation(const char *t, struct err *e)
{
	struct donation_new d = {0};

	d.donor_name = "张三";
	d.kind = "cash";
	d.amount_fen = 100;
	d.value_fen = -1;
	d.received_by = -1;
	d.designation = t;
	return db_donation_insert(db, &d, NULL, e) < 0 ? -1 : 0;
}

static int w_recipient(const char *t, struct err *e)
{
	struct distribution_new d = {0};

	d.item = "口罩";
	d.unit = "箱";
	d.quantity = 100;
	d.household_id = d.checkpoint_id = d.staff_id = -1;
	d.recipient = t;
	return db_distribution_insert(db, &d, e) < 0 ? -1 : 0;
}

static int w_site(const char *t, struct err *e)
{
	struct isolation_new n = {0};

	n.resident_id = res;
	n.kind = "central";
	n.site = t;
	return db_isolation_start(db, &n, e) < 0 ? -1 : 0;
}

static int w_checkpoint(const char *t, struct err *e)
{
	struct checkpoint c;
	int r;

	db_checkpoint_init(&c);
	xstrset(&c.name, t);
	r = db_checkpoint_insert(db, &c, e);
	db_checkpoint_clear(&c);
	return r;
}

static int w_shift(const char *t, struct err *e)
{
	struct shift s;
	int r;

	db_shift_init(&s);
	s.checkpoint_id = cp;
	snprintf(s.date, sizeof s.date, "2020-02-15");
	snprintf(s.start_time, sizeof s.start_time, "08:00");
	snprintf(s.end_time, sizeof s.end_time, "12:00");
	xstrset(&s.notes, t);
	r = db_shift_insert(db, &s, e);
	db_shift_clear(&s);
	return r;
}

static int w_visit(const char *t, struct err *e)
{
	struct visit_new v = {hh, NULL, NULL, VISIT_NO_ANSWER, -1, t, NULL, 0};

	return db_visit_insert(db, &v, NULL, e) < 0 ? -1 : 0;
}

static int w_reading(const char *t, struct err *e)
{
	struct visit_reading rd = {res, 365, NULL, t};
	struct visit_new v = {hh, NULL, NULL, VISIT_VISITED, -1, NULL, &rd, 1};

	return db_visit_insert(db, &v, NULL, e) < 0 ? -1 : 0;
}

static int w_pass(const char *t, struct err *e)
{
	return db_pass_issue(db, hh, NULL, t, NULL, e);
}

static int w_visitor(const char *t, struct err *e)
{
	struct visitor_new v = {0};
	char why[200];
	int admitted;

	v.name = "李四";
	v.from_place = t;
	v.temperature = 365;
	v.checkpoint_id = -1;
	return db_visitor_add(db, &v, &admitted, why, sizeof why, e) < 0 ? -1 : 0;
}

static int w_visitor_name(const char *t, struct err *e)
{
	struct visitor_new v = {0};
	char why[200];
	int admitted;

	v.name = t;
	v.temperature = 365;
	v.checkpoint_id = -1;
	return db_visitor_add(db, &v, &admitted, why, sizeof why, e) < 0 ? -1 : 0;
}

static int w_expenditure(const char *t, struct err *e)
{
	struct expenditure_new x = {0};

	x.purpose = t;
	x.amount_fen = 100;
	x.approved_by = "李主任";
	x.voucher_no = "PZ-001";
	x.staff_id = -1;
	return db_expenditure_insert(db, &x, e) < 0 ? -1 : 0;
}

static int w_voucher(const char *t, struct err *e)
{
	struct expenditure_new x = {0};

	x.purpose = "消毒液";
	x.amount_fen = 100;
	x.approved_by = "李主任";
	x.voucher_no = t;
	x.staff_id = -1;
	return db_expenditure_insert(db, &x, e) < 0 ? -1 : 0;
}

static int w_clinic(const char *t, struct err *e)
{
	return db_followup_refer(db, fu, NULL, t, NULL, e);
}

static int w_followup_notes(const char *t, struct err *e)
{
	return db_followup_close(db, fu, "normal", NULL, t, e);
}

static const struct writer writers[] = {
    {"donor_name", w_donor},   {"designation", w_designation},
    {"recipient", w_recipient}, {"site", w_site},
    {"name", w_checkpoint},    {"notes", w_shift},
    {"notes", w_visit},	       {"note", w_reading},
    {"notes", w_pass},	       {"from_place", w_visitor},
    {"name", w_visitor_name},  {"purpose", w_expenditure},
    {"voucher_no", w_voucher}, {"clinic", w_clinic},
    {"notes", w_followup_notes},
};

/* Everything a refused write could have touched. */
static long long fingerprint(void)
{
	return count("SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM donations)"
		     " + (SELECT count(*) FROM distributions) + (SELECT count(*) FROM isolations)"
		     " + (SELECT count(*) FROM checkpoints) + (SELECT count(*) FROM shifts)"
		     " + (SELECT count(*) FROM visits) + (SELECT count(*) FROM readings)"
		     " + (SELECT count(*) FROM passes) + (SELECT count(*) FROM visitors)"
		     " + (SELECT count(*) FROM expenditures) + (SELECT count(*) FROM followups"
		     "    WHERE clinic IS NOT NULL OR closed_at IS NOT NULL)");
}

static void test_every_kind_refuses(void **state)
{
	(void)state;
	for (size_t w = 0; w < sizeof writers / sizeof *writers; w++) {
		for (size_t h = 0; h < sizeof hostile / sizeof *hostile; h++) {
			long long before = fingerprint();
			struct err e;

			err_clear(&e);
			if (writers[w].write(hostile[h], &e) == 0)
				fail_msg("writer %zu (%s) took hostile text %zu", w,
					 writers[w].field, h);
			assert_string_equal(e.field, writers[w].field);
			assert_non_null(strstr(e.msg, "U+"));
			assert_int_equal(fingerprint(), before);
		}
	}
}

/* The same writers take clean text, and notes keep their lines and tabs. */
static void test_clean_text_is_taken(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(w_visit("第一行\n第二行\t完", &e), 0);
	assert_int_equal(count("SELECT count(*) FROM visits WHERE notes = '第一行' || char(10) ||"
			       " '第二行' || char(9) || '完'"),
			 1);
	assert_int_equal(w_visit("一行\x1b[2J", &e), -1); /* notes still refuse ESC */
	assert_int_equal(w_donor("宏达物业服务有限公司", &e), 0);
	assert_int_equal(w_visitor("湖北省武汉市", &e), 0);
	assert_int_equal(w_expenditure("购买消毒液", &e), 0);
	assert_int_equal(w_clinic("区人民医院发热门诊", &e), 0);
	assert_int_equal(w_followup_notes("体温正常\n已解除", &e), 0);
	assert_int_equal(w_site("区委党校", &e), 0);
	/* one line stays one line: a newline in a name is refused */
	assert_int_equal(w_checkpoint("东\n门", &e), -1);
	assert_string_equal(e.field, "name");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_kind_refuses),
	    cmocka_unit_test(test_clean_text_is_taken),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
