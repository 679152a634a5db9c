/* demo_donations: the demo's donations (cash and goods, one voided as a
 * duplicate) and the goods given out of them. */
#ifndef DOORSTEP_DEMO_DONATIONS_H
#define DOORSTEP_DEMO_DONATIONS_H

#include "db/demo_gen.h"

int demo_make_donations(struct gen *g, int days);

#endif
