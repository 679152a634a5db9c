/* donations: the Donations tab (docs/donations.md).
 *
 * Three views, switched with `v`: the ledger newest first (receipt, date,
 * donor — 匿名 for anonymous ones —, kind, amount or goods, received by;
 * void rows marked and dimmed) with the totals of the rows it shows under
 * it (cash by channel, goods by item and unit with their estimated value,
 * void ones excluded); the stock per item and unit (received, given out, on
 * hand); and the goods given out, newest first.  `/` filters the ledger by
 * dates, donor, kind and item (Esc clears), `n` records a donation (its
 * receipt opens after the save), Enter previews a donation's receipt (save
 * and print from there), `x` voids one with a reason, `g` gives goods out,
 * `h` shows a record's history.  Nothing here deletes. */
#ifndef DOORSTEP_DONATIONS_H
#define DOORSTEP_DONATIONS_H

#include "tui/widgets/screen.h"

extern const struct screen_class donations_screen;

#endif
