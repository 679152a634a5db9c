/* db sheet_notice: the donation notice (捐赠款物公示); see sheet_ctx.h.
 * Moved out of db/sheets.c, which holds the other kinds. */
#include "db/sheet_notice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/model.h"
#include "core/money.h"
#include "core/rmbupper.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/expenditures.h"
#include "db/sheet_columns.h"
#include "db/sql.h"

/* ---- donations: 捐赠款物公示 ---- */

/* "人民币壹仟贰佰叁拾肆元整（¥1,234.00）": the capitals and the figures. */
static char *money_both(long long fen)
{
	char fig[MONEY_STR], up[RMBUPPER_MAX];

	money_format(fen, fig, sizeof fig);
	if (rmbupper_format(fen < 0 ? -fen : fen, up, sizeof up) < 0)
		return xstrdup(fig);
	return xasprintf("人民币%s%s（%s）", fen < 0 ? "负" : "", up, fig);
}

/* One donation's cells after its number, date, donor and kind. */
static void donation_cells(struct sheet_table *t, sqlite3_stmt *st, long long *cash,
			   long long *value, int *unvalued)
{
	char a[48], b[48];
	const char *item = (const char *)sqlite3_column_text(st, 7);
	const char *unit = (const char *)sqlite3_column_text(st, 9);
	const char *kind = (const char *)sqlite3_column_text(st, 4);

	if (kind && !strcmp(kind, "goods")) {
		sheet_fmt_qty(sqlite3_column_int64(st, 8), a, sizeof a);
		sheet_cell(t, "");
		sheet_cellf(t, "%s %s%s", item ? item : "", a, unit ? unit : "");
		if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
			sheet_fmt_money(sqlite3_column_int64(st, 10), b, sizeof b);
			sheet_cell(t, b);
			*value += sqlite3_column_int64(st, 10);
		} else {
			sheet_cell(t, "未估值");
			(*unvalued)++;
		}
	} else {
		sheet_fmt_money(sqlite3_column_int64(st, 5), a, sizeof a);
		sheet_cell(t, a);
		sheet_cell(t, model_enum_zh(model_channel, (const char *)sqlite3_column_text(st, 6)));
		sheet_cell(t, "");
		*cash += sqlite3_column_int64(st, 5);
	}
	sheet_cell(t, (const char *)sqlite3_column_text(st, 11));
}

/* The statement sql, with :from and :to bound to the notice's period; NULL
 * on error. */
static sqlite3_stmt *period_stmt(struct ctx *c, const char *sql, struct err *e)
{
	sqlite3_stmt *st = db_stmt(c->db, sql, e);

	if (st) {
		sql_bind_text(st, ":to", c->rq->date);
		sql_bind_text(st, ":from", c->rq->from);
	}
	return st;
}

static int donation_rows(struct ctx *c, struct sheet_table *t, long long *cash_out,
			 struct err *e)
{
	static const char *const sql =
	    "SELECT receipt_no, received_date, donor_name, anonymous, kind, amount_fen,"
	    " channel, item, quantity, unit, value_fen, designation, void_reason, voided_at"
	    " FROM donations WHERE deleted_at IS NULL AND received_date <= :to"
	    " AND received_date >= :from ORDER BY received_date, year, station, seq, id";
	long long cash = 0, value = 0;
	int ncash = 0, ngoods = 0, unvalued = 0, n = 0, r;
	char a[48], b[48];
	sqlite3_stmt *st = period_stmt(c, sql, e);

	if (!st)
		return -1;
	while ((r = sql_step_row(c->db, st, e)) == 1) {
		const char *kind = (const char *)sqlite3_column_text(st, 4);
		const char *donor = (const char *)sqlite3_column_text(st, 2);
		const char *why = (const char *)sqlite3_column_text(st, 12);

		sheet_row_add(t, 0);
		sheet_cellf(t, "%d", ++n);
		sheet_cell(t, (const char *)sqlite3_column_text(st, 0));
		sheet_cell(t, (const char *)sqlite3_column_text(st, 1));
		sheet_cell(t, sqlite3_column_int(st, 3) || !donor || !*donor ? "匿名" : donor);
		sheet_cell(t, model_enum_zh(model_donation_kind, kind));
		if (why || sqlite3_column_type(st, 13) != SQLITE_NULL) {
			sheet_cell(t, "");
			sheet_cellf(t, "（作废%s%s）", why && *why ? "：" : "",
				    why && *why ? why : "");
			continue;
		}
		if (kind && !strcmp(kind, "goods"))
			ngoods++;
		else
			ncash++;
		donation_cells(t, st, &cash, &value, &unvalued);
	}
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	sheet_row_add(t, SHEET_ROW_TOTAL);
	sheet_cell(t, "");
	sheet_cell(t, "合计");
	sheet_cell(t, "");
	sheet_cellf(t, "%d 笔", ncash + ngoods);
	sheet_cell(t, "");
	sheet_fmt_money(cash, a, sizeof a);
	sheet_cell(t, a);
	sheet_cellf(t, "现金 %d 笔，物资 %d 批", ncash, ngoods);
	sheet_fmt_money(value, b, sizeof b);
	if (unvalued)
		sheet_cellf(t, "%s\n另 %d 批未估值", b, unvalued);
	else
		sheet_cell(t, b);
	*cash_out = cash;
	return 0;
}

/* 现金支出明细: every expenditure of the period, voids listed as such. */
static int expenditure_rows(struct ctx *c, struct sheet_table *t, struct err *e)
{
	static const char *const sql =
	    "SELECT date, purpose, amount_fen, approved_by, voucher_no, void_reason"
	    " FROM expenditures WHERE deleted_at IS NULL AND date <= :to AND date >= :from"
	    " ORDER BY date, id";
	sqlite3_stmt *st = period_stmt(c, sql, e);
	char a[48];
	int r, n = 0;

	if (!st)
		return -1;
	while ((r = sql_step_row(c->db, st, e)) == 1) {
		const char *why = (const char *)sqlite3_column_text(st, 5);

		sheet_row_add(t, 0);
		sheet_cellf(t, "%d", ++n);
		sheet_cell(t, (const char *)sqlite3_column_text(st, 0));
		if (why)
			sheet_cellf(t, "%s（作废：%s）", (const char *)sqlite3_column_text(st, 1),
				    why);
		else
			sheet_cell(t, (const char *)sqlite3_column_text(st, 1));
		sheet_fmt_money(sqlite3_column_int64(st, 2), a, sizeof a);
		sheet_cell(t, why ? "" : a);
		sheet_cell(t, (const char *)sqlite3_column_text(st, 3));
		sheet_cell(t, (const char *)sqlite3_column_text(st, 4));
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

struct cash_line {
	const char *label;
	long long fen;
};

/* 现金收支: 收入, 支出 and 结余, each in figures and capitals. */
static int cash_rows(struct ctx *c, struct sheet_table *t, struct err *e)
{
	long long in = 0, out = 0, all_in = 0, all_out = 0;
	struct cash_line rows[4];
	char a[48];
	int n = 0;

	if (db_cash_totals(c->db, c->rq->from, c->rq->date, &in, &out, e) < 0 ||
	    db_cash_totals(c->db, "", c->rq->date, &all_in, &all_out, e) < 0)
		return -1;
	if (c->rq->from[0])
		rows[n++] = (struct cash_line){"期初结余", (all_in - in) - (all_out - out)};
	rows[n++] = (struct cash_line){"收入", in};
	rows[n++] = (struct cash_line){"支出", out};
	rows[n++] = (struct cash_line){"结余", all_in - all_out};
	for (int i = 0; i < n; i++) {
		char *both = money_both(rows[i].fen);

		sheet_row_add(t, i == n - 1 ? SHEET_ROW_TOTAL : 0);
		sheet_cell(t, rows[i].label);
		sheet_fmt_money(rows[i].fen, a, sizeof a);
		sheet_cell(t, a);
		sheet_cell(t, both);
		free(both);
	}
	return 0;
}

static int distribution_rows(struct ctx *c, struct sheet_table *t, struct err *e)
{
	static const char *const sql =
	    "SELECT d.date, d.item, d.quantity, d.unit, d.recipient_kind, h.code, p.name,"
	    " d.recipient, s.name FROM distributions d"
	    " LEFT JOIN households h ON h.id = d.household_id"
	    " LEFT JOIN checkpoints p ON p.id = d.checkpoint_id"
	    " LEFT JOIN staff s ON s.id = d.staff_id"
	    " WHERE d.deleted_at IS NULL AND d.date <= :to AND d.date >= :from"
	    " ORDER BY d.date, d.id";
	sqlite3_stmt *st = period_stmt(c, sql, e);
	char q[48];
	int r;

	if (!st)
		return -1;
	while ((r = sql_step_row(c->db, st, e)) == 1) {
		const char *rk = (const char *)sqlite3_column_text(st, 4);
		const char *who = (const char *)sqlite3_column_text(st, 7);

		if (rk && !strcmp(rk, "household") && sqlite3_column_text(st, 5))
			who = (const char *)sqlite3_column_text(st, 5);
		else if (rk && !strcmp(rk, "checkpoint") && sqlite3_column_text(st, 6))
			who = (const char *)sqlite3_column_text(st, 6);
		sheet_fmt_qty(sqlite3_column_int64(st, 2), q, sizeof q);
		sheet_row_add(t, 0);
		sheet_cell(t, (const char *)sqlite3_column_text(st, 0));
		sheet_cell(t, (const char *)sqlite3_column_text(st, 1));
		sheet_cellf(t, "%s%s", q,
			    sqlite3_column_text(st, 3) ? (const char *)sqlite3_column_text(st, 3)
						       : "");
		sheet_cellf(t, "%s%s%s", model_enum_zh(model_recipient_kind, rk), who && *who ? "：" : "",
			    who ? who : "");
		sheet_cell(t, (const char *)sqlite3_column_text(st, 8));
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

static int stock_rows(struct ctx *c, struct sheet_table *t, struct err *e)
{
	static const char *const sql =
	    "SELECT item, unit, sum(received), sum(distributed) FROM stock_moves"
	    " WHERE date <= :to GROUP BY item, unit"
	    " HAVING sum(received) <> 0 OR sum(distributed) <> 0 ORDER BY item, unit";
	sqlite3_stmt *st = db_stmt(c->db, sql, e);
	char a[48], b[48], d[48];
	int r;

	if (!st)
		return -1;
	sql_bind_text(st, ":to", c->rq->date);
	while ((r = sql_step_row(c->db, st, e)) == 1) {
		long long in = sqlite3_column_int64(st, 2), out = sqlite3_column_int64(st, 3);

		sheet_fmt_qty(in, a, sizeof a);
		sheet_fmt_qty(out, b, sizeof b);
		sheet_fmt_qty(in - out, d, sizeof d);
		sheet_row_add(t, 0);
		sheet_cell(t, (const char *)sqlite3_column_text(st, 0));
		sheet_cell(t, (const char *)sqlite3_column_text(st, 1));
		sheet_cell(t, a);
		sheet_cell(t, b);
		sheet_cell(t, d);
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

/* The notice's period: from the date for the notice days the settings say. */
static void notice_period(struct ctx *c, char *out, size_t n)
{
	struct date d, last;
	char a[DATE_STR];
	int days = c->set.notice_days > 0 ? c->set.notice_days : 7;

	if (date_parse_iso(c->rq->date, &d, NULL) < 0) {
		snprintf(out, n, "%s", c->rq->date);
		return;
	}
	last = date_add(&d, days - 1);
	date_format(&last, a);
	snprintf(out, n, "%s 至 %s（%d 天）", c->rq->date, a, days);
}

static void donation_columns(struct sheet_table *t)
{
	sheet_table_key_set(t, 1);
	sheet_columns_add(t, SHEET_COLS_DONATIONS);
}

/* Cash spent and the goods tables of the notice. */
static int notice_outgoings(struct ctx *c, struct sheet *s, struct err *e)
{
	struct sheet_table *t = sheet_table_add(s, "三、现金支出明细", SHEET_TABLE_LIST);

	sheet_columns_add(t, SHEET_COLS_EXPENDITURES);
	if (expenditure_rows(c, t, e) < 0)
		return -1;
	t = sheet_table_add(s, "四、物资发放", SHEET_TABLE_LIST);
	sheet_columns_add(t, SHEET_COLS_DISTRIBUTIONS);
	if (distribution_rows(c, t, e) < 0)
		return -1;
	t = sheet_table_add(s, "五、物资接收、发放、结存", SHEET_TABLE_LIST);
	sheet_columns_add(t, SHEET_COLS_STOCK);
	return stock_rows(c, t, e);
}

int db_sheet_build_donations(struct ctx *c, struct sheet *s, struct err *e)
{
	struct sheet_table *t;
	char *period = c->rq->from[0] ? xasprintf("%s 至 %s", c->rq->from, c->rq->date)
				      : xasprintf("截至 %s", c->rq->date);
	char notice[96], *text, *both;
	long long cash = 0;

	notice_period(c, notice, sizeof notice);
	sheet_header_add(s, "社区", c->set.community);
	sheet_header_add(s, "统计期间", period);
	sheet_header_add(s, "公示期", notice);
	sheet_header_add(s, "制表", c->rq->staff);
	free(period);
	text = xasprintf("监督电话：%s。匿名捐赠不公开捐赠人姓名；作废的收据号照常列出，不计入合计；"
			 "结余、结存为截至统计期末的累计数。欢迎群众监督。",
			 c->set.supervision_phone[0] ? c->set.supervision_phone : "—");
	sheet_note_set(s, text);
	free(text);
	sheet_signatures_set(s, "经办人", "审核人", "监督人", (char *)NULL);

	t = sheet_table_add(s, "一、捐赠明细", SHEET_TABLE_LIST);
	donation_columns(t);
	if (donation_rows(c, t, &cash, e) < 0)
		return -1;
	both = money_both(cash);
	t = sheet_table_add(s, NULL, SHEET_TABLE_LIST | SHEET_TABLE_NOHEAD);
	sheet_column_add(t, "", 94, SHEET_LEFT);
	sheet_row_add(t, SHEET_ROW_TOTAL);
	sheet_cellf(t, "现金捐赠合计：%s", both);
	free(both);

	t = sheet_table_add(s, "二、现金收支", SHEET_TABLE_LIST);
	sheet_columns_add(t, SHEET_COLS_CASH);
	if (cash_rows(c, t, e) < 0 || notice_outgoings(c, s, e) < 0)
		return -1;

	/* the committee's name, the date and room for its seal */
	t = sheet_table_add(s, NULL, SHEET_TABLE_FORM | SHEET_TABLE_NOHEAD | SHEET_TABLE_PLAIN);
	sheet_columns_add(t, SHEET_COLS_NOTICE_SEAL);
	sheet_row_add(t, 0);
	sheet_cell(t, "");
	sheet_cellf(t, "%s居民委员会（盖章）\n\n%s", c->set.community, c->rq->date);
	return 0;
}
