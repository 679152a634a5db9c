/* ops/shift: a shift and its person in one transaction; see shift.h. */
#include "tui/ops/shift.h"

#include <string.h>

#include "core/i18n.h"

#include "db/checkpoints.h"
#include "db/db.h"
#include "db/staff.h"

int shift_save(struct db *db, struct shift *sh, const char *person, const char *new_person,
	       int editing, int *volunteer_added, struct err *e)
{
	struct staff_member m = {0};
	int r;

	*volunteer_added = 0;
	if (db_begin(db, e) < 0)
		return -1;
	sh->staff_id = -1;
	if (*person) {
		r = db_staff_find(db, person, &m, e);
		db_staff_member_clear(&m);
		if (r < 0)
			goto fail;
		if (r == 0 && (!new_person || strcmp(new_person, person))) {
			err_field(e, "person",
				  _("%s is not on the staff list: save again to add them as a "
				    "volunteer, or type a name from the list"),
				  person);
			db_rollback(db);
			return 1;
		}
		*volunteer_added = r == 0;
		sh->staff_id = db_staff_ensure(db, person, "volunteer", e);
		if (sh->staff_id < 0)
			goto fail;
	}
	if ((editing ? db_shift_update(db, sh, e) : db_shift_insert(db, sh, e)) < 0)
		goto fail;
	if (db_commit(db, e) < 0)
		return -1;
	return 0;
fail:
	db_rollback(db);
	*volunteer_added = 0;
	return -1;
}
