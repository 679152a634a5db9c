/* money: amounts of money in integer fen, and quantities of goods in integer
 * hundredths.
 *
 * Neither is ever a float: 123450 fen is ¥1,234.50, and a quantity of 1250
 * hundredths is 12.5 (boxes, kilograms ...).  Both parse what a user types,
 * with full-width digits folded, and refuse negatives and more than 2 decimals. */
#ifndef DOORSTEP_MONEY_H
#define DOORSTEP_MONEY_H

#include <stddef.h>

#include "core/err.h"

/* The largest amount accepted, ¥9,999,999,999,999.99: far beyond any donation,
 * and small enough that sums over millions of rows cannot overflow. */
#define MONEY_MAX_FEN 999999999999999LL
/* The largest quantity accepted, 9,999,999,999.99. */
#define QUANTITY_MAX 999999999999LL

/* Room for any formatted amount or quantity and its NUL. */
#define MONEY_STR 32

/* Parses an amount in yuan: `1234.5`, `1,234.50`, `¥1,234.50`, `￥12`,
 * `1234元`, `1234.50 元`.  Commas may group the whole part; at most 2 decimals.
 * Returns 0 with *fen set, or -1 with a message in e (field "amount") for an
 * empty, negative, malformed, over-precise or too large amount. */
int money_parse(const char *in, long long *fen, struct err *e);

/* Writes fen as `¥1,234.50` (`-¥5.00` for a negative value) into out (n bytes;
 * MONEY_STR is always enough; a short buffer truncates). */
void money_format(long long fen, char *out, size_t n);

/* Writes fen as `1234.50`, no symbol and no grouping (for CSV). */
void money_format_plain(long long fen, char *out, size_t n);

/* Parses a quantity: `12`, `12.5`, `0.25`, `1,000`.  Returns 0 with
 * *hundredths set, or -1 with a message in e (field "quantity") for an empty,
 * negative, malformed, over-precise or too large quantity.  Zero is accepted;
 * callers that need a positive quantity check it. */
int quantity_parse(const char *in, long long *hundredths, struct err *e);

/* Writes a quantity without trailing zeros: 1200 → "12", 1250 → "12.5",
 * 25 → "0.25" (negative values get a '-'). */
void quantity_format(long long hundredths, char *out, size_t n);

#endif
