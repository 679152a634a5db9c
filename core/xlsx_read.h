/* xlsx_read: the sheets of an Office Open XML workbook (.xlsx, as Excel, WPS
 * and LibreOffice save it), read with libzip and expat.
 *
 * Shared strings, inline strings, numbers, booleans, errors and dates are
 * read; a number whose cell format shows a date (a built-in date format or a
 * custom one in styles.xml) becomes YYYY-MM-DD, counted from 1900 or 1904 as
 * the workbook says.  Formulas give their cached value.  A hostile file
 * (a zip bomb, an XML entity bomb, a DOCTYPE, a cell reference past Excel's
 * limits) stops the reading with a message; nothing is trusted to be small. */
#ifndef DOORSTEP_XLSX_READ_H
#define DOORSTEP_XLSX_READ_H

#include "core/csvread.h"
#include "core/err.h"

/* Whether the zip archive at path is an Excel workbook: 0, or -1 with e
 * saying what it is instead (damaged, an OpenDocument spreadsheet, another
 * archive), naming formats, the list of formats that are read. */
int xlsx_zip_check(const char *path, const char *formats, struct err *e);

/* The names of the workbook's sheets in order: *names is an array of *n
 * strings (free with workbook_names_free in core/workbook.h).  Returns 0, or
 * -1 with e saying why the file is not a readable workbook. */
int xlsx_sheet_names(const char *path, char ***names, int *n, struct err *e);

/* Reads the sheet at index (0-based) and calls fn for each row that has a
 * non-empty cell, its line set to the row's number and its kinds set.
 * Returns 0 after the last row, 1 when fn stopped the reading, -1 with e. */
int xlsx_read_sheet(const char *path, int index, csvread_fn fn, void *ctx, struct err *e);

#endif
