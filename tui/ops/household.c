/* ops/household: a household and its grid in one transaction; see
 * household.h. */
#include "tui/ops/household.h"

#include "core/model.h"
#include "db/db.h"
#include "db/households.h"

int household_save(struct db *db, struct household *h, const char *grid, struct err *e)
{
	int isnew = h->id < 0;

	if (db_begin(db, e) < 0)
		return -1;
	h->grid_id = -1;
	if (*grid && (h->grid_id = db_grid_ensure(db, grid, e)) < 0)
		goto fail;
	if (isnew ? db_household_insert(db, h, e) < 0 : db_household_update(db, h, e) < 0)
		goto fail;
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}
