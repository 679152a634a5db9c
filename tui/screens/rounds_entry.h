/* rounds_entry: the Rounds tab's fast entry of a visit: the readings of
 * each resident typed in an inline field, skips, symptoms, the save and the
 * move to the next door; and the prompt for a date.  What a typed value
 * means is core/round's.  Internal to the tab (tui/screens/rounds.c). */
#ifndef DOORSTEP_ROUNDS_ENTRY_H
#define DOORSTEP_ROUNDS_ENTRY_H

#include "tui/screens/rounds_state.h"

/* Starts the entry of a visit to row r; edit: the visit to edit, or NULL.
 * Returns 0, or -1 with the reason shown. */
int rounds_entry_start(struct rounds *st, const struct rounds_row *r,
		       const struct rounds_visit *edit);
/* A key while entering (MODE_ENTRY). */
int rounds_entry_event(struct rounds *st, const struct event *ev);
/* Skips the current resident (not met). */
int rounds_entry_skip(struct rounds *st);
/* Asks for the current resident's symptoms. */
int rounds_entry_symptoms(struct rounds *st);
/* A key while a date is typed (MODE_DATE). */
int rounds_date_event(struct rounds *st, const struct event *ev);

#endif
