/* gate_temp: an outing at the gate with the temperature taken (体温).
 *
 * A small form over the gate: who (a member of the household looked up),
 * out or in, the temperature.  It records through db_gate_record_temp: an
 * allowed outing is recorded with the reading; a fever refuses the outing
 * and opens a follow-up for that member (the form closes and says so); a
 * refusal of the rule closes the form with the reason. */
#ifndef DOORSTEP_GATE_TEMP_H
#define DOORSTEP_GATE_TEMP_H

#include "db/gate.h"

struct app;

/* Opens the form for the household of g (copied), at checkpoint cp_id (-1:
 * none).  Returns 0, or -1 when nothing was opened (no member: the reason
 * is shown). */
int gate_temp_push(struct app *app, const struct gate_info *g, long long cp_id);

#endif
