/* stock: donated goods on hand, per item and unit.
 *
 * Stock is never stored: it is what was received minus what was given out,
 * in hundredths of the unit (core/money.h quantities).  A distribution that
 * would make it negative is refused, naming the quantity on hand.  Donated
 * cash is kept the same way: received minus spent, and a spending beyond it
 * is refused. */
#ifndef DOORSTEP_STOCK_H
#define DOORSTEP_STOCK_H

#include "core/err.h"

struct stock_line {
	long long received;    /* hundredths */
	long long distributed; /* hundredths */
};

/* received - distributed, in hundredths. */
long long stock_on_hand(const struct stock_line *line);

/* Checks that qty hundredths of `item` in `unit` can be given out.  Returns 0,
 * or -1 with a message in e (field "quantity") when qty is not positive or is
 * more than on hand, e.g. "only 12.5 箱 of 口罩 on hand".  item and unit may
 * be NULL (then left out of the message). */
int stock_check_distribution(const struct stock_line *line, long long qty, const char *item,
			     const char *unit, struct err *e);

/* Checks that fen can be paid out of the donated cash on hand, received
 * minus spent (both in fen).  Returns 0, or -1 with a message in e (field
 * "amount") when fen is not positive or is more than on hand, e.g. "only
 * ¥1,200.00 of donated cash on hand, cannot spend ¥1,500.00". */
int stock_check_spending(long long received_fen, long long spent_fen, long long fen,
			 struct err *e);

#endif
