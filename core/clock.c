/* clock: the program's notion of now; see clock.h. */
#include "core/clock.h"
#include "core/i18n.h"
#include "core/normalize.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Validates "YYYY-MM-DD HH:MM:SS" (or without seconds) and normalises it. */
static int parse_stamp(const char *s, char out[CLOCK_STR])
{
	struct date d;
	char day[DATE_STR];
	int hh, mm, ss = 0, n = 0;

	if (!s || strlen(s) < 16)
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (date_parse_iso(day, &d, NULL) < 0 || (s[10] != ' ' && s[10] != 'T'))
		return -1;
	if (sscanf(s + 11, "%2d:%2d%n", &hh, &mm, &n) != 2)
		return -1;
	if (s[11 + n] == ':') {
		int m2 = 0;

		if (sscanf(s + 11 + n + 1, "%2d%n", &ss, &m2) != 1)
			return -1;
		n += 1 + m2;
	}
	if (s[11 + n] != '\0' || hh > 23 || mm > 59 || ss > 59 || hh < 0 || mm < 0 || ss < 0)
		return -1;
	return snprintf(out, CLOCK_STR, "%s %02d:%02d:%02d", day, hh, mm, ss) < CLOCK_STR ? 0 : -1;
}

int clock_check_env(struct err *e)
{
	const char *env = getenv("DOORSTEP_NOW");
	char buf[CLOCK_STR];

	if (env && *env && parse_stamp(env, buf) < 0)
		return err_set(
		    e, _("DOORSTEP_NOW=\"%s\" is not a time of the form \"YYYY-MM-DD HH:MM:SS\""),
		    env);
	return 0;
}

void clock_now(char out[CLOCK_STR])
{
	const char *env = getenv("DOORSTEP_NOW");
	time_t t;
	struct tm tm;

	/* The last DOORSTEP_NOW parsed, so that a bulk write (an import stamps
	 * every record) does not parse it again for each one. */
	static char last_env[64], last_out[CLOCK_STR];

	if (env && *env) {
		if (last_out[0] && !strcmp(env, last_env)) {
			memcpy(out, last_out, CLOCK_STR);
			return;
		}
		if (parse_stamp(env, out) == 0) {
			if (strlen(env) < sizeof last_env) {
				memcpy(last_env, env, strlen(env) + 1);
				memcpy(last_out, out, CLOCK_STR);
			}
			return;
		}
	}
	t = time(NULL);
	localtime_r(&t, &tm);
	strftime(out, CLOCK_STR, "%Y-%m-%d %H:%M:%S", &tm);
}

void clock_today(struct date *out)
{
	char now[CLOCK_STR];

	clock_now(now);
	now[10] = '\0';
	if (date_parse_iso(now, out, NULL) < 0)
		*out = (struct date){2020, 1, 1};
}

void clock_today_iso(char out[DATE_STR])
{
	struct date d;

	clock_today(&d);
	date_format(&d, out);
}

int clock_minutes(void)
{
	char now[CLOCK_STR];

	clock_now(now);
	return (now[11] - '0') * 600 + (now[12] - '0') * 60 + (now[14] - '0') * 10 +
	       (now[15] - '0');
}

int clock_time_parse(const char *s, int *minutes, struct err *e)
{
	char *t = normalize_fullwidth(s ? s : "");
	const char *colon = strchr(t, ':');
	size_t n = strlen(t), nh = colon ? (size_t)(colon - t) : n;
	int h = -1, m = 0, ok = n > 0 && strspn(t, "0123456789:") == n;

	if (ok && colon) {
		/* H:MM or HH:MM */
		ok = nh >= 1 && nh <= 2 && n - nh - 1 == 2 && !strchr(colon + 1, ':');
		if (ok) {
			h = atoi(t);
			m = atoi(colon + 1);
		}
	} else if (ok) {
		/* H, HH: hours; HMM, HHMM: hours and minutes */
		ok = n <= 4;
		if (ok && n <= 2)
			h = atoi(t);
		else if (ok) {
			h = atoi(t) / 100;
			m = atoi(t) % 100;
		}
	}
	ok = ok && h >= 0 && h <= 23 && m >= 0 && m <= 59;
	if (ok)
		*minutes = h * 60 + m;
	else
		err_field(e, "time", _("time: \"%s\" is not a time of the form 12:00"), t);
	free(t);
	return ok ? 0 : -1;
}

void clock_time_format(int minutes, char out[6])
{
	unsigned m = minutes < 0 ? 0 : (unsigned)minutes;

	snprintf(out, 6, "%02u:%02u", (m / 60) % 24, m % 60);
}

int clock_parse_hhmm(const char *s)
{
	int m;

	if (!s || strlen(s) != 5 || s[2] != ':' || clock_time_parse(s, &m, NULL) < 0)
		return -1;
	return m;
}
