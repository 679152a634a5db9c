/* phone: checking and canonicalising phone numbers; see phone.h. */
#include "core/phone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/idcard.h"
#include "core/normalize.h"

#define FIELD	   "phone"
#define MAX_GROUPS 6

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_sep(char c)
{
	return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\t';
}

/* The refusal of the character at p (whole, however many bytes it takes). */
static int refuse_char(const char *p, struct err *e)
{
	int cl = 1;

	while (cl < 4 && ((unsigned char)p[cl] & 0xC0) == 0x80)
		cl++;
	return err_field(e, FIELD,
			 _("phone: only digits, spaces and - are allowed, found \"%.*s\""), cl, p);
}

int phone_is_mobile(const char *s)
{
	if (!s || strlen(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9')
		return 0;
	for (int i = 2; i < 11; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

/* Length of the area code that opens a landline number: 3 for 010 and 02x,
 * else 4. */
static size_t area_len(const char *digits)
{
	return digits[1] == '1' || digits[1] == '2' ? 3 : 4;
}

static int check_local(const char *local, size_t len, struct err *e)
{
	if (len < 7 || len > 8)
		return err_field(
		    e, FIELD,
		    _("phone: a landline number has 7 or 8 digits after the area code, "
		      "got %zu"),
		    len);
	if (local[0] == '0' || local[0] == '1')
		return err_field(
		    e, FIELD,
		    _("phone: a landline number cannot start with %c after the area code"),
		    local[0]);
	return 0;
}

static int put(char *out, size_t n, struct err *e, const char *fmt, const char *a, const char *b,
	       const char *c)
{
	int w = snprintf(out, n, fmt, a, b, c);

	if (w < 0 || (size_t)w >= n) {
		if (n > 0)
			out[0] = '\0';
		return err_field(e, FIELD, _("phone: number too long for its buffer"));
	}
	return 0;
}

static int parse(const char *s, char *out, size_t n, struct err *e)
{
	char digits[64], groups[MAX_GROUPS][64];
	size_t nd = 0, ng = 0, gl = 0;
	const char *p = s;

	if (!*p)
		return err_field(e, FIELD, _("phone: empty"));
	if (*p == '+') {
		if (strncmp(p, "+86", 3))
			return err_field(e, FIELD,
					 _("phone: only mainland numbers (+86) are accepted"));
		p += 3;
	}
	for (; *p; p++) {
		if (is_digit(*p)) {
			if (nd + 1 >= sizeof digits || gl + 1 >= sizeof groups[0])
				return err_field(e, FIELD, _("phone: too many digits"));
			if (gl == 0 && ng++ >= MAX_GROUPS)
				return err_field(e, FIELD, _("phone: too many groups of digits"));
			digits[nd++] = *p;
			groups[ng - 1][gl++] = *p;
			groups[ng - 1][gl] = '\0';
		} else if (is_sep(*p)) {
			gl = 0;
		} else {
			return refuse_char(p, e);
		}
	}
	digits[nd] = '\0';
	if (nd == 0)
		return err_field(e, FIELD, _("phone: no digits"));
	/* 0086 / 86 in front of a mobile number */
	if (nd == 15 && !strncmp(digits, "0086", 4) && digits[4] == '1')
		memmove(digits, digits + 4, nd -= 4), digits[nd] = '\0';
	else if (nd == 13 && !strncmp(digits, "86", 2) && digits[2] == '1')
		memmove(digits, digits + 2, nd -= 2), digits[nd] = '\0';

	if (digits[0] == '1') {
		if (nd != 11)
			return err_field(e, FIELD,
					 _("phone: a mobile number has 11 digits, got %zu"), nd);
		if (!phone_is_mobile(digits))
			return err_field(e, FIELD,
					 _("phone: a mobile number starts with 13 to 19, not %.2s"),
					 digits);
		return put(out, n, e, "%s%s%s", digits, "", "");
	}
	if (digits[0] != '0')
		return err_field(
		    e, FIELD,
		    _("phone: a landline needs its area code, e.g. 0398-2812345; a mobile "
		      "number starts with 1"));
	if (digits[1] == '0')
		return err_field(e, FIELD,
				 _("phone: an area code does not start with 00 (a number abroad "
				   "begins with + and its country code)"));
	if (ng == 1) {
		size_t al = area_len(digits);

		if (nd <= al)
			return err_field(e, FIELD, _("phone: only an area code was typed"));
		if (check_local(digits + al, nd - al, e))
			return -1;
		char area[5] = {0};
		memcpy(area, digits, al);
		return put(out, n, e, "%s-%s%s", area, digits + al, "");
	}
	/* Typed in groups: area code, then the local number (itself maybe typed
	 * in groups, "5555 6666"), then at most one group of extension. */
	size_t al = strlen(groups[0]);
	if (al != area_len(groups[0]))
		return err_field(
		    e, FIELD,
		    _("phone: area code %s should have %zu digits (010, 02x: 3; others: 4)"),
		    groups[0], area_len(groups[0]));
	char local[64] = "";
	size_t g = 1;
	strcat(local, groups[g++]);
	while (g < ng && strlen(local) < 7 && strlen(local) + strlen(groups[g]) <= 8)
		strcat(local, groups[g++]);
	if (check_local(local, strlen(local), e))
		return -1;
	if (g + 1 < ng)
		return err_field(e, FIELD,
				 _("phone: type a landline as area-number or "
				   "area-number-extension"));
	if (g < ng) {
		if (strlen(groups[g]) > 6)
			return err_field(e, FIELD, _("phone: an extension has at most 6 digits"));
		return put(out, n, e, "%s-%s-%s", groups[0], local, groups[g]);
	}
	return put(out, n, e, "%s-%s%s", groups[0], local, "");
}

int phone_parse(const char *in, char *out, size_t n, struct err *e)
{
	char *s = normalize_fullwidth(in);
	int rc = parse(s, out, n, e);

	free(s);
	return rc;
}

/* A number abroad, after its + or 00: digit groups (spaces, dashes, dots,
 * brackets between them), 8 to 15 digits in all (E.164), the country code
 * not starting with 0.  Canonical: + and the groups joined by one space. */
static int parse_abroad(const char *p, char *out, size_t n, struct err *e)
{
	char canon[PHONE_MAX + 1];
	size_t o = 0, nd = 0;
	int in_group = 0;

	canon[o++] = '+';
	for (; *p; p++) {
		if (is_digit(*p)) {
			if (nd == 0 && *p == '0')
				return err_field(e, FIELD,
						 _("phone: a country code does not start with 0"));
			if (++nd > 15 || o + 2 >= sizeof canon)
				return err_field(
				    e, FIELD,
				    _("phone: an international number has at most 15 digits"));
			if (!in_group && nd > 1)
				canon[o++] = ' ';
			canon[o++] = *p;
			in_group = 1;
		} else if (is_sep(*p)) {
			in_group = 0;
		} else {
			return refuse_char(p, e);
		}
	}
	canon[o] = '\0';
	if (nd < 8)
		return err_field(e, FIELD,
				 _("phone: an international number has its country code and at "
				   "least 8 digits in all, got %zu"),
				 nd);
	if (o + 1 > n)
		return err_field(e, FIELD, _("phone: number too long for its buffer"));
	memcpy(out, canon, o + 1);
	return 0;
}

/* 1 when the digits of p, separators skipped, begin with 86 (China). */
static int china_code(const char *p)
{
	char d[2];
	int k = 0;

	for (; *p && k < 2; p++)
		if (is_digit(*p))
			d[k++] = *p;
		else if (!is_sep(*p))
			break;
	return k == 2 && d[0] == '8' && d[1] == '6';
}

int phone_parse_any(const char *in, int abroad, char *out, size_t n, struct err *e)
{
	char *s = normalize_fullwidth(in);
	const char *p = s;
	int rc;

	while (is_sep(*p))
		p++;
	if (abroad && (*p == '+' || (p[0] == '0' && p[1] == '0')) &&
	    !china_code(p + (*p == '+' ? 1 : 2)))
		rc = parse_abroad(p + (*p == '+' ? 1 : 2), out, n, e);
	else
		rc = parse(s, out, n, e);
	free(s);
	return rc;
}

int phone_abroad_allowed(int idcard_type)
{
	return idcard_type >= 0 && idcard_type != IDCARD_RESIDENT;
}
