/* donations: the Donations tab; see donations.h. */
#include "tui/donations.h"

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
#include "tui/donation_form.h"
#include "tui/draw.h"
#include "tui/history.h"
#include "tui/keys.h"
#include "tui/receipt_view.h"
#include "tui/widget_list.h"

enum view { VIEW_LEDGER, VIEW_STOCK, VIEW_DIST, VIEW_SPEND, VIEW_COUNT };

/* Lines under the ledger for its totals. */
#define TOTAL_LINES 3

struct don {
	struct app *app;
	enum view view;
	struct list *lists[VIEW_COUNT];
	struct ledger_filter filter;
	struct ledger_totals totals;
	struct rect r;
};

/* ---- the ledger ---- */

static int ledger_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct don *st = ctx;
	struct ledger_row *tmp = xcalloc((size_t)n, sizeof *tmp);
	int m = db_ledger_page(app_db(st->app), &st->filter, anchor, dir, n, tmp, e);

	for (int i = 0; i < m; i++) {
		struct ledger_row *row = xmalloc(sizeof *row);

		*row = tmp[i];
		out[i] = row;
	}
	free(tmp);
	return m;
}

static void ledger_row_free(void *ctx, void *row)
{
	(void)ctx;
	db_ledger_row_clear(row);
	free(row);
}

static void stock_row_free(void *ctx, void *row)
{
	(void)ctx;
	db_stock_row_clear(row);
	free(row);
}

static void dist_row_free(void *ctx, void *row)
{
	(void)ctx;
	db_ledger_dist_clear(row);
	free(row);
}

/* "口罩 500 个" (quantity without trailing zeros). */
static void goods_text(const char *item, long long qty, const char *unit, struct strbuf *out)
{
	char q[MONEY_STR];

	quantity_format(qty, q, sizeof q);
	strbuf_printf(out, "%s %s %s", item, q, unit);
}

static void ledger_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct ledger_row *r = row;
	char m[MONEY_STR];

	(void)ctx;
	switch (col) {
	case 0:
		strbuf_puts(out, r->receipt_no);
		break;
	case 1:
		strbuf_puts(out, r->date);
		break;
	case 2:
		strbuf_puts(out, r->anonymous ? "匿名" : r->donor);
		break;
	case 3:
		strbuf_puts(out, model_enum_label(model_donation_kind, r->kind));
		break;
	case 4:
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
	default:
		strbuf_puts(out, r->received_by);
		break;
	}
}

static int ledger_role(void *ctx, const void *row)
{
	(void)ctx;
	return ((const struct ledger_row *)row)->void_reason[0] ? THEME_DIM : THEME_NORMAL;
}

static const struct list_column ledger_cols[] = {
    {N_("Receipt"), 11, 0, 0}, {N_("Date"), 10, 0, 0},		 {N_("Donor"), 8, 2, 0},
    {N_("Kind"), 5, 0, 0},     {N_("Amount / goods"), 14, 4, 0}, {N_("Received by"), 11, 0, 0},
    {NULL, 0, 0, 0},
};
static const struct list_ops ledger_ops = {ledger_fetch, ledger_row_free, ledger_cell, ledger_role};

/* ---- the stock ---- */

static int stock_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct don *st = ctx;
	struct stock_row *tmp = xcalloc((size_t)n, sizeof *tmp);
	int m = db_ledger_stock_page(app_db(st->app), 0, anchor, dir, n, tmp, e);

	for (int i = 0; i < m; i++) {
		struct stock_row *row = xmalloc(sizeof *row);

		*row = tmp[i];
		out[i] = row;
	}
	free(tmp);
	return m;
}

static void stock_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct stock_row *s = row;
	char b[MONEY_STR];

	(void)ctx;
	switch (col) {
	case 0:
		strbuf_puts(out, s->item);
		return;
	case 1:
		strbuf_puts(out, s->unit);
		return;
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

static const struct list_column stock_cols[] = {
    {N_("Item"), 10, 3, 0},    {N_("Units"), 5, 0, 0},
    {N_("Received"), 9, 0, 1}, {N_("Distributed"), 11, 0, 1},
    {N_("On hand"), 9, 0, 1},  {N_("Est. value"), 12, 0, 1},
    {NULL, 0, 0, 0},
};
static const struct list_ops stock_ops = {stock_fetch, stock_row_free, stock_cell, stock_role};

/* ---- the distributions ---- */

static int dist_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct don *st = ctx;
	struct ledger_dist *tmp = xcalloc((size_t)n, sizeof *tmp);
	int m = db_ledger_dist_page(app_db(st->app), anchor, dir, n, tmp, e);

	for (int i = 0; i < m; i++) {
		struct ledger_dist *row = xmalloc(sizeof *row);

		*row = tmp[i];
		out[i] = row;
	}
	free(tmp);
	return m;
}

static void dist_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct ledger_dist *d = row;

	(void)ctx;
	switch (col) {
	case 0:
		strbuf_puts(out, d->date);
		break;
	case 1:
		goods_text(d->item, d->quantity, d->unit, out);
		break;
	case 2:
		if (strcmp(d->recipient_kind, "other"))
			strbuf_printf(out, "%s ",
				      model_enum_label(model_recipient_kind, d->recipient_kind));
		strbuf_puts(out, d->recipient);
		break;
	default:
		strbuf_puts(out, d->staff);
		break;
	}
}

static const struct list_column dist_cols[] = {
    {N_("Date"), 10, 0, 0},    {N_("Goods"), 12, 2, 0}, {N_("Recipient"), 12, 3, 0},
    {N_("Given by"), 6, 1, 0}, {NULL, 0, 0, 0},
};
static const struct list_ops dist_ops = {dist_fetch, dist_row_free, dist_cell, NULL};

/* ---- cash spent ---- */

static int spend_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct don *st = ctx;
	struct expenditure_row *tmp = xcalloc((size_t)n, sizeof *tmp);
	int m = db_expenditure_page(app_db(st->app), anchor, dir, n, tmp, e);

	for (int i = 0; i < m; i++) {
		struct expenditure_row *row = xmalloc(sizeof *row);

		*row = tmp[i];
		out[i] = row;
	}
	free(tmp);
	return m;
}

static void spend_cell(void *ctx, const void *row, int col, struct strbuf *out)
{
	const struct expenditure_row *x = row;
	char m[MONEY_STR];

	(void)ctx;
	switch (col) {
	case 0:
		strbuf_puts(out, x->date);
		break;
	case 1:
		if (x->void_reason[0])
			strbuf_printf(out, "[%s] ", _("void"));
		money_format(x->amount_fen, m, sizeof m);
		strbuf_puts(out, m);
		break;
	case 2:
		strbuf_puts(out, x->purpose);
		break;
	case 3:
		strbuf_puts(out, x->approved_by);
		break;
	default:
		strbuf_puts(out, x->voucher_no);
		break;
	}
}

static int spend_role(void *ctx, const void *row)
{
	(void)ctx;
	return ((const struct expenditure_row *)row)->void_reason[0] ? THEME_DIM : THEME_NORMAL;
}

static const struct list_column spend_cols[] = {
    {N_("Date"), 10, 0, 0},	   {N_("Amount"), 12, 0, 1}, {N_("Purpose"), 12, 3, 0},
    {N_("Approved by"), 8, 1, 0}, {N_("Voucher"), 8, 1, 0}, {NULL, 0, 0, 0},
};
static void spend_row_free(void *ctx, void *row)
{
	(void)ctx;
	free(row);
}

static const struct list_ops spend_ops = {spend_fetch, spend_row_free, spend_cell, spend_role};

/* ---- the screen ---- */

static void retotal(struct don *st)
{
	struct err e;

	db_ledger_totals_free(&st->totals);
	err_clear(&e);
	if (db_ledger_totals(app_db(st->app), &st->filter, &st->totals, &e) < 0)
		app_error_err(st->app, &e);
}

static void set_empty_texts(struct don *st)
{
	list_set_empty(st->lists[VIEW_LEDGER],
		       ledger_filter_active(&st->filter)
			   ? _("No donation matches the filter. Esc clears it.")
			   : _("No donation yet: press n to record the first one."));
	list_set_empty(st->lists[VIEW_STOCK], _("No goods yet: goods donations fill the stock."));
	list_set_empty(st->lists[VIEW_DIST],
		       _("Nothing given out yet: g gives goods out of the stock."));
	list_set_empty(st->lists[VIEW_SPEND],
		       _("No cash spent yet: n records an expenditure out of donated cash."));
}

static int don_open(struct screen *s, void *arg, struct err *e)
{
	struct don *st = xcalloc(1, sizeof *st);

	(void)arg;
	(void)e;
	st->app = s->app;
	st->lists[VIEW_LEDGER] = list_new(s->app, &ledger_ops, st, ledger_cols);
	st->lists[VIEW_STOCK] = list_new(s->app, &stock_ops, st, stock_cols);
	st->lists[VIEW_DIST] = list_new(s->app, &dist_ops, st, dist_cols);
	st->lists[VIEW_SPEND] = list_new(s->app, &spend_ops, st, spend_cols);
	set_empty_texts(st);
	retotal(st);
	s->state = st;
	return 0;
}

static void place_list(struct don *st)
{
	struct rect r = st->r;
	int h = r.h - 1;

	if (st->view == VIEW_LEDGER)
		h -= TOTAL_LINES;
	if (h < 2)
		h = 2;
	list_layout(st->lists[st->view], (struct rect){r.y + 1, r.x, h, r.w});
}

static void don_layout(struct screen *s, struct rect r)
{
	struct don *st = s->state;

	st->r = r;
	place_list(st);
}

/* The title line: what the view shows, the filter, the keys to change it. */
static void draw_title(struct don *st)
{
	struct rect r = st->r;
	const struct ledger_filter *f = &st->filter;
	struct strbuf b = STRBUF_INIT;
	int used;

	draw_fill(r.y, r.x, r.w, THEME_NORMAL);
	if (st->view == VIEW_LEDGER) {
		if (st->totals.voided)
			strbuf_printf(&b, _("Donations: %lld (%lld void)"), st->totals.rows,
				      st->totals.voided);
		else
			strbuf_printf(&b, _("Donations: %lld"), st->totals.rows);
	} else {
		strbuf_puts(&b, st->view == VIEW_STOCK	? _("Stock by item and unit")
				: st->view == VIEW_DIST ? _("Goods given out")
							: _("Cash spent from donations"));
	}
	used = draw_text(r.y, r.x, r.w, strbuf_str(&b), THEME_TITLE);
	strbuf_free(&b);
	if (st->view == VIEW_LEDGER && ledger_filter_active(f)) {
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
		strbuf_printf(&b, "  %s",
			      st->view == VIEW_LEDGER ? _("(v: stock, given out, spent; /: filter)")
						      : _("(v: next view)"));
		draw_text(r.y, r.x + used, r.w - used, strbuf_str(&b), THEME_DIM);
	}
	strbuf_free(&b);
}

static void draw_totals(struct don *st)
{
	const struct ledger_totals *t = &st->totals;
	struct rect r = st->r;
	struct strbuf b = STRBUF_INIT;
	char m[MONEY_STR];
	int y = r.y + r.h - TOTAL_LINES;

	if (r.h < TOTAL_LINES + 3)
		return;
	for (int i = 0; i < TOTAL_LINES; i++)
		draw_fill(y + i, r.x, r.w, THEME_NORMAL);
	money_format(t->cash_fen, m, sizeof m);
	strbuf_printf(&b, _("Cash %s (%lld)"), m, t->cash_count);
	for (int i = 0; i < LEDGER_CHANNELS; i++) {
		if (!t->channel_fen[i])
			continue;
		money_format(t->channel_fen[i], m, sizeof m);
		strbuf_printf(&b, "  %s %s", _(model_channel[i].label), m);
	}
	draw_fit(y, r.x, r.w, strbuf_str(&b), THEME_HEADER);
	strbuf_free(&b);
	money_format(t->goods_value_fen, m, sizeof m);
	strbuf_printf(&b, _("Goods %lld, est. %s:"), t->goods_count, m);
	for (int i = 0; i < t->ngoods; i++) {
		strbuf_puts(&b, i ? " · " : " ");
		goods_text(t->goods[i].item, t->goods[i].quantity, t->goods[i].unit, &b);
		if (t->goods[i].value_fen) {
			money_format(t->goods[i].value_fen, m, sizeof m);
			strbuf_printf(&b, " %s", m);
		}
	}
	if (!t->ngoods)
		strbuf_printf(&b, " %s", _("none"));
	draw_wrapped((struct rect){y + 1, r.x, TOTAL_LINES - 1, r.w}, strbuf_str(&b), 0,
		     THEME_HEADER);
	strbuf_free(&b);
}

static void don_draw(struct screen *s)
{
	struct don *st = s->state;

	draw_clear(st->r, THEME_NORMAL);
	draw_title(st);
	list_draw(st->lists[st->view], 1);
	if (st->view == VIEW_LEDGER)
		draw_totals(st);
}

static int don_event(struct screen *s, const struct event *ev)
{
	struct don *st = s->state;
	int f;

	if (ev->type == EVENT_KEY && ev->act == ACT_CANCEL) {
		if (st->view != VIEW_LEDGER) {
			st->view = VIEW_LEDGER;
			place_list(st);
			return SCREEN_HANDLED;
		}
		if (ledger_filter_active(&st->filter)) {
			ledger_filter_clear(&st->filter);
			set_empty_texts(st);
			retotal(st);
			list_reset(st->lists[VIEW_LEDGER]);
			app_status(st->app, "%s", _("Filter cleared."));
			return SCREEN_HANDLED;
		}
	}
	f = list_event(st->lists[st->view], ev);
	if (ev->type == EVENT_MOUSE && list_double_clicked(st->lists[st->view])) {
		struct event open = {.type = EVENT_KEY, .act = ACT_OPEN};

		return screen_dispatch(s, &open);
	}
	return f;
}

static void don_changed(struct screen *s)
{
	struct don *st = s->state;

	retotal(st);
	for (int i = 0; i < VIEW_COUNT; i++)
		list_reload(st->lists[i]);
}

static void don_close(struct screen *s)
{
	struct don *st = s->state;

	for (int i = 0; i < VIEW_COUNT; i++)
		list_free(&st->lists[i]);
	db_ledger_totals_free(&st->totals);
	ledger_filter_clear(&st->filter);
	free(st);
}

/* ---- actions ---- */

static const struct ledger_row *current_donation(struct don *st)
{
	const struct ledger_row *row =
	    st->view == VIEW_LEDGER ? list_current(st->lists[VIEW_LEDGER]) : NULL;

	if (!row)
		app_status(st->app, "%s", _("No donation is selected."));
	return row;
}

/* After a save: the new donation at the top of the list, under no filter. */
static void saved(void *ctx, long long id, const char *date, const char *receipt_no)
{
	struct don *st = ctx;
	struct ledger_row anchor;

	(void)receipt_no;
	memset(&anchor, 0, sizeof anchor);
	anchor.id = id;
	snprintf(anchor.date, sizeof anchor.date, "%s", date);
	ledger_filter_clear(&st->filter);
	set_empty_texts(st);
	st->view = VIEW_LEDGER;
	place_list(st);
	retotal(st);
	list_goto(st->lists[VIEW_LEDGER], &anchor);
}

static int act_new(struct screen *s)
{
	if (((struct don *)s->state)->view == VIEW_SPEND)
		expenditure_form_push(s->app);
	else
		donation_new_push(s->app, saved, s->state);
	return SCREEN_HANDLED;
}

static int act_open(struct screen *s)
{
	struct don *st = s->state;

	if (st->view == VIEW_STOCK) {
		const struct stock_row *row = list_current(st->lists[VIEW_STOCK]);

		if (row && row->on_hand > 0)
			distribution_form_push(s->app, row->item, row->unit);
		else if (row)
			app_status(s->app, _("No %s is on hand to give out."), row->item);
		return SCREEN_HANDLED;
	}
	if (st->view == VIEW_DIST)
		return SCREEN_HANDLED;
	const struct ledger_row *row = current_donation(st);

	if (row)
		receipt_view_push(s->app, row->receipt_no);
	return SCREEN_HANDLED;
}

static int void_spend(struct don *st)
{
	const struct expenditure_row *x = list_current(st->lists[VIEW_SPEND]);
	char m[MONEY_STR], *what;

	if (!x) {
		app_status(st->app, "%s", _("No expenditure is selected."));
		return SCREEN_HANDLED;
	}
	if (x->void_reason[0]) {
		app_error(st->app, _("Expenditure %s is already void (%s)."), x->voucher_no,
			  x->void_reason);
		return SCREEN_HANDLED;
	}
	money_format(x->amount_fen, m, sizeof m);
	what = xasprintf("%s %s %s", x->date, m, x->purpose);
	expenditure_void_push(st->app, x->id, what);
	free(what);
	return SCREEN_HANDLED;
}

static int act_void(struct screen *s)
{
	struct don *st = s->state;
	const struct ledger_row *row = st->view == VIEW_SPEND ? NULL : current_donation(st);
	struct strbuf what = STRBUF_INIT;
	char m[MONEY_STR];

	if (st->view == VIEW_SPEND)
		return void_spend(st);
	if (!row)
		return SCREEN_HANDLED;
	if (row->void_reason[0]) {
		app_error(s->app, _("Donation %s is already void (%s)."), row->receipt_no,
			  row->void_reason);
		return SCREEN_HANDLED;
	}
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

static int act_distribute(struct screen *s)
{
	struct don *st = s->state;
	const struct stock_row *row =
	    st->view == VIEW_STOCK ? list_current(st->lists[VIEW_STOCK]) : NULL;

	if (row && row->on_hand > 0)
		distribution_form_push(s->app, row->item, row->unit);
	else
		distribution_form_push(s->app, NULL, NULL);
	return SCREEN_HANDLED;
}

static void filtered(void *ctx)
{
	struct don *st = ctx;

	set_empty_texts(st);
	retotal(st);
	list_reset(st->lists[VIEW_LEDGER]);
}

static int act_filter(struct screen *s)
{
	struct don *st = s->state;

	st->view = VIEW_LEDGER;
	place_list(st);
	ledger_filter_push(s->app, &st->filter, filtered, st);
	return SCREEN_HANDLED;
}

static int act_history(struct screen *s)
{
	struct don *st = s->state;
	char *title;

	if (st->view == VIEW_DIST) {
		const struct ledger_dist *d = list_current(st->lists[VIEW_DIST]);

		if (!d)
			return SCREEN_HANDLED;
		title = xasprintf(_("distribution of %s on %s"), d->item, d->date);
		history_push(s->app, d->uuid, title);
		free(title);
		return SCREEN_HANDLED;
	}
	if (st->view == VIEW_SPEND) {
		const struct expenditure_row *x = list_current(st->lists[VIEW_SPEND]);

		if (!x)
			return SCREEN_HANDLED;
		title = xasprintf(_("expenditure %s on %s"), x->voucher_no, x->date);
		history_push(s->app, x->uuid, title);
		free(title);
		return SCREEN_HANDLED;
	}
	if (st->view == VIEW_STOCK) {
		app_status(s->app, "%s",
			   _("Stock is computed from donations and distributions: their "
			     "histories are in the other views."));
		return SCREEN_HANDLED;
	}
	const struct ledger_row *row = current_donation(st);

	if (row) {
		title = xasprintf(_("donation %s"), row->receipt_no);
		history_push(s->app, row->uuid, title);
		free(title);
	}
	return SCREEN_HANDLED;
}

static int act_switch(struct screen *s)
{
	struct don *st = s->state;

	st->view = (st->view + 1) % VIEW_COUNT;
	place_list(st);
	list_reload(st->lists[st->view]);
	return SCREEN_HANDLED;
}

static int act_refresh(struct screen *s)
{
	don_changed(s);
	return SCREEN_HANDLED;
}

static int don_can(struct screen *s, enum action act)
{
	struct don *st = s->state;

	switch (act) {
	case ACT_VOID:
		return st->view == VIEW_LEDGER || st->view == VIEW_SPEND;
	case ACT_FILTER:
		return st->view == VIEW_LEDGER;
	case ACT_OPEN:
		return st->view == VIEW_LEDGER || st->view == VIEW_STOCK;
	case ACT_HISTORY:
		return st->view != VIEW_STOCK;
	default:
		return 1;
	}
}

static const struct keybind don_keys[] = {
    {0, 'x', ACT_VOID},
    {0, 'g', ACT_DISTRIBUTE},
    {0, 'v', ACT_SWITCH_VIEW},
    {0, 0, ACT_NONE},
};

static const struct screen_handler handlers[] = {
    {ACT_OPEN, act_open, N_("receipt")},
    {ACT_NEW, act_new, NULL},
    {ACT_VOID, act_void, NULL},
    {ACT_DISTRIBUTE, act_distribute, N_("give out")},
    {ACT_SWITCH_VIEW, act_switch, NULL},
    {ACT_FILTER, act_filter, NULL},
    {ACT_HISTORY, act_history, NULL},
    {ACT_REFRESH, act_refresh, NULL},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class donations_screen = {
    .name = N_("Donations"),
    .keyctx = KEYCTX_BIT(KEYCTX_LIST),
    .keys = don_keys,
    .handlers = handlers,
    .open = don_open,
    .layout = don_layout,
    .draw = don_draw,
    .event = don_event,
    .data_changed = don_changed,
    .can = don_can,
    .close = don_close,
};
