/* db sheets: filling the sheets of docs/sheets.md from the database; see sheets.h.
 *
 * Every query reads live records only (deleted_at IS NULL) and binds every
 * value.  The layout (columns, widths, the note under a form) is decided
 * here, next to the query that fills it, so that one place says what a
 * sheet holds. */
#include "db/sheets.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/namesort.h"
#include "core/isolation.h"
#include "core/json.h"
#include "core/mask.h"
#include "core/model.h"
#include "core/money.h"
#include "core/rmbupper.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/expenditures.h"
#include "db/settings.h"
#include "db/sheet_epi.h"
#include "db/sheet_gate.h"
#include "db/sql.h"
#include "db/stats.h"
#include "db/views.h"

const char *const db_sheet_kinds[] = {
    "rounds", "isolation", "daily", "donations", "duty", "passes", "visitors", NULL,
};

struct ctx;
typedef int (*sheet_builder)(struct ctx *c, struct sheet *s, struct err *e);

/* What each kind is: its paper title, orientation, the options it takes and
 * its builder.  A new kind is one line here, one in db_sheet_kinds and its
 * builder. */
struct kind_def {
	const char *kind, *title;
	enum sheet_orientation orientation;
	int flags; /* DB_SHEET_GRID, DB_SHEET_FROM */
	sheet_builder build;
};

static int build_rounds(struct ctx *c, struct sheet *s, struct err *e);
static int build_isolation(struct ctx *c, struct sheet *s, struct err *e);
static int build_daily(struct ctx *c, struct sheet *s, struct err *e);
static int build_donations(struct ctx *c, struct sheet *s, struct err *e);
static int build_duty(struct ctx *c, struct sheet *s, struct err *e);
static int build_passes(struct ctx *c, struct sheet *s, struct err *e);
static int build_visitors(struct ctx *c, struct sheet *s, struct err *e);

static const struct kind_def kind_defs[] = {
    {"rounds", "走访登记表", SHEET_PORTRAIT, DB_SHEET_GRID, build_rounds},
    {"isolation", "隔离人员健康监测表", SHEET_LANDSCAPE, DB_SHEET_GRID, build_isolation},
    {"daily", "日报表", SHEET_PORTRAIT, 0, build_daily},
    {"donations", "捐赠款物公示", SHEET_PORTRAIT, DB_SHEET_FROM, build_donations},
    {"duty", "值班表", SHEET_PORTRAIT, 0, build_duty},
    {"passes", "出入证", SHEET_PORTRAIT, DB_SHEET_GRID, build_passes},
    {"visitors", "外来人员登记表", SHEET_LANDSCAPE, 0, build_visitors},
};

static const struct kind_def *kind_find(const char *kind)
{
	for (size_t i = 0; kind && i < sizeof kind_defs / sizeof kind_defs[0]; i++)
		if (!strcmp(kind, kind_defs[i].kind))
			return &kind_defs[i];
	return NULL;
}

const char *db_sheet_title(const char *kind)
{
	const struct kind_def *k = kind_find(kind);

	return k ? k->title : NULL;
}

int db_sheet_kind_flags(const char *kind)
{
	const struct kind_def *k = kind_find(kind);

	return k ? k->flags : -1;
}

/* fen → "1,234.50": core/money's format without its ¥ (the column says 元). */
static void fmt_money(long long fen, char *out, size_t n)
{
	char buf[MONEY_STR];
	const char *p = buf;

	money_format(fen, buf, sizeof buf);
	if (!strncmp(p, "¥", strlen("¥")))
		p += strlen("¥");
	snprintf(out, n, "%s", p);
}

/* hundredths → "5,000", "12.5": core/money's quantity with thousands grouped. */
static void fmt_qty(long long q, char *out, size_t n)
{
	char buf[MONEY_STR], whole[MONEY_STR];
	const char *dot;
	size_t len, j = 0;

	quantity_format(q, buf, sizeof buf);
	dot = strchr(buf, '.');
	len = dot ? (size_t)(dot - buf) : strlen(buf);
	for (size_t i = 0; i < len && j + 2 < sizeof whole; i++) {
		if (i && buf[i - 1] != '-' && (len - i) % 3 == 0)
			whole[j++] = ',';
		whole[j++] = buf[i];
	}
	whole[j] = '\0';
	snprintf(out, n, "%s%s", whole, dot ? dot : "");
}

/* ---- common header ---- */

struct ctx {
	struct db *db;
	const struct db_sheet_request *rq;
	struct settings set;
	long long grid_id;   /* -1: every grid */
	char *grid_staff;    /* the grid's worker in charge, or NULL */
};

/* Resolves rq->grid into c->grid_id.  Returns 0, or -1 when no live grid
 * has that name. */
static int find_grid(struct ctx *c, struct err *e)
{
	sqlite3_stmt *st;
	int r;

	c->grid_id = -1;
	if (!c->rq->grid)
		return 0;
	st = db_stmt(c->db,
		     "SELECT g.id, s.name FROM grids g LEFT JOIN staff s ON s.id = g.staff_id"
		     " WHERE g.name = :name AND g.deleted_at IS NULL",
		     e);
	if (!st)
		return -1;
	sql_bind_text(st, ":name", c->rq->grid);
	r = sql_step_row(c->db, st, e);
	if (r == 1) {
		c->grid_id = sqlite3_column_int64(st, 0);
		sql_col_str(st, 1, &c->grid_staff);
	}
	sqlite3_reset(st);
	if (r == 0)
		return err_field(e, "grid", _("no grid is called \"%s\""), c->rq->grid);
	return r < 0 ? -1 : 0;
}

static void header(struct ctx *c, struct sheet *s, int with_grid)
{
	sheet_header_add(s, "社区", c->set.community);
	if (with_grid) {
		sheet_header_add(s, "网格", c->rq->grid ? c->rq->grid : "全部");
		if (c->grid_staff && c->grid_staff[0])
			sheet_header_add(s, "网格员", c->grid_staff);
	}
	sheet_header_add(s, "日期", c->rq->date);
	sheet_header_add(s, "制表", c->rq->staff);
}

/* ---- rounds: 走访登记表 ---- */

/* Appends the names of the living residents of a household, the head
 * first, one per line; returns how many. */
static int residents_of(struct ctx *c, long long household, struct strbuf *names, char **head,
			char **phone, struct err *e)
{
	sqlite3_stmt *st = db_stmt(c->db,
				   "SELECT name, relation, phone FROM residents"
				   " WHERE household_id = :h AND deleted_at IS NULL"
				   " AND status = 'living'"
				   " ORDER BY relation <> 'head', id",
				   e);
	int n = 0, r;

	if (!st)
		return -1;
	sql_bind_int(st, ":h", household);
	while ((r = sql_step_row(c->db, st, e)) == 1) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *rel = (const char *)sqlite3_column_text(st, 1);
		const char *ph = (const char *)sqlite3_column_text(st, 2);

		if (n)
			strbuf_putc(names, '\n');
		strbuf_puts(names, name ? name : "");
		if (n == 0 && rel && !strcmp(rel, "head"))
			xstrset(head, name);
		if (!**phone && ph && *ph)
			xstrset(phone, ph);
		n++;
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : n;
}

static int build_rounds(struct ctx *c, struct sheet *s, struct err *e)
{
	static const char *const all =
	    "SELECT id, code, phone FROM households WHERE deleted_at IS NULL"
	    " ORDER BY sort_key, id";
	static const char *const one =
	    "SELECT id, code, phone FROM households WHERE deleted_at IS NULL"
	    " AND grid_id = :grid ORDER BY sort_key, id";
	struct sheet_table *t;
	struct strbuf names = STRBUF_INIT;
	sqlite3_stmt *st;
	char *note;
	int r, n = 0;

	header(c, s, 1);
	note = xasprintf("结果栏填写：已访 / 无人应答 / 拒绝 / 外出。体温达到 %d.%d℃ 即为发热，"
			 "请立即上报并登记。",
			 c->set.fever_threshold / 10, c->set.fever_threshold % 10);
	sheet_note_set(s, note);
	free(note);
	t = sheet_table_add(s, NULL, SHEET_TABLE_FORM);
	sheet_table_key_set(t, 1);
	sheet_column_add(t, "序号", 4, SHEET_RIGHT);
	sheet_column_add(t, "户号", 10, SHEET_LEFT);
	sheet_column_add(t, "户主", 12, SHEET_LEFT);
	sheet_column_add(t, "居民", 14, SHEET_LEFT);
	sheet_column_add(t, "联系电话", 11, SHEET_LEFT);
	sheet_column_add(t, "体温", 8, SHEET_CENTER);
	sheet_column_add(t, "症状", 10, SHEET_CENTER);
	sheet_column_add(t, "结果", 8, SHEET_CENTER);
	sheet_column_add(t, "签名", 8, SHEET_CENTER);
	sheet_table_empty_set(t, c->rq->grid ? "（该网格没有住户）" : "（没有住户）");
	st = db_stmt(c->db, c->grid_id < 0 ? all : one, e);
	if (!st)
		return -1;
	if (c->grid_id >= 0)
		sql_bind_int(st, ":grid", c->grid_id);
	while ((r = sql_step_row(c->db, st, e)) == 1) {
		long long id = sqlite3_column_int64(st, 0);
		char *code = NULL, *phone = NULL, *head = xstrdup(""), *masked;
		int count;

		sql_col_str(st, 1, &code);
		sql_col_str(st, 2, &phone);
		strbuf_reset(&names);
		count = residents_of(c, id, &names, &head, &phone, e);
		if (count < 0) {
			free(code);
			free(phone);
			free(head);
			r = -1;
			break;
		}
		masked = xmalloc(strlen(phone) + 1);
		mask_phone(phone, masked, strlen(phone) + 1);
		sheet_row_add(t, 0);
		sheet_cellf(t, "%d", ++n);
		sheet_cell(t, code);
		sheet_cell(t, head);
		sheet_cell(t, strbuf_str(&names));
		sheet_cell(t, masked);
		sheet_cell_boxes(t, count ? count : 1);
		sheet_cell_boxes(t, count ? count : 1);
		sheet_cell(t, "");
		sheet_cell(t, "");
		free(code);
		free(phone);
		free(head);
		free(masked);
	}
	sqlite3_reset(st);
	strbuf_free(&names);
	return r < 0 ? -1 : 0;
}

/* ---- isolation: 隔离人员健康监测表 ---- */

static void temp_text(sqlite3_stmt *st, int col, char *out, size_t n)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL) {
		out[0] = '\0';
		return;
	}
	int t = sqlite3_column_int(st, col);

	snprintf(out, n, "%d.%d", t / 10, t % 10);
}

static int build_isolation(struct ctx *c, struct sheet *s, struct err *e)
{
	static const char *const sql =
	    "SELECT r.name, r.id_number, h.code, i.kind, i.site, i.start_date, i.days,"
	    " i.extended_days, i.end_date,"
	    " (SELECT temperature FROM checks k WHERE k.isolation_id = i.id"
	    "  AND k.date = :date AND k.slot = 'AM' AND k.deleted_at IS NULL"
	    "  ORDER BY k.temperature DESC, k.uuid LIMIT 1),"
	    " (SELECT temperature FROM checks k WHERE k.isolation_id = i.id"
	    "  AND k.date = :date AND k.slot = 'PM' AND k.deleted_at IS NULL"
	    "  ORDER BY k.temperature DESC, k.uuid LIMIT 1),"
	    " (SELECT group_concat(symptoms, ',') FROM checks k WHERE k.isolation_id = i.id"
	    "  AND k.date = :date AND k.deleted_at IS NULL AND k.symptoms <> '')"
	    " FROM isolations i JOIN residents r ON r.id = i.resident_id"
	    " JOIN households h ON h.id = r.household_id"
	    " WHERE i.deleted_at IS NULL AND " ISO_HELD_ON("i", ":date")
	    " AND (:grid < 0 OR h.grid_id = :grid)"
	    " ORDER BY i.kind, i.site, h.sort_key, r.name, i.id";
	struct sheet_table *t;
	struct date today, start, last;
	sqlite3_stmt *st;
	int r, n = 0;

	header(c, s, c->rq->grid != NULL);
	sheet_note_set(s,
		       "每日上午、下午各测体温一次，填写实测体温（℃）；有症状写明症状，无则写“无”。"
		       "体温异常或出现症状立即上报。");
	t = sheet_table_add(s, NULL, SHEET_TABLE_FORM);
	sheet_column_add(t, "序号", 4, SHEET_RIGHT);
	sheet_column_add(t, "姓名", 12, SHEET_LEFT);
	sheet_column_add(t, "证件号码", 19, SHEET_LEFT);
	sheet_column_add(t, "户号", 10, SHEET_LEFT);
	sheet_column_add(t, "隔离方式", 8, SHEET_LEFT);
	sheet_column_add(t, "隔离地点", 16, SHEET_LEFT);
	sheet_column_add(t, "开始日期", 10, SHEET_CENTER);
	sheet_column_add(t, "第N/共M天", 9, SHEET_CENTER);
	sheet_column_add(t, "期满日期", 10, SHEET_CENTER);
	sheet_column_add(t, "上午体温", 8, SHEET_CENTER);
	sheet_column_add(t, "下午体温", 8, SHEET_CENTER);
	sheet_column_add(t, "症状", 12, SHEET_LEFT);
	sheet_table_empty_set(t, "（当日没有隔离人员）");
	if (date_parse_iso(c->rq->date, &today, e) < 0)
		return -1;
	st = db_stmt(c->db, sql, e);
	if (!st)
		return -1;
	sql_bind_text(st, ":date", c->rq->date);
	sql_bind_int(st, ":grid", c->grid_id);
	while ((r = sql_step_row(c->db, st, e)) == 1) {
		char idm[64], start_s[DATE_STR], end_s[DATE_STR], last_s[DATE_STR];
		char am[16], pm[16];
		struct isolation_span span;
		struct date end;
		int has_end, day, total;
		const char *id = (const char *)sqlite3_column_text(st, 1);
		const char *site = (const char *)sqlite3_column_text(st, 4);
		const char *sym = (const char *)sqlite3_column_text(st, 11);
		char *symz;

		sql_col_copy(st, 5, start_s, sizeof start_s);
		sql_col_copy(st, 8, end_s, sizeof end_s);
		if (date_parse_iso(start_s, &start, NULL) < 0)
			continue;
		isolation_span_compute(&start, sqlite3_column_int(st, 6), sqlite3_column_int(st, 7),
				       &span);
		has_end = end_s[0] && date_parse_iso(end_s, &end, NULL) == 0;
		/* past its last day it is due for release, no longer monitored */
		if (!isolation_is_active(&span, has_end ? &end : NULL, &today))
			continue;
		day = isolation_day_number(&span, &today);
		total = span.total_days;
		last = span.last_day;
		date_format(&last, last_s);
		mask_id(id, idm, sizeof idm);
		temp_text(st, 9, am, sizeof am);
		temp_text(st, 10, pm, sizeof pm);
		sheet_row_add(t, 0);
		sheet_cellf(t, "%d", ++n);
		sheet_cell(t, (const char *)sqlite3_column_text(st, 0));
		sheet_cell(t, idm);
		sheet_cell(t, (const char *)sqlite3_column_text(st, 2));
		sheet_cell(t, model_enum_zh(model_iso_kind, (const char *)sqlite3_column_text(st, 3)));
		sheet_cell(t, site);
		sheet_cell(t, start_s);
		sheet_cellf(t, "%d/%d", day, total);
		sheet_cell(t, last_s);
		if (am[0])
			sheet_cell(t, am);
		else
			sheet_cell_boxes(t, 1);
		if (pm[0])
			sheet_cell(t, pm);
		else
			sheet_cell_boxes(t, 1);
		symz = sym ? model_codes_to_zh(model_symptom, sym) : NULL;
		sheet_cell(t, symz ? symz : "");
		free(symz);
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

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
	struct sheet_table *t = sheet_table_add(s, caption, SHEET_TABLE_LIST);

	sheet_column_add(t, "项目", 24, SHEET_LEFT);
	sheet_column_add(t, "数量", 12, SHEET_RIGHT);
	sheet_column_add(t, "说明", 40, SHEET_LEFT);
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
		fmt_qty(sqlite3_column_int64(st, 2), q, sizeof q);
		strbuf_printf(given, "%s%s %s%s", strbuf_str(given)[0] ? "；" : "",
			      (const char *)sqlite3_column_text(st, 0), q,
			      (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

static int build_daily(struct ctx *c, struct sheet *s, struct err *e)
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
	sheet_column_add(t, "项目", 24, SHEET_LEFT);
	sheet_column_add(t, "居家隔离", 10, SHEET_RIGHT);
	sheet_column_add(t, "集中隔离", 10, SHEET_RIGHT);
	sheet_column_add(t, "医院", 10, SHEET_RIGHT);
	sheet_column_add(t, "合计", 10, SHEET_RIGHT);
	iso_kinds(t, "新增", &d, offsetof(struct stats_isolation, new_today));
	iso_kinds(t, "在隔离（日终）", &d, offsetof(struct stats_isolation, active));
	iso_kinds(t, "解除隔离", &d, offsetof(struct stats_isolation, released));
	iso_kinds(t, "其他原因结束", &d, offsetof(struct stats_isolation, ended_other));
	iso_kinds(t, "当日期满", &d, offsetof(struct stats_isolation, ending));
	iso_kinds(t, "已过期满日未解除", &d, offsetof(struct stats_isolation, overdue));

	t = kv_table(s, "四、健康监测");
	kv(t, "应测人数", d.checks_due, "当日在隔离人员");
	kv(t, "上午已测", d.checks_am, "");
	missed_row(t, "上午漏测", d.missed_am, d.am_over, d.am_cutoff);
	kv(t, "下午已测", d.checks_pm, "");
	missed_row(t, "下午漏测", d.missed_pm, d.pm_over, d.pm_cutoff);
	kv(t, "补录", d.checks_late, "期满后补录的监测");
	kv(t, "监测发热", d.check_fevers, "");

	t = kv_table(s, "五、捐赠与发放");
	kv(t, "接收捐赠（笔）", d.donations, "不含作废");
	fmt_money(d.cash_fen, a, sizeof a);
	txt = xasprintf("金额 %s 元", a);
	kv(t, "　其中：现金", d.cash_donations, txt);
	free(txt);
	if (daily_goods(c, &unvalued, &given, e) < 0) {
		strbuf_free(&given);
		report_stats_clear(&d);
		return -1;
	}
	fmt_money(d.goods_value_fen, b, sizeof b);
	txt = unvalued ? xasprintf("估值 %s 元，另 %d 批未估值", b, unvalued)
		       : xasprintf("估值 %s 元", b);
	kv(t, "　　　　物资", d.goods_donations, txt);
	free(txt);
	kv(t, "作废收据", d.voided, "");
	kv(t, "物资发放（次）", d.distributions, strbuf_str(&given));
	strbuf_free(&given);
	report_stats_clear(&d);
	return 0;
}

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
		fmt_qty(sqlite3_column_int64(st, 8), a, sizeof a);
		sheet_cell(t, "");
		sheet_cellf(t, "%s %s%s", item ? item : "", a, unit ? unit : "");
		if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
			fmt_money(sqlite3_column_int64(st, 10), b, sizeof b);
			sheet_cell(t, b);
			*value += sqlite3_column_int64(st, 10);
		} else {
			sheet_cell(t, "未估值");
			(*unvalued)++;
		}
	} else {
		fmt_money(sqlite3_column_int64(st, 5), a, sizeof a);
		sheet_cell(t, a);
		sheet_cell(t, model_enum_zh(model_channel, (const char *)sqlite3_column_text(st, 6)));
		sheet_cell(t, "");
		*cash += sqlite3_column_int64(st, 5);
	}
	sheet_cell(t, (const char *)sqlite3_column_text(st, 11));
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
	sqlite3_stmt *st = db_stmt(c->db, sql, e);

	if (!st)
		return -1;
	sql_bind_text(st, ":to", c->rq->date);
	sql_bind_text(st, ":from", c->rq->from);
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
	fmt_money(cash, a, sizeof a);
	sheet_cell(t, a);
	sheet_cellf(t, "现金 %d 笔，物资 %d 批", ncash, ngoods);
	fmt_money(value, b, sizeof b);
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
	sqlite3_stmt *st = db_stmt(c->db, sql, e);
	char a[48];
	int r, n = 0;

	if (!st)
		return -1;
	sql_bind_text(st, ":to", c->rq->date);
	sql_bind_text(st, ":from", c->rq->from);
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
		fmt_money(sqlite3_column_int64(st, 2), a, sizeof a);
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
		fmt_money(rows[i].fen, a, sizeof a);
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
	sqlite3_stmt *st = db_stmt(c->db, sql, e);
	char q[48];
	int r;

	if (!st)
		return -1;
	sql_bind_text(st, ":to", c->rq->date);
	sql_bind_text(st, ":from", c->rq->from);
	while ((r = sql_step_row(c->db, st, e)) == 1) {
		const char *rk = (const char *)sqlite3_column_text(st, 4);
		const char *who = (const char *)sqlite3_column_text(st, 7);

		if (rk && !strcmp(rk, "household") && sqlite3_column_text(st, 5))
			who = (const char *)sqlite3_column_text(st, 5);
		else if (rk && !strcmp(rk, "checkpoint") && sqlite3_column_text(st, 6))
			who = (const char *)sqlite3_column_text(st, 6);
		fmt_qty(sqlite3_column_int64(st, 2), q, sizeof q);
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

		fmt_qty(in, a, sizeof a);
		fmt_qty(out, b, sizeof b);
		fmt_qty(in - out, d, sizeof d);
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
	sheet_column_add(t, "序号", 4, SHEET_RIGHT);
	sheet_column_add(t, "收据号", 11, SHEET_LEFT);
	sheet_column_add(t, "日期", 10, SHEET_CENTER);
	sheet_column_add(t, "捐赠人", 16, SHEET_LEFT);
	sheet_column_add(t, "类别", 4, SHEET_CENTER);
	sheet_column_add(t, "金额(元)", 11, SHEET_RIGHT);
	sheet_column_add(t, "物资/方式", 16, SHEET_LEFT);
	sheet_column_add(t, "估值(元)", 10, SHEET_RIGHT);
	sheet_column_add(t, "指定用途", 12, SHEET_LEFT);
}

/* Cash spent and the goods tables of the notice. */
static int notice_outgoings(struct ctx *c, struct sheet *s, struct err *e)
{
	struct sheet_table *t = sheet_table_add(s, "三、现金支出明细", SHEET_TABLE_LIST);

	sheet_column_add(t, "序号", 4, SHEET_RIGHT);
	sheet_column_add(t, "日期", 10, SHEET_CENTER);
	sheet_column_add(t, "用途", 30, SHEET_LEFT);
	sheet_column_add(t, "金额(元)", 12, SHEET_RIGHT);
	sheet_column_add(t, "批准人", 10, SHEET_LEFT);
	sheet_column_add(t, "凭证号", 14, SHEET_LEFT);
	if (expenditure_rows(c, t, e) < 0)
		return -1;
	t = sheet_table_add(s, "四、物资发放", SHEET_TABLE_LIST);
	sheet_column_add(t, "日期", 10, SHEET_CENTER);
	sheet_column_add(t, "物资", 14, SHEET_LEFT);
	sheet_column_add(t, "数量", 10, SHEET_RIGHT);
	sheet_column_add(t, "领取", 30, SHEET_LEFT);
	sheet_column_add(t, "经办人", 10, SHEET_LEFT);
	if (distribution_rows(c, t, e) < 0)
		return -1;
	t = sheet_table_add(s, "五、物资接收、发放、结存", SHEET_TABLE_LIST);
	sheet_column_add(t, "物资", 20, SHEET_LEFT);
	sheet_column_add(t, "单位", 8, SHEET_CENTER);
	sheet_column_add(t, "接收", 12, SHEET_RIGHT);
	sheet_column_add(t, "发放", 12, SHEET_RIGHT);
	sheet_column_add(t, "结存", 12, SHEET_RIGHT);
	return stock_rows(c, t, e);
}

static int build_donations(struct ctx *c, struct sheet *s, struct err *e)
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
	sheet_column_add(t, "项目", 10, SHEET_LEFT);
	sheet_column_add(t, "金额(元)", 14, SHEET_RIGHT);
	sheet_column_add(t, "大写", 60, SHEET_LEFT);
	if (cash_rows(c, t, e) < 0 || notice_outgoings(c, s, e) < 0)
		return -1;

	/* the committee's name, the date and room for its seal */
	t = sheet_table_add(s, NULL, SHEET_TABLE_FORM | SHEET_TABLE_NOHEAD | SHEET_TABLE_PLAIN);
	sheet_column_add(t, "", 54, SHEET_LEFT);
	sheet_column_add(t, "", 40, SHEET_CENTER);
	sheet_row_add(t, 0);
	sheet_cell(t, "");
	sheet_cellf(t, "%s居民委员会（盖章）\n\n%s", c->set.community, c->rq->date);
	return 0;
}

static int build_duty(struct ctx *c, struct sheet *s, struct err *e)
{
	header(c, s, 0);
	return db_sheet_gate_duty(c->db, c->rq->date, s, e);
}

static int build_passes(struct ctx *c, struct sheet *s, struct err *e)
{
	header(c, s, 1);
	return db_sheet_gate_passes(c->db, c->grid_id, c->set.community, c->set.outing_days, s, e);
}

static int build_visitors(struct ctx *c, struct sheet *s, struct err *e)
{
	header(c, s, 0);
	return db_sheet_epi_visitors(c->db, c->rq->date, s, e);
}

int db_sheet_build(struct db *db, const struct db_sheet_request *rq, struct sheet **out,
		   struct err *e)
{
	const char *title = db_sheet_title(rq->kind);
	const struct kind_def *k;
	struct sheet *s;
	struct ctx c;
	int r;

	*out = NULL;
	if (!title)
		return err_field(e, "kind",
				 _("unknown sheet \"%s\" (rounds, isolation, daily, "
				   "donations, duty, passes or visitors)"),
				 rq->kind ? rq->kind : "");
	memset(&c, 0, sizeof c);
	c.db = db;
	c.rq = rq;
	if (db_settings_get(db, &c.set, e) < 0 || find_grid(&c, e) < 0) {
		r = -1;
		s = NULL;
	} else {
		k = kind_find(rq->kind);
		s = sheet_new(title, k->orientation);
		r = k->build(&c, s, e);
	}
	settings_clear(&c.set);
	free(c.grid_staff);
	if (r < 0) {
		if (s)
			sheet_free(&s);
		return -1;
	}
	*out = s;
	return 0;
}

int db_sheet_audit_print(struct db *db, const struct db_sheet_request *rq, const char *file,
			 const char *queue, const char *job, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	int r = -1;

	json_open(&ch);
	json_add_str(&ch, "sheet", rq->kind);
	json_add_str(&ch, "date", rq->date);
	if (rq->from[0])
		json_add_str(&ch, "from", rq->from);
	if (rq->grid)
		json_add_str(&ch, "grid", rq->grid);
	if (rq->subject)
		json_add_str(&ch, !strcmp(rq->kind, "receipt") ? "receipt" : "who", rq->subject);
	json_add_str(&ch, "file", file);
	json_add_str(&ch, "printer", queue && *queue ? queue : "(default)");
	json_add_str(&ch, "job", job);
	json_close(&ch);
	if (db_begin(db, e) == 0) {
		if (db_audit(db, "print", "sheets", NULL, strbuf_str(&ch), e) == 0 &&
		    db_commit(db, e) == 0)
			r = 0;
		else
			db_rollback(db);
	}
	strbuf_free(&ch);
	return r;
}

static int name_cmp(const void *a, const void *b)
{
	return namesort_cmp(*(char *const *)a, *(char *const *)b);
}

int db_sheet_grids(struct db *db, char ***names, int *n, struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db, "SELECT name FROM grids WHERE deleted_at IS NULL", e);
	int r, cap = 0;

	*names = NULL;
	*n = 0;
	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*names = xrealloc(*names, (size_t)cap * sizeof **names);
		}
		(*names)[(*n)++] = sql_col_dup(st, 0);
	}
	sqlite3_reset(st);
	if (r == 0 && *n) /* the pickers' order, core/namesort */
		qsort(*names, (size_t)*n, sizeof **names, name_cmp);
	return r < 0 ? -1 : 0;
}

/* ---- one donation's receipt: 捐赠收据 ---- */

static void receipt_line(struct sheet_table *t, const char *label, const char *value)
{
	sheet_row_add(t, 0);
	sheet_cell(t, label);
	sheet_cell(t, value && *value ? value : "—");
}

int db_sheet_receipt(struct db *db, const char *receipt_no, const char *staff, struct sheet **out,
		     struct err *e)
{
	static const char *const sql =
	    "SELECT d.receipt_no, d.received_date, d.donor_name, d.anonymous, d.donor_type,"
	    " d.phone, d.kind, d.amount_fen, d.channel, d.item, d.quantity, d.unit, d.value_fen,"
	    " d.designation, s.name, d.void_reason, d.voided_at, d.notes"
	    " FROM donations d LEFT JOIN staff s ON s.id = d.received_by"
	    " WHERE d.receipt_no = :no AND d.deleted_at IS NULL";
	struct settings set = {0};
	struct sheet *s = NULL;
	struct sheet_table *t;
	sqlite3_stmt *st;
	char a[64], b[64], upper[RMBUPPER_MAX], phone[64];
	int r;

	*out = NULL;
	if (db_settings_get(db, &set, e) < 0 || !(st = db_stmt(db, sql, e))) {
		settings_clear(&set);
		return -1;
	}
	sql_bind_text(st, ":no", receipt_no);
	r = sql_step_row(db, st, e);
	if (r == 0)
		err_field(e, "receipt_no", _("no donation has the receipt number %s"), receipt_no);
	if (r != 1) {
		sqlite3_reset(st);
		settings_clear(&set);
		return -1;
	}
#define COL(i) ((const char *)sqlite3_column_text(st, (i)))
	s = sheet_new("捐赠收据", SHEET_PORTRAIT);
	sheet_header_add(s, "社区", set.community);
	sheet_header_add(s, "收据号", COL(0));
	sheet_header_add(s, "制表", staff);
	t = sheet_table_add(s, NULL, SHEET_TABLE_LIST | SHEET_TABLE_NOHEAD);
	sheet_column_add(t, "", 12, SHEET_LEFT);
	sheet_column_add(t, "", 58, SHEET_LEFT);
	receipt_line(t, "收据号", COL(0));
	receipt_line(t, "接收日期", COL(1));
	receipt_line(t, "捐赠人", sqlite3_column_int(st, 3) ? "匿名" : COL(2));
	receipt_line(t, "捐赠人类别", model_enum_zh(model_donor_type, COL(4)));
	if (sqlite3_column_int(st, 3) || !COL(5))
		phone[0] = '\0';
	else
		mask_phone(COL(5), phone, sizeof phone);
	receipt_line(t, "联系电话", phone);
	receipt_line(t, "捐赠类别", model_enum_zh(model_donation_kind, COL(6)));
	if (COL(6) && !strcmp(COL(6), "cash")) {
		long long fen = sqlite3_column_int64(st, 7);

		money_format(fen, a, sizeof a);
		rmbupper_format(fen, upper, sizeof upper);
		sheet_row_add(t, 0);
		sheet_cell(t, "金额");
		sheet_cellf(t, "%s（大写：人民币%s）", a, upper);
		receipt_line(t, "方式", model_enum_zh(model_channel, COL(8)));
	} else {
		fmt_qty(sqlite3_column_int64(st, 10), a, sizeof a);
		sheet_row_add(t, 0);
		sheet_cell(t, "物资");
		sheet_cellf(t, "%s %s %s", COL(9) ? COL(9) : "", a, COL(11) ? COL(11) : "");
		if (sqlite3_column_type(st, 12) != SQLITE_NULL) {
			long long fen = sqlite3_column_int64(st, 12);

			money_format(fen, b, sizeof b);
			rmbupper_format(fen, upper, sizeof upper);
			sheet_row_add(t, 0);
			sheet_cell(t, "估值");
			sheet_cellf(t, "%s（大写：人民币%s）", b, upper);
		} else {
			receipt_line(t, "估值", "未估值");
		}
	}
	receipt_line(t, "指定用途", COL(13));
	receipt_line(t, "经手人", COL(14));
	receipt_line(t, "备注", COL(17));
	if (sqlite3_column_type(st, 15) != SQLITE_NULL ||
	    sqlite3_column_type(st, 16) != SQLITE_NULL) {
		sheet_row_add(t, 0);
		sheet_cell(t, "状态");
		sheet_cellf(t, "已作废%s%s（%s）", COL(15) ? "：" : "", COL(15) ? COL(15) : "",
			    COL(16) ? COL(16) : "");
		sheet_note_set(s, "本收据已作废，收据号不再使用，不计入捐赠合计。");
	} else {
		sheet_note_set(s, "感谢您对社区疫情防控工作的支持！本收据盖社区居委会章有效。");
	}
#undef COL
	sqlite3_reset(st);
	sheet_signatures_set(s, "经手人", "捐赠人", (char *)NULL);
	settings_clear(&set);
	*out = s;
	return 0;
}
