/* sheet_columns: the column tables of the sheets, indexed by enum sheet_cols. */
#include "db/sheet_columns.h"

#include <stddef.h>

struct colspec {
	const char *title;
	int width;
	enum sheet_align align;
};

static const struct colspec rounds[] = {
    {"序号", 4, SHEET_RIGHT},	{"户号", 10, SHEET_LEFT},     {"户主", 12, SHEET_LEFT},
    {"居民", 14, SHEET_LEFT},	{"联系电话", 11, SHEET_LEFT}, {"体温", 8, SHEET_CENTER},
    {"症状", 10, SHEET_CENTER}, {"结果", 8, SHEET_CENTER},    {"签名", 8, SHEET_CENTER},
};

static const struct colspec isolation[] = {
    {"序号", 4, SHEET_RIGHT},	    {"姓名", 12, SHEET_LEFT},	    {"证件号码", 19, SHEET_LEFT},
    {"户号", 10, SHEET_LEFT},	    {"隔离方式", 8, SHEET_LEFT},    {"隔离地点", 16, SHEET_LEFT},
    {"开始日期", 10, SHEET_CENTER}, {"第N/共M天", 9, SHEET_CENTER}, {"期满日期", 10, SHEET_CENTER},
    {"上午体温", 8, SHEET_CENTER},  {"下午体温", 8, SHEET_CENTER},  {"症状", 12, SHEET_LEFT},
};

static const struct colspec receipt[] = {
    {"", 12, SHEET_LEFT},
    {"", 58, SHEET_LEFT},
};

static const struct colspec daily_kv[] = {
    {"项目", 20, SHEET_LEFT},
    {"数量", 10, SHEET_RIGHT},
    {"说明", 46, SHEET_LEFT},
};

static const struct colspec daily_isolation[] = {
    {"项目", 24, SHEET_LEFT},  {"居家隔离", 10, SHEET_RIGHT}, {"集中隔离", 10, SHEET_RIGHT},
    {"医院", 10, SHEET_RIGHT}, {"合计", 10, SHEET_RIGHT},
};

static const struct colspec donations[] = {
    {"序号", 4, SHEET_RIGHT},	   {"收据号", 11, SHEET_LEFT},	  {"日期", 10, SHEET_CENTER},
    {"捐赠人", 16, SHEET_LEFT},	   {"类别", 4, SHEET_CENTER},	  {"金额(元)", 11, SHEET_RIGHT},
    {"物资/方式", 16, SHEET_LEFT}, {"估值(元)", 10, SHEET_RIGHT}, {"指定用途", 12, SHEET_LEFT},
};

static const struct colspec expenditures[] = {
    {"序号", 4, SHEET_RIGHT},	   {"日期", 10, SHEET_CENTER}, {"用途", 30, SHEET_LEFT},
    {"金额(元)", 12, SHEET_RIGHT}, {"批准人", 10, SHEET_LEFT}, {"凭证号", 14, SHEET_LEFT},
};

static const struct colspec distributions[] = {
    {"日期", 10, SHEET_CENTER}, {"物资", 14, SHEET_LEFT},   {"数量", 10, SHEET_RIGHT},
    {"领取", 30, SHEET_LEFT},	{"经办人", 10, SHEET_LEFT},
};

static const struct colspec stock[] = {
    {"物资", 20, SHEET_LEFT},  {"单位", 8, SHEET_CENTER}, {"接收", 12, SHEET_RIGHT},
    {"发放", 12, SHEET_RIGHT}, {"结存", 12, SHEET_RIGHT},
};

static const struct colspec cash[] = {
    {"项目", 10, SHEET_LEFT},
    {"金额(元)", 14, SHEET_RIGHT},
    {"大写", 60, SHEET_LEFT},
};

static const struct colspec notice_seal[] = {
    {"", 54, SHEET_LEFT},
    {"", 40, SHEET_CENTER},
};

static const struct colspec duty[] = {
    {"卡点", 14, SHEET_LEFT},
    {"日期", 6, SHEET_CENTER},
    {"星期", 5, SHEET_CENTER},
    {"时段", 12, SHEET_CENTER},
    {"值班人员（职责）", 22, SHEET_LEFT},
    {"到岗", 6, SHEET_CENTER},
    {"签名", 12, SHEET_CENTER},
};

static const struct colspec duty_gaps[] = {
    {"卡点", 14, SHEET_LEFT},
    {"日期", 10, SHEET_CENTER},
    {"时段", 12, SHEET_CENTER},
    {"情况", 41, SHEET_LEFT},
};

static const struct colspec pass_card[] = {
    {"", 24, SHEET_LEFT},
    {"", 14, SHEET_CENTER},
    {"", 24, SHEET_LEFT},
    {"", 14, SHEET_CENTER},
};

static const struct colspec visitors[] = {
    {"进入", 6, SHEET_LEFT},
    {"姓名", 12, SHEET_LEFT},
    {"证件号码", 20, SHEET_LEFT},
    {"电话", 13, SHEET_LEFT},
    {"来自", 12, SHEET_LEFT},
    {"走访住户", 10, SHEET_LEFT},
    {"事由 / 劝返原因", 40, SHEET_LEFT},
    {"体温", 5, SHEET_RIGHT},
    {"离开", 6, SHEET_LEFT},
    {"登记人", 8, SHEET_LEFT},
};

static const struct colspec returnees[] = {
    {"姓名", 10, SHEET_LEFT},	  {"户号", 10, SHEET_LEFT},	    {"身份证号", 20, SHEET_LEFT},
    {"联系电话", 13, SHEET_LEFT}, {"返回前所在地", 18, SHEET_LEFT}, {"返回日期", 10, SHEET_LEFT},
    {"交通方式", 18, SHEET_LEFT}, {"返回天数", 8, SHEET_RIGHT},	    {"重点地区", 6, SHEET_LEFT},
    {"管控措施", 12, SHEET_LEFT},
};

static const struct colspec volunteers[] = {
    {"姓名", 12, SHEET_LEFT},	  {"身份", 10, SHEET_LEFT},
    {"党员", 6, SHEET_LEFT},	  {"联系电话", 14, SHEET_LEFT},
    {"值班次数", 8, SHEET_RIGHT}, {"服务时长（小时）", 16, SHEET_RIGHT},
    {"签名", 12, SHEET_LEFT},
};

static const struct colspec trend[] = {
    {"日期", 12, SHEET_LEFT},	     {"已走访住户", 10, SHEET_RIGHT}, {"发热人数", 8, SHEET_RIGHT},
    {"在隔离人数", 10, SHEET_RIGHT}, {"新增隔离", 8, SHEET_RIGHT},    {"解除隔离", 8, SHEET_RIGHT},
};

static const struct colspec curve[] = {
    {"检测", 14, SHEET_LEFT},
    {"体温", 8, SHEET_RIGHT},
};

static const struct colspec release_fields[] = {
    {"", 14, SHEET_LEFT},
    {"", 60, SHEET_LEFT},
};

static const struct colspec release_seal[] = {
    {"", 34, SHEET_LEFT},
    {"", 40, SHEET_CENTER},
};

#define COLS(a)                                                                                    \
	{                                                                                          \
		a, sizeof a / sizeof *a                                                            \
	}

static const struct {
	const struct colspec *v;
	size_t n;
} tables[] = {
    [SHEET_COLS_ROUNDS] = COLS(rounds),
    [SHEET_COLS_ISOLATION] = COLS(isolation),
    [SHEET_COLS_RECEIPT] = COLS(receipt),
    [SHEET_COLS_DAILY_KV] = COLS(daily_kv),
    [SHEET_COLS_DAILY_ISOLATION] = COLS(daily_isolation),
    [SHEET_COLS_DONATIONS] = COLS(donations),
    [SHEET_COLS_EXPENDITURES] = COLS(expenditures),
    [SHEET_COLS_DISTRIBUTIONS] = COLS(distributions),
    [SHEET_COLS_STOCK] = COLS(stock),
    [SHEET_COLS_CASH] = COLS(cash),
    [SHEET_COLS_NOTICE_SEAL] = COLS(notice_seal),
    [SHEET_COLS_DUTY] = COLS(duty),
    [SHEET_COLS_DUTY_GAPS] = COLS(duty_gaps),
    [SHEET_COLS_PASS_CARD] = COLS(pass_card),
    [SHEET_COLS_VISITORS] = COLS(visitors),
    [SHEET_COLS_RETURNEES] = COLS(returnees),
    [SHEET_COLS_VOLUNTEERS] = COLS(volunteers),
    [SHEET_COLS_TREND] = COLS(trend),
    [SHEET_COLS_CURVE] = COLS(curve),
    [SHEET_COLS_RELEASE_FIELDS] = COLS(release_fields),
    [SHEET_COLS_RELEASE_SEAL] = COLS(release_seal),
};

void sheet_columns_add(struct sheet_table *t, enum sheet_cols which)
{
	for (size_t i = 0; i < tables[which].n; i++)
		sheet_column_add(t, tables[which].v[i].title, tables[which].v[i].width,
				 tables[which].v[i].align);
}
