/* test_donations: the Donations tab from the keyboard alone.  Records a cash
 * donation (its receipt opens after the save, numbered 2020-A-0001, with the
 * amount in capitals) and an anonymous goods donation, voids the cash one
 * with a reason, is refused a distribution larger than the stock (the
 * message names the quantity on hand, nothing is written), gives part of it
 * out, and checks the totals under the ledger, the stock view and the
 * database after each step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixture.h"

static char *db;

static void tabs(struct harness *h, int n)
{
	for (int i = 0; i < n; i++)
		harness_key(h, "Tab");
}

int main(void)
{
	char *dir, buf[600];
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args};
	struct harness *h;
	int st;

	db = harness_new_db(&dir);
	harness_db_env(db, buf, env);
	o.env = env;
	o.cwd = dir;			       /* the receipt's PDF lands here */
	o.bin = realpath(harness_bin(), NULL); /* absolute, since cwd moves */
	h = harness_start(&o);
	HCHECK(h, h != NULL, "cannot start");
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "5");
	HWAIT(h, "No donation yet", 3000);
	HWAIT(h, "Cash ¥0.00 (0)", 1000);

	/* A cash donation: 张三, ¥500 by WeChat. */
	harness_type(h, "n");
	HWAIT(h, "A new donation of", 3000);
	harness_type(h, "1");
	HWAIT(h, "A new cash donation", 3000);
	harness_key(h, "Tab"); /* the date stays today */
	harness_type(h, "张三");
	tabs(h, 3); /* type, anonymous, phone */
	harness_type(h, "１３８１２３４５６７８");
	harness_key(h, "Tab");
	HWAIT(h, "13812345678", 3000); /* folded to half-width */
	harness_type(h, "500");
	harness_key(h, "Tab");
	harness_type(h, "w"); /* WeChat */
	HWAIT(h, "WeChat", 3000);
	harness_key(h, "F10");
	/* the receipt opens at once, with its number and the capitals */
	HWAIT(h, "Receipt 2020-A-0001", 3000);
	HWAIT(h, "receipt number 2020-A-0001", 1000);
	HWAIT(h, "伍佰元整", 1000);
	HWAIT(h, "138****5678", 1000);
	harness_type(h, "s");
	HWAIT(h, "receipt-2020-A-0001.pdf", 5000);
	harness_key(h, "Esc");
	HWAIT(h, "Donations: 1", 3000);
	HWAIT(h, "Cash ¥500.00 (1)  WeChat ¥500.00", 1000);
	HSQL_IS(h, db, "SELECT receipt_no, donor_name, amount_fen, channel, phone FROM donations",
		   "2020-A-0001|张三|50000|wechat|13812345678");

	/* An anonymous goods donation: 100 boxes' worth of masks. */
	harness_type(h, "n");
	HWAIT(h, "A new donation of", 3000);
	harness_type(h, "2");
	HWAIT(h, "A new goods donation", 3000);
	harness_key(h, "Tab");
	harness_type(h, "赵六");
	tabs(h, 2);
	harness_type(h, "y"); /* anonymous */
	tabs(h, 2);	      /* phone, item */
	harness_type(h, "口罩");
	harness_key(h, "Tab");
	harness_type(h, "100");
	harness_key(h, "Tab");
	harness_type(h, "个");
	harness_key(h, "Tab");
	harness_type(h, "200");
	harness_key(h, "F10");
	HWAIT(h, "Receipt 2020-A-0002", 3000);
	harness_key(h, "Esc");
	HWAIT(h, "Donations: 2", 3000);
	HWAIT(h, "匿名", 1000);
	HCHECK(h, !harness_has_text(h, "赵六"), "an anonymous donor's name is on screen");
	HWAIT(h, "Goods 1, est. ¥200.00: 口罩 100 个 ¥200.00", 1000);
	HWAIT(h, "Cash ¥500.00 (1)", 1000);

	/* Void the cash donation (the second row: the newest is on top). */
	harness_key(h, "Down");
	harness_type(h, "x");
	HWAIT(h, "Void donation 2020-A-0001", 3000);
	harness_type(h, "y");
	HWAIT(h, "Reason", 3000);
	harness_type(h, "金额录错");
	harness_key(h, "Enter");
	HWAIT(h, "Voided 2020-A-0001", 3000);
	HWAIT(h, "Donations: 2 (1 void)", 3000);
	HWAIT(h, "[void] ¥500.00", 1000);
	HWAIT(h, "Cash ¥0.00 (0)", 1000);
	HWAIT(h, "Goods 1, est. ¥200.00", 1000);
	HSQL_IS(h, db, "SELECT receipt_no, void_reason FROM donations WHERE void_reason IS NOT NULL",
		   "2020-A-0001|金额录错");
	HSQL_IS(h, db, "SELECT count(*) FROM audit_log WHERE action = 'void'", "1");
	/* Voiding it again is refused, with its number and reason, asking nothing. */
	harness_type(h, "x");
	HWAIT(h, "Donation 2020-A-0001 is already void (金额录错).", 3000);
	HCHECK(h, !harness_has_text(h, "Void donation 2020-A-0001"), "asked to void it again");
	HSQL_IS(h, db, "SELECT count(*) FROM audit_log WHERE action = 'void'", "1");

	/* A distribution beyond the stock is refused and writes nothing. */
	harness_type(h, "g");
	HWAIT(h, "口罩 - 100 个 on hand", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "Give out 口罩", 3000);
	harness_type(h, "150");
	harness_key(h, "Tab");
	HWAIT(h, "only 100 个 of 口罩 on hand", 3000);
	harness_key(h, "F10");
	HWAIT(h, "only 100 个 of 口罩 on hand", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM distributions", "0");
	harness_key(h, "Esc");
	HWAIT(h, "Discard", 3000);
	harness_type(h, "y");
	HWAIT(h, "Goods 1, est. ¥200.00: 口罩 100 个 ¥200.00", 3000);

	/* 30 of them to the east gate's volunteers. */
	harness_type(h, "g");
	HWAIT(h, "Give out which item?", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "Give out 口罩", 3000);
	harness_type(h, "30");
	harness_key(h, "Tab");
	harness_type(h, "o"); /* other */
	harness_key(h, "Tab");
	harness_type(h, "东门志愿者");
	harness_key(h, "F10");
	HWAIT(h, "Gave out 30 个 of 口罩 to 东门志愿者", 3000);
	/* the ledger's totals count what was received */
	HWAIT(h, "Goods 1, est. ¥200.00: 口罩 100 个 ¥200.00", 1000);
	harness_type(h, "v");
	HWAIT(h, "Stock by item and unit", 3000);
	HWAIT(h, "Distributed", 3000);
	harness_settle(h, 100, 2000);
	{
		char *row = NULL;
		int r, c;

		HCHECK(h, harness_find(h, "口罩", &r, &c), "no 口罩 in the stock view");
		row = harness_row_text(h, r);
		HCHECK(h, strstr(row, "100") && strstr(row, "30") && strstr(row, "70"),
		       "stock row \"%s\" is not 100 / 30 / 70", row);
		free(row);
	}
	harness_type(h, "v");
	HWAIT(h, "Goods given out", 3000);
	HWAIT(h, "东门志愿者", 1000);
	harness_key(h, "Esc");
	HWAIT(h, "Donations: 2 (1 void)", 3000);
	HSQL_IS(h, db, "SELECT item, unit, quantity, recipient_kind, recipient FROM distributions",
		   "口罩|个|3000|other|东门志愿者");

	/* Voiding the goods donation now would leave the stock below zero:
	 * refused before any question or reason (issue 22). */
	harness_key(h, "Home");
	harness_settle(h, 100, 2000);
	harness_type(h, "x");
	HWAIT(h, "cannot void: 100 个 of 口罩 were received with it but only 70", 3000);
	HCHECK(h, !harness_has_text(h, "Void donation 2020-A-0002"),
	       "asked to void before refusing");
	harness_settle(h, 150, 2000);
	HCHECK(h, !harness_has_text(h, "Reason"), "asked for a reason before refusing");
	HSQL_IS(h, db, "SELECT count(*) FROM audit_log WHERE action = 'void'", "1");

	/* A filter narrows the list and its totals; Esc clears it. */
	harness_type(h, "/");
	HWAIT(h, "Filter the donations", 3000);
	tabs(h, 2);
	harness_type(h, "匿名");
	harness_key(h, "F10");
	HWAIT(h, "Donations: 1  Filter: 匿名", 3000);
	HGONE(h, "2020-A-0001", 1000);
	harness_key(h, "Esc");
	HWAIT(h, "Donations: 2 (1 void)", 3000);

	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "q did not quit");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(&h);
	free((char *)o.bin);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
