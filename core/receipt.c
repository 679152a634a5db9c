/* receipt: donation receipt numbers; see receipt.h. */
#include "core/receipt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/normalize.h"

#define FIELD	"receipt_no"
#define SEQ_MAX 99999999

static char upper_letter(char c)
{
	if (c >= 'a' && c <= 'z')
		return (char)(c - 'a' + 'A');
	return c >= 'A' && c <= 'Z' ? c : 0;
}

int receipt_format(int year, char station, int seq, char *out, size_t n)
{
	char st = upper_letter(station);
	int w;

	if (n > 0)
		out[0] = '\0';
	if (year < 1900 || year > 2999 || !st || seq < 1 || seq > SEQ_MAX)
		return -1;
	w = snprintf(out, n, "%04d-%c-%04d", year, st, seq);
	if (w < 0 || (size_t)w >= n) {
		if (n > 0)
			out[0] = '\0';
		return -1;
	}
	return 0;
}

int receipt_station_parse(const char *s, char *station, struct err *e)
{
	char *t = normalize_fullwidth(s);
	char st = strlen(t) == 1 ? upper_letter(t[0]) : 0;

	free(t);
	if (!st)
		return err_field(e, "station_code", _("station code: must be one letter, A to Z"));
	if (station)
		*station = st;
	return 0;
}

int receipt_station_valid(const char *s, struct err *e)
{
	return receipt_station_parse(s, NULL, e);
}

int receipt_parse(const char *s, int *year, char *station, int *seq, struct err *e)
{
	char *t = normalize_fullwidth(s);
	const char *p = t;
	int y = 0, q = 0, rc = -1;
	size_t k;
	char st;

	for (k = 0; k < 4 && p[k] >= '0' && p[k] <= '9'; k++)
		y = y * 10 + (p[k] - '0');
	if (k != 4 || p[4] != '-' || !(st = upper_letter(p[5])) || p[6] != '-')
		goto bad;
	p += 7;
	for (k = 0; p[k] >= '0' && p[k] <= '9'; k++) {
		if (q > SEQ_MAX / 10)
			goto bad;
		q = q * 10 + (p[k] - '0');
	}
	if (k == 0 || p[k] != '\0')
		goto bad;
	if (y < 1900 || y > 2999) {
		rc = err_field(e, FIELD, _("receipt number: year %d is not plausible"), y);
		goto out;
	}
	if (q < 1 || q > SEQ_MAX) {
		rc = err_field(e, FIELD, _("receipt number: the number must be 1 or more"));
		goto out;
	}
	*year = y;
	*station = st;
	*seq = q;
	rc = 0;
	goto out;
bad:
	rc = err_field(e, FIELD, _("receipt number: \"%s\" is not of the form 2020-A-0001"), t);
out:
	free(t);
	return rc;
}
