/* placeholder: the honest empty state of a tab whose screen comes later.
 *
 * Its open takes the message (an English msgid, e.g.
 * N_("Rounds arrive with the visits issue.")) as arg. */
#ifndef DOORSTEP_PLACEHOLDER_H
#define DOORSTEP_PLACEHOLDER_H

#include "tui/screen.h"

extern const struct screen_class placeholder_screen;

#endif
