/* rounds: the Rounds tab (docs/rounds.md).
 *
 * One grid's households in natural code order with their status for a date,
 * and fast entry: on a row, digits start the reading of its first resident
 * in an inline field; Enter stores it and moves to the next resident; after
 * the last one the visit is saved and the cursor goes to the next household
 * not yet done.  `-` skips a resident not met, `s` adds symptoms, Backspace
 * in an empty field goes back one resident, Esc drops the unsaved entry.
 * On a row: `n` no answer, `x` refused, `a` away (saved at once), `u` undoes
 * the last visit saved by the staff on duty (asks first), Enter opens a
 * saved visit to edit (saved as a new visit replacing the old one, both
 * audited), `g` picks the grid, `d` types a date, `[` `]` the day before
 * and after, `/` finds a door.  Digits are temperatures here: Tab and
 * Shift-Tab change tabs.  Digits then `-` before any resident was answered
 * for are a door's code (no temperature holds a `-`): they open the prompt
 * of `/` holding them; so does a Chinese character on a row (docs/rounds.md).
 *
 * Its show hook (app_show, kind "household") puts the cursor on a
 * household, switching the grid and date as needed. */
#ifndef DOORSTEP_ROUNDS_H
#define DOORSTEP_ROUNDS_H

#include "tui/widgets/screen.h"

extern const struct screen_class rounds_screen;

#endif
