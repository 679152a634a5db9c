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

const struct tab tabs_table[TABS_COUNT] = {
    {N_("Today"), &today_screen, NULL},
    {N_("Households"), &households_screen, NULL},
    {N_("Rounds"), &rounds_screen, NULL},
    {N_("Isolation"), &isolation_screen, NULL},
    {N_("Donations"), &donations_screen, NULL},
    {N_("Sheets"), &sheets_screen, NULL},
    {N_("Export"), &export_screen, NULL},
    {N_("Checkpoints"), &checkpoints_screen, NULL},
};
