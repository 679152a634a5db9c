/* sheet_notice: the donation notice (捐赠款物公示) for db/sheets: donations
 * with 序号 and donors in full, cash received, spent and on hand, goods
 * received, given out and in stock, the notice period, the supervision
 * phone and the seal's place. */
#ifndef DOORSTEP_DB_SHEET_NOTICE_H
#define DOORSTEP_DB_SHEET_NOTICE_H

#include "db/sheet_ctx.h"

/* Fills s for c's date range.  Returns 0 or -1. */
int db_sheet_build_donations(struct ctx *c, struct sheet *s, struct err *e);

#endif
