/* tabs: the tab registry; see tabs.h.  A later screen replaces its
 * placeholder line here. */
#include "tui/tabs.h"

#include "core/i18n.h"
#include "tui/export_screen.h"
#include "tui/households.h"
#include "tui/placeholder.h"
#include "tui/sheets_screen.h"

const struct tab tabs_table[TABS_COUNT] = {
    {N_("Today"), &placeholder_screen,
     N_("The day's counts and alerts arrive with the Today issue.")},
    {N_("Households"), &households_screen, NULL},
    {N_("Rounds"), &placeholder_screen, N_("Rounds arrive with the visits issue.")},
    {N_("Isolation"), &placeholder_screen, N_("Isolation arrives with the isolation issue.")},
    {N_("Donations"), &placeholder_screen, N_("Donations arrive with the donations issue.")},
    {N_("Sheets"), &sheets_screen, NULL},
    {N_("Export"), &export_screen, NULL},
    {N_("Checkpoints"), &placeholder_screen, N_("Checkpoints arrive with the checkpoints issue.")},
};
