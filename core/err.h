/* err: the error a failing function hands back to its caller.
 *
 * A function that can fail returns int (0 ok, negative on error) and fills a
 * caller's struct err with one sentence a user can read.  Validation errors
 * name the field that failed in `field`, and file-based errors carry the line.
 * The struct is plain data on the caller's stack: nothing to free. */
#ifndef DOORSTEP_ERR_H
#define DOORSTEP_ERR_H

#include <stdarg.h>

#define ERR_MSG_MAX 512

struct err {
	char msg[ERR_MSG_MAX]; /* "" when no error was set */
	char field[64];        /* the form field or CSV column at fault, or "" */
	long line;             /* 1-based line in a file, or 0 */
};

/* Clears every member. */
void err_clear(struct err *e);

/* Formats the message (printf-style) and returns -1, so that a caller can
 * write `return err_set(e, "...")`.  `e` may be NULL (the message is dropped). */
int err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* As err_set, and records the field name too. */
int err_field(struct err *e, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prefixes the current message with a printf-formatted context and ": ". */
void err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
