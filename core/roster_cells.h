/* roster_cells: the checks of one roster row's cells (ID number, phone,
 * dates, enumerations, text), each value normalised into the pool; the checks
 * of rows against each other are roster.c's.  Internal to the roster. */
#ifndef DOORSTEP_ROSTER_CELLS_H
#define DOORSTEP_ROSTER_CELLS_H

#include "core/roster_impl.h"

/* Checks every cell of c (raw and kind set, line set) into c->val; an empty
 * household code continues r->prev_code.  Errors set c->bad. */
void roster_check_cells(struct roster *r, struct cells *c);

/* The file's title of field f, or its English name when absent. */
const char *roster_title_of(const struct roster *r, enum roster_field f);
/* Records an error on field f of the row and marks it bad. */
void roster_row_error(struct roster *r, struct cells *c, long line, enum roster_field f,
		      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
