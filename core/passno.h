/* passno: the numbers printed on entry passes (出入证) and typed at the gate.
 *
 * A pass number is 8 ASCII digits, so that a barcode scanner (which types
 * digits and Enter) and a numeric keypad both enter it:
 *
 *     SS NNNNN C      e.g. 01000017
 *
 * SS is the station code of the machine that issued it (A = 01 ... Z = 26),
 * which keeps numbers unique when several machines of one community are
 * merged; NNNNN is the pass's sequence at that station (00001 .. 99999, never
 * reused); C is a Damm check digit over the first seven, which catches every
 * single mistyped digit and every swap of two adjacent digits.  The number
 * is printed as one run of digits and accepted with spaces or hyphens and in
 * full-width digits from a Chinese input method. */
#ifndef DOORSTEP_PASSNO_H
#define DOORSTEP_PASSNO_H

#include <stddef.h>

#include "core/err.h"

#define PASSNO_LEN     8
#define PASSNO_STR     9 /* 8 digits and NUL */
#define PASSNO_SEQ_MAX 99999

/* The Damm check digit ('0'..'9') of n ASCII digits; '?' when a byte is not
 * a digit. */
char passno_check_digit(const char *digits, size_t n);

/* Writes the station's two-digit prefix ("01" for 'A') into out.  Returns 0,
 * or -1 when station is not 'A'..'Z'. */
int passno_station_prefix(char station, char out[3]);

/* Builds the number of sequence seq at station into out.  Returns 0, or -1
 * with a message when the station is not A..Z or seq is outside
 * 1..PASSNO_SEQ_MAX. */
int passno_make(char station, long seq, char out[PASSNO_STR], struct err *e);

/* The sequence part of a well-formed number (its digits 3 to 7). */
long passno_seq(const char *passno);

/* Reads what was typed or scanned: full-width forms folded, spaces and
 * hyphens dropped, then exactly 8 digits with a right check digit and a
 * station 01..26.  Writes the 8 digits into out.  Returns 0, or -1 with a
 * message (field "pass_no") that says what is wrong: not digits, wrong
 * length, or a check digit that does not match (a mistyped number). */
int passno_parse(const char *input, char out[PASSNO_STR], struct err *e);

#endif
