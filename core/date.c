/* date: calendar arithmetic and form shortcuts; see date.h. */
#include "core/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/normalize.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int date_valid(int y, int m, int d)
{
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= month_days(y, m);
}

/* Reads exactly n digits at s; -1 when any is not a digit. */
static int read_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse_iso(const char *s, struct date *out, struct err *e)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return err_set(e, _("\"%s\" is not a date of the form YYYY-MM-DD"), s ? s : "");
	y = read_digits(s, 4);
	m = read_digits(s + 5, 2);
	d = read_digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return err_set(e, _("\"%s\" is not a date of the form YYYY-MM-DD"), s);
	if (!date_valid(y, m, d))
		return err_set(e, _("%s is not a real date"), s);
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* y/m/d or y-m-d with 1 or 2 digit month and day: 0, -1 when not of that
 * form, -2 when of that form but not a real date (y, m, d are then set). */
static int parse_loose(const char *s, struct date *out, int *y, int *m, int *d)
{
	int n = 0;
	char s1, s2;

	/* sscanf's %d would also take signs and spaces ("2020/+2/ 5") */
	if (s[strspn(s, "0123456789-/.")] != '\0')
		return -1;
	if (sscanf(s, "%4d%c%2d%c%2d%n", y, &s1, m, &s2, d, &n) != 5 || s[n] != '\0')
		return -1;
	if (!((s1 == '-' || s1 == '/' || s1 == '.') && s2 == s1))
		return -1;
	if (!date_valid(*y, *m, *d))
		return -2;
	*out = (struct date){*y, *m, *d};
	return 0;
}

int date_parse_input(const char *s, const struct date *today, struct date *out,
		     struct err *e)
{
	char buf[32];
	size_t n;
	int ly, lm, ld, r;
	/* Full-width digits and signs come from a Chinese input method. */
	char *folded = normalize_fullwidth(s);

	n = strlen(folded);
	if (n < sizeof buf)
		memcpy(buf, folded, n + 1);
	free(folded);
	if (n >= sizeof buf)
		return err_set(e, _("too long for a date: type 2020-02-15, 0215, 15, t (today) or "
				    "-1 (yesterday)"));
	if (n == 0)
		goto bad;

	if (!strcmp(buf, "t") || !strcmp(buf, "T") || !strcmp(buf, "今") ||
	    !strcmp(buf, "今天")) {
		*out = *today;
		return 0;
	}
	if ((buf[0] == '-' || buf[0] == '+') && all_digits(buf + 1, n - 1) && n <= 5) {
		long k = strtol(buf + 1, NULL, 10);

		*out = date_add(today, buf[0] == '-' ? -k : k);
		return 0;
	}
	if (all_digits(buf, n) && n <= 2) {
		int d = atoi(buf);

		if (!date_valid(today->y, today->m, d))
			return err_set(e, _("day %d does not exist in %04d-%02d"), d, today->y,
				       today->m);
		*out = (struct date){today->y, today->m, d};
		return 0;
	}
	if (all_digits(buf, n) && n == 4) {
		int m = read_digits(buf, 2), d = read_digits(buf + 2, 2);

		if (!date_valid(today->y, m, d))
			return err_set(e, _("%04d-%02d-%02d is not a real date"), today->y, m, d);
		*out = (struct date){today->y, m, d};
		return 0;
	}
	if (all_digits(buf, n) && n == 8) {
		int y = read_digits(buf, 4), m = read_digits(buf + 4, 2),
		    d = read_digits(buf + 6, 2);

		if (!date_valid(y, m, d))
			return err_set(e, _("%04d-%02d-%02d is not a real date"), y, m, d);
		*out = (struct date){y, m, d};
		return 0;
	}
	r = parse_loose(buf, out, &ly, &lm, &ld);
	if (r == 0)
		return 0;
	if (r == -2)
		return err_set(e, _("%04d-%02d-%02d is not a real date"), ly, lm, ld);
bad:
	return err_set(
	    e, _("\"%s\" is not a date: type 2020-02-15, 0215, 15, t (today) or -1 (yesterday)"),
	    buf);
}

void date_format(const struct date *d, char out[DATE_STR])
{
	/* "%04u-%02u-%02u" by hand: an import formats a date per resident,
	 * and snprintf was 1.4 % of it. */
	unsigned y = (unsigned)d->y % 10000u, m = (unsigned)d->m % 100u, dd = (unsigned)d->d % 100u;

	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + dd / 10);
	out[9] = (char)('0' + dd % 10);
	out[10] = '\0';
}

/* Howard Hinnant's days_from_civil. */
long date_to_days(const struct date *dt)
{
	long y = dt->y - (dt->m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (dt->m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + dt->d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void date_from_days(long z, struct date *out)
{
	long era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->y = (int)(y + (out->m <= 2));
}

struct date date_add(const struct date *d, long n)
{
	struct date r;

	date_from_days(date_to_days(d) + n, &r);
	return r;
}

long date_diff(const struct date *a, const struct date *b)
{
	return date_to_days(a) - date_to_days(b);
}

int date_cmp(const struct date *a, const struct date *b)
{
	long d = date_diff(a, b);

	return d < 0 ? -1 : d > 0;
}

int date_weekday(const struct date *d)
{
	long z = date_to_days(d); /* 1970-01-01 was a Thursday (3) */

	return (int)(((z % 7) + 7 + 3) % 7);
}
