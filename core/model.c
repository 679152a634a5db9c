/* model: enumeration tables and record helpers; see model.h. */
#include "core/model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/enums.h"
#include "core/i18n.h"
#include "core/strbuf.h"

/* The tables, generated from core/enums.h. */
#define TABLE(name, LIST) const struct enum_entry name[] = {LIST(ENUM_ENTRY, ) {NULL, NULL, NULL}}

TABLE(model_sex, ENUM_SEX);
TABLE(model_id_type, ENUM_ID_TYPE);
TABLE(model_relation, ENUM_RELATION);
TABLE(model_status, ENUM_STATUS);
TABLE(model_tag, ENUM_TAG);
TABLE(model_staff_role, ENUM_STAFF_ROLE);
TABLE(model_outcome, ENUM_OUTCOME);
TABLE(model_symptom, ENUM_SYMPTOM);
TABLE(model_iso_kind, ENUM_ISO_KIND);
TABLE(model_iso_reason, ENUM_ISO_REASON);
TABLE(model_iso_end, ENUM_ISO_END);
TABLE(model_slot, ENUM_SLOT);
TABLE(model_check_method, ENUM_CHECK_METHOD);
TABLE(model_donor_type, ENUM_DONOR_TYPE);
TABLE(model_donation_kind, ENUM_DONATION_KIND);
TABLE(model_channel, ENUM_CHANNEL);
TABLE(model_recipient_kind, ENUM_RECIPIENT_KIND);
TABLE(model_checkpoint_kind, ENUM_CHECKPOINT_KIND);
TABLE(model_shift_role, ENUM_SHIFT_ROLE);
TABLE(model_direction, ENUM_DIRECTION);
TABLE(model_audit_action, ENUM_AUDIT_ACTION);
TABLE(model_conflict_kind, ENUM_CONFLICT_KIND);
TABLE(model_conflict_resolution, ENUM_CONFLICT_RESOLUTION);

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

const struct enum_entry *model_enum_prepend(struct enum_entry *out, size_t n,
					    struct enum_entry first,
					    const struct enum_entry *table)
{
	size_t i = 0;

	if (n < 2)
		return out;
	out[0] = first;
	for (; table[i].code && i + 2 < n; i++)
		out[i + 1] = table[i];
	out[i + 1] = (struct enum_entry){NULL, NULL, NULL};
	return out;
}

const char *model_enum_label(const struct enum_entry *t, const char *code)
{
	const struct enum_entry *en = model_enum_find(t, code);

	return en ? _(en->label) : code ? code : "";
}

const char *model_enum_zh(const struct enum_entry *t, const char *code)
{
	const struct enum_entry *en = model_enum_find(t, code);

	return en ? en->zh : code ? code : "";
}

const char *model_enum_code(const struct enum_entry *t, int v)
{
	return v >= 0 && v < model_enum_count(t) ? t[v].code : "";
}

int model_enum_index(const struct enum_entry *t, const char *code)
{
	const struct enum_entry *en = model_enum_find(t, code);

	return en ? (int)(en - t) : -1;
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

#define HH(field, label, cls) TEXTFIELD(struct household, field, label, cls)
const struct textfield model_household_texts[] = {
    HH(code, N_("household code"), TEXTSAFE_LINE),
    HH(compound, N_("compound"), TEXTSAFE_LINE),
    HH(building, N_("building"), TEXTSAFE_LINE),
    HH(unit, N_("unit"), TEXTSAFE_LINE),
    HH(room, N_("room"), TEXTSAFE_LINE),
    HH(address, N_("address"), TEXTSAFE_LINE),
    HH(phone, N_("phone"), TEXTSAFE_LINE),
    HH(notes, N_("notes"), TEXTSAFE_NOTES),
    HH(grid_name, NULL, TEXTFIELD_OWN),
    HH(head_name, NULL, TEXTFIELD_OWN),
    HH(last_visit, NULL, TEXTFIELD_OWN),
    HH(tags, NULL, TEXTFIELD_OWN),
    {NULL, NULL, 0, 0},
};
#undef HH

#define RES(field, label, cls) TEXTFIELD(struct resident, field, label, cls)
const struct textfield model_resident_texts[] = {
    RES(name, N_("name"), TEXTSAFE_LINE),
    RES(id_type, N_("document"), TEXTSAFE_LINE),
    RES(id_number, N_("ID number"), TEXTSAFE_LINE),
    RES(birth_date, N_("birth date"), TEXTSAFE_LINE),
    RES(phone, N_("phone"), TEXTSAFE_LINE),
    RES(relation, N_("relation"), TEXTSAFE_LINE),
    RES(status, N_("status"), TEXTSAFE_LINE),
    RES(tags, N_("tags"), TEXTSAFE_LINE),
    RES(returned_from, N_("returned from"), TEXTSAFE_LINE),
    RES(return_date, N_("return date"), TEXTSAFE_LINE),
    RES(travel, N_("means of travel"), TEXTSAFE_LINE),
    RES(notes, N_("notes"), TEXTSAFE_NOTES),
    RES(household_code, NULL, TEXTFIELD_OWN),
    {NULL, NULL, 0, 0},
};
#undef RES

void model_household_clear(struct household *h)
{
	textfields_free(model_household_texts, h);
	model_household_init(h);
}

void model_resident_clear(struct resident *r)
{
	textfields_free(model_resident_texts, r);
	model_resident_init(r);
}
