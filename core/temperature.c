/* temperature: fast entry of body temperatures; see temperature.h. */
#include "core/temperature.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/normalize.h"

#define FIELD "temperature"

/* Drops a trailing unit: ℃ (U+2103), °C, ° or C, and the spaces before it. */
static void strip_unit(char *s)
{
	static const char *const units[] = {"\xE2\x84\x83",
					    "\xC2\xB0"
					    "C",
					    "\xC2\xB0", "C"};
	size_t n = strlen(s);

	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		size_t u = strlen(units[i]);

		if (n >= u && !strcmp(s + n - u, units[i])) {
			n -= u;
			break;
		}
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
}

static int parse(const char *s, int *tenths, struct err *e)
{
	size_t n = strlen(s), i = 0, ni, nf;
	int whole = 0, frac = 0;

	if (n == 0)
		return err_field(e, FIELD, _("temperature: empty"));
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	ni = i;
	if (ni == 0 || ni > 3)
		goto bad;
	for (size_t k = 0; k < ni; k++)
		whole = whole * 10 + (s[k] - '0');
	if (i == n) {
		/* 37 is whole degrees, 365 is tenths */
		if (ni == 1)
			goto bad;
		*tenths = ni == 2 ? whole * 10 : whole;
	} else {
		if (s[i] != '.' || ni > 2)
			goto bad;
		i++;
		nf = 0;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			frac = s[i] - '0';
			nf++;
			i++;
		}
		if (i != n)
			goto bad;
		if (nf > 1)
			return err_field(
			    e, FIELD, _("temperature: at most one decimal (36.5), got \"%s\""), s);
		*tenths = whole * 10 + frac;
	}
	return 0;
bad:
	return err_field(e, FIELD,
			 _("temperature: \"%s\" is not a temperature; type 36.5, 365 or 37"), s);
}

int temperature_parse_any(const char *in, int *tenths, struct err *e)
{
	char *s = normalize_fullwidth(in);
	int t = 0, rc;

	strip_unit(s);
	rc = parse(s, &t, e);
	free(s);
	if (rc == 0)
		*tenths = t;
	return rc;
}

int temperature_parse(const char *in, int *tenths, struct err *e)
{
	int t = 0;

	if (temperature_parse_any(in, &t, e) < 0 || temperature_check(t, e) < 0)
		return -1;
	*tenths = t;
	return 0;
}

int temperature_check(int tenths, struct err *e)
{
	char buf[8];

	if (tenths >= TEMPERATURE_MIN && tenths <= TEMPERATURE_MAX)
		return 0;
	temperature_format(tenths, buf);
	return err_field(e, FIELD, _("temperature: %s °C is outside 34.0–43.0 °C"), buf);
}

void temperature_format(int tenths, char out[8])
{
	int neg = tenths < 0;
	long a = neg ? -(long)tenths : tenths;

	/* Values that do not fit are clamped; real readings never come near. */
	if (a > 99999)
		a = 99999;
	snprintf(out, 8, "%s%ld.%ld", neg ? "-" : "", a / 10, a % 10);
}

int temperature_is_fever(int tenths, int threshold_tenths)
{
	return tenths >= threshold_tenths;
}
