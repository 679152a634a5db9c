/* sheet_ctx: what the builders of db/sheets share, private to db/sheets.c
 * and the files that hold one kind's builder (db/sheet_daily.h,
 * db/sheet_notice.h): the request and its settings, the common header and
 * the number formats of the sheets.  (The functions are in db/sheets.c.) */
#ifndef DOORSTEP_DB_SHEET_CTX_H
#define DOORSTEP_DB_SHEET_CTX_H

#include <stddef.h>

#include "core/err.h"
#include "core/settings.h"
#include "core/sheet.h"
#include "db/sheets.h"

struct db;

/* One sheet being built. */
struct ctx {
	struct db *db;
	const struct db_sheet_request *rq;
	struct settings set;
	long long grid_id; /* -1: every grid */
	char *grid_staff;  /* the grid's worker in charge, or NULL */
};

/* fen → "1,234.50": core/money's format without its ¥ (the column says 元). */
void sheet_fmt_money(long long fen, char *out, size_t n);

/* hundredths → "5,000", "12.5": core/money's quantity with thousands grouped. */
void sheet_fmt_qty(long long q, char *out, size_t n);

/* The header fields every sheet starts with: 社区, (网格, 网格员), 日期, 制表. */
void sheet_header(struct ctx *c, struct sheet *s, int with_grid);

#endif
