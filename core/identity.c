/* identity: sex and birth date against the ID number; see identity.h. */
#include "core/identity.h"

#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/idcard.h"
#include "core/model.h"

static const char *sex_label(char sex)
{
	char code[2] = {sex, 0};

	return model_enum_label(model_sex, code);
}

int identity_check(const char *id_type, const char *id_number, const char *sex,
		   const char *birth_date, struct err *e)
{
	struct idcard card;
	struct err ignore;
	char iso[DATE_STR];

	if ((id_type && strcmp(id_type, "id")) || !id_number || !*id_number)
		return 0;
	if (idcard_parse(id_number, IDCARD_RESIDENT, NULL, &card, &ignore) < 0)
		return 0;
	if (sex && *sex && card.sex && sex[0] != card.sex) {
		err_field(e, "sex", _("sex %s contradicts the ID number, which gives %s"),
			  sex_label(sex[0]), sex_label(card.sex));
		return 1;
	}
	date_format(&card.birth, iso);
	if (birth_date && *birth_date && card.birth.y && strcmp(birth_date, iso)) {
		err_field(e, "birth_date",
			  _("birth date %s contradicts the ID number, which gives %s"), birth_date,
			  iso);
		return 1;
	}
	return 0;
}
