/* passno: pass numbers with a Damm check digit; see passno.h. */
#include "core/passno.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/normalize.h"

/* The Damm quasigroup of order 10 (weakly totally anti-symmetric). */
static const unsigned char damm[10][10] = {
    {0, 3, 1, 7, 5, 9, 8, 6, 4, 2}, {7, 0, 9, 2, 1, 5, 4, 8, 6, 3}, {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
    {1, 7, 5, 0, 9, 8, 3, 4, 2, 6}, {6, 1, 2, 3, 0, 4, 5, 9, 7, 8}, {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
    {5, 8, 6, 9, 7, 2, 0, 1, 3, 4}, {8, 9, 4, 5, 3, 6, 2, 0, 1, 7}, {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
    {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
};

char passno_check_digit(const char *digits, size_t n)
{
	unsigned interim = 0;

	for (size_t i = 0; i < n; i++) {
		if (digits[i] < '0' || digits[i] > '9')
			return '?';
		interim = damm[interim][digits[i] - '0'];
	}
	return (char)('0' + interim);
}

int passno_station_prefix(char station, char out[3])
{
	if (station < 'A' || station > 'Z')
		return -1;
	snprintf(out, 3, "%02d", station - 'A' + 1);
	return 0;
}

int passno_make(char station, long seq, char out[PASSNO_STR], struct err *e)
{
	char prefix[3];

	if (passno_station_prefix(station, prefix) < 0)
		return err_field(e, "station", _("the station code must be a letter A to Z"));
	if (seq < 1 || seq > PASSNO_SEQ_MAX)
		return err_field(e, "pass_no", _("station %c has used all %d pass numbers"),
				 station, PASSNO_SEQ_MAX);
	snprintf(out, PASSNO_STR, "%s%05ld", prefix, seq);
	out[7] = passno_check_digit(out, 7);
	out[8] = '\0';
	return 0;
}

long passno_seq(const char *passno)
{
	char part[6];

	if (strlen(passno) < 7)
		return 0;
	memcpy(part, passno + 2, 5);
	part[5] = '\0';
	return strtol(part, NULL, 10);
}

int passno_parse(const char *input, char out[PASSNO_STR], struct err *e)
{
	char *s = normalize_fullwidth(input);
	char d[PASSNO_LEN + 1];
	size_t n = 0;
	int r = -1, station;

	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (*p < '0' || *p > '9') {
			err_field(e, "pass_no", _("a pass number has digits only"));
			goto out;
		}
		if (n == PASSNO_LEN) {
			err_field(e, "pass_no", _("a pass number has %d digits; this has more"),
				  PASSNO_LEN);
			goto out;
		}
		d[n++] = *p;
	}
	d[n] = '\0';
	if (n == 0) {
		err_field(e, "pass_no", _("type or scan a pass number"));
		goto out;
	}
	if (n != PASSNO_LEN) {
		err_field(e, "pass_no", _("a pass number has %d digits; this has %zu"), PASSNO_LEN,
			  n);
		goto out;
	}
	station = (d[0] - '0') * 10 + (d[1] - '0');
	if (passno_check_digit(d, 7) != d[7] || station < 1 || station > 26) {
		err_field(e, "pass_no", _("%s is not a valid pass number (check digit): retype it"),
			  d);
		goto out;
	}
	memcpy(out, d, PASSNO_STR);
	r = 0;
out:
	free(s);
	return r;
}
