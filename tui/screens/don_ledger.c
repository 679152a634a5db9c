/* don_ledger: the ledger view of the Donations tab: every donation with its receipt, the filter and
 * the totals; see don_state.h. */
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

LIST_DB_PAGE(ledger_page, struct don, db_ledger_page, &own->filter)

LIST_ROW_CLEAR(ledger_clear, db_ledger_row_clear)

static void ledger_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct ledger_row *r = row;
	char m[MONEY_STR];

	(void)ctx;
	switch (col) {
	case 2:
		strbuf_puts(out, r->anonymous ? "匿名" : r->donor);
		break;
	case 3:
		strbuf_puts(out, model_enum_label(model_donation_kind, r->kind));
		break;
	default:
		if (r->void_reason[0])
			strbuf_printf(out, "[%s] ", _("void"));
		if (!strcmp(r->kind, "cash")) {
			money_format(r->amount_fen, m, sizeof m);
			strbuf_printf(out, "%s %s", m, model_enum_label(model_channel, r->channel));
		} else {
			goods_text(r->item, r->quantity, r->unit, out);
			if (r->value_fen > 0) {
				money_format(r->value_fen, m, sizeof m);
				strbuf_printf(out, " (%s)", m);
			}
		}
		break;
	}
}

static int ledger_role(void *ctx, const void *row)
{
	(void)ctx;
	return ((const struct ledger_row *)row)->void_reason[0] ? THEME_DIM : THEME_NORMAL;
}

static const struct list_field ledger_cols[] = {
    {N_("Receipt"), 11, 0, 0, LIST_CHARS(struct ledger_row, receipt_no)},
    {N_("Date"), 10, 0, 0, LIST_CHARS(struct ledger_row, date)},
    {N_("Donor"), 8, 2, 0, LIST_OWN},
    {N_("Kind"), 5, 0, 0, LIST_OWN},
    {N_("Amount / goods"), 14, 4, 0, LIST_OWN},
    {N_("Received by"), 11, 0, 0, LIST_TEXT(struct ledger_row, received_by)},
    {NULL, 0, 0, 0, LIST_OWN},
};

const struct list_spec don_ledger_spec = {
    ledger_cols, ledger_cell, ledger_role, ledger_page, sizeof(struct ledger_row), ledger_clear};

/* The title line: what the view shows, the filter, the keys to change it. */
static void draw_title(struct don *st)
{
	struct rect r = st->r;
	const struct ledger_filter *f = &st->filter;
	struct strbuf b = STRBUF_INIT;
	int used;

	draw_fill(r.y, r.x, r.w, THEME_NORMAL);
	if (st->totals.voided)
		strbuf_printf(&b, _("Donations: %lld (%lld void)"), st->totals.rows,
			      st->totals.voided);
	else
		strbuf_printf(&b, _("Donations: %lld"), st->totals.rows);
	used = draw_text(r.y, r.x, r.w, strbuf_str(&b), THEME_TITLE);
	strbuf_free(&b);
	if (ledger_filter_active(f)) {
		strbuf_printf(&b, "  %s", _("Filter:"));
		if (f->from[0] || f->to[0])
			strbuf_printf(&b, " %s..%s", f->from, f->to);
		if (f->donor && f->donor[0])
			strbuf_printf(&b, " %s", f->donor);
		if (f->kind[0])
			strbuf_printf(&b, " %s", model_enum_label(model_donation_kind, f->kind));
		if (f->item && f->item[0])
			strbuf_printf(&b, " %s", f->item);
		draw_text(r.y, r.x + used, r.w - used, strbuf_str(&b), THEME_LABEL);
	} else {
		strbuf_printf(&b, "  %s", _("(v: stock, given out, spent; /: filter)"));
		draw_text(r.y, r.x + used, r.w - used, strbuf_str(&b), THEME_DIM);
	}
	strbuf_free(&b);
}

/* Frees the n strings of parts. */
static void free_parts(char **parts, int n)
{
	for (int i = 0; i < n; i++)
		free(parts[i]);
}

/* The totals under the list: cash by channel, then goods by item, each a
 * run of parts that wrap whole (the cash on up to two lines, the goods on
 * what is left; the stock view lists every item). */
static void draw_totals(struct don *st)
{
	const struct ledger_totals *t = &st->totals;
	struct rect r = st->r;
	char m[MONEY_STR], *parts[LEDGER_CHANNELS + 1], **goods;
	int y = r.y + r.h - TOTAL_LINES, n = 0, cash_lines;

	if (r.h < TOTAL_LINES + 3)
		return;
	for (int i = 0; i < TOTAL_LINES; i++)
		draw_fill(y + i, r.x, r.w, THEME_NORMAL);
	money_format(t->cash_fen, m, sizeof m);
	parts[n++] = xasprintf(_("Cash %s (%lld)"), m, t->cash_count);
	for (int i = 0; i < LEDGER_CHANNELS; i++) {
		if (!t->channel_fen[i])
			continue;
		money_format(t->channel_fen[i], m, sizeof m);
		parts[n++] = xasprintf("%s %s", _(model_channel[i].label), m);
	}
	cash_lines = draw_packed((struct rect){y, r.x, TOTAL_LINES - 1, r.w},
				 (const char *const *)parts, n, "  ", THEME_HEADER);
	cash_lines = cash_lines < TOTAL_LINES - 1 ? cash_lines : TOTAL_LINES - 1;
	free_parts(parts, n);
	/* the heading and the first item are one part: " · " goes between items */
	goods = xcalloc((size_t)(t->ngoods ? t->ngoods : 1), sizeof *goods);
	money_format(t->goods_value_fen, m, sizeof m);
	for (int i = 0; i < (t->ngoods ? t->ngoods : 1); i++) {
		struct strbuf b = STRBUF_INIT;

		if (!i)
			strbuf_printf(&b, _("Goods %lld, est. %s:"), t->goods_count, m);
		if (!t->ngoods) {
			strbuf_printf(&b, " %s", _("none"));
		} else {
			if (!i)
				strbuf_putc(&b, ' ');
			goods_text(t->goods[i].item, t->goods[i].quantity, t->goods[i].unit, &b);
		}
		if (t->ngoods && t->goods[i].value_fen) {
			money_format(t->goods[i].value_fen, m, sizeof m);
			strbuf_printf(&b, " %s", m);
		}
		goods[i] = strbuf_detach(&b);
	}
	draw_packed((struct rect){y + cash_lines, r.x, TOTAL_LINES - cash_lines, r.w},
		    (const char *const *)goods, t->ngoods ? t->ngoods : 1, " · ", THEME_HEADER);
	free_parts(goods, t->ngoods ? t->ngoods : 1);
	free(goods);
}

static void ledger_draw(struct screen *s)
{
	struct don *st = s->state;

	draw_clear(st->r, THEME_NORMAL);
	draw_title(st);
	list_draw(st->lists[VIEW_LEDGER], 1);
	draw_totals(st);
}

static const struct ledger_row *current_donation(struct don *st)
{
	return list_selected(st->lists[VIEW_LEDGER], _("No donation is selected."));
}

/* After a save: the new donation at the top of the list, under no filter. */
void don_saved(void *ctx, long long id, const char *date, const char *receipt_no)
{
	struct don *st = ctx;
	struct ledger_row anchor;

	(void)receipt_no;
	memset(&anchor, 0, sizeof anchor);
	anchor.id = id;
	snprintf(anchor.date, sizeof anchor.date, "%s", date);
	ledger_filter_clear(&st->filter);
	don_set_empty_texts(st);
	don_show(st->screen, VIEW_LEDGER);
	don_retotal(st);
	list_goto(st->lists[VIEW_LEDGER], &anchor);
}

/* Enter: the donation's receipt. */
static int act_receipt(struct screen *s)
{
	const struct ledger_row *row = current_donation(s->state);

	if (row)
		receipt_view_push(s->app, row->receipt_no);
	return SCREEN_HANDLED;
}

static int act_void(struct screen *s)
{
	struct don *st = s->state;
	const struct ledger_row *row = current_donation(st);
	struct strbuf what = STRBUF_INIT;
	char m[MONEY_STR];

	if (!row || don_already_void(st, row->void_reason, _("Donation %s is already void (%s)."),
				     row->receipt_no))
		return SCREEN_HANDLED;
	strbuf_printf(&what, "%s ", row->receipt_no);
	if (!strcmp(row->kind, "cash")) {
		money_format(row->amount_fen, m, sizeof m);
		strbuf_puts(&what, m);
	} else {
		goods_text(row->item, row->quantity, row->unit, &what);
	}
	strbuf_printf(&what, " %s", row->anonymous ? "匿名" : row->donor);
	donation_void_push(s->app, row->id, strbuf_str(&what));
	strbuf_free(&what);
	return SCREEN_HANDLED;
}

static void filtered(void *ctx)
{
	struct don *st = ctx;

	don_set_empty_texts(st);
	don_retotal(st);
	list_reset(st->lists[VIEW_LEDGER]);
}

int don_filter(struct screen *s)
{
	struct don *st = s->state;

	don_show(s, VIEW_LEDGER);
	ledger_filter_push(s->app, &st->filter, filtered, st);
	return SCREEN_HANDLED;
}

static int act_history(struct screen *s)
{
	const struct ledger_row *row = current_donation(s->state);

	if (row)
		don_history(s, row->uuid, xasprintf(_("donation %s"), row->receipt_no));
	return SCREEN_HANDLED;
}

/* Esc: the filter cleared (else the global Esc). */
static int ledger_event(struct screen *s, const struct event *ev)
{
	struct don *st = s->state;

	if (ev->type == EVENT_KEY && ev->act == ACT_CANCEL && ledger_filter_active(&st->filter)) {
		ledger_filter_clear(&st->filter);
		don_set_empty_texts(st);
		don_retotal(st);
		list_reset(st->lists[VIEW_LEDGER]);
		app_status(st->app, "%s", _("Filter cleared."));
		return SCREEN_HANDLED;
	}
	return don_event(s, ev);
}

static const struct screen_handler ledger_handlers[] = {
    {ACT_OPEN, act_receipt, N_("receipt")},
    {ACT_NEW, don_new_donation, NULL},
    {ACT_VOID, act_void, NULL},
    {ACT_DISTRIBUTE, don_give_out, N_("give out")},
    {ACT_FILTER, don_filter, NULL}, /* shared, but hinted before history here */
    {ACT_HISTORY, act_history, NULL},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class don_ledger_screen = DON_VIEW_CLASS(
    N_("Donations: ledger"), don_void_view_keys, ledger_handlers, ledger_draw, ledger_event);
