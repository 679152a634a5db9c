/* Unit tests of db/expenditures and core/stock's cash rule: spending more
 * than the donated cash on hand is refused, a void leaves every total and
 * keeps the record, a cash donation whose money was spent cannot be voided,
 * and every change has its audit row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/limits.h"
#include "core/settings.h"
#include "core/stock.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/donations.h"
#include "db/expenditures.h"
#include "db/settings.h"
#include "db/sql.h"

static struct db *open_db(void)
{
	struct db *db = NULL;
	struct settings s;
	struct err e;

	err_clear(&e);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	if (db_settings_get(db, &s, &e) == 0) {
		xstrset(&s.community, "幸福里社区");
		assert_int_equal(db_settings_put(db, &s, &e), 0);
	}
	settings_clear(&s);
	return db;
}

static long long cash(struct db *db, const char *date, long long fen)
{
	struct donation_new d = {0};
	struct err e;

	err_clear(&e);
	d.received_date = date;
	d.donor_name = "宏达物业服务有限公司";
	d.kind = "cash";
	d.amount_fen = fen;
	d.value_fen = -1;
	d.received_by = -1;
	return db_donation_insert(db, &d, NULL, &e);
}

static long long spend(struct db *db, const char *date, long long fen, struct err *e)
{
	struct expenditure_new x = {0};

	x.date = date;
	x.purpose = "购买消毒液";
	x.amount_fen = fen;
	x.approved_by = "李主任";
	x.voucher_no = "PZ-001";
	x.staff_id = -1;
	return db_expenditure_insert(db, &x, e);
}

static void test_core_rule(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(stock_check_spending(100000, 40000, 60000, &e), 0);
	assert_int_equal(stock_check_spending(100000, 40000, 60001, &e), -1);
	assert_string_equal(e.field, "amount");
	assert_non_null(strstr(e.msg, "600.00"));
	assert_int_equal(stock_check_spending(100000, 0, 0, &e), -1);
}

static void test_spend_and_refuse(void **state)
{
	struct db *db = open_db();
	struct expenditure_row rows[4];
	long long in, out, id, d1;
	struct err e;

	(void)state;
	err_clear(&e);
	d1 = cash(db, "2020-02-01", 100000);
	assert_true(d1 > 0);
	/* nothing yet may be spent beyond ¥1,000.00 */
	assert_int_equal(spend(db, "2020-02-02", 100001, &e), -1);
	assert_string_equal(e.field, "amount");
	assert_non_null(strstr(e.msg, "1,000.00"));
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM expenditures", NULL), 0);
	err_clear(&e);
	id = spend(db, "2020-02-02", 60000, &e);
	assert_true(id > 0);
	assert_int_equal(spend(db, "2020-02-03", 40001, &e), -1);
	assert_int_equal(db_cash_totals(db, "", "", &in, &out, &e), 0);
	assert_int_equal(in, 100000);
	assert_int_equal(out, 60000);
	assert_int_equal(db_cash_totals(db, "2020-02-02", "2020-02-02", &in, &out, &e), 0);
	assert_int_equal(in, 0);
	assert_int_equal(out, 60000);

	/* the donation's money was spent: it cannot be voided */
	assert_int_equal(db_donation_void(db, d1, "录错", &e), -1);
	assert_non_null(strstr(e.msg, "400.00"));
	assert_int_equal(db_donation_void_check(db, d1, &e), -1);
	assert_non_null(strstr(e.msg, "400.00"));

	/* a void keeps the record, leaves the totals, cannot repeat */
	err_clear(&e);
	assert_int_equal(db_expenditure_void(db, id, "", &e), -1);
	assert_string_equal(e.field, "void_reason");
	assert_int_equal(db_expenditure_void(db, id, "重复录入", &e), 0);
	assert_int_equal(db_expenditure_void(db, id, "again", &e), -1);
	assert_int_equal(db_cash_totals(db, "", "", &in, &out, &e), 0);
	assert_int_equal(out, 0);
	assert_int_equal(db_expenditure_page(db, NULL, 1, 4, rows, &e), 1);
	assert_string_equal(rows[0].void_reason, "重复录入");
	assert_string_equal(rows[0].voucher_no, "PZ-001");
	assert_string_equal(rows[0].staff, "测试员");
	db_expenditure_row_clear(&rows[0]);
	assert_int_equal(sql_scalar(db,
				    "SELECT count(*) FROM audit_log WHERE table_name = 'expenditures'",
				    NULL),
			 2);
	db_close(&db);
}

static void test_fields_named(void **state)
{
	struct db *db = open_db();
	struct expenditure_new x = {0};
	struct err e;

	(void)state;
	cash(db, "2020-02-01", 100000);
	x.amount_fen = 100;
	x.staff_id = -1;
	x.approved_by = "李主任";
	x.voucher_no = "1";
	err_clear(&e);
	assert_int_equal(db_expenditure_insert(db, &x, &e), -1);
	assert_string_equal(e.field, "purpose");
	x.purpose = "口罩";
	x.approved_by = "";
	assert_int_equal(db_expenditure_insert(db, &x, &e), -1);
	assert_string_equal(e.field, "approved_by");
	x.approved_by = "李主任";
	x.voucher_no = NULL;
	assert_int_equal(db_expenditure_insert(db, &x, &e), -1);
	assert_string_equal(e.field, "voucher_no");
	x.voucher_no = "1";
	x.date = "2020-02-30";
	assert_int_equal(db_expenditure_insert(db, &x, &e), -1);
	assert_string_equal(e.field, "date");
	db_close(&db);
}

/* Text is never cut: a purpose, an approver and a voucher at their limits
 * in a three-byte script come back whole. */
static void test_long_text_whole(void **state)
{
	struct db *db = open_db();
	struct expenditure_row rows[2];
	struct expenditure_new x = {0};
	struct strbuf purpose = STRBUF_INIT, who = STRBUF_INIT, voucher = STRBUF_INIT;
	struct err e;

	(void)state;
	err_clear(&e);
	for (int i = 0; i < limits_max("expenditures", "purpose"); i++)
		strbuf_puts(&purpose, "某");
	for (int i = 0; i < limits_max("expenditures", "approved_by"); i++)
		strbuf_puts(&who, "某");
	for (int i = 0; i < limits_max("expenditures", "voucher_no"); i++)
		strbuf_puts(&voucher, "号");
	assert_true(cash(db, "2020-02-01", 100000) > 0);
	x.date = "2020-02-02";
	x.purpose = strbuf_str(&purpose);
	x.amount_fen = 100;
	x.approved_by = strbuf_str(&who);
	x.voucher_no = strbuf_str(&voucher);
	x.staff_id = -1;
	assert_true(db_expenditure_insert(db, &x, &e) > 0);
	assert_int_equal(db_expenditure_page(db, NULL, 1, 2, rows, &e), 1);
	assert_string_equal(rows[0].purpose, strbuf_str(&purpose));
	assert_string_equal(rows[0].approved_by, strbuf_str(&who));
	assert_string_equal(rows[0].voucher_no, strbuf_str(&voucher));
	assert_string_equal(rows[0].void_reason, "");
	db_expenditure_row_clear(&rows[0]);
	strbuf_free(&purpose);
	strbuf_free(&who);
	strbuf_free(&voucher);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_core_rule),
	    cmocka_unit_test(test_spend_and_refuse),
	    cmocka_unit_test(test_long_text_whole),
	    cmocka_unit_test(test_fields_named),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
