/* money: parsing and formatting fen and hundredths; see money.h. */
#include "core/money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/normalize.h"

enum dec_result { DEC_OK, DEC_EMPTY, DEC_NEGATIVE, DEC_BAD, DEC_DECIMALS, DEC_TOO_LARGE };

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static int ends(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && !memcmp(s + n - k, suffix, k);
}

/* Reads a non-negative decimal with at most 2 decimals into hundredths:
 * digits, optionally grouped by commas in threes, optionally '.' and up to two
 * digits.  Values above max give DEC_TOO_LARGE. */
static enum dec_result parse_decimal(const char *s, long long max, long long *out)
{
	long long v = 0;
	int nd = 0, group = -1, nf = 0;
	const char *p = s;

	if (!*p)
		return DEC_EMPTY;
	if (*p == '-')
		return DEC_NEGATIVE;
	for (; *p && *p != '.'; p++) {
		if (is_digit(*p)) {
			/* max is below LLONG_MAX/100, so v*10 + d cannot overflow */
			v = v * 10 + (*p - '0');
			if (v > max / 100 + 1)
				v = max / 100 + 1; /* remembered as too large below */
			nd++;
			if (group >= 0 && ++group > 3)
				return DEC_BAD;
		} else if (*p == ',') {
			if (nd == 0 || group == 0 || (group > 0 && group != 3) ||
			    (group < 0 && nd > 3))
				return DEC_BAD;
			group = 0;
		} else {
			return DEC_BAD;
		}
	}
	if (group >= 0 && group != 3)
		return DEC_BAD;
	v *= 100;
	if (*p == '.') {
		for (p++; is_digit(*p); p++, nf++)
			if (nf < 2)
				v += (*p - '0') * (nf == 0 ? 10 : 1);
		if (*p)
			return DEC_BAD;
		if (nd == 0 && nf == 0)
			return DEC_BAD;
		if (nf > 2)
			return DEC_DECIMALS;
	} else if (nd == 0) {
		return DEC_BAD;
	}
	if (v > max)
		return DEC_TOO_LARGE;
	*out = v;
	return DEC_OK;
}

/* Copies the folded, trimmed text of in without a currency sign in front or a
 * 元 behind (when money is set); the caller frees it. */
static char *clean(const char *in, int money)
{
	char *s = normalize_fullwidth(in);
	size_t n;
	char *p = s;

	if (money) {
		if (starts(p, "\xC2\xA5")) /* ¥ U+00A5 */
			p += 2;
		else if (starts(p, "\xEF\xBF\xA5")) /* ￥ U+FFE5 */
			p += 3;
		while (*p == ' ')
			p++;
	}
	n = strlen(p);
	if (money && ends(p, n, "\xE5\x85\x83")) /* 元 */
		n -= 3;
	while (n > 0 && p[n - 1] == ' ')
		n--;
	memmove(s, p, n);
	s[n] = '\0';
	return s;
}

/* What each refusal says, for an amount of money and for a quantity (an
 * English msgid; %s is the text as cleaned). */
static const struct {
	const char *amount, *quantity;
} refusals[] = {
    [DEC_EMPTY] = {N_("amount: empty"), N_("quantity: empty")},
    [DEC_NEGATIVE] = {N_("amount: cannot be negative"), N_("quantity: cannot be negative")},
    [DEC_BAD] = {N_("amount: \"%s\" is not an amount; type 1234.50"),
		 N_("quantity: \"%s\" is not a number; type 12 or 12.5")},
    [DEC_DECIMALS] = {N_("amount: at most 2 decimals (fen), got \"%s\""),
		      N_("quantity: at most 2 decimals, got \"%s\"")},
    [DEC_TOO_LARGE] = {N_("amount: too large (at most ¥9,999,999,999,999.99)"),
		       N_("quantity: too large (at most 9,999,999,999.99)")},
};

/* An amount of money (money: ¥ and 元 may stand around it) or a quantity. */
static int parse_kind(int money, const char *in, long long *out, struct err *e)
{
	char *s = clean(in, money);
	long long v = 0;
	enum dec_result r = parse_decimal(s, money ? MONEY_MAX_FEN : QUANTITY_MAX, &v);
	int rc = 0;

	if (r == DEC_OK)
		*out = v;
	else if (money)
		rc = err_field(e, "amount", _(refusals[r].amount), s);
	else
		rc = err_field(e, "quantity", _(refusals[r].quantity), s);
	free(s);
	return rc;
}

int money_parse(const char *in, long long *fen, struct err *e)
{
	return parse_kind(1, in, fen, e);
}

int quantity_parse(const char *in, long long *hundredths, struct err *e)
{
	return parse_kind(0, in, hundredths, e);
}

/* Magnitude of v, safe for LLONG_MIN. */
static unsigned long long magnitude(long long v)
{
	return v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
}

void money_format(long long fen, char *out, size_t n)
{
	unsigned long long a = magnitude(fen), whole = a / 100;
	char digits[32], grouped[48];
	int nd = snprintf(digits, sizeof digits, "%llu", whole), o = 0;

	for (int i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(out, n, "%s¥%s.%02llu", fen < 0 ? "-" : "", grouped, a % 100);
}

void money_format_plain(long long fen, char *out, size_t n)
{
	unsigned long long a = magnitude(fen);

	snprintf(out, n, "%s%llu.%02llu", fen < 0 ? "-" : "", a / 100, a % 100);
}

void quantity_format(long long hundredths, char *out, size_t n)
{
	unsigned long long a = magnitude(hundredths), f = a % 100;
	const char *sign = hundredths < 0 ? "-" : "";

	if (f == 0)
		snprintf(out, n, "%s%llu", sign, a / 100);
	else if (f % 10 == 0)
		snprintf(out, n, "%s%llu.%llu", sign, a / 100, f / 10);
	else
		snprintf(out, n, "%s%llu.%02llu", sign, a / 100, f);
}
