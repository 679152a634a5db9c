/* don_dist: the goods-given-out view of the Donations tab, newest
 * first.  The class is
 * declared in don_state.h. */
#ifndef DOORSTEP_DON_DIST_H
#define DOORSTEP_DON_DIST_H

#include "tui/screens/don_state.h"

#endif
