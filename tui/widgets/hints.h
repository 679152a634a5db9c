/* hints: the hint line at the bottom of the screen, generated from the key
 * tables (CONTRIBUTING.md: the help screen and the hint line cannot drift
 * from what the keys do). */
#ifndef DOORSTEP_HINTS_H
#define DOORSTEP_HINTS_H

struct screen;

/* Draws on the last line the top screen s's handled actions with their
 * keys, then help, back (when stacked: s was opened over another screen)
 * and quit.  When they do not fit the width they give way, keys first:
 * one space between hints in place of two, then back and quit as their
 * keys alone, then the screen's hints as keys alone from the last one
 * (the help screen says what each does); only a screen too narrow for the
 * keys alone loses hints.  s may be NULL (an empty line). */
void hints_draw(struct screen *s, int stacked);

#endif
