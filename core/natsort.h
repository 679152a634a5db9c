/* natsort: natural order of household codes (3-2-501 < 3-10-101 < 12-1-101).
 *
 * The order is stored in the database as a sort key, a plain string whose
 * byte order (SQLite's BINARY collation) is the natural order, so that the
 * stock sqlite3 shell sorts the same way without any custom collation. */
#ifndef DOORSTEP_NATSORT_H
#define DOORSTEP_NATSORT_H

#include <stddef.h>

/* Returns the malloc'd sort key of code; the caller frees it.  Each run of
 * digits becomes its digit count (one byte 'a'+n-1, leading zeros dropped)
 * followed by the digits, so shorter numbers sort first; every other byte is
 * copied, lower-cased for ASCII letters. */
char *natsort_key(const char *code);

/* Natural comparison of two codes: <0, 0, >0. */
int natsort_cmp(const char *a, const char *b);

#endif
