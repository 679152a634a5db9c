/* don_stock: the stock view of the Donations tab: what is on hand per item and unit; see
 * don_state.h. */
#include "tui/screens/don_state.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/money.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/expenditures.h"
#include "db/ledger.h"
#include "tui/app.h"
#include "tui/screens/donation_form.h"
#include "tui/widgets/draw.h"
#include "tui/screens/history.h"
#include "tui/widgets/keys.h"
#include "tui/screens/receipt_view.h"
#include "tui/widgets/widget_list.h"

LIST_ROW_CLEAR(stock_clear, db_stock_row_clear)

LIST_DB_PAGE(stock_page, struct don, db_ledger_stock_page, 0)

static void stock_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct stock_row *s = row;
	char b[MONEY_STR];

	(void)ctx;
	switch (col) {
	case 2:
		quantity_format(s->received, b, sizeof b);
		break;
	case 3:
		quantity_format(s->distributed, b, sizeof b);
		break;
	case 4:
		quantity_format(s->on_hand, b, sizeof b);
		break;
	default:
		money_format(s->value_fen, b, sizeof b);
		break;
	}
	strbuf_puts(out, b);
}

static int stock_role(void *ctx, const void *row)
{
	(void)ctx;
	return ((const struct stock_row *)row)->on_hand <= 0 ? THEME_DIM : THEME_NORMAL;
}

static const struct list_field stock_cols[] = {
    {N_("Item"), 10, 3, 0, LIST_TEXT(struct stock_row, item)},
    {N_("Units"), 5, 0, 0, LIST_TEXT(struct stock_row, unit)},
    {N_("Received"), 9, 0, 1, LIST_OWN},
    {N_("Distributed"), 11, 0, 1, LIST_OWN},
    {N_("On hand"), 9, 0, 1, LIST_OWN},
    {N_("Est. value"), 12, 0, 1, LIST_OWN},
    {NULL, 0, 0, 0, LIST_OWN},
};

const struct list_spec don_stock_spec = {
    stock_cols, stock_cell, stock_role, stock_page, sizeof(struct stock_row), stock_clear};

/* Enter: give the selected item out, when any is on hand. */
static int act_give(struct screen *s)
{
	struct don *st = s->state;
	const struct stock_row *row = list_current(st->lists[VIEW_STOCK]);

	if (row && row->on_hand > 0)
		distribution_form_push(s->app, row->item, row->unit);
	else if (row)
		app_status(s->app, _("No %s is on hand to give out."), row->item);
	return SCREEN_HANDLED;
}

/* g: give goods out, the selected item when any is on hand. */
static int act_distribute(struct screen *s)
{
	struct don *st = s->state;
	const struct stock_row *row = list_current(st->lists[VIEW_STOCK]);

	if (row && row->on_hand > 0)
		distribution_form_push(s->app, row->item, row->unit);
	else
		distribution_form_push(s->app, NULL, NULL);
	return SCREEN_HANDLED;
}

static const struct screen_handler stock_handlers[] = {
    {ACT_OPEN, act_give, N_("give out")},
    {ACT_NEW, don_new_donation, NULL},
    {ACT_DISTRIBUTE, act_distribute, N_("give out")},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class don_stock_screen =
    DON_VIEW_CLASS(N_("Donations: stock"), don_view_keys, stock_handlers, don_draw, don_event);
