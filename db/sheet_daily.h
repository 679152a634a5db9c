/* sheet_daily: the daily sheet (日报表) for db/sheets: the day's counts of
 * db_daily_stats in five tables, the fever follow-ups (db/sheet_epi) and
 * the 14-day chart (db/sheet_trend), on one page. */
#ifndef DOORSTEP_DB_SHEET_DAILY_H
#define DOORSTEP_DB_SHEET_DAILY_H

#include "db/sheet_ctx.h"

/* Fills s for c's date.  Returns 0 or -1. */
int db_sheet_build_daily(struct ctx *c, struct sheet *s, struct err *e);

#endif
