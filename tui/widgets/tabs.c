/* tabs: the tab registry; see tabs.h. */
#include "tui/widgets/tabs.h"

#include "core/i18n.h"
#include "tui/screens/checkpoints.h"
#include "tui/screens/donations.h"
#include "tui/screens/export_screen.h"
#include "tui/screens/households.h"
#include "tui/screens/isolation.h"
#include "tui/screens/rounds.h"
#include "tui/screens/sheets_screen.h"
#include "tui/screens/today.h"

/* The titles are short so that all eight show whole at 80 columns in
 * English and in Chinese beside the staff on duty (45 columns of English
 * titles, 32 of Chinese; tests/screen/test_tabs80.c); each screen's own
 * title line says the full name. */
const struct tab tabs_table[TABS_COUNT] = {
    {N_("Today"), &today_screen, NULL},
    {N_("Homes"), &households_screen, NULL},
    {N_("Rounds"), &rounds_screen, NULL},
    {N_("Isolation"), &isolation_screen, NULL},
    {N_("Aid"), &donations_screen, NULL},
    {N_("Sheets"), &sheets_screen, NULL},
    {N_("Export"), &export_screen, NULL},
    {N_("Gates"), &checkpoints_screen, NULL},
};
