/* stock: received minus distributed; see stock.h. */
#include "core/stock.h"

#include <stdio.h>

#include "core/i18n.h"
#include "core/money.h"

long long stock_on_hand(const struct stock_line *line)
{
	return line->received - line->distributed;
}

int stock_check_distribution(const struct stock_line *line, long long qty, const char *item,
			     const char *unit, struct err *e)
{
	long long have = stock_on_hand(line);
	char h[MONEY_STR], q[MONEY_STR];
	const char *u = unit && *unit ? unit : "", *sp = unit && *unit ? " " : "";

	if (qty <= 0)
		return err_field(e, "quantity", _("quantity: must be more than 0"));
	if (qty <= have)
		return 0;
	quantity_format(have < 0 ? 0 : have, h, sizeof h);
	quantity_format(qty, q, sizeof q);
	if (item && *item)
		return err_field(e, "quantity",
				 _("quantity: only %s%s%s of %s on hand, cannot give out %s"), h,
				 sp, u, item, q);
	return err_field(e, "quantity", _("quantity: only %s%s%s on hand, cannot give out %s"), h,
			 sp, u, q);
}

int stock_check_spending(long long received_fen, long long spent_fen, long long fen,
			 struct err *e)
{
	long long have = received_fen - spent_fen;
	char h[MONEY_STR], q[MONEY_STR];

	if (fen <= 0)
		return err_field(e, "amount", "%s", _("the amount must be above zero"));
	if (fen <= have)
		return 0;
	money_format(have < 0 ? 0 : have, h, sizeof h);
	money_format(fen, q, sizeof q);
	return err_field(e, "amount", _("only %s of donated cash on hand, cannot spend %s"), h, q);
}
