/* cp_passes: the passes view of the Checkpoints tab: every live pass in
 * household order; n issues passes (a household, a grid or all), x revokes
 * one with a reason. */
#ifndef DOORSTEP_CP_PASSES_H
#define DOORSTEP_CP_PASSES_H

#include "tui/screens/cp_state.h"

extern const struct screen_class cp_passes_screen;

/* The list the view shows (the state owns it). */
struct list *cp_passes_list(struct cp_state *st);

#endif
