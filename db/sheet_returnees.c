/* sheet_returnees: the returnee register; see sheet_returnees.h. */
#include "db/sheet_returnees.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/mask.h"
#include "core/returnee.h"
#include "db/returnees.h"
#include "db/sheet_columns.h"

/* The measure column: what the paper form asks (管控措施). */
static const char *measure(const struct returnee_alert *a)
{
	switch (a->state) {
	case RETURNEE_ALERT:
		return "未隔离";
	case RETURNEE_ISOLATED:
		return "隔离中";
	case RETURNEE_MONITORED:
		return "居家健康监测";
	default:
		return a->key ? "观察期满" : "";
	}
}

int db_sheet_returnees(struct db *db, const char *date, struct sheet *s, struct err *e)
{
	struct returnee_alert *v;
	struct sheet_table *t;
	int n, key = 0, alert = 0;

	if (db_returnee_list(db, date, &v, &n, e) < 0)
		return -1;
	t = sheet_table_add(s, NULL, SHEET_TABLE_LIST);
	sheet_columns_add(t, SHEET_COLS_RETURNEES);
	for (int i = 0; i < n; i++) {
		char id[48], phone[40];

		mask_id(v[i].id_number, id, sizeof id);
		mask_phone(v[i].phone, phone, sizeof phone);
		sheet_row_add(t, 0);
		sheet_cell(t, v[i].name);
		sheet_cell(t, v[i].household);
		sheet_cell(t, id);
		sheet_cell(t, phone);
		sheet_cell(t, v[i].returned_from);
		sheet_cell(t, v[i].return_date);
		sheet_cell(t, v[i].travel);
		sheet_cellf(t, "%d", v[i].days_since);
		sheet_cell(t, v[i].key ? v[i].key_area : "");
		sheet_cell(t, measure(&v[i]));
		key += v[i].state != RETURNEE_CLEAR;
		alert += v[i].state == RETURNEE_ALERT;
	}
	{
		char note[160];

		snprintf(note, sizeof note,
			 "返乡人员 %d 人，其中重点地区返回且在观察期内 %d 人，未隔离 %d 人。", n,
			 key, alert);
		sheet_note_set(s, note);
	}
	db_returnees_free(v, n);
	return 0;
}
