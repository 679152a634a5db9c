/* sheet_epi: the epidemic rules' parts of the sheets, for db/sheets: one
 * row of the daily sheet (日报表; the fever follow-ups open at the end of
 * the day, with the day's new and closed ones and the returnees from a key
 * area not isolated in the remark, so that the sheet stays one page), and
 * the visitor log (外来人员登记表). */
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
