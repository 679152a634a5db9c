/* demo_epi: the parts of the demo community (db/demo.h) that issue 17's
 * later rules read: a means of travel for every returnee (a train, a
 * flight, a car plate or a coach, from the resident's id so that a seed
 * still gives the same rows) and the party members among the staff (the
 * directors and about a third of the others), so that the returnee list and
 * register, the volunteer hours and the duty roster's 党员先锋岗 show
 * something in a new database. */
#ifndef DOORSTEP_DB_DEMO_EPI_H
#define DOORSTEP_DB_DEMO_EPI_H

#include "core/err.h"

struct db;

/* Fills them in, inside the demo's transaction.  Returns the number of
 * party members, or -1. */
int db_demo_epi(struct db *db, struct err *e);

#endif
