/* wbcell: a spreadsheet cell's value as the text a roster reads, and the rows
 * of a sheet handed on the way core/csvread.h hands a CSV's records.
 *
 * Workbooks store numbers as binary doubles and dates as serial numbers
 * counted from 1900 (or 1904, as the workbook says) and tell a date from a
 * number only by the cell's number format.  This module turns both into the
 * text a person sees: 13812345678 for an 11-digit number, 2020-02-10 for a
 * date, and marks each cell with its kind, so that the roster can tell an ID
 * number typed as text from one that Excel stored as a number and cut to 15
 * significant digits. */
#ifndef DOORSTEP_WBCELL_H
#define DOORSTEP_WBCELL_H

#include <stddef.h>

#include "core/csvread.h"

/* The largest sheet read: Excel's own limits. */
#define WB_MAX_ROWS 1048576L
#define WB_MAX_COLS 16384

/* Writes the text of a number cell into out (n >= 32 bytes): integers as
 * plain digits, other values with up to 15 significant digits (what Excel
 * shows).  Returns CELL_NUMBER, or CELL_LOST_DIGITS for an integer of 16 or
 * more digits (Excel keeps only 15: the rest are zeros or noise). */
int wbcell_number(double v, char *out, size_t n);

/* Writes the ISO date of a serial day number into out (n >= 11 bytes):
 * date1904 selects the 1904 system.  Returns CELL_DATE, or -1 when the serial
 * is not a date of 1900-01-01 .. 9999-12-31. */
int wbcell_date(double serial, int date1904, char *out, size_t n);

/* 1 when an Excel number format code shows a date (y, d, or m beside them,
 * 年/月/日, outside quoted text, escapes and [colour] blocks; a format that
 * is only a time is not a date). */
int wbcell_format_is_date(const char *code);

/* 1 for Excel's built-in number formats that show a date (14-22 and the
 * East Asian date formats 27-36 and 50-58). */
int wbcell_builtin_is_date(int id);

/* A sheet's rows, gathered cell by cell and handed on as csvread rows. */
struct wbrows;

struct wbrows *wbrows_new(csvread_fn fn, void *ctx);
void wbrows_free(struct wbrows **w);

/* Sets cell col (0-based) of the current row to text of the given kind; a
 * later value for the same column replaces it.  Returns -1 past the column
 * limit. */
int wbrows_cell(struct wbrows *w, int col, const char *text, size_t len, int kind);

/* Ends row number row (1-based): calls fn unless every cell is empty, with
 * trailing empty cells dropped.  Returns fn's result (non-zero: stop). */
int wbrows_end_row(struct wbrows *w, long row);

/* The column letters of a 0-based column (A, Z, AA ...) into out (n >= 4). */
void wbcell_column_name(int col, char *out, size_t n);

/* The 0-based column of a cell reference such as "AB12", and its row in
 * *row (0 when the reference has none); -1 when ref is not a reference. */
int wbcell_parse_ref(const char *ref, long *row);

#endif
