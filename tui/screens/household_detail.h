/* household_detail: one household opened from the Households list.
 *
 * A header (code, grid, phone, address, notes) and three sections, switched
 * with `v` (or Right/Left): its residents, its visits with the readings
 * taken (newest first, fevers marked), and its residents' isolations
 * (newest first, day N of M while active).  On the residents: `n` adds, `e`
 * or Enter edits, `d` deletes (soft, after a question), `m` moves one to
 * another household, `r` reveals the full ID number and phone on this
 * screen only (audited), `h` shows the resident's history; elsewhere `h`
 * shows the household's history and `r` reveals its phone. */
#ifndef DOORSTEP_HOUSEHOLD_DETAIL_H
#define DOORSTEP_HOUSEHOLD_DETAIL_H

#include "tui/widgets/screen.h"

/* app_push(app, &household_detail_screen, &id) with a long long id. */
extern const struct screen_class household_detail_screen;

#endif
