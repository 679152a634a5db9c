/* Unit tests of text that is never cut: every record read back from the
 * database holds its text whole, however many bytes its Chinese characters
 * take (the reproductions of issue 16 §2: a donor name of 60 × 某, a central
 * site of 方舱医院 × 14 kept by a restart, shift notes of 200 characters). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "db/checkpoints.h"
#include "db/duty_roster.h"
#include "db/db.h"
#include "db/donations.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/ledger.h"
#include "db/passes.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/staff.h"
#include "dbfix.h"

/* n copies of the UTF-8 string s, malloc'd. */
static char *rep(const char *s, int n)
{
	struct strbuf b = STRBUF_INIT;

	for (int i = 0; i < n; i++)
		strbuf_puts(&b, s);
	return strbuf_detach(&b);
}

static void expect_whole(const char *got, const char *want)
{
	assert_non_null(got);
	assert_int_equal(strlen(got), strlen(want));
	assert_true(utf8_valid(got, strlen(got)));
	assert_string_equal(got, want);
}

static struct db *open_db(void)
{
	struct db *db = NULL;
	struct err e;

	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	db = dbfix_open("幸福里社区");
	return db;
}

static long long add_resident(struct db *db, const char *code, long long *household)
{
	struct household h = {.grid_id = -1, .code = (char *)code};
	struct resident r = {0};
	struct err e;

	err_clear(&e);
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	r.household_id = h.id;
	r.name = "王芳";
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	if (household)
		*household = h.id;
	return r.id;
}

/* A donor name of 60 × 某 (180 bytes) came back from db_ledger_get as 127
 * bytes ending inside a character. */
static void test_donor_name_whole(void **state)
{
	struct db *db = open_db();
	char *donor = rep("某", 60), *item = rep("医用外科口罩", 10);
	struct donation_new d = {0};
	struct ledger_row row = {0};
	char receipt[DONATION_RECEIPT_MAX];
	struct err e;
	long long id;

	(void)state;
	err_clear(&e);
	d.donor_name = donor;
	d.kind = "goods";
	d.item = item;
	d.quantity = 100;
	d.unit = "箱";
	d.value_fen = -1;
	d.received_by = -1;
	id = db_donation_insert(db, &d, receipt, &e);
	assert_true(id > 0);
	assert_int_equal(db_ledger_get(db, id, &row, &e), 1);
	expect_whole(row.donor, donor);
	expect_whole(row.item, item);
	db_ledger_row_clear(&row);
	assert_int_equal(db_ledger_find_receipt(db, receipt, &row, &e), 1);
	expect_whole(row.donor, donor);
	db_ledger_row_clear(&row);
	free(donor);
	free(item);
	db_close(&db);
}

/* `R` (restart) stored the site cut to 127 bytes ending in a lone 0xE9. */
static void test_restart_keeps_site(void **state)
{
	struct db *db = open_db();
	char *site = rep("方舱医院", 14);
	long long res = add_resident(db, "1-1-101", NULL), id, nid;
	struct isolation_new n = {res, "central", site, "close_contact", "2020-02-10", 0, NULL};
	struct isolation o = {0};
	struct err e;

	(void)state;
	err_clear(&e);
	id = db_isolation_start(db, &n, &e);
	assert_true(id > 0);
	nid = db_isolation_restart(db, id, "2020-02-14", &e);
	assert_true(nid > 0);
	assert_int_equal(db_isolation_get(db, nid, &o, &e), 1);
	expect_whole(o.site, site);
	db_isolation_clear(&o);
	assert_int_equal(sql_scalar(db,
				    "SELECT count(*) FROM isolations WHERE length(CAST(site AS BLOB))"
				    " = 168",
				    NULL),
			 2);
	free(site);
	db_close(&db);
}

/* Shift notes were cut on write (a 512-byte buffer for a 200-character
 * field). */
static void test_shift_notes_whole(void **state)
{
	struct db *db = open_db();
	char *notes = rep("注", 200), *name = rep("东门卡点", 20);
	struct checkpoint c;
	struct shift s, got = {0};
	struct roster_gap *gaps = NULL;
	struct date monday;
	size_t ngaps = 0;
	struct err e;

	(void)state;
	err_clear(&e);
	db_checkpoint_init(&c);
	xstrset(&c.name, name);
	assert_int_equal(db_checkpoint_insert(db, &c, &e), 0);
	db_shift_init(&s);
	s.checkpoint_id = c.id;
	strcpy(s.date, "2020-02-15");
	strcpy(s.start_time, "08:00");
	strcpy(s.end_time, "12:00");
	xstrset(&s.notes, notes);
	assert_int_equal(db_shift_insert(db, &s, &e), 0);
	assert_int_equal(db_shift_get(db, s.id, &got, &e), 1);
	expect_whole(got.notes, notes);
	expect_whole(got.checkpoint_name, name);
	db_shift_clear(&got);
	/* the roster's gaps name the checkpoint whole too */
	assert_int_equal(date_parse_iso("2020-02-10", &monday, &e), 0);
	assert_int_equal(db_roster_gaps(db, &monday, 7, &gaps, &ngaps, &e), 0);
	assert_true(ngaps > 0);
	expect_whole(gaps[0].checkpoint_name, name);
	db_roster_gaps_free(gaps, ngaps);
	db_shift_clear(&s);
	db_checkpoint_clear(&c);
	free(notes);
	free(name);
	db_close(&db);
}

/* The settings, a staff member and a pass keep their text whole. */
static void test_settings_staff_pass_whole(void **state)
{
	struct db *db = open_db();
	char *community = rep("幸福里社区", 20), *staff = rep("欧阳", 40);
	char *reason = rep("撤销", 100), *notes = rep("备注", 150);
	struct settings s, got;
	struct staff_member m = {0};
	struct pass p = {0};
	long long hh;
	struct err e;

	(void)state;
	err_clear(&e);
	settings_defaults(&s);
	xstrset(&s.community, community);
	assert_int_equal(db_settings_put(db, &s, &e), 0);
	assert_int_equal(db_settings_get(db, &got, &e), 1);
	expect_whole(got.community, community);
	settings_clear(&got);
	settings_clear(&s);

	assert_true(db_staff_ensure(db, staff, "volunteer", &e) > 0);
	assert_int_equal(db_staff_find(db, staff, &m, &e), 1);
	expect_whole(m.name, staff);
	db_staff_member_clear(&m);

	add_resident(db, "2-1-101", &hh);
	assert_int_equal(db_pass_issue(db, hh, NULL, notes, &p, &e), 0);
	expect_whole(p.notes, notes);
	assert_int_equal(db_pass_revoke(db, p.id, reason, &e), 0);
	db_pass_clear(&p);
	assert_int_equal(db_pass_get(db, 1, &p, &e), 1);
	expect_whole(p.revoke_reason, reason);
	expect_whole(p.notes, notes);
	db_pass_clear(&p);
	free(community);
	free(staff);
	free(reason);
	free(notes);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_donor_name_whole),
	    cmocka_unit_test(test_restart_keeps_site),
	    cmocka_unit_test(test_shift_notes_whole),
	    cmocka_unit_test(test_settings_staff_pass_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
