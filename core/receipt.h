/* receipt: donation receipt numbers, `YYYY-S-NNNN`.
 *
 * Year, station code (one letter, so that several machines of one community
 * can be merged without two donations sharing a number) and a sequence number
 * per year and station, from 1, at least 4 digits (more past 9999).  Numbers
 * are never reused: a wrong donation is voided, not deleted. */
#ifndef DOORSTEP_RECEIPT_H
#define DOORSTEP_RECEIPT_H

#include <stddef.h>

#include "core/err.h"

/* Room for any receipt number and its NUL. */
#define RECEIPT_MAX 24

/* Writes `2020-A-0001` into out (n bytes).  Returns 0, or -1 when the year is
 * not 1900-2999, the station not a letter (a lower-case one is upper-cased),
 * seq below 1, or out too small (out is then ""). */
int receipt_format(int year, char station, int seq, char *out, size_t n);

/* Parses a receipt number as typed (full-width folded, station letter in
 * either case, 1 or more sequence digits: 2020-a-1 is 2020-A-0001).  Returns
 * 0 with the parts set, or -1 with a message in e (field "receipt_no"). */
int receipt_parse(const char *s, int *year, char *station, int *seq, struct err *e);

/* Checks a station code as typed in the settings: one letter A-Z after
 * trimming, either case.  Returns 0, or -1 with a message in e (field
 * "station_code"). */
int receipt_station_valid(const char *s, struct err *e);

/* As receipt_station_valid, and stores the upper-case letter in *station. */
int receipt_station_parse(const char *s, char *station, struct err *e);

#endif
