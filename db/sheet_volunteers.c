/* sheet_volunteers: volunteer service hours; see sheet_volunteers.h. */
#include "db/sheet_volunteers.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/mask.h"
#include "core/model.h"
#include "core/volunteer.h"
#include "db/sheet_columns.h"
#include "db/volunteers.h"

int db_sheet_volunteers(struct db *db, const char *date, struct sheet *s, struct err *e)
{
	struct volunteer_month *v;
	struct sheet_table *t;
	char month[8], hours[24], caption[64];
	long total = 0;
	int n, shifts = 0, served = 0, party = 0;

	snprintf(month, sizeof month, "%.7s", date);
	if (db_volunteer_month(db, month, &v, &n, e) < 0)
		return -1;
	snprintf(caption, sizeof caption, "%.4s 年 %.2s 月", month, month + 5);
	t = sheet_table_add(s, caption, SHEET_TABLE_LIST);
	sheet_columns_add(t, SHEET_COLS_VOLUNTEERS);
	for (int i = 0; i < n; i++) {
		char phone[40];

		mask_phone(v[i].phone, phone, sizeof phone);
		volunteer_hours_format(v[i].minutes, hours, sizeof hours);
		sheet_row_add(t, 0);
		sheet_cell(t, v[i].name);
		sheet_cell(t, model_enum_zh(model_staff_role, v[i].role));
		sheet_cell(t, v[i].party ? "党员" : "");
		sheet_cell(t, phone);
		sheet_cellf(t, "%d", v[i].shifts);
		sheet_cell(t, hours);
		total += v[i].minutes;
		shifts += v[i].shifts;
		served += v[i].shifts > 0;
		party += v[i].shifts > 0 && v[i].party;
	}
	volunteer_hours_format(total, hours, sizeof hours);
	sheet_row_add(t, SHEET_ROW_TOTAL);
	sheet_cell(t, "合计");
	sheet_cell(t, "");
	sheet_cell(t, "");
	sheet_cell(t, "");
	sheet_cellf(t, "%d", shifts);
	sheet_cell(t, hours);
	{
		char note[200];

		snprintf(note, sizeof note,
			 "本月到岗值守 %d 人（其中党员 %d 人），共 %d 班次、%s 小时；"
			 "只计记为到岗的班次。",
			 served, party, shifts, hours);
		sheet_note_set(s, note);
	}
	free(v);
	return 0;
}
