/* xls_read: the sheets of an Excel 97-2003 workbook (.xls, BIFF8), read with
 * FreeXL.  Same contract as core/xlsx_read.h: FreeXL already tells date cells
 * by their format, and gives text as UTF-8 whatever the file's code page. */
#ifndef DOORSTEP_XLS_READ_H
#define DOORSTEP_XLS_READ_H

#include "core/csvread.h"
#include "core/err.h"

int xls_sheet_names(const char *path, char ***names, int *n, struct err *e);
int xls_read_sheet(const char *path, int index, csvread_fn fn, void *ctx, struct err *e);

#endif
