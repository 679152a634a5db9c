/* xlsxout: writing an export as an Excel workbook (.xlsx) with
 * libxlsxwriter, one row at a time as core/csvout.h writes a CSV.
 *
 * Each column has a type: text cells (names, ID numbers, phones, codes)
 * are strings, so no digit is lost and nothing is taken for a number or a
 * date; counts, temperatures, money and quantities are numbers with a number
 * format (0, 0.0, #,##0.00); dates are real dates (yyyy-mm-dd).  The first
 * row is the header: bold, frozen, with an autofilter over the data; each
 * column is as wide as its widest value (libxlsxwriter 1.1 has no autofit),
 * counting a CJK character as two.  A value that is not valid UTF-8 is
 * written with U+FFFD and a warning, as csvout does.
 *
 * libxlsxwriter writes the file by name when the workbook is finished, in
 * its "constant memory" mode (rows are streamed to a temporary file, so a
 * million rows do not sit in memory).  The caller names a temporary file and
 * renames it (core/ has no opinion on where). */
#ifndef DOORSTEP_XLSXOUT_H
#define DOORSTEP_XLSXOUT_H

#include <stddef.h>

#include "core/err.h"

enum xlsxout_type {
	XLSXOUT_TEXT,	 /* a string cell */
	XLSXOUT_INT,	 /* a whole number, format 0 */
	XLSXOUT_TENTHS,	 /* a temperature, format 0.0 */
	XLSXOUT_MONEY,	 /* yuan, format #,##0.00 */
	XLSXOUT_NUMBER,	 /* any number, General */
	XLSXOUT_DATE,	 /* YYYY-MM-DD, a date cell */
};

/* The most rows a sheet holds (Excel's limit), the header included. */
#define XLSXOUT_MAX_ROWS 1048576L

struct xlsxout;

/* Starts a workbook that will be written to path, with one sheet named
 * sheet (cut to Excel's 31 characters at a character boundary, its
 * forbidden characters []:*?/\ replaced).  Returns 0 with *out, or -1. */
int xlsxout_open(struct xlsxout **out, const char *path, const char *sheet, struct err *e);

/* Sets the type of column col (0-based) for the rows after the header. */
void xlsxout_column(struct xlsxout *w, int col, enum xlsxout_type type);

/* Adds a cell of n bytes (NULL or n == 0: an empty cell).  A value that does
 * not parse as its column's number or date is written as text.  The cells
 * of the first row are the header. */
void xlsxout_cell(struct xlsxout *w, const char *s, size_t n);

/* Ends the row.  Returns 0, or -1 past Excel's row limit. */
int xlsxout_row_end(struct xlsxout *w, struct err *e);

/* Sets the widths and the autofilter and writes the file.  0 or -1. */
int xlsxout_finish(struct xlsxout *w, struct err *e);

/* Warnings about values written with U+FFFD (as csvout_warning). */
size_t xlsxout_warning_count(const struct xlsxout *w);
const char *xlsxout_warning(const struct xlsxout *w, size_t i);

/* Frees the writer; a workbook never finished leaves no file behind but
 * what libxlsxwriter had not yet written (nothing). */
void xlsxout_free(struct xlsxout **w);

#endif
