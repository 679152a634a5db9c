/* db sheet_trend: the daily sheet's 14-day chart; see sheet_trend.h. */
#include "db/sheet_trend.h"

#include "core/date.h"
#include "core/report.h"
#include "db/stats.h"

#define TREND_CHART_H 150.0 /* points: about 53 mm */

int db_sheet_trend(struct db *db, const char *date, struct sheet *s, struct err *e)
{
	struct sheet_table *t = sheet_table_add(s, "六、近 14 日趋势", SHEET_TABLE_LIST);
	struct date end;

	if (date_parse_iso(date, &end, e) < 0)
		return -1;
	sheet_column_add(t, "日期", 12, SHEET_LEFT);
	sheet_column_add(t, "已走访住户", 10, SHEET_RIGHT);
	sheet_column_add(t, "发热人数", 8, SHEET_RIGHT);
	sheet_column_add(t, "在隔离人数", 10, SHEET_RIGHT);
	sheet_column_add(t, "新增隔离", 8, SHEET_RIGHT);
	sheet_column_add(t, "解除隔离", 8, SHEET_RIGHT);
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
