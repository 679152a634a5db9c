/* sheet_release: release certificates; see sheet_release.h. */
#include "db/sheet_release.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/mask.h"
#include "core/model.h"
#include "core/certificate.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/rowdesc.h"
#include "db/settings.h"
#include "db/sheet_columns.h"
#include "db/sheet_trend.h"
#include "db/sql.h"

/* An ID tail: four or more digits, the last one may be X. */
static int id_tail(const char *s)
{
	size_t n = strlen(s), digits = strspn(s, "0123456789");

	return n >= 4 && n <= 18 && (digits == n || (digits == n - 1 && (s[n - 1] | 0x20) == 'x'));
}

int db_release_find(struct db *db, const char *who, long long *id, struct err *e)
{
	static const char *const sql =
	    "SELECT i.id, r.id, r.name, h.code, r.id_number FROM isolations i"
	    " JOIN residents r ON r.id = i.resident_id JOIN households h ON h.id = r.household_id"
	    " WHERE i.deleted_at IS NULL AND r.deleted_at IS NULL AND i.end_date IS NOT NULL"
	    " AND ((:tail = '' AND h.code = :code AND r.name = :name)"
	    "  OR (:tail <> '' AND upper(r.id_number) LIKE '%' || upper(:tail)))"
	    " ORDER BY r.id, i.end_date DESC, i.id DESC";
	char *code = xstrdup(who ? who : ""), *name = strchr(code, ' ');
	struct strbuf many = STRBUF_INIT;
	long long last = -1;
	sqlite3_stmt *st;
	int r, found = 0, people = 0;

	while (name && *name == ' ')
		*name++ = '\0';
	if (!name && !id_tail(code)) {
		free(code);
		return err_field(e, "who", "%s",
				 _("name the isolation by household code and name (\"1-1-101 "
				   "张三\") or by the last four or more digits of the ID number"));
	}
	st = db_stmt(db, sql, e);
	if (!st) {
		free(code);
		return -1;
	}
	sql_bind_text(st, ":tail", name ? "" : code);
	sql_bind_text(st, ":code", code);
	sql_bind_text(st, ":name", name ? name : "");
	while ((r = sql_step_row(db, st, e)) == 1) {
		long long resident = sqlite3_column_int64(st, 1);
		char masked[64];

		if (resident == last)
			continue; /* an older isolation of the same person */
		last = resident;
		if (!found++)
			*id = sqlite3_column_int64(st, 0);
		people++;
		mask_id((const char *)sqlite3_column_text(st, 4), masked, sizeof masked);
		strbuf_printf(&many, "%s%s %s %s", people > 1 ? ", " : "",
			      (const char *)sqlite3_column_text(st, 3),
			      (const char *)sqlite3_column_text(st, 2), masked);
	}
	sqlite3_reset(st);
	if (r < 0)
		found = -1;
	else if (!found)
		err_field(e, "who", _("no ended isolation of %s%s%s"), code, name ? " " : "",
			  name ? name : "");
	else if (people > 1)
		found = err_field(e, "who",
				  _("%d people match \"%s\" (%s): name the household code and name"),
				  people, code, strbuf_str(&many));
	free(code);
	strbuf_free(&many);
	return found < 0 ? -1 : found > 0;
}

/* The isolation's facts and its record, for the rule and the sheet. */
struct iso_rec {
	/* room for the longest value core/limits allows, in UTF-8 */
	char name[512], id_number[64], code[256], address[1024], kind[16], site[1024];
	char start[DATE_STR], end[DATE_STR], end_reason[16], override[1024];
	int days, extended;
	int max_temp; /* the highest check of its last three days, 0 when none */
};

#define IR(K, m) COLD_##K(struct iso_rec, m)

/* The columns of read_iso's query, in their order. */
static const struct col_desc iso_rec_cols[] = {
	IR(CODE, name),	      IR(CODE, id_number), IR(CODE, code),	 IR(CODE, address),
	IR(CODE, kind),	      IR(CODE, site),	   IR(CODE, start),	 IR(CODE, end),
	IR(CODE, end_reason), IR(INT32, days),	   IR(INT32, extended), IR(INT32, max_temp),
	IR(CODE, override),
};

static int read_iso(struct db *db, long long id, struct iso_rec *x, struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e,
		     "SELECT r.name, coalesce(r.id_number, ''), h.code, coalesce(h.address, ''),"
		     " i.kind, coalesce(i.site, ''), i.start_date, coalesce(i.end_date, ''),"
		     " coalesce(i.end_reason, ''), i.days, i.extended_days,"
		     " (SELECT max(temperature) FROM checks k WHERE k.isolation_id = i.id"
		     "  AND k.deleted_at IS NULL AND k.date BETWEEN date(i.end_date, '-2 days')"
		     "  AND i.end_date), coalesce(i.release_override, '')"
		     " FROM isolations i JOIN residents r ON r.id = i.resident_id"
		     " JOIN households h ON h.id = r.household_id"
		     " WHERE i.id = :id AND i.deleted_at IS NULL",
		     SQLP_INT(":id", id));
	int r = st ? rowdesc_one(db, st, iso_rec_cols, ROWDESC_N(iso_rec_cols), x, sizeof *x, e) : -1;

	if (r == 0)
		return err_set(e, _("no isolation with id %lld"), id);
	return r < 0 ? -1 : 0;
}

static void line(struct sheet_table *t, const char *label, const char *value)
{
	sheet_row_add(t, 0);
	sheet_cell(t, label);
	sheet_cell(t, value && *value ? value : "—");
}

int db_sheet_release(struct db *db, long long id, const char *date, const char *staff,
		     struct sheet **out, struct err *e)
{
	struct certificate_facts f;
	struct settings set = {0};
	struct iso_rec x;
	struct sheet *s;
	struct sheet_table *t;
	const struct enum_entry *kind;
	struct strbuf masked = STRBUF_INIT;
	char *text;

	*out = NULL;
	memset(&x, 0, sizeof x);
	memset(&f, 0, sizeof f);
	if (db_settings_get(db, &set, e) < 0 || read_iso(db, id, &x, e) < 0)
		goto fail;
	if (date_parse_iso(x.start, &f.span.start, e) < 0)
		goto fail;
	isolation_span_compute(&f.span.start, x.days, x.extended, &f.span);
	f.ended = x.end[0] && date_parse_iso(x.end, &f.end, NULL) == 0;
	f.end_reason = x.end_reason[0] ? x.end_reason : NULL;
	f.override = x.override;
	f.max_temp_last3 = x.max_temp;
	f.fever_threshold = set.fever_threshold;
	if (certificate_check(&f, e) < 0)
		goto fail;
	s = sheet_new("解除隔离告知书", SHEET_PORTRAIT);
	sheet_header_add(s, "社区", set.community);
	sheet_header_add(s, "日期", date);
	sheet_header_add(s, "制表", staff);
	t = sheet_table_add(s, NULL, SHEET_TABLE_FORM | SHEET_TABLE_NOHEAD);
	sheet_columns_add(t, SHEET_COLS_RELEASE_FIELDS);
	mask_append(mask_id, x.id_number, &masked); /* whole, however long */
	kind = model_enum_find(model_iso_kind, x.kind);
	line(t, "姓名", x.name);
	line(t, "证件号码", strbuf_str(&masked));
	strbuf_free(&masked);
	text = xasprintf("%s%s%s", x.code, x.address[0] ? "  " : "", x.address);
	line(t, "住址", text);
	free(text);
	text = xasprintf("%s%s%s", kind ? kind->zh : x.kind, x.site[0] ? "：" : "", x.site);
	line(t, "隔离方式及地点", text);
	free(text);
	text = xasprintf("%s 至 %s，共 %d 天", x.start, x.end, f.span.total_days);
	line(t, "隔离期", text);
	free(text);
	t = sheet_table_add(s, NULL, SHEET_TABLE_FORM | SHEET_TABLE_NOHEAD | SHEET_TABLE_PLAIN);
	sheet_column_add(t, "", 74, SHEET_LEFT);
	sheet_row_add(t, 0);
	sheet_cellf(t,
		    "%s 同志：\n您于 %s 至 %s 进行的%s已期满，期间每日健康监测体温正常，"
		    "无发热，现予解除隔离。\n请继续做好个人防护，如出现发热、咳嗽等症状，"
		    "请及时与社区联系并就医。",
		    x.name, x.start, x.end, kind ? kind->zh : "隔离");
	if (db_sheet_temp_curve(db, id, "隔离期间体温（上午、下午检测）", x.end,
				set.fever_threshold, 160, s, e) < 0) {
		sheet_free(&s);
		goto fail;
	}
	t = sheet_table_add(s, NULL, SHEET_TABLE_FORM | SHEET_TABLE_NOHEAD | SHEET_TABLE_PLAIN);
	sheet_columns_add(t, SHEET_COLS_RELEASE_SEAL);
	sheet_row_add(t, 0);
	sheet_cell(t, "");
	sheet_cellf(t, "%s居民委员会（盖章）\n\n%s", set.community, date);
	sheet_note_set(s, "本告知书由社区居民委员会出具，凭此返岗复工。");
	sheet_signatures_set(s, "经办人", "本人签收", (char *)NULL);
	*out = s;
	settings_clear(&set);
	return 0;
fail:
	settings_clear(&set);
	return -1;
}
