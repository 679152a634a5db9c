/* sheets_screen: tab 6, Sheets (报表): pick a sheet, its date and grid, read
 * it as text, save it as a PDF or print it on a CUPS queue (docs/sheets.md). */
#ifndef DOORSTEP_SHEETS_SCREEN_H
#define DOORSTEP_SHEETS_SCREEN_H

#include "tui/widgets/screen.h"

/* The tab's screen class (tui/widgets/tabs.c); open takes no argument. */
extern const struct screen_class sheets_screen;

#endif
