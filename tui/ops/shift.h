/* ops/shift: saving a duty shift, in one transaction with the person on it:
 * a name not yet on the staff list is added as a volunteer once the user
 * confirmed it. */
#ifndef DOORSTEP_OPS_SHIFT_H
#define DOORSTEP_OPS_SHIFT_H

#include "core/err.h"

struct db;
struct shift;

/* Saves sh (inserted when editing is 0, else updated by its id) with the
 * person named person on it ("" for nobody), all or nothing.  A person not on
 * the staff list is added as a volunteer only when new_person (may be NULL)
 * is that same name, i.e. the user was asked and saved again: otherwise
 * nothing is written and 1 is returned with the question in e (field
 * "person").  Sets *volunteer_added when person was added.  Returns 0 saved,
 * 1 asked, or -1 with e filled (nothing written). */
int shift_save(struct db *db, struct shift *sh, const char *person, const char *new_person,
	       int editing, int *volunteer_added, struct err *e);

#endif
