/* hints: the hint line at the bottom of the screen, generated from the key
 * tables (CONTRIBUTING.md: the help screen and the hint line cannot drift
 * from what the keys do). */
#ifndef DOORSTEP_HINTS_H
#define DOORSTEP_HINTS_H

struct screen;

/* Draws on the last line the top screen s's handled actions with their
 * keys, then help, back (when stacked: s was opened over another screen)
 * and quit.  A hint that does not fit whole is left out (the help screen
 * lists every key), and room for "? help" is always kept.  s may be NULL
 * (an empty line). */
void hints_draw(struct screen *s, int stacked);

#endif
