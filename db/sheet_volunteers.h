/* sheet_volunteers: the volunteer service hours sheet (志愿服务时长统计表) of
 * docs/sheets.md, built from db/volunteers for db/sheets.
 *
 * One row per staff member for the month of the sheet's date: name, role,
 * party member (党员), phone masked, the shifts worked (present) and the
 * service hours; those who worked first, most hours first; then a total
 * row and, in the note, how many party members served. */
#ifndef DOORSTEP_DB_SHEET_VOLUNTEERS_H
#define DOORSTEP_DB_SHEET_VOLUNTEERS_H

#include "core/err.h"
#include "core/sheet.h"

struct db;

/* Appends the month of date (ISO) to s.  Returns 0 or -1. */
int db_sheet_volunteers(struct db *db, const char *date, struct sheet *s, struct err *e);

#endif
