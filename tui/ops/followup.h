/* ops/followup: acting on a fever follow-up from its form: a referral to a
 * fever clinic and the case's close, in one transaction. */
#ifndef DOORSTEP_OPS_FOLLOWUP_H
#define DOORSTEP_OPS_FOLLOWUP_H

#include "core/err.h"

struct db;
struct followup_isolation;

/* What the form asks: refer (clinic, at: "YYYY-MM-DD HH:MM" or NULL for now,
 * transport) when clinic is not NULL, close with outcome (iso where an
 * isolation starts, notes) when outcome is not NULL; both, or either. */
struct followup_action {
	const char *clinic, *at, *transport;
	const char *outcome, *notes;
	const struct followup_isolation *iso;
};

/* Does a on the open follow-up id, all or nothing, with its audit rows.
 * Returns 0, or -1 with e filled (nothing written). */
int followup_act(struct db *db, long long id, const struct followup_action *a, struct err *e);

#endif
