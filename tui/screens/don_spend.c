/* don_spend: the cash-spent view of the Donations tab: expenditures out of donated cash; see
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

LIST_DB_PAGE_ALL(spend_page, struct don, db_expenditure_page)

static void spend_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct expenditure_row *x = row;
	char m[MONEY_STR];

	(void)ctx;
	(void)col;
	if (x->void_reason[0])
		strbuf_printf(out, "[%s] ", _("void"));
	money_format(x->amount_fen, m, sizeof m);
	strbuf_puts(out, m);
}

static int spend_role(void *ctx, const void *row)
{
	(void)ctx;
	return ((const struct expenditure_row *)row)->void_reason[0] ? THEME_DIM : THEME_NORMAL;
}

static const struct list_field spend_cols[] = {
    {N_("Date"), 10, 0, 0, LIST_CHARS(struct expenditure_row, date)},
    {N_("Amount"), 12, 0, 1, LIST_OWN},
    {N_("Purpose"), 12, 3, 0, LIST_TEXT(struct expenditure_row, purpose)},
    {N_("Approved by"), 8, 1, 0, LIST_TEXT(struct expenditure_row, approved_by)},
    {N_("Voucher"), 8, 1, 0, LIST_TEXT(struct expenditure_row, voucher_no)},
    {NULL, 0, 0, 0, LIST_OWN},
};

LIST_ROW_CLEAR(spend_clear, db_expenditure_row_clear)

const struct list_spec don_spend_spec = {
    spend_cols, spend_cell, spend_role, spend_page, sizeof(struct expenditure_row), spend_clear};

static int act_new(struct screen *s)
{
	expenditure_form_push(s->app);
	return SCREEN_HANDLED;
}

static int void_spend(struct don *st)
{
	const struct expenditure_row *x =
	    list_selected(st->lists[VIEW_SPEND], _("No expenditure is selected."));
	char m[MONEY_STR], *what;

	if (!x || don_already_void(st, x->void_reason, _("Expenditure %s is already void (%s)."),
				   x->voucher_no))
		return SCREEN_HANDLED;
	money_format(x->amount_fen, m, sizeof m);
	what = xasprintf("%s %s %s", x->date, m, x->purpose);
	expenditure_void_push(st->app, x->id, what);
	free(what);
	return SCREEN_HANDLED;
}

static int act_void(struct screen *s)
{
	return void_spend(s->state);
}

static int act_history(struct screen *s)
{
	struct don *st = s->state;
	const struct expenditure_row *x = list_current(st->lists[VIEW_SPEND]);

	if (!x)
		return SCREEN_HANDLED;
	don_history(s, x->uuid, xasprintf(_("expenditure %s on %s"), x->voucher_no, x->date));
	return SCREEN_HANDLED;
}

static const struct screen_handler spend_handlers[] = {
    {ACT_NEW, act_new, NULL},
    {ACT_VOID, act_void, NULL},
    {ACT_DISTRIBUTE, don_give_out, N_("give out")},
    {ACT_HISTORY, act_history, NULL},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class don_spend_screen = DON_VIEW_CLASS(
    N_("Donations: cash spent"), don_void_view_keys, spend_handlers, don_draw, don_event);
