/* model: enumeration tables and record helpers; see model.h. */
#include "core/model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/strbuf.h"

const struct enum_entry model_sex[] = {
	{"M", N_("male"), "男"},
	{"F", N_("female"), "女"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_id_type[] = {
	{"id", N_("ID card"), "居民身份证"},
	{"passport", N_("passport"), "护照"},
	{"hkmo", N_("HK/Macau permit"), "港澳居民来往内地通行证"},
	{"tw", N_("Taiwan permit"), "台湾居民来往大陆通行证"},
	{"other", N_("other document"), "其他证件"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_relation[] = {
	{"head", N_("head"), "户主"},
	{"spouse", N_("spouse"), "配偶"},
	{"child", N_("child"), "子女"},
	{"parent", N_("parent"), "父母"},
	{"other", N_("other"), "其他"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_status[] = {
	{"living", N_("living here"), "在住"},
	{"away", N_("away"), "外出"},
	{"moved_out", N_("moved out"), "迁出"},
	{"deceased", N_("deceased"), "死亡"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_tag[] = {
	{"elderly_alone", N_("elderly living alone"), "独居老人"},
	{"chronic", N_("chronic illness"), "慢性病"},
	{"pregnant", N_("pregnant"), "孕妇"},
	{"disabled", N_("disabled"), "残疾"},
	{"child", N_("minor child"), "儿童"},
	{"returnee", N_("returned from a key area"), "重点地区返回"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_staff_role[] = {
	{"director", N_("director"), "主任"},
	{"grid_worker", N_("grid worker"), "网格员"},
	{"volunteer", N_("volunteer"), "志愿者"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_outcome[] = {
	{"visited", N_("visited"), "已走访"},
	{"no_answer", N_("no answer"), "无人应答"},
	{"refused", N_("refused"), "拒绝"},
	{"away", N_("away"), "外出"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_symptom[] = {
	{"cough", N_("cough"), "咳嗽"},
	{"fatigue", N_("fatigue"), "乏力"},
	{"sore_throat", N_("sore throat"), "咽痛"},
	{"short_breath", N_("shortness of breath"), "气促"},
	{"diarrhea", N_("diarrhoea"), "腹泻"},
	{"taste_smell", N_("loss of taste or smell"), "味觉嗅觉减退"},
	{"other", N_("other symptom"), "其他症状"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_iso_kind[] = {
	{"home", N_("home"), "居家隔离"},
	{"central", N_("central"), "集中隔离"},
	{"hospital", N_("hospital"), "医院"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_iso_reason[] = {
	{"key_area", N_("returned from a key area"), "重点地区返回"},
	{"close_contact", N_("close contact"), "密切接触者"},
	{"secondary_contact", N_("secondary contact"), "次密切接触者"},
	{"symptoms", N_("symptoms"), "有症状"},
	{"other", N_("other"), "其他"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_iso_end[] = {
	{"completed", N_("completed"), "期满解除"},
	{"hospitalised", N_("hospitalised"), "转院治疗"},
	{"confirmed", N_("confirmed case"), "确诊"},
	{"moved_away", N_("moved away"), "迁离"},
	{"error", N_("entered in error"), "登记错误"},
	{"restarted", N_("restarted"), "重新计算"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_slot[] = {
	{"AM", N_("AM"), "上午"},
	{"PM", N_("PM"), "下午"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_check_method[] = {
	{"in_person", N_("in person"), "上门"},
	{"phone", N_("phone"), "电话"},
	{"self_report", N_("self-report"), "自报"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_donor_type[] = {
	{"individual", N_("individual"), "个人"},
	{"party_member", N_("party member"), "党员"},
	{"company", N_("company"), "企业"},
	{"organisation", N_("organisation"), "组织"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_donation_kind[] = {
	{"cash", N_("cash"), "现金"},
	{"goods", N_("goods"), "物资"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_channel[] = {
	{"cash", N_("cash"), "现金"},
	{"bank", N_("bank"), "银行转账"},
	{"wechat", N_("WeChat"), "微信"},
	{"alipay", N_("Alipay"), "支付宝"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_recipient_kind[] = {
	{"household", N_("household"), "住户"},
	{"checkpoint", N_("checkpoint"), "卡点"},
	{"other", N_("other"), "其他"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_checkpoint_kind[] = {
	{"gate", N_("compound gate"), "小区门岗"},
	{"road", N_("road"), "道路卡口"},
	{"village", N_("village entrance"), "村口"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_shift_role[] = {
	{"leader", N_("leader"), "组长"},
	{"member", N_("member"), "组员"},
	{NULL, NULL, NULL},
};

const struct enum_entry model_direction[] = {
	{"out", N_("out"), "出"},
	{"in", N_("in"), "进"},
	{NULL, NULL, NULL},
};

const struct enum_entry *model_enum_find(const struct enum_entry *t, const char *code)
{
	if (!code)
		return NULL;
	for (; t->code; t++)
		if (!strcmp(t->code, code))
			return t;
	return NULL;
}

const struct enum_entry *model_enum_match(const struct enum_entry *t, const char *text)
{
	if (!text)
		return NULL;
	for (; t->code; t++)
		if (!strcasecmp(t->code, text) || !strcasecmp(t->label, text) ||
		    !strcmp(t->zh, text))
			return t;
	return NULL;
}

int model_enum_count(const struct enum_entry *t)
{
	int n = 0;

	while (t[n].code)
		n++;
	return n;
}

char *model_codes_to_zh(const struct enum_entry *table, const char *codes)
{
	struct strbuf b = STRBUF_INIT;
	const char *p = codes ? codes : "";

	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char code[64];
		const struct enum_entry *en;

		if (n > 0 && n < sizeof code) {
			memcpy(code, p, n);
			code[n] = '\0';
			en = model_enum_find(table, code);
			if (b.len)
				strbuf_puts(&b, "、");
			strbuf_puts(&b, en ? en->zh : code);
		}
		p += n + (end ? 1 : 0);
	}
	return strbuf_detach(&b);
}

void model_household_init(struct household *h)
{
	memset(h, 0, sizeof *h);
	h->id = h->grid_id = -1;
}

void model_resident_init(struct resident *r)
{
	memset(r, 0, sizeof *r);
	r->id = r->household_id = -1;
}

void model_household_clear(struct household *h)
{
	free(h->code);
	free(h->compound);
	free(h->building);
	free(h->unit);
	free(h->room);
	free(h->address);
	free(h->phone);
	free(h->notes);
	free(h->grid_name);
	free(h->head_name);
	free(h->last_visit);
	free(h->tags);
	model_household_init(h);
}

void model_resident_clear(struct resident *r)
{
	free(r->household_code);
	free(r->name);
	free(r->id_type);
	free(r->id_number);
	free(r->birth_date);
	free(r->phone);
	free(r->relation);
	free(r->status);
	free(r->tags);
	free(r->returned_from);
	free(r->return_date);
	free(r->notes);
	model_resident_init(r);
}
