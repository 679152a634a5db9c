/* limits: the longest text each column holds, in characters, declared once.
 *
 * Forms show the limit and refuse more, the import and merge refuse a longer
 * value naming the field and the limit, the db write functions check it
 * again, and `check` reports older rows over a limit (they are kept as they
 * are).  Nothing is ever cut to fit: a value is taken whole or refused.
 * Each limit is at least the longest value an earlier version accepted (the
 * import took codes of 64 bytes, names of 100, one-line texts of 200 and notes
 * of 4,000). */
#ifndef DOORSTEP_LIMITS_H
#define DOORSTEP_LIMITS_H

#include <stddef.h>

#include "core/err.h"
#include "core/textsafe.h"

struct text_limit {
	const char *table;  /* the SQL table */
	const char *column; /* its TEXT column */
	int max_chars;	    /* characters (code points), not bytes */
	const char *label;  /* English msgid naming the field in messages */
};

/* The table, ending with {NULL}. */
extern const struct text_limit text_limits[];

/* The limit of table.column, or NULL when the column has none. */
const struct text_limit *limits_find(const char *table, const char *column);

/* The most characters table.column holds; 0 when it has no limit.  A form
 * field passes this as its max_chars. */
int limits_max(const char *table, const char *column);

/* Characters in the UTF-8 string s (a malformed byte counts as one). */
size_t limits_chars(const char *s);

/* The characters a column may hold (core/textsafe): a column named notes or
 * note is free notes (newline and tab are text), every other one is one line. */
enum textsafe_class limits_class(const struct text_limit *l);

/* 0 when v (NULL is fine) fits table.column, else -1 with e naming the field
 * (e->field = column) and why: the limit ("Notes is too long: 4203
 * characters; it holds at most 4000") or the first character the column may
 * not hold (textsafe_check: a control, bidi or invisible character).  Every
 * write of a column with a limit calls it, so no record kind stores either. */
int limits_check(const char *table, const char *column, const char *v, struct err *e);

/* The character half of limits_check alone: 0 when v (NULL is fine) holds
 * only what table.column may hold (limits_class), or when the column has no
 * limit; else -1 as textsafe_check.  The merge applies it to the records
 * another machine brings (their length is checked apart, in SQL). */
int limits_check_chars(const char *table, const char *column, const char *v, struct err *e);

/* limits_check for several columns of one row: the arguments after e are
 * pairs (const char *column, const char *value) ending with a NULL column.
 * Returns 0 or -1 at the first value over its limit. */
int limits_check_row(const char *table, struct err *e, ...);

#endif
