/* idcard: parsing and checking identity document numbers; see idcard.h. */
#include "core/idcard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/normalize.h"
#include "core/utf8.h"

#define FIELD "id_number"

static const char *const type_codes[] = {
    [IDCARD_RESIDENT] = "id", [IDCARD_PASSPORT] = "passport", [IDCARD_HKMO] = "hkmo",
    [IDCARD_TW] = "tw",	      [IDCARD_OTHER] = "other",
};

const char *idcard_type_code(enum idcard_type type)
{
	if ((int)type < 0 || (size_t)type >= sizeof type_codes / sizeof type_codes[0])
		return "other";
	return type_codes[type];
}

int idcard_type_from_code(const char *code)
{
	if (!code)
		return -1;
	for (size_t i = 0; i < sizeof type_codes / sizeof type_codes[0]; i++)
		if (!strcmp(code, type_codes[i]))
			return (int)i;
	return -1;
}

int idcard_checksum_char(const char first17[17])
{
	static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const char check[] = "10X98765432";
	int sum = 0;

	for (int i = 0; i < 17; i++) {
		if (first17[i] < '0' || first17[i] > '9')
			return -1;
		sum += (first17[i] - '0') * weights[i];
	}
	return check[sum % 11];
}

int idcard_age_on(const struct date *birth, const struct date *on)
{
	int age;

	if (date_cmp(on, birth) < 0)
		return -1;
	age = on->y - birth->y;
	if (on->m < birth->m || (on->m == birth->m && on->d < birth->d))
		age--;
	return age;
}

/* Quotes at most one UTF-8 character at s into buf for an error message. */
static const char *one_char(const char *s, char buf[8])
{
	size_t n = 1;

	while (n < 4 && s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

static int parse_resident(const char *s, const struct date *today, struct idcard *out,
			  struct err *e)
{
	char num[19], c[8];
	size_t len = strlen(s);
	int y, m, d, check;

	for (size_t i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			continue;
		if (s[i] == 'X' && i == len - 1 && len != 15)
			continue; /* a wrong length is reported below */
		if (s[i] == 'X')
			return err_field(e, FIELD,
					 _("ID number: X is only allowed as the last of 18 "
					   "characters"));
		return err_field(
		    e, FIELD,
		    _("ID number: only digits are allowed (and X last), found \"%s\" at "
		      "position %zu"),
		    one_char(s + i, c), utf8_chars(s) - utf8_chars(s + i) + 1);
	}
	if (len != 18 && len != 15)
		return err_field(
		    e, FIELD,
		    _("ID number: must be 18 characters (or 15 for an old card), got %zu"), len);
	if (len == 15) {
		/* Old cards: region, YYMMDD of the 1900s, sequence; no check character. */
		memcpy(num, s, 6);
		memcpy(num + 6, "19", 2);
		memcpy(num + 8, s + 6, 9);
	} else {
		memcpy(num, s, 17);
	}
	if (num[0] < '1' || num[0] > '8')
		return err_field(
		    e, FIELD,
		    _("ID number: region code %.6s is not valid (its first digit must be "
		      "1 to 8)"),
		    num);
	y = atoi((char[5]){num[6], num[7], num[8], num[9], 0});
	m = atoi((char[3]){num[10], num[11], 0});
	d = atoi((char[3]){num[12], num[13], 0});
	if (y < 1900)
		return err_field(e, FIELD, _("ID number: birth date %.8s is before 1900"), num + 6);
	if (!date_valid(y, m, d))
		return err_field(e, FIELD, _("ID number: birth date %.8s is not a real date"),
				 num + 6);
	out->birth = (struct date){y, m, d};
	if (today && date_cmp(&out->birth, today) > 0)
		return err_field(e, FIELD, _("ID number: birth date %.8s is in the future"),
				 num + 6);
	check = idcard_checksum_char(num);
	if (len == 18 && s[17] != check)
		return err_field(e, FIELD, _("ID number: check digit should be %c, not %c"), check,
				 s[17]);
	num[17] = (char)check;
	num[18] = '\0';
	memcpy(out->number, num, sizeof num);
	out->sex = (num[16] - '0') % 2 ? 'M' : 'F';
	return 0;
}

static int parse_other(const char *s, struct idcard *out, struct err *e)
{
	size_t len = strlen(s);
	char c[8];

	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '(' ||
		    ch == ')' || ch == '-')
			continue;
		return err_field(e, FIELD,
				 _("document number: only letters, digits, ( ) and - are allowed, "
				   "found \"%s\""),
				 one_char(s + i, c));
	}
	if (len < 5 || len > 20)
		return err_field(e, FIELD,
				 _("document number: must be 5 to 20 characters, got %zu"), len);
	memcpy(out->number, s, len + 1);
	return 0;
}

int idcard_parse(const char *input, enum idcard_type type, const struct date *today,
		 struct idcard *out, struct err *e)
{
	char *s = normalize_fullwidth(input);
	struct idcard r = {.type = type};
	size_t o = 0;
	int rc;

	if (type == IDCARD_RESIDENT) {
		/* Spaces typed to group the digits are dropped. */
		for (size_t i = 0; s[i]; i++)
			if (s[i] != ' ' && s[i] != '\t')
				s[o++] = s[i];
		s[o] = '\0';
	}
	for (size_t i = 0; s[i]; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			s[i] = (char)(s[i] - 'a' + 'A');
	if (!*s)
		rc = err_field(e, FIELD, _("ID number: empty"));
	else if (type == IDCARD_RESIDENT)
		rc = parse_resident(s, today, &r, e);
	else if ((int)type > IDCARD_RESIDENT && type <= IDCARD_OTHER)
		rc = parse_other(s, &r, e);
	else
		rc = err_field(e, FIELD, _("ID number: unknown document type %d"), (int)type);
	free(s);
	if (rc == 0)
		*out = r;
	return rc;
}
