/* workbook: a spreadsheet file a committee keeps its roster in, told apart
 * by its first bytes (not its name) and read sheet by sheet through
 * core/xlsx_read.h (.xlsx) or core/xls_read.h (.xls).  Other spreadsheet
 * formats (OpenDocument .ods, a WPS .et that is not BIFF inside) get a
 * message naming the formats that are read. */
#ifndef DOORSTEP_WORKBOOK_H
#define DOORSTEP_WORKBOOK_H

#include "core/csvread.h"
#include "core/err.h"

enum workbook_format {
	WORKBOOK_NONE, /* not a workbook: a text file, read as CSV */
	WORKBOOK_XLSX,
	WORKBOOK_XLS,
};

/* The format of the file at path.  Returns an enum workbook_format, or -1
 * with e for a file that cannot be read or is a spreadsheet of a format that
 * is not read. */
int workbook_sniff(const char *path, struct err *e);

/* The names of the sheets of a workbook of format fmt (free with
 * workbook_names_free).  0, or -1 with e. */
int workbook_sheet_names(const char *path, int fmt, char ***names, int *n, struct err *e);
void workbook_names_free(char **names, int n);

/* Reads the sheet named sheet (NULL: the first) and calls fn for each row
 * with a non-empty cell (core/csvread.h's row, line = the row's number,
 * kinds set).  *used gets the sheet's name (malloc'd).  Returns 0, 1 when
 * fn stopped, -1 with e (no such sheet names the sheets there are). */
int workbook_read(const char *path, int fmt, const char *sheet, csvread_fn fn, void *ctx,
		  char **used, struct err *e);

#endif
