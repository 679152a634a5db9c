/* tabs: the tab registry; see tabs.h. */
#include "tui/tabs.h"

#include "core/i18n.h"
#include "tui/checkpoints.h"
#include "tui/donations.h"
#include "tui/export_screen.h"
#include "tui/households.h"
#include "tui/isolation.h"
#include "tui/rounds.h"
#include "tui/sheets_screen.h"
#include "tui/today.h"

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
