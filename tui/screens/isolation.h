/* isolation: the Isolation tab (docs/isolation.md).
 *
 * Current isolations most urgent first (fever, missed check, last day
 * today, then by last day; db/isolation_list.h), each with name, masked ID,
 * household, kind and site, day N of M, last day, today's AM and PM checks
 * and its flags; a head line with the counts by kind and of each alert.
 * Keys: Enter or c records a check, n starts an isolation (resident picker),
 * e extends, R restarts after a new exposure, x ends, h shows the history,
 * / sets the filters (kind, site, ended ones), v shows or hides the ended. */
#ifndef DOORSTEP_ISOLATION_SCREEN_H
#define DOORSTEP_ISOLATION_SCREEN_H

#include "tui/widgets/screen.h"

extern const struct screen_class isolation_screen;

/* Switches to the Isolation tab and selects isolation id (clearing a filter
 * that hides it), for the Today screen's Enter on an alert.  Returns 0, or
 * -1 when the tab cannot be shown now (a form holds the current tab) or the
 * isolation does not exist (the reason is shown). */
int isolation_tab_show(struct app *app, long long isolation_id);

#endif
