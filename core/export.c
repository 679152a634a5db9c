/* export: the dataset catalogue and value formatting; see export.h.
 *
 * The tables below are the documentation too: docs/export.md lists the
 * default columns in the same order. */
#include "core/export.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/followup.h"
#include "core/i18n.h"
#include "core/mask.h"

const struct enum_entry export_iso_state[] = {
	{"active", "in isolation", "隔离中"},
	{"ended", "ended", "已结束"},
	{NULL, NULL, NULL},
};

#define D 1 /* in the default set */
#define COLS(a) a, (int)(sizeof a / sizeof a[0])

static const struct export_column households[] = {
	{"code", "户号", EXPORT_KEEP, NULL, D},
	{"compound", "小区", EXPORT_TEXT, NULL, D},
	{"building", "楼栋", EXPORT_KEEP, NULL, D},
	{"unit", "单元", EXPORT_KEEP, NULL, D},
	{"room", "房号", EXPORT_KEEP, NULL, D},
	{"address", "地址", EXPORT_TEXT, NULL, D},
	{"grid", "网格", EXPORT_TEXT, NULL, D},
	{"phone", "联系电话", EXPORT_PHONE, NULL, D},
	{"head", "户主", EXPORT_TEXT, NULL, D},
	{"residents", "人数", EXPORT_INT, NULL, D},
	{"notes", "备注", EXPORT_TEXT, NULL, D},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
	{"created_at", "登记时间", EXPORT_TIME, NULL, 0},
	{"updated_at", "更新时间", EXPORT_TIME, NULL, 0},
};

/* The default columns and their names are those of the roster import, so
 * that an export imports back unchanged. */
static const struct export_column residents[] = {
	{"code", "户号", EXPORT_KEEP, NULL, D},
	{"name", "姓名", EXPORT_TEXT, NULL, D},
	{"sex", "性别", EXPORT_ENUM, model_sex, D},
	{"id_type", "证件类型", EXPORT_ENUM, model_id_type, D},
	{"id_number", "身份证号", EXPORT_ID, NULL, D},
	{"birth_date", "出生日期", EXPORT_DATE, NULL, D},
	{"phone", "联系电话", EXPORT_PHONE, NULL, D},
	{"relation", "与户主关系", EXPORT_ENUM, model_relation, D},
	{"status", "居住状态", EXPORT_ENUM, model_status, D},
	{"tags", "人员类别", EXPORT_CODES, model_tag, D},
	{"returned_from", "返回地", EXPORT_TEXT, NULL, D},
	{"return_date", "返回日期", EXPORT_DATE, NULL, D},
	{"travel", "交通方式", EXPORT_TEXT, NULL, D},
	{"notes", "备注", EXPORT_TEXT, NULL, D},
	{"compound", "小区", EXPORT_TEXT, NULL, D},
	{"building", "楼栋", EXPORT_KEEP, NULL, D},
	{"unit", "单元", EXPORT_KEEP, NULL, D},
	{"room", "房号", EXPORT_KEEP, NULL, D},
	{"address", "地址", EXPORT_TEXT, NULL, D},
	{"grid", "网格", EXPORT_TEXT, NULL, D},
	{"household_phone", "住户电话", EXPORT_PHONE, NULL, D},
	{"age", "年龄", EXPORT_INT, NULL, 0},
	{"head", "户主", EXPORT_TEXT, NULL, 0},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column visits[] = {
	{"date", "日期", EXPORT_DATE, NULL, D},
	{"at", "时间", EXPORT_TIME, NULL, D},
	{"code", "户号", EXPORT_KEEP, NULL, D},
	{"grid", "网格", EXPORT_TEXT, NULL, D},
	{"outcome", "走访结果", EXPORT_ENUM, model_outcome, D},
	{"staff", "走访人", EXPORT_TEXT, NULL, D},
	{"readings", "测温人数", EXPORT_INT, NULL, D},
	{"fevers", "发热人数", EXPORT_INT, NULL, D},
	{"notes", "备注", EXPORT_TEXT, NULL, D},
	{"address", "地址", EXPORT_TEXT, NULL, 0},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column readings[] = {
	{"date", "日期", EXPORT_DATE, NULL, D},
	{"at", "时间", EXPORT_TIME, NULL, D},
	{"code", "户号", EXPORT_KEEP, NULL, D},
	{"name", "姓名", EXPORT_TEXT, NULL, D},
	{"temperature", "体温", EXPORT_TEMP, NULL, D},
	{"symptoms", "症状", EXPORT_CODES, model_symptom, D},
	{"note", "备注", EXPORT_TEXT, NULL, D},
	{"staff", "走访人", EXPORT_TEXT, NULL, D},
	{"fever", "是否发热", EXPORT_BOOL, NULL, 0},
	{"id_number", "身份证号", EXPORT_ID, NULL, 0},
	{"phone", "联系电话", EXPORT_PHONE, NULL, 0},
	{"grid", "网格", EXPORT_TEXT, NULL, 0},
	{"outcome", "走访结果", EXPORT_ENUM, model_outcome, 0},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column isolations[] = {
	{"name", "姓名", EXPORT_TEXT, NULL, D},
	{"sex", "性别", EXPORT_ENUM, model_sex, D},
	{"id_number", "身份证号", EXPORT_ID, NULL, D},
	{"phone", "联系电话", EXPORT_PHONE, NULL, D},
	{"code", "户号", EXPORT_KEEP, NULL, D},
	{"kind", "隔离方式", EXPORT_ENUM, model_iso_kind, D},
	{"site", "隔离地点", EXPORT_TEXT, NULL, D},
	{"reason", "隔离原因", EXPORT_ENUM, model_iso_reason, D},
	{"start_date", "开始日期", EXPORT_DATE, NULL, D},
	{"days", "隔离天数", EXPORT_INT, NULL, D},
	{"extended_days", "延长天数", EXPORT_INT, NULL, D},
	{"last_day", "期满日期", EXPORT_DATE, NULL, D},
	{"state", "状态", EXPORT_ENUM, export_iso_state, D},
	{"end_date", "结束日期", EXPORT_DATE, NULL, D},
	{"end_reason", "结束原因", EXPORT_ENUM, model_iso_end, D},
	{"notes", "备注", EXPORT_TEXT, NULL, D},
	{"age", "年龄", EXPORT_INT, NULL, 0},
	{"address", "地址", EXPORT_TEXT, NULL, 0},
	{"grid", "网格", EXPORT_TEXT, NULL, 0},
	{"returned_from", "返回地", EXPORT_TEXT, NULL, 0},
	{"return_date", "返回日期", EXPORT_DATE, NULL, 0},
	{"travel", "交通方式", EXPORT_TEXT, NULL, 0},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column checks[] = {
	{"date", "日期", EXPORT_DATE, NULL, D},
	{"slot", "时段", EXPORT_ENUM, model_slot, D},
	{"at", "时间", EXPORT_TIME, NULL, D},
	{"name", "姓名", EXPORT_TEXT, NULL, D},
	{"code", "户号", EXPORT_KEEP, NULL, D},
	{"kind", "隔离方式", EXPORT_ENUM, model_iso_kind, D},
	{"temperature", "体温", EXPORT_TEMP, NULL, D},
	{"symptoms", "症状", EXPORT_CODES, model_symptom, D},
	{"method", "检测方式", EXPORT_ENUM, model_check_method, D},
	{"late", "补录", EXPORT_BOOL, NULL, D},
	{"staff", "检测人", EXPORT_TEXT, NULL, D},
	{"id_number", "身份证号", EXPORT_ID, NULL, 0},
	{"phone", "联系电话", EXPORT_PHONE, NULL, 0},
	{"site", "隔离地点", EXPORT_TEXT, NULL, 0},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column donations[] = {
	{"receipt_no", "收据号", EXPORT_KEEP, NULL, D},
	{"received_date", "日期", EXPORT_DATE, NULL, D},
	{"donor_name", "捐赠人", EXPORT_TEXT, NULL, D},
	{"donor_type", "捐赠人类型", EXPORT_ENUM, model_donor_type, D},
	{"anonymous", "匿名", EXPORT_BOOL, NULL, D},
	{"phone", "联系电话", EXPORT_PHONE, NULL, D},
	{"kind", "类别", EXPORT_ENUM, model_donation_kind, D},
	{"amount", "金额", EXPORT_MONEY, NULL, D},
	{"channel", "方式", EXPORT_ENUM, model_channel, D},
	{"item", "物品", EXPORT_TEXT, NULL, D},
	{"quantity", "数量", EXPORT_QTY, NULL, D},
	{"unit", "单位", EXPORT_TEXT, NULL, D},
	{"value", "估值", EXPORT_MONEY, NULL, D},
	{"designation", "指定用途", EXPORT_TEXT, NULL, D},
	{"received_by", "经手人", EXPORT_TEXT, NULL, D},
	{"void_reason", "作废原因", EXPORT_TEXT, NULL, D},
	{"voided_at", "作废时间", EXPORT_TIME, NULL, D},
	{"notes", "备注", EXPORT_TEXT, NULL, D},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column distributions[] = {
	{"date", "日期", EXPORT_DATE, NULL, D},
	{"item", "物品", EXPORT_TEXT, NULL, D},
	{"unit", "单位", EXPORT_TEXT, NULL, D},
	{"quantity", "数量", EXPORT_QTY, NULL, D},
	{"recipient_kind", "对象类型", EXPORT_ENUM, model_recipient_kind, D},
	{"recipient", "领取对象", EXPORT_TEXT, NULL, D},
	{"staff", "经手人", EXPORT_TEXT, NULL, D},
	{"notes", "备注", EXPORT_TEXT, NULL, D},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column shifts[] = {
	{"date", "日期", EXPORT_DATE, NULL, D},
	{"checkpoint", "卡点", EXPORT_TEXT, NULL, D},
	{"start_time", "开始时间", EXPORT_TIME, NULL, D},
	{"end_time", "结束时间", EXPORT_TIME, NULL, D},
	{"staff", "值守人员", EXPORT_TEXT, NULL, D},
	{"role", "职责", EXPORT_ENUM, model_shift_role, D},
	{"present", "到岗", EXPORT_BOOL, NULL, D},
	{"notes", "备注", EXPORT_TEXT, NULL, D},
	{"staff_phone", "联系电话", EXPORT_PHONE, NULL, 0},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column pass_events[] = {
	{"at", "时间", EXPORT_TIME, NULL, D},
	{"pass_no", "出入证号", EXPORT_KEEP, NULL, D},
	{"code", "户号", EXPORT_KEEP, NULL, D},
	{"checkpoint", "卡点", EXPORT_TEXT, NULL, D},
	{"direction", "方向", EXPORT_ENUM, model_direction, D},
	{"name", "人员", EXPORT_TEXT, NULL, D},
	{"staff", "值守人员", EXPORT_TEXT, NULL, D},
	{"date", "日期", EXPORT_DATE, NULL, 0},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column followups[] = {
	{"opened_at", "发现时间", EXPORT_TIME, NULL, D},
	{"name", "姓名", EXPORT_TEXT, NULL, D},
	{"code", "户号", EXPORT_KEEP, NULL, D},
	{"source", "发现环节", EXPORT_ENUM, followup_source, D},
	{"temperature", "体温", EXPORT_TEMP, NULL, D},
	{"symptoms", "症状", EXPORT_CODES, model_symptom, D},
	{"referred_at", "送诊时间", EXPORT_TIME, NULL, D},
	{"clinic", "发热门诊", EXPORT_TEXT, NULL, D},
	{"transport", "转运方式", EXPORT_TEXT, NULL, D},
	{"outcome", "结果", EXPORT_ENUM, followup_outcome, D},
	{"closed_at", "结案时间", EXPORT_TIME, NULL, D},
	{"closed_by", "结案人", EXPORT_TEXT, NULL, D},
	{"state", "状态", EXPORT_TEXT, NULL, 0},
	{"id_number", "身份证号", EXPORT_KEEP, NULL, 0},
	{"phone", "联系电话", EXPORT_KEEP, NULL, 0},
	{"date", "发现日期", EXPORT_DATE, NULL, 0},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

static const struct export_column visitors[] = {
	{"time_in", "进入时间", EXPORT_TIME, NULL, D},
	{"name", "姓名", EXPORT_TEXT, NULL, D},
	{"id_number", "证件号码", EXPORT_ID, NULL, D},
	{"phone", "联系电话", EXPORT_KEEP, NULL, D},
	{"from_place", "来自何地", EXPORT_TEXT, NULL, D},
	{"arrived_date", "抵达日期", EXPORT_DATE, NULL, D},
	{"code", "走访住户", EXPORT_KEEP, NULL, D},
	{"reason", "事由", EXPORT_TEXT, NULL, D},
	{"temperature", "体温", EXPORT_TEMP, NULL, D},
	{"admitted", "准入", EXPORT_BOOL, NULL, D},
	{"refusal", "劝返原因", EXPORT_TEXT, NULL, D},
	{"time_out", "离开时间", EXPORT_TIME, NULL, D},
	{"staff", "登记人", EXPORT_TEXT, NULL, D},
	{"checkpoint", "卡点", EXPORT_TEXT, NULL, 0},
	{"date", "日期", EXPORT_DATE, NULL, 0},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

/* Cash spent out of donations (db/expenditures.h); a void one stays, marked. */
static const struct export_column expenditures[] = {
	{"date", "日期", EXPORT_DATE, NULL, D},
	{"purpose", "用途", EXPORT_TEXT, NULL, D},
	{"amount", "金额", EXPORT_MONEY, NULL, D},
	{"approved_by", "批准人", EXPORT_TEXT, NULL, D},
	{"voucher_no", "凭证号", EXPORT_KEEP, NULL, D},
	{"staff", "经手人", EXPORT_TEXT, NULL, D},
	{"void_reason", "作废原因", EXPORT_TEXT, NULL, D},
	{"voided_at", "作废时间", EXPORT_TIME, NULL, D},
	{"notes", "备注", EXPORT_TEXT, NULL, D},
	{"uuid", "UUID", EXPORT_TEXT, NULL, 0},
};

/* One row per day, from db_daily_stats (db/stats.h defines each count). */
static const struct export_column daily[] = {
	{"date", "日期", EXPORT_DATE, NULL, D},
	{"households", "总户数", EXPORT_INT, NULL, D},
	{"residents", "总人数", EXPORT_INT, NULL, D},
	{"households_done", "已走访户数", EXPORT_INT, NULL, D},
	{"visited", "入户", EXPORT_INT, NULL, D},
	{"no_answer", "无人应答", EXPORT_INT, NULL, D},
	{"refused", "拒绝", EXPORT_INT, NULL, D},
	{"away", "外出", EXPORT_INT, NULL, D},
	{"residents_checked", "测温人数", EXPORT_INT, NULL, D},
	{"fevers", "发热人数", EXPORT_INT, NULL, D},
	{"iso_new_home", "新增居家隔离", EXPORT_INT, NULL, D},
	{"iso_new_central", "新增集中隔离", EXPORT_INT, NULL, D},
	{"iso_new_hospital", "新增医院隔离", EXPORT_INT, NULL, D},
	{"iso_active_home", "居家隔离中", EXPORT_INT, NULL, D},
	{"iso_active_central", "集中隔离中", EXPORT_INT, NULL, D},
	{"iso_active_hospital", "医院隔离中", EXPORT_INT, NULL, D},
	{"iso_released", "解除隔离", EXPORT_INT, NULL, D},
	{"checks_due", "应监测人数", EXPORT_INT, NULL, D},
	{"checks_done", "已监测人次", EXPORT_INT, NULL, D},
	{"checks_missed", "漏测人次", EXPORT_INT, NULL, D},
	{"donations", "接收捐赠笔数", EXPORT_INT, NULL, D},
	{"donation_cash", "接收捐款", EXPORT_MONEY, NULL, D},
	{"goods_donations", "接收物资笔数", EXPORT_INT, NULL, D},
	{"distributions", "发放笔数", EXPORT_INT, NULL, D},
	{"visits", "走访次数", EXPORT_INT, NULL, 0},
	{"iso_released_home", "居家隔离解除", EXPORT_INT, NULL, 0},
	{"iso_released_central", "集中隔离解除", EXPORT_INT, NULL, 0},
	{"iso_released_hospital", "医院隔离解除", EXPORT_INT, NULL, 0},
	{"iso_ended_other", "其他原因结束", EXPORT_INT, NULL, 0},
	{"checks_am", "上午已测", EXPORT_INT, NULL, 0},
	{"checks_pm", "下午已测", EXPORT_INT, NULL, 0},
	{"missed_am", "上午漏测", EXPORT_INT, NULL, 0},
	{"missed_pm", "下午漏测", EXPORT_INT, NULL, 0},
	{"checks_late", "补录", EXPORT_INT, NULL, 0},
	{"check_fevers", "监测发热", EXPORT_INT, NULL, 0},
	{"goods_value", "物资估值", EXPORT_MONEY, NULL, 0},
	{"voided", "作废笔数", EXPORT_INT, NULL, 0},
	{"distributed_qty", "发放数量", EXPORT_QTY, NULL, 0},
};

static const struct export_column volunteer_hours[] = {
	{"month", "月份", EXPORT_TEXT, NULL, D},
	{"name", "姓名", EXPORT_TEXT, NULL, D},
	{"role", "身份", EXPORT_ENUM, model_staff_role, D},
	{"party", "党员", EXPORT_BOOL, NULL, D},
	{"phone", "联系电话", EXPORT_PHONE, NULL, D},
	{"shifts", "值班次数", EXPORT_INT, NULL, D},
	{"hours", "服务时长（小时）", EXPORT_QTY, NULL, D},
	{"minutes", "服务时长（分钟）", EXPORT_INT, NULL, 0},
};

static const struct export_dataset datasets[] = {
	{"households", "住户", COLS(households), NULL},
	{"residents", "居民", COLS(residents), "the return date (return_date)"},
	{"visits", "走访", COLS(visits), "the visit date"},
	{"readings", "体温", COLS(readings), "the visit date"},
	{"isolations", "隔离", COLS(isolations),
	 "isolations under way on any day of the range"},
	{"checks", "健康监测", COLS(checks), "the check date"},
	{"donations", "捐赠", COLS(donations), "the received date"},
	{"distributions", "发放", COLS(distributions), "the distribution date"},
	{"expenditures", "支出", COLS(expenditures), "the expenditure date"},
	{"shifts", "值班", COLS(shifts), "the shift date"},
	{"pass_events", "出入记录", COLS(pass_events), "the date of the passage"},
	{"followups", "发热随访", COLS(followups), "the day the case was opened"},
	{"visitors", "外来人员", COLS(visitors), "the day the visitor came"},
	{"volunteer_hours", "志愿服务时长", COLS(volunteer_hours),
	 "the month of the shifts worked (present)"},
	{"daily", "日报", COLS(daily), "one row per day of the range"},
};

const struct export_dataset *export_datasets(int *n)
{
	*n = (int)(sizeof datasets / sizeof datasets[0]);
	return datasets;
}

const struct export_dataset *export_dataset_find(const char *name)
{
	for (size_t i = 0; name && i < sizeof datasets / sizeof datasets[0]; i++)
		if (!strcmp(datasets[i].name, name))
			return &datasets[i];
	return NULL;
}

int export_column_find(const struct export_dataset *ds, const char *name)
{
	for (int i = 0; name && i < ds->ncols; i++)
		if (!strcmp(ds->cols[i].name, name))
			return i;
	return -1;
}

/* How each export type is written.  In CSV: numbers, dates, times and
 * booleans as they are (a spreadsheet reads them as such), identifiers kept
 * as text with every digit, free text with formulas and value-like texts
 * neutralised.  In a workbook: text unless a spreadsheet should compute with
 * it; EXPORT_TIME stays text (timestamps as stored). */
static const struct {
	enum csvout_kind csv;
	enum xlsxout_type xlsx;
} type_out[] = {
    [EXPORT_TEXT] = {CSVOUT_TEXT, XLSXOUT_TEXT},
    [EXPORT_KEEP] = {CSVOUT_KEEP, XLSXOUT_TEXT},
    [EXPORT_ID] = {CSVOUT_KEEP, XLSXOUT_TEXT},
    [EXPORT_PHONE] = {CSVOUT_KEEP, XLSXOUT_TEXT},
    [EXPORT_INT] = {CSVOUT_NUMBER, XLSXOUT_INT},
    [EXPORT_TEMP] = {CSVOUT_NUMBER, XLSXOUT_TENTHS},
    [EXPORT_MONEY] = {CSVOUT_NUMBER, XLSXOUT_MONEY},
    [EXPORT_QTY] = {CSVOUT_NUMBER, XLSXOUT_NUMBER},
    [EXPORT_DATE] = {CSVOUT_NUMBER, XLSXOUT_DATE},
    [EXPORT_TIME] = {CSVOUT_NUMBER, XLSXOUT_TEXT},
    [EXPORT_ENUM] = {CSVOUT_TEXT, XLSXOUT_TEXT},
    [EXPORT_CODES] = {CSVOUT_TEXT, XLSXOUT_TEXT},
    [EXPORT_BOOL] = {CSVOUT_NUMBER, XLSXOUT_TEXT},
};

/* 1 when c's type has a line in type_out. */
static int known_type(const struct export_column *c)
{
	return (size_t)c->type < sizeof type_out / sizeof type_out[0];
}

enum csvout_kind export_csv_kind(const struct export_column *c)
{
	return known_type(c) ? type_out[c->type].csv : CSVOUT_TEXT;
}

enum xlsxout_type export_xlsx_type(const struct export_column *c)
{
	return known_type(c) ? type_out[c->type].xlsx : XLSXOUT_TEXT;
}

static const char *const format_names[] = {[EXPORT_CSV] = "csv", [EXPORT_XLSX] = "xlsx"};

int export_format_parse(const char *name, enum export_format *out, struct err *e)
{
	for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
		if (!strcasecmp(name, format_names[i])) {
			*out = (enum export_format)i;
			return 0;
		}
	}
	return err_set(e, _("unknown format \"%s\" (use csv or xlsx)"), name);
}

enum export_format export_format_of_path(const char *path)
{
	size_t n = path ? strlen(path) : 0;

	return n > 5 && !strcasecmp(path + n - 5, ".xlsx") ? EXPORT_XLSX : EXPORT_CSV;
}

/* Parses n bytes of decimal digits (an optional '-'); 0 when not an integer. */
static int parse_int(const char *s, size_t n, long long *v)
{
	long long x = 0;
	size_t i = 0;
	int neg = 0;

	if (n > 0 && s[0] == '-')
		neg = 1, i = 1;
	if (i == n || n - i > 17)
		return 0;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = neg ? -x : x;
	return 1;
}

/* Writes v/scale with `decimals` digits, or (decimals < 0) as few as needed. */
static size_t fixed_point(long long v, int scale_digits, int decimals, char *buf, size_t bufn)
{
	long long scale = 1, whole, frac;
	int len, d = scale_digits;
	const char *sign = v < 0 ? "-" : "";

	for (int i = 0; i < scale_digits; i++)
		scale *= 10;
	if (v < 0)
		v = -v;
	whole = v / scale;
	frac = v % scale;
	if (decimals < 0) {
		while (d > 0 && frac % 10 == 0) {
			frac /= 10;
			d--;
		}
	} else {
		d = decimals;
	}
	if (d == 0)
		len = snprintf(buf, bufn, "%s%lld", sign, whole);
	else
		len = snprintf(buf, bufn, "%s%lld.%0*lld", sign, whole, d, frac);
	return len < 0 ? 0 : (size_t)len < bufn ? (size_t)len : bufn - 1;
}

/* Chinese labels of a comma-separated list, joined with 、 and cut at a whole
 * label when buf is short. */
static size_t codes_zh(const struct enum_entry *table, const char *s, size_t n, char *buf,
		       size_t bufn)
{
	size_t len = 0, i = 0;

	buf[0] = '\0';
	while (i < n) {
		size_t j = i;
		char code[64];
		const struct enum_entry *en;
		const char *text;
		size_t tn;

		while (j < n && s[j] != ',')
			j++;
		if (j > i && j - i < sizeof code) {
			memcpy(code, s + i, j - i);
			code[j - i] = '\0';
			en = model_enum_find(table, code);
			text = en ? en->zh : code;
			tn = strlen(text);
			if (len + (len ? 3 : 0) + tn + 1 > bufn)
				break;
			if (len) {
				memcpy(buf + len, "、", 3);
				len += 3;
			}
			memcpy(buf + len, text, tn);
			len += tn;
			buf[len] = '\0';
		}
		i = j + 1;
	}
	return len;
}

const char *export_format_value(const struct export_column *c, const char *raw, size_t n,
				const struct export_style *st, char *buf, size_t bufn,
				size_t *outn)
{
	long long v;
	const struct enum_entry *en;

	*outn = n;
	if (!raw || n == 0) {
		*outn = 0;
		return "";
	}
	switch (c->type) {
	case EXPORT_TEMP:
		if (parse_int(raw, n, &v)) {
			*outn = fixed_point(v, 1, 1, buf, bufn);
			return buf;
		}
		break;
	case EXPORT_MONEY:
		if (parse_int(raw, n, &v)) {
			*outn = fixed_point(v, 2, 2, buf, bufn);
			return buf;
		}
		break;
	case EXPORT_QTY:
		if (parse_int(raw, n, &v)) {
			*outn = fixed_point(v, 2, -1, buf, bufn);
			return buf;
		}
		break;
	case EXPORT_ID:
	case EXPORT_PHONE:
		if (!st->full_ids && n < bufn) {
			char tmp[EXPORT_VALUE_MAX];

			if (n >= sizeof tmp)
				break;
			memcpy(tmp, raw, n);
			tmp[n] = '\0';
			if (c->type == EXPORT_ID)
				mask_id(tmp, buf, bufn);
			else
				mask_phone(tmp, buf, bufn);
			*outn = strlen(buf);
			return buf;
		}
		break;
	case EXPORT_ENUM:
		if (st->zh_labels && n < 64) {
			char code[64];

			memcpy(code, raw, n);
			code[n] = '\0';
			en = model_enum_find(c->table, code);
			if (en) {
				*outn = strlen(en->zh);
				return en->zh;
			}
		}
		break;
	case EXPORT_CODES:
		if (st->zh_labels) {
			*outn = codes_zh(c->table, raw, n, buf, bufn);
			return buf;
		}
		break;
	case EXPORT_BOOL:
		if (st->zh_labels && n == 1 && (raw[0] == '0' || raw[0] == '1')) {
			*outn = 3;
			return raw[0] == '1' ? "是" : "否";
		}
		break;
	default:
		break;
	}
	return raw;
}
