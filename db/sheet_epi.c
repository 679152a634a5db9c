/* sheet_epi: the daily sheet's epidemic rows; see sheet_epi.h. */
#include "db/sheet_epi.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/followup.h"
#include "core/mask.h"
#include "core/strbuf.h"
#include "core/temperature.h"
#include "db/followups.h"
#include "db/returnees.h"
#include "db/sheet_columns.h"
#include "db/visitors.h"

int db_sheet_epi_daily_rows(struct db *db, const char *date, struct sheet_table *t,
			    struct err *e)
{
	struct followup_counts c;
	struct returnee_alert *v;
	int n;

	if (db_followup_counts(db, date, &c, e) < 0 || db_returnees(db, date, 0, &v, &n, e) < 0)
		return -1;
	db_returnees_free(v, n);
	/* One line, so that the sheet stays one page: the follow-ups, and the
	 * returnees not isolated in the remark (named in Today and `report`). */
	sheet_row_add(t, 0);
	sheet_cell(t, "发热随访未结案（例）");
	sheet_cellf(t, "%d", c.open);
	sheet_cellf(t, "新发现 %d，结案 %d；重点地区返回未隔离 %d 人", c.opened, c.closed, n);
	return 0;
}

int db_sheet_epi_visitors(struct db *db, const char *date, struct sheet *s, struct err *e)
{
	struct visitor_row *v;
	struct sheet_table *t;
	int n, refused = 0;

	if (db_visitors_day(db, date, &v, &n, e) < 0)
		return -1;
	t = sheet_table_add(s, NULL, SHEET_TABLE_LIST);
	sheet_columns_add(t, SHEET_COLS_VISITORS);
	for (int i = 0; i < n; i++) {
		struct strbuf id = STRBUF_INIT, phone = STRBUF_INIT;
		char temp[8];

		mask_append(mask_id, v[i].id_number, &id);
		mask_append(mask_phone, v[i].phone, &phone);
		temperature_format(v[i].temperature, temp);
		sheet_row_add(t, 0);
		sheet_cellf(t, "%.5s", v[i].time_in + 11);
		sheet_cell(t, v[i].name);
		sheet_cell(t, strbuf_str(&id));
		sheet_cell(t, strbuf_str(&phone));
		strbuf_free(&id);
		strbuf_free(&phone);
		sheet_cell(t, v[i].from_place);
		sheet_cell(t, v[i].household);
		sheet_cell(t, v[i].admitted ? v[i].reason : v[i].refusal);
		sheet_cell(t, temp);
		if (!v[i].admitted)
			sheet_cell(t, "劝返");
		else
			sheet_cellf(t, "%.5s", v[i].time_out[0] ? v[i].time_out + 11 : "");
		sheet_cell(t, v[i].staff);
		refused += !v[i].admitted;
	}
	{
		char note[128];

		snprintf(note, sizeof note, "当日登记外来人员 %d 人，其中劝返 %d 人。", n, refused);
		sheet_note_set(s, note);
	}
	db_visitors_free(v, n);
	return 0;
}
