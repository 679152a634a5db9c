/* staffpick: who is on duty, asked at start (and with F3).
 *
 * Lists the staff (active first), the last one picked preselected, and a
 * "new name" entry that opens a one-field form (db_staff_ensure adds them).
 * The choice is remembered (db_settings_set_last_staff) and becomes the
 * name every change is recorded under (db_set_staff). */
#ifndef DOORSTEP_STAFFPICK_H
#define DOORSTEP_STAFFPICK_H

struct app;

/* Pushes the picker.  at_start: cancelling quits the program (nobody is on
 * duty yet).  Returns 0 or -1. */
int staffpick_push(struct app *app, int at_start);

#endif
