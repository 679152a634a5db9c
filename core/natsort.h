/* natsort: natural order of household codes (3-2-501 < 3-10-101 < 12-1-101).
 *
 * The order is stored in the database as a sort key, a plain string whose
 * byte order (SQLite's BINARY collation) is the natural order, so that the
 * stock sqlite3 shell sorts the same way without any custom collation. */
#ifndef DOORSTEP_NATSORT_H
#define DOORSTEP_NATSORT_H

#include <stddef.h>

/* Returns the malloc'd sort key of code; the caller frees it.  Each run of
 * digits (leading zeros dropped) becomes its digit count, written as a '9'
 * for every 9 digits while more than 9 remain and then the byte '0'+rest-1,
 * followed by the digits, so shorter numbers sort first and a number sorts
 * before a letter and after a separator; every other byte is copied,
 * lower-cased for ASCII letters. */
char *natsort_key(const char *code);

/* Natural comparison of two codes: <0, 0, >0. */
int natsort_cmp(const char *a, const char *b);

#endif
