/* sheet_columns: the columns of every table of the sheets (title, width in
 * text columns, alignment), as data in one place, so that a form's layout is
 * read and changed here and the builders only fill the rows. */
#ifndef DOORSTEP_DB_SHEET_COLUMNS_H
#define DOORSTEP_DB_SHEET_COLUMNS_H

#include "core/sheet.h"

/* One table's columns. */
enum sheet_cols {
	SHEET_COLS_ROUNDS,	    /* rounds: 走访登记表 */
	SHEET_COLS_ISOLATION,	    /* isolation: 隔离人员健康监测表 */
	SHEET_COLS_RECEIPT,	    /* receipt: 捐赠收据 */
	SHEET_COLS_DAILY_KV,	    /* daily: a section of label, number, remark */
	SHEET_COLS_DAILY_ISOLATION, /* daily: isolations by kind */
	SHEET_COLS_DONATIONS,	    /* donations: the gifts */
	SHEET_COLS_EXPENDITURES,    /* donations: cash spent */
	SHEET_COLS_DISTRIBUTIONS,   /* donations: goods given out */
	SHEET_COLS_STOCK,	    /* donations: goods received, given, on hand */
	SHEET_COLS_CASH,	    /* donations: cash in and out */
	SHEET_COLS_NOTICE_SEAL,	    /* donations: the seal line */
	SHEET_COLS_DUTY,	    /* duty: 值班表 */
	SHEET_COLS_DUTY_GAPS,	    /* duty: gaps and double bookings */
	SHEET_COLS_PASS_CARD,	    /* passes: 出入证 */
	SHEET_COLS_VISITORS,	    /* visitors: 外来人员登记表 */
	SHEET_COLS_RETURNEES,	    /* returnees: 返乡人员登记表 */
	SHEET_COLS_VOLUNTEERS,	    /* volunteers: 志愿服务时长统计表 */
	SHEET_COLS_TREND,	    /* daily: the trend table */
	SHEET_COLS_CURVE,	    /* isolation: one temperature curve */
	SHEET_COLS_RELEASE_FIELDS,  /* release: label and value */
	SHEET_COLS_RELEASE_SEAL,    /* release: the seal line */
};

/* Adds the columns of which to t, in order (t has no rows yet). */
void sheet_columns_add(struct sheet_table *t, enum sheet_cols which);

#endif
