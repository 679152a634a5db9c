/* date: calendar dates (proleptic Gregorian) and the date shortcuts of forms.
 *
 * Dates are stored as ISO `YYYY-MM-DD` text; in memory they are a struct date
 * or a day number (days since 1970-01-01), which makes arithmetic plain. */
#ifndef DOORSTEP_DATE_H
#define DOORSTEP_DATE_H

#include "core/err.h"

struct date {
	int y, m, d;
};

#define DATE_STR 11 /* "YYYY-MM-DD" and NUL */

/* 1 when y-m-d is a real calendar date between years 1900 and 2999, else 0. */
int date_valid(int y, int m, int d);

/* Parses strict ISO `YYYY-MM-DD` into *out.  Returns 0, or -1 with a message
 * in e when the text is not a real date. */
int date_parse_iso(const char *s, struct date *out, struct err *e);

/* Parses what a user types in a date field, relative to `today`:
 * `2020-02-15`, `2020/2/15`, `0215` (this year), `15` (this month), `t` or
 * `今` or `今天` (today), `-1` (yesterday), `-N` (N days ago), `+N`;
 * full-width forms from a Chinese input method are folded first.
 * Returns 0, or -1 with a message naming the accepted forms. */
int date_parse_input(const char *s, const struct date *today, struct date *out,
		     struct err *e);

/* Writes `YYYY-MM-DD` into out (DATE_STR bytes). */
void date_format(const struct date *d, char out[DATE_STR]);

/* Days since 1970-01-01 (negative before), and back. */
long date_to_days(const struct date *d);
void date_from_days(long days, struct date *out);

/* d + n days. */
struct date date_add(const struct date *d, long n);

/* a - b in days. */
long date_diff(const struct date *a, const struct date *b);

/* <0, 0, >0 as a is before, equal to, after b. */
int date_cmp(const struct date *a, const struct date *b);

/* 0 Monday ... 6 Sunday. */
int date_weekday(const struct date *d);

#endif
