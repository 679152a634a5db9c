/* ops/followup: a follow-up's referral and close in one transaction; see
 * followup.h. */
#include "tui/ops/followup.h"

#include "db/db.h"
#include "db/followups.h"

int followup_act(struct db *db, long long id, const struct followup_action *a, struct err *e)
{
	int r = 0;

	if (db_begin(db, e) < 0)
		return -1;
	if (a->clinic && db_followup_refer(db, id, a->at, a->clinic, a->transport, e) < 0)
		r = -1;
	if (r == 0 && a->outcome && db_followup_close(db, id, a->outcome, a->iso, a->notes, e) < 0)
		r = -1;
	return (int)db_end(db, r, e);
}
