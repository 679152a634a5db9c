/* Unit tests of db/donations: receipt numbers sequential per year and
 * station (also with two processes writing at once), voids keep their number
 * and leave the totals, distributions never take stock below zero. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "core/settings.h"
#include "db/db.h"
#include "db/donations.h"
#include "db/settings.h"
#include "db/sql.h"

static long long count(struct db *db, const char *sql)
{
	return sql_scalar(db, sql, NULL);
}

static struct db *open_db(const char *path, int flags, char station)
{
	struct db *db = NULL;
	struct settings s;
	struct err e;

	err_clear(&e);
	assert_int_equal(db_open(&db, path, flags, &e), 0);
	db_set_staff(db, "测试员");
	if (db_settings_get(db, &s, &e) == 0) {
		xstrset(&s.community, "幸福里社区");
		s.station = station;
		assert_int_equal(db_settings_put(db, &s, &e), 0);
	}
	settings_clear(&s);
	return db;
}

static long long cash(struct db *db, const char *date, long long fen, char *receipt,
		      struct err *e)
{
	struct donation_new d = {0};

	d.received_date = date;
	d.donor_name = "张三";
	d.kind = "cash";
	d.amount_fen = fen;
	d.value_fen = -1;
	d.received_by = -1;
	return db_donation_insert(db, &d, receipt, e);
}

static long long goods(struct db *db, const char *item, long long qty, struct err *e)
{
	struct donation_new d = {0};

	d.received_date = "2020-02-10";
	d.anonymous = 1;
	d.kind = "goods";
	d.item = item;
	d.quantity = qty;
	d.unit = "箱";
	d.value_fen = 30000;
	d.received_by = -1;
	return db_donation_insert(db, &d, NULL, e);
}

static void test_receipts_sequential_per_year(void **state)
{
	struct db *db = open_db(NULL, DB_OPEN_MEMORY, 'B');
	char no[DONATION_RECEIPT_MAX];
	struct err e;

	(void)state;
	err_clear(&e);
	assert_true(cash(db, "2019-12-31", 10000, no, &e) > 0);
	assert_string_equal(no, "2019-B-0001");
	assert_true(cash(db, "2020-01-01", 10000, no, &e) > 0);
	assert_string_equal(no, "2020-B-0001");
	long long second = cash(db, "2020-01-02", 20000, no, &e);

	assert_string_equal(no, "2020-B-0002");
	assert_int_equal(db_donation_void_check(db, second, &e), 0);
	assert_int_equal(db_donation_void(db, second, "", &e), -1);
	assert_string_equal(e.field, "void_reason");
	assert_int_equal(db_donation_void(db, second, "重复登记", &e), 0);
	assert_int_equal(db_donation_void(db, second, "again", &e), -1);
	assert_non_null(strstr(e.msg, "already void"));
	assert_int_equal(db_donation_void_check(db, second, &e), -1);
	assert_non_null(strstr(e.msg, "already void"));
	/* The void keeps its number: the next one is 0003. */
	assert_true(cash(db, "2020-01-03", 5000, no, &e) > 0);
	assert_string_equal(no, "2020-B-0003");
	assert_int_equal(count(db, "SELECT count(*) FROM donations"), 4);
	assert_int_equal(count(db, "SELECT sum(amount_fen) FROM donations WHERE year = 2020"
				   " AND void_reason IS NULL"),
			 15000);
	assert_int_equal(count(db, "SELECT count(*) FROM audit_log WHERE table_name = 'donations'"
				   " AND action = 'void'"),
			 1);
	/* Refusals. */
	assert_int_equal(cash(db, "2020-01-03", 0, no, &e), -1);
	assert_string_equal(e.field, "amount");
	db_close(&db);
}

static void test_stock_never_negative(void **state)
{
	struct db *db = open_db(NULL, DB_OPEN_MEMORY, 'A');
	struct distribution_new d = {"口罩", "箱", 1250, "other", -1, -1, "东门卡点", "2020-02-11",
				     -1, NULL};
	struct stock_row s;
	struct err e;
	long long box;

	(void)state;
	err_clear(&e);
	box = goods(db, "口罩", 2000, &e);
	assert_true(box > 0);
	assert_true(db_distribution_insert(db, &d, &e) > 0);
	assert_int_equal(db_stock_get(db, "口罩", "箱", &s, &e), 1);
	assert_int_equal(s.on_hand, 750);
	db_stock_row_clear(&s);
	assert_int_equal(db_distribution_insert(db, &d, &e), -1);
	assert_string_equal(e.field, "quantity");
	assert_non_null(strstr(e.msg, "7.5"));
	assert_int_equal(db_stock_get(db, "酒精", "瓶", &s, &e), 0);
	db_stock_row_clear(&s);
	/* Voiding goods already given out would leave the stock negative. */
	assert_int_equal(db_donation_void(db, box, "录错了", &e), -1);
	assert_non_null(strstr(e.msg, "7.5"));
	/* the screen asks the same before asking for a reason */
	err_clear(&e);
	assert_int_equal(db_donation_void_check(db, box, &e), -1);
	assert_non_null(strstr(e.msg, "7.5"));
	d.recipient = NULL;
	assert_int_equal(db_distribution_insert(db, &d, &e), -1);
	assert_string_equal(e.field, "recipient");
	assert_int_equal(count(db, "SELECT count(*) FROM distributions"), 1);
	db_close(&db);
}

/* Goods received or given out need an item, a unit and a quantity above
 * zero (check_goods): each missing one is refused on its own field with the
 * message of the form it came from, and nothing is written. */
static void test_goods_need_item_unit_quantity(void **state)
{
	struct db *db = open_db(NULL, DB_OPEN_MEMORY, 'A');
	struct distribution_new d = {"口罩", "箱", 100, "other", -1, -1, "东门卡点", "2020-02-11",
				     -1, NULL};
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(goods(db, "", 10, &e), -1);
	assert_string_equal(e.field, "item");
	assert_string_equal(e.msg, "a goods donation needs the item");
	assert_int_equal(goods(db, "口罩", 0, &e), -1);
	assert_string_equal(e.field, "quantity");
	assert_string_equal(e.msg, "a goods donation needs a quantity above zero");
	assert_true(goods(db, "口罩", 2000, &e) > 0);
	d.unit = NULL;
	assert_int_equal(db_distribution_insert(db, &d, &e), -1);
	assert_string_equal(e.field, "unit");
	assert_string_equal(e.msg, "a distribution needs the unit");
	d.unit = "箱";
	d.item = "";
	assert_int_equal(db_distribution_insert(db, &d, &e), -1);
	assert_string_equal(e.field, "item");
	assert_string_equal(e.msg, "a distribution needs the item");
	d.item = "口罩";
	d.quantity = -5;
	assert_int_equal(db_distribution_insert(db, &d, &e), -1);
	assert_string_equal(e.field, "quantity");
	assert_string_equal(e.msg, "a distribution needs a quantity above zero");
	assert_int_equal(count(db, "SELECT count(*) FROM distributions"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM donations"), 1);
	db_close(&db);
}

/* Two processes saving donations at once never get the same number. */
static void test_two_processes_distinct_receipts(void **state)
{
	char dir[] = "/tmp/doorstep-don-XXXXXX", path[128];
	struct db *db;
	pid_t pid[2];
	int status;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/d.db", dir);
	db = open_db(path, DB_OPEN_CREATE, 'A');
	db_close(&db);
	for (int p = 0; p < 2; p++) {
		pid[p] = fork();
		assert_true(pid[p] >= 0);
		if (pid[p] == 0) {
			struct db *c = NULL;
			struct err e;

			err_clear(&e);
			if (db_open(&c, path, 0, &e) < 0)
				_exit(3);
			db_set_staff(c, p ? "乙" : "甲");
			for (int i = 0; i < 150; i++)
				if (cash(c, "2020-02-15", 100 + i, NULL, &e) < 0)
					_exit(4);
			db_close(&c);
			_exit(0);
		}
	}
	for (int p = 0; p < 2; p++) {
		assert_int_equal(waitpid(pid[p], &status, 0), pid[p]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	db = open_db(path, 0, 'A');
	assert_int_equal(count(db, "SELECT count(DISTINCT receipt_no) FROM donations"), 300);
	assert_int_equal(count(db, "SELECT max(seq) FROM donations"), 300);
	db_close(&db);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	assert_int_equal(system(path), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_receipts_sequential_per_year),
		cmocka_unit_test(test_stock_never_negative),
		cmocka_unit_test(test_goods_need_item_unit_quantity),
		cmocka_unit_test(test_two_processes_distinct_receipts),
	};

	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
