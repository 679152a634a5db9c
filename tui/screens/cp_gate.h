/* cp_gate: the gate view of the Checkpoints tab: a pass typed or scanned
 * (the number field has the focus), the household, its members and the
 * outing rule's verdict; o / i record an outing, t one with the temperature
 * taken, n opens the visitor log, c chooses the checkpoint. */
#ifndef DOORSTEP_CP_GATE_H
#define DOORSTEP_CP_GATE_H

#include "tui/widgets/screen.h"

extern const struct screen_class cp_gate_screen;

#endif
