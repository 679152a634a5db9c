/* db sheet_daily: the daily sheet (日报表), built from db_daily_stats; see
 * sheet_ctx.h.  Moved out of db/sheets.c, which holds the other kinds. */
#include "db/sheet_daily.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/report.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sheet_columns.h"
#include "db/sheet_epi.h"
#include "db/sheet_trend.h"
#include "db/sql.h"
#include "db/stats.h"

/* ---- daily: 日报表 ---- */

/* A key/value row: label, number, and a remark (may be ""). */
static void kv(struct sheet_table *t, const char *label, long long n, const char *remark)
{
	sheet_row_add(t, 0);
	sheet_cell(t, label);
	sheet_cellf(t, "%lld", n);
	sheet_cell(t, remark);
}

static struct sheet_table *kv_table(struct sheet *s, const char *caption)
{
	/* no column header: 项目, 数量, 说明 are plain, and the page stays one */
	struct sheet_table *t = sheet_table_add(s, caption, SHEET_TABLE_LIST | SHEET_TABLE_NOHEAD);

	sheet_columns_add(t, SHEET_COLS_DAILY_KV);
	return t;
}

/* One row of the isolation table: a label, then the three kinds and the
 * total of one member of struct stats_isolation. */
static void iso_kinds(struct sheet_table *t, const char *label, const struct daily_stats *d,
		      size_t member)
{
	sheet_row_add(t, 0);
	sheet_cell(t, label);
	for (int k = 0; k <= STATS_KINDS; k++) {
		const struct stats_isolation *iso = k < STATS_KINDS ? &d->iso[k] : &d->iso_total;

		sheet_cellf(t, "%d", *(const int *)((const char *)iso + member));
	}
}

/* The missed checks of a slot, or why they are not counted yet. */
static void missed_row(struct sheet_table *t, const char *label, int missed, int over,
		       const char *cutoff)
{
	char *why;

	if (over) {
		why = xasprintf("截止 %s 未测", cutoff);
		kv(t, label, missed, why);
	} else {
		why = xasprintf("截止时间 %s 未到，暂不统计", cutoff);
		sheet_row_add(t, 0);
		sheet_cell(t, label);
		sheet_cell(t, "—");
		sheet_cell(t, why);
	}
	free(why);
}

/* The day's goods facts the counts leave out: how many goods donations
 * have no estimated value, and what was given out per item and unit
 * ("口罩 1,020个；消毒液 10箱"; 桶 and 个 are never added together). */
static int daily_goods(struct ctx *c, int *unvalued, struct strbuf *given, struct err *e)
{
	sqlite3_stmt *st = db_stmt(c->db,
				   "SELECT count(*) FROM donations WHERE received_date = :date"
				   " AND deleted_at IS NULL AND void_reason IS NULL AND kind = 'goods'"
				   " AND value_fen IS NULL",
				   e);
	char q[48];
	int r;

	if (!st)
		return -1;
	sql_bind_text(st, ":date", c->rq->date);
	r = sql_step_row(c->db, st, e);
	*unvalued = r == 1 ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	st = db_stmt(c->db,
		     "SELECT item, unit, sum(quantity) FROM distributions WHERE date = :date"
		     " AND deleted_at IS NULL GROUP BY item, unit ORDER BY item, unit",
		     e);
	if (!st)
		return -1;
	sql_bind_text(st, ":date", c->rq->date);
	while ((r = sql_step_row(c->db, st, e)) == 1) {
		sheet_fmt_qty(sqlite3_column_int64(st, 2), q, sizeof q);
		strbuf_printf(given, "%s%s %s%s", strbuf_str(given)[0] ? "；" : "",
			      (const char *)sqlite3_column_text(st, 0), q,
			      (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

int db_sheet_build_daily(struct ctx *c, struct sheet *s, struct err *e)
{
	struct daily_stats d;
	struct sheet_table *t;
	struct strbuf given = STRBUF_INIT;
	char a[48], b[48], *txt;
	int unvalued = 0;

	if (db_daily_stats(c->db, c->rq->date, &d, e) < 0) {
		report_stats_clear(&d);
		return -1;
	}
	sheet_header_add(s, "社区", c->set.community);
	sheet_header_add(s, "街道", c->set.street);
	sheet_header_add(s, "区", c->set.district);
	sheet_header_add(s, "日期", c->rq->date);
	sheet_header_add(s, "制表", c->rq->staff);
	txt = d.as_of[0] ? xasprintf("数据截至 %s。", d.as_of)
			 : xasprintf("数据为 %s 全天。", d.date);
	{
		char *note = xasprintf(
		    "%s发热标准：体温达到 %d.%d℃。上午监测截止 %s，下午截止 %s。", txt,
		    d.fever_threshold / 10, d.fever_threshold % 10, d.am_cutoff, d.pm_cutoff);

		sheet_note_set(s, note);
		free(note);
	}
	free(txt);
	sheet_signatures_set(s, "填表人", "审核人", "社区负责人", (char *)NULL);
	s->dense = 1; /* with the 14-day chart, one page */

	t = kv_table(s, "一、住户与居民");
	kv(t, "住户（户）", d.households, "");
	kv(t, "居民（人）", d.residents, "在住及外出，不含迁出、死亡");

	t = kv_table(s, "二、走访排查");
	txt = xasprintf("共 %d 户", d.households);
	kv(t, "已走访住户（户）", d.households_done, txt);
	free(txt);
	kv(t, "　其中：已访", d.visited, "以当日最后一次走访结果为准");
	kv(t, "　　　　无人应答", d.no_answer, "需再次走访");
	kv(t, "　　　　拒绝", d.refused, "");
	kv(t, "　　　　外出", d.away, "");
	kv(t, "走访次数", d.visits, "");
	kv(t, "测温人数", d.residents_checked, "");
	txt = xasprintf("体温达到 %d.%d℃", d.fever_threshold / 10, d.fever_threshold % 10);
	kv(t, "发热人数", d.fevers, txt);
	free(txt);
	if (db_sheet_epi_daily_rows(c->db, c->rq->date, t, e) < 0) {
		report_stats_clear(&d);
		return -1;
	}

	t = sheet_table_add(s, "三、隔离人员（人）", SHEET_TABLE_LIST);
	sheet_columns_add(t, SHEET_COLS_DAILY_ISOLATION);
	iso_kinds(t, "新增", &d, offsetof(struct stats_isolation, new_today));
	iso_kinds(t, "在隔离（日终）", &d, offsetof(struct stats_isolation, active));
	iso_kinds(t, "解除隔离", &d, offsetof(struct stats_isolation, released));
	iso_kinds(t, "其他原因结束", &d, offsetof(struct stats_isolation, ended_other));
	iso_kinds(t, "当日期满", &d, offsetof(struct stats_isolation, ending));
	iso_kinds(t, "已过期满日未解除", &d, offsetof(struct stats_isolation, overdue));

	t = kv_table(s, "四、健康监测");
	txt = d.checks_elsewhere
		  ? xasprintf("当日在隔离人员；另有 %d 人在集中隔离点或医院，由隔离点监测",
			      d.checks_elsewhere)
		  : xstrdup("当日在隔离人员");
	kv(t, "应测人数", d.checks_due, txt);
	free(txt);
	kv(t, "上午已测", d.checks_am, "");
	missed_row(t, "上午漏测", d.missed_am, d.am_over, d.am_cutoff);
	kv(t, "下午已测", d.checks_pm, "");
	missed_row(t, "下午漏测", d.missed_pm, d.pm_over, d.pm_cutoff);
	kv(t, "补录", d.checks_late, "期满后补录的监测");
	kv(t, "监测发热", d.check_fevers, "");

	t = kv_table(s, "五、捐赠与发放");
	kv(t, "接收捐赠（笔）", d.donations, "不含作废");
	sheet_fmt_money(d.cash_fen, a, sizeof a);
	txt = xasprintf("金额 %s 元", a);
	kv(t, "　其中：现金", d.cash_donations, txt);
	free(txt);
	if (daily_goods(c, &unvalued, &given, e) < 0) {
		strbuf_free(&given);
		report_stats_clear(&d);
		return -1;
	}
	sheet_fmt_money(d.goods_value_fen, b, sizeof b);
	txt = unvalued ? xasprintf("估值 %s 元，另 %d 批未估值", b, unvalued)
		       : xasprintf("估值 %s 元", b);
	kv(t, "　　　　物资", d.goods_donations, txt);
	free(txt);
	kv(t, "作废收据", d.voided, "");
	kv(t, "物资发放（次）", d.distributions, strbuf_str(&given));
	strbuf_free(&given);
	report_stats_clear(&d);
	return db_sheet_trend(c->db, c->rq->date, s, e);
}
