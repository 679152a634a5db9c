/* don_ledger: the ledger view of the Donations tab (the tab opens on it): each donation
 * with its receipt number, Enter its receipt, x void, / the filter, the
 * totals below.  The class is
 * declared in don_state.h. */
#ifndef DOORSTEP_DON_LEDGER_H
#define DOORSTEP_DON_LEDGER_H

#include "tui/screens/don_state.h"

#endif
