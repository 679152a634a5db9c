/* today: the Today tab (docs/rounds.md#today-tab-1).
 *
 * The day's counts from db/stats.h (households visited / total, residents
 * checked, fevers, isolations by kind, checks due and missed, isolations
 * ending, donations), following the clock (DOORSTEP_NOW), and below them
 * the alerts of db/today.h as a list: Enter on a fever or a no answer jumps
 * to the household on the Rounds tab, on an isolation alert to the
 * Isolation tab (app_show). */
#ifndef DOORSTEP_TODAY_H
#define DOORSTEP_TODAY_H

#include "tui/widgets/screen.h"

extern const struct screen_class today_screen;

#endif
