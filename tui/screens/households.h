/* households: tab 2, the Households list (docs/households.md).
 *
 * Every live household in natural code order (code, head of household,
 * residents, masked phone, tags, date of the last visit), paged from the
 * database (db/search) so memory stays flat however large the community.
 * `/` filters as you type over code, names, pinyin initials and the last
 * digits of ID numbers and phones; Enter opens the household
 * (tui/household_detail); `n`, `e`, `d` add, edit and delete (soft, after a
 * question) a household; `h` shows its history; `r` reveals the selected
 * household's phone on this screen, and the reveal is audited. */
#ifndef DOORSTEP_HOUSEHOLDS_H
#define DOORSTEP_HOUSEHOLDS_H

#include "tui/widgets/screen.h"

extern const struct screen_class households_screen;

#endif
