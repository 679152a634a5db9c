/* ops/household: saving a household from its form, in one transaction with
 * its grid: a grid name not yet known is created. */
#ifndef DOORSTEP_OPS_HOUSEHOLD_H
#define DOORSTEP_OPS_HOUSEHOLD_H

#include "core/err.h"

struct db;
struct household;

/* Saves h (inserted when h->id < 0, which then gets its id; else updated)
 * in the grid named grid ("" for none), all or nothing, with its audit rows.
 * Returns 0, or -1 with e filled (nothing written). */
int household_save(struct db *db, struct household *h, const char *grid, struct err *e);

#endif
