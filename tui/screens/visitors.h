/* visitors: the visitor log at the gate (外来人员登记), a screen over the
 * Checkpoints tab's gate (`n` there).
 *
 * It lists today's visitors (time in, name, document number masked, where
 * from, household visited, temperature, admitted or refused with the
 * reason, time out); `n` logs a new one through a form (db/visitors.h
 * decides entry and says why a visitor is refused), `o` records that the
 * selected visitor left, Esc goes back to the gate. */
#ifndef DOORSTEP_VISITORS_H
#define DOORSTEP_VISITORS_H

struct app;

/* Opens the log at checkpoint cp_id (-1: none).  Returns 0 or -1. */
int visitors_push(struct app *app, long long cp_id);

#endif
