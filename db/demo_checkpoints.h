/* demo_checkpoints: the demo's checkpoints, a week of duty roster around
 * its last day, passes and the outings through the gates. */
#ifndef DOORSTEP_DEMO_CHECKPOINTS_H
#define DOORSTEP_DEMO_CHECKPOINTS_H

#include "db/demo_gen.h"

int demo_make_checkpoints(struct gen *g, int days);

#endif
