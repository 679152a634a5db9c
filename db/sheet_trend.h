/* sheet_trend: the daily sheet's chart of the last 14 days (日报表, 六、近
 * 14 日趋势), for db/sheets: households visited, fevers found, people in
 * isolation at the day's end, isolations begun and released, one row per
 * day from db_daily_stats, so that the chart and the day's own counts
 * agree.  The PDF draws it as a chart (core/sheet_chart), the text form
 * prints its numbers. */
#ifndef DOORSTEP_DB_SHEET_TREND_H
#define DOORSTEP_DB_SHEET_TREND_H

#include "core/err.h"
#include "core/sheet.h"

struct db;

#define SHEET_TREND_DAYS 14

/* Appends the chart table of the SHEET_TREND_DAYS days ending on date (ISO)
 * to s.  Returns 0 or -1. */
int db_sheet_trend(struct db *db, const char *date, struct sheet *s, struct err *e);

#endif
