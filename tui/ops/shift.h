/* ops/shift: saving a duty shift, in one transaction with the person on it:
 * a name not yet on the staff list is added as a volunteer. */
#ifndef DOORSTEP_OPS_SHIFT_H
#define DOORSTEP_OPS_SHIFT_H

#include "core/err.h"

struct db;
struct shift;

/* Saves sh (inserted when editing is 0, else updated by its id) with the
 * person named person on it ("" for nobody), all or nothing.  Sets
 * *volunteer_added when person was new to the staff list.  Returns 0, or -1
 * with e filled (nothing written). */
int shift_save(struct db *db, struct shift *sh, const char *person, int editing,
	       int *volunteer_added, struct err *e);

#endif
