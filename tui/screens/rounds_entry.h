/* rounds_entry: the Rounds tab's fast entry of a visit: the readings of
 * each resident typed in an inline field, skips, symptoms, the save and the
 * move to the next door; and the prompt for a date.  What a typed value
 * means is core/round's.  Internal to the tab (tui/screens/rounds.c).
 *
 * The entry is an overlay of its own (rounds_entry_screen), pushed on the
 * tab when it starts and closed when the visit is saved or dropped: its
 * key table (Enter, -, s, Esc) makes its help and hint line; it draws the
 * inline field over the household's row and the tab's footer line. */
#ifndef DOORSTEP_ROUNDS_ENTRY_H
#define DOORSTEP_ROUNDS_ENTRY_H

#include "tui/screens/rounds_state.h"

/* The overlay of an entry (its state is the tab's struct rounds, which it
 * does not own). */
extern const struct screen_class rounds_entry_screen;

/* Starts the entry of a visit to row r (pushes the overlay); edit: the
 * visit to edit, or NULL.  Returns 0, or -1 with the reason shown. */
int rounds_entry_start(struct rounds *st, const struct rounds_row *r,
		       const struct rounds_visit *edit);
/* A key for the entry just started (the digit that started it), as its
 * overlay takes it. */
int rounds_entry_event(struct rounds *st, const struct event *ev);
/* A key while a date is typed (MODE_DATE). */
int rounds_date_event(struct rounds *st, const struct event *ev);

#endif
