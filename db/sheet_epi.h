/* sheet_epi: the epidemic rules' rows of the daily sheet (日报表), for
 * db/sheets: the fever follow-up cases of the day in one row (open at the
 * end of the day; opened and closed that day in the remark), so that the
 * sheet stays one page. */
#ifndef DOORSTEP_DB_SHEET_EPI_H
#define DOORSTEP_DB_SHEET_EPI_H

#include "core/err.h"
#include "core/sheet.h"

struct db;

/* Appends the rows of date (ISO) to t, a table of three columns (label,
 * number, remark).  Returns 0 or -1. */
int db_sheet_epi_daily_rows(struct db *db, const char *date, struct sheet_table *t, struct err *e);

/* Appends the visitor log of date (外来人员登记表): one row per visitor
 * with the time in and out, the document number masked, where from, whom
 * visited, the temperature and, for a refused one, the reason; then the
 * day's counts.  Returns 0 or -1. */
int db_sheet_epi_visitors(struct db *db, const char *date, struct sheet *s, struct err *e);

#endif
