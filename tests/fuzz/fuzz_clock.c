/* libFuzzer harness of the clock parsers: DOORSTEP_NOW (clock_check_env,
 * clock_now, clock_today, clock_minutes), the HH:MM of settings
 * (clock_parse_hhmm) and the time a form takes (clock_time_parse, the one
 * parser of times of day).  A DOORSTEP_NOW that clock_check_env accepts is
 * what clock_now returns, normalised to "YYYY-MM-DD HH:MM:SS", and that
 * normal form is accepted again as itself; a time either parser accepts is
 * within a day, and the two agree on plain ASCII "HH:MM". */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), now[CLOCK_STR], again[CLOCK_STR], day[DATE_STR];
	struct err e;
	struct date today;
	int m, m2;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	if (setenv("DOORSTEP_NOW", s, 1) == 0 && *s && clock_check_env(&e) == 0) {
		clock_now(now);
		if (strlen(now) != 19 || now[10] != ' ')
			abort();
		if (setenv("DOORSTEP_NOW", now, 1) != 0 || clock_check_env(&e) != 0)
			abort();
		clock_now(again);
		if (strcmp(now, again) != 0)
			abort();
		clock_today(&today);
		date_format(&today, day);
		if (strncmp(day, now, 10) != 0)
			abort();
		m = clock_minutes();
		if (m != clock_parse_hhmm((char[6]){now[11], now[12], ':', now[14], now[15], 0}))
			abort();
	}
	unsetenv("DOORSTEP_NOW");

	m = clock_parse_hhmm(s);
	if (m < -1 || m >= 24 * 60)
		abort();
	if (clock_time_parse(s, &m2, &e) == 0) {
		if (m2 < 0 || m2 >= 24 * 60)
			abort();
		if (m >= 0 && m != m2)
			abort();
	}
	free(s);
	return 0;
}
