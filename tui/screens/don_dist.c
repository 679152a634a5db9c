/* don_dist: the goods-given-out view of the Donations tab; see don_state.h. */
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

LIST_ROW_CLEAR(dist_clear, db_ledger_dist_clear)

LIST_DB_PAGE_ALL(dist_page, struct don, db_ledger_dist_page)

static void dist_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct ledger_dist *d = row;

	(void)ctx;
	if (col == 1) {
		goods_text(d->item, d->quantity, d->unit, out);
		return;
	}
	if (strcmp(d->recipient_kind, "other"))
		strbuf_printf(out, "%s ",
			      model_enum_label(model_recipient_kind, d->recipient_kind));
	strbuf_puts(out, d->recipient);
}

static const struct list_field dist_cols[] = {
    {N_("Date"), 10, 0, 0, LIST_CHARS(struct ledger_dist, date)},
    {N_("Goods"), 12, 2, 0, LIST_OWN},
    {N_("Recipient"), 12, 3, 0, LIST_OWN},
    {N_("Given by"), 6, 1, 0, LIST_TEXT(struct ledger_dist, staff)},
    {NULL, 0, 0, 0, LIST_OWN},
};

const struct list_spec don_dist_spec = {
    dist_cols, dist_cell, NULL, dist_page, sizeof(struct ledger_dist), dist_clear};

static int act_history(struct screen *s)
{
	struct don *st = s->state;
	const struct ledger_dist *d = list_current(st->lists[VIEW_DIST]);

	if (!d)
		return SCREEN_HANDLED;
	don_history(s, d->uuid, xasprintf(_("distribution of %s on %s"), d->item, d->date));
	return SCREEN_HANDLED;
}

static const struct screen_handler dist_handlers[] = {
    {ACT_NEW, don_new_donation, NULL},
    {ACT_DISTRIBUTE, don_give_out, N_("give out")},
    {ACT_HISTORY, act_history, NULL},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class don_dist_screen = DON_VIEW_CLASS(
    N_("Donations: goods given out"), don_view_keys, dist_handlers, don_draw, don_event);
