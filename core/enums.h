/* enums: every enumeration of doorstep, one table each.
 *
 * Each list is an X-macro: LIST(X, a) expands X(a, NAME, "code", N_("English
 * label"), "中文标签") once per value, in order.  From one list come
 * - the C enum, where the code has one (ENUM_C: enum isolation_kind ...);
 * - the table of codes and labels (core/model.h model_iso_kind ...: the code
 *   stored in the database and `utf8` exports, the English label as a
 *   gettext msgid, the Chinese label that Chinese sheets and exports print
 *   whatever the UI language);
 * - the CHECK text of a new migration (ENUM_CHECK(LIST, "column") gives
 *   "(0 OR column = 'a' OR column = 'b')", the `OR` spelling that the schema
 *   notes is faster than IN (...) for the tables an import writes row by
 *   row).  Migrations already shipped keep their text as written;
 *   tests/unit/test_enums.c checks that it allows exactly these codes.
 * NAME is the enumerator of the C enum, or a placeholder (MODEL_...) where
 * the code has no C enum. */
#ifndef DOORSTEP_ENUMS_H
#define DOORSTEP_ENUMS_H

#include "core/i18n.h"

/* Expanders. */
#define ENUM_C(a, name, code, en, zh)	  name,
#define ENUM_ENTRY(a, name, code, en, zh) {code, en, zh},
#define ENUM_OR(col, name, code, en, zh)  " OR " col " = '" code "'"
#define ENUM_CHECK(LIST, col)		  "(0" LIST(ENUM_OR, col) ")"

#define ENUM_SEX(X, a)                                                                             \
	X(a, MODEL_SEX_M, "M", N_("male"), "男")                                                   \
	X(a, MODEL_SEX_F, "F", N_("female"), "女")

#define ENUM_ID_TYPE(X, a)                                                                         \
	X(a, MODEL_ID_CARD, "id", N_("ID card"), "居民身份证")                                     \
	X(a, MODEL_ID_PASSPORT, "passport", N_("passport"), "护照")                                \
	X(a, MODEL_ID_HKMO, "hkmo", N_("HK/Macau permit"), "港澳居民来往内地通行证")               \
	X(a, MODEL_ID_TW, "tw", N_("Taiwan permit"), "台湾居民来往大陆通行证")                     \
	X(a, MODEL_ID_OTHER, "other", N_("other document"), "其他证件")

#define ENUM_RELATION(X, a)                                                                        \
	X(a, MODEL_REL_HEAD, "head", N_("head"), "户主")                                           \
	X(a, MODEL_REL_SPOUSE, "spouse", N_("spouse"), "配偶")                                     \
	X(a, MODEL_REL_CHILD, "child", N_("child"), "子女")                                        \
	X(a, MODEL_REL_PARENT, "parent", N_("parent"), "父母")                                     \
	X(a, MODEL_REL_OTHER, "other", N_("other"), "其他")

#define ENUM_STATUS(X, a)                                                                          \
	X(a, MODEL_STATUS_LIVING, "living", N_("living here"), "在住")                             \
	X(a, MODEL_STATUS_AWAY, "away", N_("away"), "外出")                                        \
	X(a, MODEL_STATUS_MOVED_OUT, "moved_out", N_("moved out"), "迁出")                         \
	X(a, MODEL_STATUS_DECEASED, "deceased", N_("deceased"), "死亡")

#define ENUM_TAG(X, a)                                                                             \
	X(a, MODEL_TAG_ELDERLY_ALONE, "elderly_alone", N_("elderly living alone"), "独居老人")     \
	X(a, MODEL_TAG_CHRONIC, "chronic", N_("chronic illness"), "慢性病")                        \
	X(a, MODEL_TAG_PREGNANT, "pregnant", N_("pregnant"), "孕妇")                               \
	X(a, MODEL_TAG_DISABLED, "disabled", N_("disabled"), "残疾")                               \
	X(a, MODEL_TAG_CHILD, "child", N_("minor child"), "儿童")                                  \
	X(a, MODEL_TAG_RETURNEE, "returnee", N_("returned from a key area"), "重点地区返回")

#define ENUM_STAFF_ROLE(X, a)                                                                      \
	X(a, MODEL_ROLE_DIRECTOR, "director", N_("director"), "主任")                              \
	X(a, MODEL_ROLE_GRID_WORKER, "grid_worker", N_("grid worker"), "网格员")                   \
	X(a, MODEL_ROLE_VOLUNTEER, "volunteer", N_("volunteer"), "志愿者")

#define ENUM_OUTCOME(X, a)                                                                         \
	X(a, VISIT_VISITED, "visited", N_("visited"), "已走访")                                    \
	X(a, VISIT_NO_ANSWER, "no_answer", N_("no answer"), "无人应答")                            \
	X(a, VISIT_REFUSED, "refused", N_("refused"), "拒绝")                                      \
	X(a, VISIT_AWAY, "away", N_("away"), "外出")

#define ENUM_SYMPTOM(X, a)                                                                         \
	X(a, MODEL_SYM_COUGH, "cough", N_("cough"), "咳嗽")                                        \
	X(a, MODEL_SYM_FATIGUE, "fatigue", N_("fatigue"), "乏力")                                  \
	X(a, MODEL_SYM_SORE_THROAT, "sore_throat", N_("sore throat"), "咽痛")                      \
	X(a, MODEL_SYM_SHORT_BREATH, "short_breath", N_("shortness of breath"), "气促")            \
	X(a, MODEL_SYM_DIARRHEA, "diarrhea", N_("diarrhoea"), "腹泻")                              \
	X(a, MODEL_SYM_TASTE_SMELL, "taste_smell", N_("loss of taste or smell"), "味觉嗅觉减退")   \
	X(a, MODEL_SYM_OTHER, "other", N_("other symptom"), "其他症状")

#define ENUM_ISO_KIND(X, a)                                                                        \
	X(a, ISOLATION_HOME, "home", N_("home"), "居家隔离")                                       \
	X(a, ISOLATION_CENTRAL, "central", N_("central"), "集中隔离")                              \
	X(a, ISOLATION_HOSPITAL, "hospital", N_("hospital"), "医院")

#define ENUM_ISO_REASON(X, a)                                                                      \
	X(a, ISOLATION_REASON_KEY_AREA, "key_area", N_("returned from a key area"),                \
	  "重点地区返回")                                                                          \
	X(a, ISOLATION_REASON_CLOSE_CONTACT, "close_contact", N_("close contact"), "密切接触者")   \
	X(a, ISOLATION_REASON_SECONDARY_CONTACT, "secondary_contact", N_("secondary contact"),     \
	  "次密切接触者")                                                                          \
	X(a, ISOLATION_REASON_SYMPTOMS, "symptoms", N_("symptoms"), "有症状")                      \
	X(a, ISOLATION_REASON_OTHER, "other", N_("other"), "其他")

/* "restarted" is written by a restart, never chosen as an end. */
#define ENUM_ISO_END(X, a)                                                                         \
	X(a, ISOLATION_END_COMPLETED, "completed", N_("completed"), "期满解除")                    \
	X(a, ISOLATION_END_HOSPITALISED, "hospitalised", N_("hospitalised"), "转院治疗")           \
	X(a, ISOLATION_END_CONFIRMED, "confirmed", N_("confirmed case"), "确诊")                   \
	X(a, ISOLATION_END_MOVED_AWAY, "moved_away", N_("moved away"), "迁离")                     \
	X(a, ISOLATION_END_ERROR, "error", N_("entered in error"), "登记错误")                     \
	X(a, ISOLATION_END_RESTARTED, "restarted", N_("restarted"), "重新计算")

#define ENUM_SLOT(X, a)                                                                            \
	X(a, SLOT_AM, "AM", N_("AM"), "上午")                                                      \
	X(a, SLOT_PM, "PM", N_("PM"), "下午")

#define ENUM_CHECK_METHOD(X, a)                                                                    \
	X(a, MODEL_METHOD_IN_PERSON, "in_person", N_("in person"), "上门")                         \
	X(a, MODEL_METHOD_PHONE, "phone", N_("phone"), "电话")                                     \
	X(a, MODEL_METHOD_SELF_REPORT, "self_report", N_("self-report"), "自报")

#define ENUM_DONOR_TYPE(X, a)                                                                      \
	X(a, MODEL_DONOR_INDIVIDUAL, "individual", N_("individual"), "个人")                       \
	X(a, MODEL_DONOR_PARTY_MEMBER, "party_member", N_("party member"), "党员")                 \
	X(a, MODEL_DONOR_COMPANY, "company", N_("company"), "企业")                                \
	X(a, MODEL_DONOR_ORGANISATION, "organisation", N_("organisation"), "组织")

#define ENUM_DONATION_KIND(X, a)                                                                   \
	X(a, MODEL_DONATION_CASH, "cash", N_("cash"), "现金")                                      \
	X(a, MODEL_DONATION_GOODS, "goods", N_("goods"), "物资")

#define ENUM_CHANNEL(X, a)                                                                         \
	X(a, MODEL_CHANNEL_CASH, "cash", N_("cash"), "现金")                                       \
	X(a, MODEL_CHANNEL_BANK, "bank", N_("bank"), "银行转账")                                   \
	X(a, MODEL_CHANNEL_WECHAT, "wechat", N_("WeChat"), "微信")                                 \
	X(a, MODEL_CHANNEL_ALIPAY, "alipay", N_("Alipay"), "支付宝")

#define ENUM_RECIPIENT_KIND(X, a)                                                                  \
	X(a, MODEL_RECIPIENT_HOUSEHOLD, "household", N_("household"), "住户")                      \
	X(a, MODEL_RECIPIENT_CHECKPOINT, "checkpoint", N_("checkpoint"), "卡点")                   \
	X(a, MODEL_RECIPIENT_OTHER, "other", N_("other"), "其他")

#define ENUM_CHECKPOINT_KIND(X, a)                                                                 \
	X(a, MODEL_CP_GATE, "gate", N_("compound gate"), "小区门岗")                               \
	X(a, MODEL_CP_ROAD, "road", N_("road"), "道路卡口")                                        \
	X(a, MODEL_CP_VILLAGE, "village", N_("village entrance"), "村口")

#define ENUM_SHIFT_ROLE(X, a)                                                                      \
	X(a, MODEL_SHIFT_LEADER, "leader", N_("leader"), "组长")                                   \
	X(a, MODEL_SHIFT_MEMBER, "member", N_("member"), "组员")

#define ENUM_DIRECTION(X, a)                                                                       \
	X(a, MODEL_DIR_OUT, "out", N_("out"), "出")                                                \
	X(a, MODEL_DIR_IN, "in", N_("in"), "进")

/* The audit log's actions (the English label is the History screen's). */
#define ENUM_AUDIT_ACTION(X, a)                                                                    \
	X(a, MODEL_AUDIT_INSERT, "insert", N_("added"), "新增")                                    \
	X(a, MODEL_AUDIT_UPDATE, "update", N_("changed"), "修改")                                  \
	X(a, MODEL_AUDIT_DELETE, "delete", N_("deleted"), "删除")                                  \
	X(a, MODEL_AUDIT_VOID, "void", N_("voided"), "作废")                                       \
	X(a, MODEL_AUDIT_REVEAL, "reveal", N_("revealed"), "查看证件号")                           \
	X(a, MODEL_AUDIT_EXPORT, "export", N_("exported"), "导出")                                 \
	X(a, MODEL_AUDIT_PRINT, "print", N_("printed"), "打印")                                    \
	X(a, MODEL_AUDIT_IMPORT, "import", N_("imported"), "导入")                                 \
	X(a, MODEL_AUDIT_MERGE, "merge", N_("merged"), "合并")

/* What a merge conflict (db/conflicts.h) is about, and how it was settled. */
#define ENUM_CONFLICT_KIND(X, a)                                                                   \
	X(a, MODEL_CONFLICT_STOCK, "stock", N_("stock below zero"), "库存为负")                     \
	X(a, MODEL_CONFLICT_PASS, "pass", N_("pass used after it was revoked"), "出入证作废后仍使用")
#define ENUM_CONFLICT_RESOLUTION(X, a)                                                             \
	X(a, MODEL_RES_UNDO_VOID, "undo_void", N_("the void undone"), "撤销作废")                  \
	X(a, MODEL_RES_RETURNED, "returned", N_("goods recorded as returned"), "登记退回")          \
	X(a, MODEL_RES_ACCEPTED, "accepted", N_("accepted with a note"), "维持现状")               \
	X(a, MODEL_RES_UNREVOKE, "unrevoke", N_("the pass restored"), "恢复出入证")

#endif
