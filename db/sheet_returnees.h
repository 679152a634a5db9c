/* sheet_returnees: the returnee register (返乡人员登记表) of docs/sheets.md,
 * built from db/returnees for db/sheets.
 *
 * One row per resident who came back on or before the sheet's date, latest
 * first: name, household, ID number and phone masked, where from, the
 * return date, the means of travel, the days since, whether the place is a
 * key area, and the measure taken (isolated, home monitoring, not isolated
 * while inside the window); then the counts. */
#ifndef DOORSTEP_DB_SHEET_RETURNEES_H
#define DOORSTEP_DB_SHEET_RETURNEES_H

#include "core/err.h"
#include "core/sheet.h"

struct db;

/* Appends the register as of date (ISO) to s; the header fields are the
 * caller's.  Returns 0 or -1. */
int db_sheet_returnees(struct db *db, const char *date, struct sheet *s, struct err *e);

#endif
