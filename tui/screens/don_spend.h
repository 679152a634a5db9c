/* don_spend: the cash-spent view of the Donations tab: expenditures out
 * of donated cash, newest first; n records one, x voids one.  The class is
 * declared in don_state.h. */
#ifndef DOORSTEP_DON_SPEND_H
#define DOORSTEP_DON_SPEND_H

#include "tui/screens/don_state.h"

#endif
