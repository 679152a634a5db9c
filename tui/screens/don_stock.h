/* don_stock: the stock view of the Donations tab: on hand per item and
 * unit; Enter or g gives the selected item out.  The class is
 * declared in don_state.h. */
#ifndef DOORSTEP_DON_STOCK_H
#define DOORSTEP_DON_STOCK_H

#include "tui/screens/don_state.h"

#endif
