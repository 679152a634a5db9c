/* csvout: writing CSV files that spreadsheets and other programs read
 * correctly (docs/export.md).
 *
 * Fields go through libcsv's csv_write, and only when they need quoting
 * (a comma, a quote, a line break, or a leading or trailing space or tab
 * that a reader would trim).  Three encodings: `utf8-bom` (BOM, CRLF: what
 * Excel and WPS open with Chinese intact), `utf8` (no BOM, LF: for
 * machines) and `gb18030` (CRLF, converted with iconv for old software; a
 * character that cannot be converted is an error naming its row and column,
 * never a silent '?').
 *
 * Each cell has a kind.  A text cell that a spreadsheet would take as a
 * formula (starting with = or @, + or - before more text, tab or CR) is
 * neutralised with a leading apostrophe ('=1+1; see csvout_is_formula for
 * how a reader undoes it exactly); a number cell is written as it
 * is, so -12.5 stays a number.  A "keep" cell (ID numbers, phones, codes)
 * must stay text with every digit, and so must a text cell that a spreadsheet
 * would read as a value (csvout_looks_like_value): in the spreadsheet
 * encodings such a value gets a tab after it
 * ("411202198503121234<TAB>"), which Excel, WPS and LibreOffice Calc then
 * keep as text (verified with LibreOffice 7.4: a bare 411202198503121234
 * becomes 4.11202198503121E+17, 0101 becomes 101).  The roster import, like
 * most readers, trims the tab.  In `utf8` the value is written as it is, so
 * that machines load it without cleaning.
 *
 * Output is buffered (64 KiB) and written to a file descriptor the caller
 * owns; a full disk or any write error is reported by the call that meets
 * it. */
#ifndef DOORSTEP_CSVOUT_H
#define DOORSTEP_CSVOUT_H

#include <stddef.h>

#include "core/err.h"

enum csvout_encoding {
	CSVOUT_UTF8_BOM, /* default: BOM and CRLF */
	CSVOUT_UTF8,     /* no BOM, LF */
	CSVOUT_GB18030,  /* GB18030, CRLF */
};

enum csvout_kind {
	CSVOUT_TEXT,   /* free text: formulas neutralised */
	CSVOUT_NUMBER, /* a number (may be negative), a date or time, or empty: as it is */
	CSVOUT_KEEP,   /* ID number, phone, code: stays text with all its digits */
};

struct csvout;

/* Parses an encoding name: `utf8-bom`, `utf8` or `gb18030` in any case.
 * Returns 0, or -1 with a message listing the names. */
int csvout_encoding_parse(const char *name, enum csvout_encoding *out, struct err *e);

/* The name of an encoding as csvout_encoding_parse accepts it. */
const char *csvout_encoding_name(enum csvout_encoding enc);

/* 1 when a text cell of n bytes gets the neutralising apostrophe: after
 * any apostrophes it starts with = or @, with + or - and more text, or
 * with a tab or CR.  The rule is reversible: a reader that removes the
 * first character of a cell that starts with an apostrophe and for which
 * this returns 1 gets back exactly the text that was exported ('=1+1 ->
 * =1+1, ''=x -> '=x; 'abc and '- stay). */
int csvout_is_formula(const char *s, size_t n);

/* 1 when a spreadsheet opening the CSV would turn the text s (n bytes) into
 * a number, date, time, percentage or boolean: 1E5, (12), 12%, 1,234, TRUE,
 * Jan-1, 0001234, 3/4, 1.10105E+17.  In the spreadsheet encodings such a
 * text or keep cell is written with a tab after it, so it stays text. */
int csvout_looks_like_value(const char *s, size_t n);

/* Warnings of a writer: a stored value that was not valid UTF-8, written
 * with U+FFFD in place of its bad bytes ("row 12, column notes: ...").  The
 * first CSVOUT_MAX_WARNINGS are kept; the count is of all. */
#define CSVOUT_MAX_WARNINGS 100
size_t csvout_warning_count(const struct csvout *w);
const char *csvout_warning(const struct csvout *w, size_t i);

/* Starts a writer on fd (not owned, never closed here) and writes the BOM
 * when the encoding has one.  Returns 0 with *out set, or -1 (iconv missing
 * GB18030, write error) with a message; *out is NULL then. */
int csvout_open(struct csvout **out, int fd, enum csvout_encoding enc, struct err *e);

/* Adds one cell of n bytes (UTF-8) to the current row.  s may be NULL for an
 * empty cell.  Never fails: errors surface at csvout_row_end. */
void csvout_cell(struct csvout *w, const char *s, size_t n, enum csvout_kind kind);

/* Same, for a NUL-terminated string (NULL allowed). */
void csvout_cell_str(struct csvout *w, const char *s, enum csvout_kind kind);

/* Ends the row.  The first row is taken as the header: its cells name the
 * columns in later messages.  Returns 0, or -1 with a message: a character
 * that the encoding cannot hold ("row 12, column 姓名: ..."; rows counted as a
 * spreadsheet does, the header being row 1), or a write error (disk full,
 * file too large).  After an error the writer only accepts csvout_free. */
int csvout_row_end(struct csvout *w, struct err *e);

/* Rows ended so far, the header included. */
long csvout_rows(const struct csvout *w);

/* Writes out what is buffered.  Returns 0 or -1 with a message.  It does not
 * fsync or close the descriptor. */
int csvout_finish(struct csvout *w, struct err *e);

/* Frees the writer (without flushing) and sets *w to NULL; NULL is allowed. */
void csvout_free(struct csvout **w);

#endif
