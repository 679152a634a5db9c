/* sheet_epi: the daily sheet's epidemic rows; see sheet_epi.h. */
#include "db/sheet_epi.h"

#include "core/followup.h"
#include "db/followups.h"

int db_sheet_epi_daily_rows(struct db *db, const char *date, struct sheet_table *t, struct err *e)
{
	struct followup_counts c;

	if (db_followup_counts(db, date, &c, e) < 0)
		return -1;
	sheet_row_add(t, 0);
	sheet_cell(t, "发热随访未结案（例）");
	sheet_cellf(t, "%d", c.open);
	sheet_cellf(t, "当日新发现 %d 例，结案 %d 例", c.opened, c.closed);
	return 0;
}
