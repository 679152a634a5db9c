/* csvread: reading the records of a CSV text the way Excel and WPS write it.
 *
 * libcsv in strict mode does the quoting (RFC 4180: fields with commas, quotes
 * and line breaks in double quotes, "" for a quote).  Around it this module
 * adds what libcsv leaves to its caller: a UTF-8 byte order mark is skipped;
 * CRLF and LF both end a record, and CRLF inside a quoted field becomes LF;
 * blank lines and rows whose cells are all empty are skipped, and the empty
 * cells Excel leaves at the end of a row are dropped; each record carries the
 * line of the file on which it starts, for error messages.  The text must
 * already be UTF-8 (core/encoding.h). */
#ifndef DOORSTEP_CSVREAD_H
#define DOORSTEP_CSVREAD_H

#include <stddef.h>

#include "core/err.h"

struct csvread_row {
	long line;     /* 1-based line on which the record starts */
	int n;	       /* number of fields, trailing empty ones dropped; >= 1 */
	char **fields; /* n NUL-terminated strings, trimmed of unquoted spaces;
			* valid only during the callback */
	/* NULL for a CSV (every cell is text); for a workbook's row the kind of
	 * each of the n cells (enum cell_kind), so that a reader can tell a
	 * number Excel stored from text a person typed. */
	const unsigned char *kinds;
};

/* What a workbook cell held (a CSV's cells are all CELL_TEXT). */
enum cell_kind {
	CELL_TEXT,
	CELL_NUMBER,	  /* a number, written as Excel shows it */
	CELL_LOST_DIGITS, /* an integer of 16+ digits: Excel kept only 15 */
	CELL_DATE,	  /* a date cell, written as YYYY-MM-DD */
	CELL_BOOL,	  /* TRUE or FALSE */
};

/* Called once per record; returns 0 to go on, non-zero to stop reading. */
typedef int (*csvread_fn)(const struct csvread_row *row, void *ctx);

/* Reads the n bytes of text and calls fn for each record in order.
 *
 * Returns 0 after the last record, 1 when fn stopped the reading, or -1 when
 * the text is not well-formed CSV (a quote inside an unquoted field, text
 * after a closing quote, a quoted field never closed): e->msg says which and
 * e->line where. */
int csvread_text(const char *text, size_t n, csvread_fn fn, void *ctx, struct err *e);

#endif
