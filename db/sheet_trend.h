/* sheet_trend: the charts of the sheets, for db/sheets and
 * db/sheet_release.  The PDF draws each as a chart (core/sheet_chart), the
 * text form prints its numbers.
 *
 * - The daily sheet's chart of the last 14 days (日报表, 六、近 14 日趋势):
 *   households visited, fevers found, people in isolation at the day's
 *   end, isolations begun and released, one row per day from
 *   db_daily_stats, so that the chart and the day's own counts agree.
 * - A person's temperature curve over an isolation (the isolation sheet,
 *   the release certificate): one point per AM and PM check (the highest
 *   reading of a slot), a gap where none was taken, the fever threshold as
 *   the reference line. */
#ifndef DOORSTEP_DB_SHEET_TREND_H
#define DOORSTEP_DB_SHEET_TREND_H

#include "core/err.h"
#include "core/sheet.h"

struct db;

#define SHEET_TREND_DAYS 14

/* Appends the chart table of the SHEET_TREND_DAYS days ending on date (ISO)
 * to s.  Returns 0 or -1. */
int db_sheet_trend(struct db *db, const char *date, struct sheet *s, struct err *e);

/* Appends the temperature curve of isolation iso_id from its start to its
 * end, or to date (ISO) when it is still under way, captioned caption, h
 * points tall, with the fever threshold (tenths) as its reference line.
 * Returns 0 or -1. */
int db_sheet_temp_curve(struct db *db, long long iso_id, const char *caption, const char *date,
			int threshold, double h, struct sheet *s, struct err *e);

#endif
