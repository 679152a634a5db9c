/* cp_roster: the duty roster view of the Checkpoints tab: a week of shifts
 * per checkpoint with its gaps and double bookings (db/duty_roster, decided
 * by core/duty); n adds a shift (asking before a new name becomes staff),
 * Enter edits one, space records presence, y copies the roster forward. */
#ifndef DOORSTEP_CP_ROSTER_H
#define DOORSTEP_CP_ROSTER_H

#include "tui/screens/cp_state.h"

extern const struct screen_class cp_roster_screen;

/* Frees the week the roster holds (the state's close). */
void cp_roster_free(struct cp_state *st);

#endif
