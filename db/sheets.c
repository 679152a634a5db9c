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
#include "db/settings.h"
#include "db/sheet_columns.h"
#include "db/sheet_ctx.h"
#include "db/sheet_daily.h"
#include "db/sheet_epi.h"
#include "db/sheet_gate.h"
#include "db/sheet_notice.h"
#include "db/sheet_trend.h"
#include "db/sheet_returnees.h"
#include "db/sheet_volunteers.h"
#include "db/sql.h"
#include "db/views.h"

const char *const db_sheet_kinds[] = {
    "rounds", "isolation", "daily", "donations", "duty", "passes", "visitors", "returnees", "volunteers", NULL,
};

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
static int build_duty(struct ctx *c, struct sheet *s, struct err *e);
static int build_passes(struct ctx *c, struct sheet *s, struct err *e);
static int build_visitors(struct ctx *c, struct sheet *s, struct err *e);
static int build_returnees(struct ctx *c, struct sheet *s, struct err *e);
static int build_volunteers(struct ctx *c, struct sheet *s, struct err *e);

static const struct kind_def kind_defs[] = {
    {"rounds", "走访登记表", SHEET_PORTRAIT, DB_SHEET_GRID, build_rounds},
    {"isolation", "隔离人员健康监测表", SHEET_LANDSCAPE, DB_SHEET_GRID, build_isolation},
    {"daily", "日报表", SHEET_PORTRAIT, 0, db_sheet_build_daily},
    {"donations", "捐赠款物公示", SHEET_PORTRAIT, DB_SHEET_FROM, db_sheet_build_donations},
    {"duty", "值班表", SHEET_PORTRAIT, 0, build_duty},
    {"passes", "出入证", SHEET_PORTRAIT, DB_SHEET_GRID, build_passes},
    {"visitors", "外来人员登记表", SHEET_LANDSCAPE, 0, build_visitors},
    {"returnees", "返乡人员登记表", SHEET_LANDSCAPE, 0, build_returnees},
    {"volunteers", "志愿服务时长统计表", SHEET_PORTRAIT, 0, build_volunteers},
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
void sheet_fmt_money(long long fen, char *out, size_t n)
{
	char buf[MONEY_STR];
	const char *p = buf;

	money_format(fen, buf, sizeof buf);
	if (!strncmp(p, "¥", strlen("¥")))
		p += strlen("¥");
	snprintf(out, n, "%s", p);
}

/* hundredths → "5,000", "12.5": core/money's quantity with thousands grouped. */
void sheet_fmt_qty(long long q, char *out, size_t n)
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

void sheet_header(struct ctx *c, struct sheet *s, int with_grid)
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

	sheet_header(c, s, 1);
	note = xasprintf("结果栏填写：已访 / 无人应答 / 拒绝 / 外出。体温达到 %d.%d℃ 即为发热，"
			 "请立即上报并登记。",
			 c->set.fever_threshold / 10, c->set.fever_threshold % 10);
	sheet_note_set(s, note);
	free(note);
	t = sheet_table_add(s, NULL, SHEET_TABLE_FORM);
	sheet_table_key_set(t, 1);
	sheet_columns_add(t, SHEET_COLS_ROUNDS);
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

/* Each person's temperature curve under the table, in the order of its
 * rows: who holds "id 序号. 姓名" lines. */
static int iso_curves(struct ctx *c, const char *who, struct sheet *s, struct err *e)
{
	while (*who) {
		const char *nl = strchr(who, '\n');
		long long id = strtoll(who, NULL, 10);
		const char *name = strchr(who, ' ') + 1;
		char *cap = xasprintf("%.*s 体温曲线", (int)(nl - name), name);
		int r = db_sheet_temp_curve(c->db, id, cap, c->rq->date, c->set.fever_threshold, 120,
					    s, e);

		free(cap);
		if (r < 0)
			return -1;
		who = nl + 1;
	}
	return 0;
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
	    "  AND k.date = :date AND k.deleted_at IS NULL AND k.symptoms <> ''), i.id"
	    " FROM isolations i JOIN residents r ON r.id = i.resident_id"
	    " JOIN households h ON h.id = r.household_id"
	    " WHERE i.deleted_at IS NULL AND " ISO_HELD_ON("i", ":date")
	    " AND (:grid < 0 OR h.grid_id = :grid)"
	    " ORDER BY i.kind, i.site, h.sort_key, r.name, i.id";
	struct sheet_table *t;
	struct date today, start, last;
	sqlite3_stmt *st;
	struct strbuf who = STRBUF_INIT; /* "id name\n" per person, for the curves */
	int r, n = 0;

	sheet_header(c, s, c->rq->grid != NULL);
	sheet_note_set(s,
		       "每日上午、下午各测体温一次，填写实测体温（℃）；有症状写明症状，无则写“无”。"
		       "体温异常或出现症状立即上报。");
	t = sheet_table_add(s, NULL, SHEET_TABLE_FORM);
	sheet_columns_add(t, SHEET_COLS_ISOLATION);
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
		strbuf_printf(&who, "%lld %d. %s\n", (long long)sqlite3_column_int64(st, 12), n,
			      (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	if (r >= 0)
		r = iso_curves(c, strbuf_str(&who), s, e);
	strbuf_free(&who);
	return r < 0 ? -1 : 0;
}

static int build_duty(struct ctx *c, struct sheet *s, struct err *e)
{
	sheet_header(c, s, 0);
	return db_sheet_gate_duty(c->db, c->rq->date, s, e);
}

static int build_passes(struct ctx *c, struct sheet *s, struct err *e)
{
	sheet_header(c, s, 1);
	return db_sheet_gate_passes(c->db, c->grid_id, c->set.community, c->set.outing_days, s, e);
}

static int build_visitors(struct ctx *c, struct sheet *s, struct err *e)
{
	sheet_header(c, s, 0);
	return db_sheet_epi_visitors(c->db, c->rq->date, s, e);
}

static int build_returnees(struct ctx *c, struct sheet *s, struct err *e)
{
	sheet_header(c, s, 0);
	return db_sheet_returnees(c->db, c->rq->date, s, e);
}

static int build_volunteers(struct ctx *c, struct sheet *s, struct err *e)
{
	sheet_header(c, s, 0);
	return db_sheet_volunteers(c->db, c->rq->date, s, e);
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
				   "donations, duty, passes, visitors, returnees or volunteers)"),
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
	if (db_begin(db, e) == 0 &&
	    db_end(db, db_audit(db, "print", "sheets", NULL, strbuf_str(&ch), e), e) == 0)
		r = 0;
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
		XGROW(*names, cap, *n + 1, 8);
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

/* A sum of money in figures and in capitals (大写), as a receipt writes it. */
static void receipt_money(struct sheet_table *t, const char *label, long long fen)
{
	char a[64], upper[RMBUPPER_MAX];

	money_format(fen, a, sizeof a);
	rmbupper_format(fen, upper, sizeof upper);
	sheet_row_add(t, 0);
	sheet_cell(t, label);
	sheet_cellf(t, "%s（大写：人民币%s）", a, upper);
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
	char a[64], phone[64];
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
	sheet_columns_add(t, SHEET_COLS_RECEIPT);
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
		receipt_money(t, "金额", sqlite3_column_int64(st, 7));
		receipt_line(t, "方式", model_enum_zh(model_channel, COL(8)));
	} else {
		sheet_fmt_qty(sqlite3_column_int64(st, 10), a, sizeof a);
		sheet_row_add(t, 0);
		sheet_cell(t, "物资");
		sheet_cellf(t, "%s %s %s", COL(9) ? COL(9) : "", a, COL(11) ? COL(11) : "");
		if (sqlite3_column_type(st, 12) != SQLITE_NULL)
			receipt_money(t, "估值", sqlite3_column_int64(st, 12));
		else
			receipt_line(t, "估值", "未估值");
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
