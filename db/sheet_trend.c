/* db sheet_trend: the daily sheet's 14-day chart; see sheet_trend.h. */
#include "db/sheet_trend.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/isolation.h"
#include "core/report.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sheet_columns.h"
#include "db/sql.h"
#include "db/stats.h"

#define TREND_CHART_H 150.0 /* points: about 53 mm */

int db_sheet_trend(struct db *db, const char *date, struct sheet *s, struct err *e)
{
	struct sheet_table *t = sheet_table_add(s, "六、近 14 日趋势", SHEET_TABLE_LIST);
	struct date end;

	if (date_parse_iso(date, &end, e) < 0)
		return -1;
	sheet_columns_add(t, SHEET_COLS_TREND);
	sheet_table_chart(t, TREND_CHART_H, 0, NULL);
	for (int i = SHEET_TREND_DAYS - 1; i >= 0; i--) {
		struct date d = date_add(&end, -i);
		struct daily_stats st;
		char day[DATE_STR];

		date_format(&d, day);
		if (db_daily_stats(db, day, &st, e) < 0) {
			report_stats_clear(&st);
			return -1;
		}
		sheet_row_add(t, 0);
		sheet_cell(t, day);
		sheet_cellf(t, "%d", st.households_done);
		sheet_cellf(t, "%d", st.fevers);
		sheet_cellf(t, "%d", st.iso_total.active);
		sheet_cellf(t, "%d", st.iso_total.new_today);
		sheet_cellf(t, "%d", st.iso_total.released);
		report_stats_clear(&st);
	}
	return 0;
}

/* What the curve reads of its isolation. */
struct curve_iso {
	char start_date[DATE_STR];
	int days, extended_days;
	char end_date[DATE_STR];
};

static const struct col_desc curve_iso_cols[] = {
	COLD_CODE(struct curve_iso, start_date),
	COLD_INT32(struct curve_iso, days),
	COLD_INT32(struct curve_iso, extended_days),
	COLD_CODE(struct curve_iso, end_date),
};

/* The first and last day of the curve: the isolation's start, and its end
 * (or last day) or date, whichever is first.  1 found, 0 not, -1 error. */
static int curve_days(struct db *db, long long iso_id, const char *date, struct date *from,
		      struct date *to, struct err *e)
{
	struct curve_iso iso;
	struct isolation_span span;
	struct date limit, end;
	int r = record_get_live(db, "isolations", iso_id, curve_iso_cols,
				ROWDESC_N(curve_iso_cols), &iso, sizeof iso, e);

	if (r != 1)
		return r;
	if (date_parse_iso(iso.start_date, from, e) < 0 || date_parse_iso(date, &limit, e) < 0)
		return -1;
	isolation_span_compute(from, iso.days, iso.extended_days, &span);
	*to = span.last_day;
	if (iso.end_date[0] && date_parse_iso(iso.end_date, &end, NULL) == 0 &&
	    date_cmp(&end, to) < 0)
		*to = end;
	if (date_cmp(&limit, to) < 0)
		*to = limit;
	return 1;
}

int db_sheet_temp_curve(struct db *db, long long iso_id, const char *caption, const char *date,
			int threshold, double h, struct sheet *s, struct err *e)
{
	struct sheet_table *t;
	struct date d, to;
	sqlite3_stmt *st;
	char ref[16];
	int r = curve_days(db, iso_id, date, &d, &to, e);

	if (r <= 0)
		return r;
	st = db_stmt(db,
		     "SELECT date, slot, max(temperature) FROM checks WHERE isolation_id = :id"
		     " AND deleted_at IS NULL AND temperature IS NOT NULL GROUP BY date, slot"
		     " ORDER BY date, slot",
		     e);
	if (!st)
		return -1;
	sql_bind_int(st, ":id", iso_id);
	t = sheet_table_add(s, caption, SHEET_TABLE_LIST);
	sheet_columns_add(t, SHEET_COLS_CURVE);
	snprintf(ref, sizeof ref, "%d.%d", threshold / 10, threshold % 10);
	sheet_table_chart(t, h, threshold / 10.0, ref);
	r = sql_step_row(db, st, e);
	for (; r >= 0 && date_cmp(&d, &to) <= 0; d = date_add(&d, 1)) {
		char day[DATE_STR];

		date_format(&d, day);
		for (int pm = 0; pm < 2; pm++) {
			const char *slot = pm ? "PM" : "AM";

			/* checks before the period (none should be) are passed over */
			while (r == 1 && (strcmp((const char *)sqlite3_column_text(st, 0), day) < 0 ||
					  (!strcmp((const char *)sqlite3_column_text(st, 0), day) &&
					   strcmp((const char *)sqlite3_column_text(st, 1), slot) < 0)))
				r = sql_step_row(db, st, e);
			sheet_row_add(t, 0);
			sheet_cellf(t, "%s %s", day, pm ? "下午" : "上午");
			if (r == 1 && !strcmp((const char *)sqlite3_column_text(st, 0), day) &&
			    !strcmp((const char *)sqlite3_column_text(st, 1), slot)) {
				int v = sqlite3_column_int(st, 2);

				sheet_cellf(t, "%d.%d", v / 10, v % 10);
			} else {
				sheet_cell(t, "");
			}
		}
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}
