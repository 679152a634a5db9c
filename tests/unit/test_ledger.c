/* Unit tests of db/ledger (and the donations rules it reads back through
 * db/donations): receipts sequential per year across a year boundary, a
 * void keeps its number and the next one is new, the ledger newest first by
 * keyset pages, filters (an anonymous donor is never found by name), totals
 * that leave void rows out and agree with SQL sums, stock and distribution
 * pages, a distribution beyond stock refused with the quantity on hand, the
 * receipt sheet; and two processes saving 500 donations each at once on one
 * file get 1,000 distinct, gap-free receipt numbers. */
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
#include "core/sheet.h"
#include "core/sheet_text.h"
#include "db/db.h"
#include "db/donations.h"
#include "db/ledger.h"
#include "db/settings.h"
#include "db/sheets.h"
#include "db/sql.h"

static struct db *open_db(const char *path)
{
	struct db *db = NULL;
	struct err e;
	struct settings s;

	err_clear(&e);
	assert_int_equal(db_open(&db, path, path ? DB_OPEN_CREATE : DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "李明");
	settings_defaults(&s);
	xstrset(&s.community, "幸福里社区");
	assert_int_equal(db_settings_put(db, &s, &e), 0);
	settings_clear(&s);
	return db;
}

static long long cash(struct db *db, const char *date, const char *donor, long long fen,
		      const char *channel, char *receipt)
{
	struct donation_new d = {0};
	struct err e;
	long long id;

	err_clear(&e);
	d.received_date = date;
	d.donor_name = donor;
	d.anonymous = donor == NULL;
	d.kind = "cash";
	d.amount_fen = fen;
	d.channel = channel;
	d.received_by = -1;
	d.value_fen = -1;
	id = db_donation_insert(db, &d, receipt, &e);
	if (id < 0)
		fail_msg("%s", e.msg);
	return id;
}

static long long goods(struct db *db, const char *date, const char *donor, const char *item,
		       long long qty, const char *unit, long long value)
{
	struct donation_new d = {0};
	struct err e;
	long long id;

	err_clear(&e);
	d.received_date = date;
	d.donor_name = donor;
	d.anonymous = donor == NULL;
	d.kind = "goods";
	d.item = item;
	d.quantity = qty;
	d.unit = unit;
	d.value_fen = value;
	d.received_by = -1;
	id = db_donation_insert(db, &d, NULL, &e);
	if (id < 0)
		fail_msg("%s", e.msg);
	return id;
}

static void test_receipts_across_year(void **state)
{
	struct db *db = open_db(NULL);
	char r[DONATION_RECEIPT_MAX];
	struct err e;

	(void)state;
	cash(db, "2019-12-30", "甲", 100, NULL, r);
	assert_string_equal(r, "2019-A-0001");
	cash(db, "2019-12-31", "乙", 100, NULL, r);
	assert_string_equal(r, "2019-A-0002");
	cash(db, "2020-01-01", "丙", 100, NULL, r);
	assert_string_equal(r, "2020-A-0001");
	/* a late entry for the old year continues the old year's numbers */
	cash(db, "2019-12-31", "丁", 100, NULL, r);
	assert_string_equal(r, "2019-A-0003");
	cash(db, "2020-01-02", "戊", 100, NULL, r);
	assert_string_equal(r, "2020-A-0002");

	/* a void keeps its number; the next donation gets a new one */
	err_clear(&e);
	assert_int_equal(db_donation_void(db, 5, "录错", &e), 0);
	cash(db, "2020-01-03", "己", 100, NULL, r);
	assert_string_equal(r, "2020-A-0003");
	assert_int_equal(sql_scalar(db,
				    "SELECT count(*) FROM donations WHERE receipt_no = "
				    "'2020-A-0002' AND void_reason = '录错'",
				    NULL),
			 1);
	/* voiding twice is refused */
	assert_int_equal(db_donation_void(db, 5, "again", &e), -1);
	db_close(&db);
}

static void fill(struct db *db)
{
	cash(db, "2020-02-01", "张三", 50000, "wechat", NULL);		  /* 1 */
	cash(db, "2020-02-03", NULL, 100000, "cash", NULL);		  /* 2 anon */
	goods(db, "2020-02-03", "幸福超市", "口罩", 50000, "个", 100000); /* 3 */
	goods(db, "2020-02-05", "李四", "大米", 2000, "袋", -1);	  /* 4 */
	cash(db, "2020-02-05", "张三丰", 20000, "bank", NULL);		  /* 5 */
	goods(db, "2020-02-07", NULL, "口罩", 10000, "个", 20000);	  /* 6 anon */
	cash(db, "2020-02-09", "王五", 999, "alipay", NULL);		  /* 7 */
}

/* The anchor for the page after rows[0..n-1] (only its date and id are
 * read), and the rows cleared for the next page to be read into. */
static void next_anchor(struct ledger_row *rows, int n, struct ledger_row *at)
{
	at->id = rows[n - 1].id;
	memcpy(at->date, rows[n - 1].date, sizeof at->date);
	for (int i = 0; i < n; i++)
		db_ledger_row_clear(&rows[i]);
}

static void test_pages_newest_first(void **state)
{
	struct db *db = open_db(NULL);
	struct ledger_row rows[3], back[3], at = {0};
	struct err e;
	int n;

	(void)state;
	fill(db);
	err_clear(&e);
	n = db_ledger_page(db, NULL, NULL, 1, 3, rows, &e);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].id, 7);
	assert_int_equal(rows[1].id, 6);
	assert_true(rows[1].anonymous);
	assert_string_equal(rows[2].receipt_no, "2020-A-0005"); /* same day: the later id first */
	assert_string_equal(rows[2].received_by, "李明");
	next_anchor(rows, 3, &at);
	n = db_ledger_page(db, NULL, &at, 1, 3, rows, &e);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].id, 4);
	assert_int_equal(rows[2].id, 2);
	assert_int_equal(rows[1].value_fen, 100000);
	assert_int_equal(rows[0].value_fen, -1);
	next_anchor(rows, 3, &at);
	n = db_ledger_page(db, NULL, &at, 1, 3, rows, &e);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, 1);
	/* backwards from the oldest: nearest first */
	n = db_ledger_page(db, NULL, &rows[0], -1, 3, back, &e);
	assert_int_equal(n, 3);
	assert_int_equal(back[0].id, 2);
	assert_int_equal(back[2].id, 4);
	for (int i = 0; i < 3; i++) {
		db_ledger_row_clear(&rows[i]);
		db_ledger_row_clear(&back[i]);
	}
	db_close(&db);
}

/* How many rows match f (read into rows[0..9], then released). */
static int filtered(struct db *db, const struct ledger_filter *f, struct ledger_row *rows)
{
	struct err e;
	int n;

	err_clear(&e);
	n = db_ledger_page(db, f, NULL, 1, 10, rows, &e);
	for (int i = 0; i < n; i++)
		db_ledger_row_clear(&rows[i]);
	return n;
}

static void test_filters(void **state)
{
	struct db *db = open_db(NULL);
	struct ledger_filter f;
	struct ledger_row rows[10];
	struct err e;

	(void)state;
	fill(db);
	err_clear(&e);
	memset(&f, 0, sizeof f);
	xstrset(&f.donor, "张三");
	assert_int_equal(filtered(db, &f, rows), 2);
	assert_true(ledger_filter_active(&f));
	/* an anonymous donor's name is stored but never matched */
	db_exec(db, "UPDATE donations SET donor_name = '赵六' WHERE id = 6", &e);
	xstrset(&f.donor, "赵六");
	assert_int_equal(filtered(db, &f, rows), 0);
	xstrset(&f.donor, "匿名");
	assert_int_equal(filtered(db, &f, rows), 2);
	ledger_filter_clear(&f);
	strcpy(f.kind, "goods");
	xstrset(&f.item, "口");
	assert_int_equal(filtered(db, &f, rows), 2);
	ledger_filter_clear(&f);
	strcpy(f.from, "2020-02-03");
	strcpy(f.to, "2020-02-05");
	assert_int_equal(filtered(db, &f, rows), 4);
	assert_false(ledger_filter_active(&(struct ledger_filter){0}));
	ledger_filter_clear(&f);
	db_close(&db);
}

static void test_totals_leave_void_out(void **state)
{
	struct db *db = open_db(NULL);
	struct ledger_totals t;
	struct ledger_filter f;
	struct err e;

	(void)state;
	fill(db);
	err_clear(&e);
	assert_int_equal(db_donation_void(db, 5, "重复录入", &e), 0);
	assert_int_equal(db_ledger_totals(db, NULL, &t, &e), 0);
	assert_int_equal(t.rows, 7);
	assert_int_equal(t.voided, 1);
	assert_int_equal(t.cash_count, 3);
	assert_int_equal(t.cash_fen, 50000 + 100000 + 999);
	assert_int_equal(t.cash_fen, sql_scalar(db,
						"SELECT sum(amount_fen) FROM donations WHERE kind"
						" = 'cash' AND void_reason IS NULL",
						NULL));
	assert_int_equal(t.channel_fen[0], 100000); /* cash */
	assert_int_equal(t.channel_fen[1], 0);	    /* bank: the void one */
	assert_int_equal(t.channel_fen[2], 50000);  /* wechat */
	assert_int_equal(t.channel_fen[3], 999);    /* alipay */
	assert_int_equal(t.goods_count, 3);
	assert_int_equal(t.goods_value_fen, 120000);
	assert_int_equal(t.ngoods, 2);
	assert_string_equal(t.goods[0].item, "口罩"); /* byte order: 口 (E5 8F) < 大 (E5 A4) */
	assert_int_equal(t.goods[0].quantity, 60000);
	assert_int_equal(t.goods[0].value_fen, 120000);
	assert_string_equal(t.goods[1].item, "大米");
	assert_int_equal(t.goods[1].quantity, 2000);
	db_ledger_totals_free(&t);

	memset(&f, 0, sizeof f);
	strcpy(f.to, "2020-02-03");
	assert_int_equal(db_ledger_totals(db, &f, &t, &e), 0);
	assert_int_equal(t.rows, 3);
	assert_int_equal(t.cash_fen, 150000);
	assert_int_equal(t.ngoods, 1);
	db_ledger_totals_free(&t);
	db_close(&db);
}

static void test_stock_and_distributions(void **state)
{
	struct db *db = open_db(NULL);
	struct distribution_new d = {0};
	struct stock_row s[4] = {0};
	struct ledger_dist dist[4] = {0};
	struct err e;

	(void)state;
	fill(db);
	err_clear(&e);
	d.item = "大米";
	d.unit = "袋";
	d.quantity = 2000;
	d.recipient = "东门卡点";
	d.household_id = d.checkpoint_id = d.staff_id = -1;
	d.date = "2020-02-10";
	assert_true(db_distribution_insert(db, &d, &e) > 0);
	/* nothing left: refused, naming what is on hand */
	d.quantity = 100;
	err_clear(&e);
	assert_int_equal(db_distribution_insert(db, &d, &e), -1);
	assert_non_null(strstr(e.msg, "only 0 袋 of 大米 on hand"));
	assert_string_equal(e.field, "quantity");
	d.item = "口罩";
	d.unit = "个";
	d.quantity = 70000;
	err_clear(&e);
	assert_int_equal(db_distribution_insert(db, &d, &e), -1);
	assert_non_null(strstr(e.msg, "only 600 个 of 口罩 on hand"));

	assert_int_equal(db_ledger_stock_page(db, 0, NULL, 1, 4, s, &e), 2);
	assert_string_equal(s[0].item, "口罩");
	assert_int_equal(s[0].on_hand, 60000);
	assert_string_equal(s[1].item, "大米");
	assert_int_equal(s[1].received, 2000);
	assert_int_equal(s[1].distributed, 2000);
	assert_int_equal(s[1].on_hand, 0);
	/* keyset: after 口罩 comes 大米; on hand only leaves 大米 out */
	assert_int_equal(db_ledger_stock_page(db, 0, &s[0], 1, 4, s + 2, &e), 1);
	assert_string_equal(s[2].item, "大米");
	db_stock_row_clear(&s[2]);
	assert_int_equal(db_ledger_stock_page(db, 0, &s[1], -1, 4, s + 2, &e), 1);
	assert_string_equal(s[2].item, "口罩");
	db_stock_row_clear(&s[0]);
	assert_int_equal(db_ledger_stock_page(db, 1, NULL, 1, 4, s, &e), 1);
	assert_string_equal(s[0].item, "口罩");

	assert_int_equal(db_ledger_dist_page(db, NULL, 1, 4, dist, &e), 1);
	assert_string_equal(dist[0].recipient, "东门卡点");
	assert_string_equal(dist[0].staff, "李明");
	assert_int_equal(dist[0].quantity, 2000);
	for (int i = 0; i < 4; i++) {
		db_stock_row_clear(&s[i]);
		db_ledger_dist_clear(&dist[i]);
	}
	db_close(&db);
}

static void test_receipt_sheet(void **state)
{
	struct db *db = open_db(NULL);
	struct sheet *s = NULL;
	struct ledger_row row;
	struct err e;
	char *text;

	(void)state;
	fill(db);
	err_clear(&e);
	assert_int_equal(db_sheet_receipt(db, "2020-A-0001", "李明", &s, &e), 0);
	text = sheet_render_text(s);
	assert_non_null(strstr(text, "捐赠收据"));
	assert_non_null(strstr(text, "张三"));
	assert_non_null(strstr(text, "¥500.00（大写：人民币伍佰元整）"));
	free(text);
	sheet_free(&s);
	/* anonymous: 匿名, never the name */
	assert_int_equal(db_sheet_receipt(db, "2020-A-0006", NULL, &s, &e), 0);
	text = sheet_render_text(s);
	assert_non_null(strstr(text, "匿名"));
	assert_non_null(strstr(text, "口罩 100 个"));
	free(text);
	sheet_free(&s);
	assert_int_equal(db_donation_void(db, 1, "录错金额", &e), 0);
	assert_int_equal(db_sheet_receipt(db, "2020-A-0001", NULL, &s, &e), 0);
	text = sheet_render_text(s);
	assert_non_null(strstr(text, "已作废：录错金额"));
	free(text);
	sheet_free(&s);
	assert_int_equal(db_sheet_receipt(db, "2020-A-0099", NULL, &s, &e), -1);
	assert_null(s);
	assert_string_equal(e.field, "receipt_no");
	assert_int_equal(db_ledger_find_receipt(db, "2020-A-0003", &row, &e), 1);
	assert_string_equal(row.item, "口罩");
	db_ledger_row_clear(&row);
	assert_int_equal(db_ledger_get(db, 99, &row, &e), 0);
	db_ledger_row_clear(&row);
	db_close(&db);
}

/* Two processes, one file, 500 donations each at once. */
#define PER_WRITER 500

static void writer(const char *path, const char *who)
{
	struct db *db = NULL;
	struct donation_new d = {0};
	struct err e;

	err_clear(&e);
	if (db_open(&db, path, 0, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		_exit(2);
	}
	db_set_staff(db, who);
	d.received_date = "2020-02-15";
	d.donor_name = who;
	d.kind = "cash";
	d.amount_fen = 100;
	d.received_by = -1;
	d.value_fen = -1;
	for (int i = 0; i < PER_WRITER; i++) {
		if (db_donation_insert(db, &d, NULL, &e) < 0) {
			fprintf(stderr, "%s: %s\n", who, e.msg);
			_exit(1);
		}
	}
	db_close(&db);
	_exit(0);
}

static void test_two_writers(void **state)
{
	char dir[] = "/tmp/doorstep-ledger-XXXXXX", path[100];
	struct db *db;
	pid_t a, b;
	int sa, sb;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/d.db", dir);
	db = open_db(path);
	db_close(&db);
	a = fork();
	if (a == 0)
		writer(path, "甲");
	b = fork();
	if (b == 0)
		writer(path, "乙");
	assert_int_equal(waitpid(a, &sa, 0), a);
	assert_int_equal(waitpid(b, &sb, 0), b);
	assert_true(WIFEXITED(sa) && WEXITSTATUS(sa) == 0);
	assert_true(WIFEXITED(sb) && WEXITSTATUS(sb) == 0);
	db = open_db(path);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM donations", NULL), 2 * PER_WRITER);
	assert_int_equal(sql_scalar(db, "SELECT count(DISTINCT receipt_no) FROM donations", NULL),
			 2 * PER_WRITER);
	/* gap-free: 1..1000 */
	assert_int_equal(sql_scalar(db, "SELECT min(seq) FROM donations", NULL), 1);
	assert_int_equal(sql_scalar(db, "SELECT max(seq) FROM donations", NULL), 2 * PER_WRITER);
	assert_int_equal(sql_scalar(db, "SELECT count(DISTINCT seq) FROM donations", NULL),
			 2 * PER_WRITER);
	/* both really wrote */
	assert_int_equal(
	    sql_scalar(db, "SELECT count(*) FROM donations WHERE donor_name = '甲'", NULL),
	    PER_WRITER);
	assert_int_equal(sql_scalar(db,
				    "SELECT count(*) FROM audit_log WHERE table_name = 'donations'"
				    " AND action = 'insert'",
				    NULL),
			 2 * PER_WRITER);
	db_close(&db);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_receipts_across_year),
	    cmocka_unit_test(test_pages_newest_first),
	    cmocka_unit_test(test_filters),
	    cmocka_unit_test(test_totals_leave_void_out),
	    cmocka_unit_test(test_stock_and_distributions),
	    cmocka_unit_test(test_receipt_sheet),
	    cmocka_unit_test(test_two_writers),
	};

	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
