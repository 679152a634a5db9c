/* checkpoints: tab 8, the checkpoints (卡点) of the community.
 *
 * Three views of one screen, switched with `v`:
 * - Gate: the checkpoint and the person on duty are chosen once; a pass
 *   number typed or scanned (digits and Enter) shows the household, its
 *   head, a large ALLOWED or NOT ALLOWED with the reason and dates, its
 *   members (those under isolation marked) and last outings; `o` records
 *   going out, `i` coming back, one key each.  Below, everyone still out
 *   past the settings' hours.
 * - Duty roster: the week grid of checkpoints by day, each shift with its
 *   hours and person; gaps and double-booked people flagged; add, edit,
 *   delete, mark present, copy the day or the week forward.
 * - Passes: every pass in household order; issue to a household, a grid or
 *   everyone, revoke with a reason. */
#ifndef DOORSTEP_CHECKPOINTS_H
#define DOORSTEP_CHECKPOINTS_H

#include "tui/widgets/screen.h"

extern const struct screen_class checkpoints_screen;

#endif
