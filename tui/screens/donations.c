/* donations: the Donations tab: the state its four views share and the
 * view switcher; see donations.h and don_state.h. */
#include "tui/screens/donations.h"

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
#include "tui/screens/don_state.h"
#include "tui/screens/donation_form.h"
#include "tui/widgets/draw.h"
#include "tui/screens/history.h"
#include "tui/widgets/keys.h"
#include "tui/screens/receipt_view.h"
#include "tui/widgets/widget_list.h"

/* "口罩 500 个" (quantity without trailing zeros). */
void goods_text(const char *item, long long qty, const char *unit, struct strbuf *out)
{
	char q[MONEY_STR];

	quantity_format(qty, q, sizeof q);
	strbuf_printf(out, "%s %s %s", item, q, unit);
}

void don_retotal(struct don *st)
{
	struct err e;

	db_ledger_totals_free(&st->totals);
	err_clear(&e);
	if (db_ledger_totals(app_db(st->app), &st->filter, &st->totals, &e) < 0)
		app_error_err(st->app, &e);
}

void don_set_empty_texts(struct don *st)
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

/* Each view's list and, but for the ledger's (don_ledger.c draws its
 * filter and totals), its title. */
static const struct {
	const struct list_spec *spec;
	const char *title;
} view_lists[VIEW_COUNT] = {
    [VIEW_LEDGER] = {&don_ledger_spec, NULL},
    [VIEW_STOCK] = {&don_stock_spec, N_("Stock by item and unit")},
    [VIEW_DIST] = {&don_dist_spec, N_("Goods given out")},
    [VIEW_SPEND] = {&don_spend_spec, N_("Cash spent from donations")},
};

static const struct screen_class *const views[VIEW_COUNT + 1] = {
    [VIEW_LEDGER] = &don_ledger_screen,
    [VIEW_STOCK] = &don_stock_screen,
    [VIEW_DIST] = &don_dist_screen,
    [VIEW_SPEND] = &don_spend_screen,
    [VIEW_COUNT] = NULL,
};

const struct screen_class *don_view_class(enum don_view v)
{
	return views[v];
}

enum don_view don_view_of(const struct screen *s)
{
	int v = 0;

	while (v < VIEW_COUNT && views[v] != s->cls)
		v++;
	return v < VIEW_COUNT ? (enum don_view)v : VIEW_LEDGER;
}

static void place_list(struct screen *s)
{
	struct don *st = s->state;
	struct rect r = st->r;
	enum don_view v = don_view_of(s);
	int h = r.h - 1;

	if (v == VIEW_LEDGER)
		h -= TOTAL_LINES;
	if (h < 2)
		h = 2;
	list_layout(st->lists[v], (struct rect){r.y + 1, r.x, h, r.w});
}

void don_layout(struct screen *s, struct rect r)
{
	struct don *st = s->state;

	st->r = r;
	place_list(s);
}

void don_show(struct screen *s, enum don_view v)
{
	struct don *st = s->state;

	s->cls = views[v];
	place_list(s);
	list_reload(st->lists[v]);
}

static int don_switch(struct screen *s)
{
	don_show(s, (don_view_of(s) + 1) % VIEW_COUNT);
	return SCREEN_HANDLED;
}

void don_draw_title_list(struct screen *s, const char *title, const char *keys)
{
	struct don *st = s->state;
	struct rect r = st->r;
	int used;

	draw_clear(r, THEME_NORMAL);
	draw_fill(r.y, r.x, r.w, THEME_NORMAL);
	used = draw_text(r.y, r.x, r.w, title, THEME_TITLE);
	if (keys) {
		char *k = xasprintf("  %s", keys);

		draw_text(r.y, r.x + used, r.w - used, k, THEME_DIM);
		free(k);
	}
	list_draw(st->lists[don_view_of(s)], 1);
}

void don_draw(struct screen *s)
{
	don_draw_title_list(s, _(view_lists[don_view_of(s)].title), _("(v: next view)"));
}

int don_event(struct screen *s, const struct event *ev)
{
	struct don *st = s->state;

	if (ev->type == EVENT_KEY && ev->act == ACT_CANCEL && don_view_of(s) != VIEW_LEDGER) {
		don_show(s, VIEW_LEDGER);
		return SCREEN_HANDLED;
	}
	return list_event_open(st->lists[don_view_of(s)], s, ev);
}

void don_changed(struct screen *s)
{
	struct don *st = s->state;

	don_retotal(st);
	for (int i = 0; i < VIEW_COUNT; i++)
		list_reload(st->lists[i]);
}

const struct keybind don_view_keys[] = {
    {0, 'g', ACT_DISTRIBUTE},
    {0, 'v', ACT_SWITCH_VIEW},
    {0, 0, ACT_NONE},
};

const struct keybind don_void_view_keys[] = {
    {0, 'x', ACT_VOID},
    {0, 'g', ACT_DISTRIBUTE},
    {0, 'v', ACT_SWITCH_VIEW},
    {0, 0, ACT_NONE},
};

const struct screen_handler don_shared_handlers[] = {
    {ACT_FILTER, don_filter, NULL},
    {ACT_SWITCH_VIEW, don_switch, NULL},
    {ACT_REFRESH, screen_act_refresh, NULL},
    {ACT_NONE, NULL, NULL},
};

void don_close(struct screen *s)
{
	struct don *st = s->state;

	for (int i = 0; i < VIEW_COUNT; i++)
		list_free(&st->lists[i]);
	db_ledger_totals_free(&st->totals);
	ledger_filter_clear(&st->filter);
	free(st);
}

int don_give_out(struct screen *s)
{
	distribution_form_push(s->app, NULL, NULL);
	return SCREEN_HANDLED;
}

int don_new_donation(struct screen *s)
{
	donation_new_push(s->app, don_saved, s->state);
	return SCREEN_HANDLED;
}

int don_already_void(struct don *st, const char *reason, const char *already, const char *number)
{
	if (!reason[0])
		return 0;
	app_error(st->app, already, number, reason);
	return 1;
}

void don_history(struct screen *s, const char *uuid, char *title)
{
	history_push(s->app, uuid, title);
	free(title);
}

/* The tab's screen: the state, then the ledger's class. */
static int don_open(struct screen *s, void *arg, struct err *e)
{
	struct don *st = xcalloc(1, sizeof *st);

	(void)arg;
	(void)e;
	st->app = s->app;
	st->screen = s;
	for (int v = 0; v < VIEW_COUNT; v++)
		st->lists[v] = list_new_spec(s->app, view_lists[v].spec, st);
	don_set_empty_texts(st);
	don_retotal(st);
	s->state = st;
	s->cls = &don_ledger_screen;
	return 0;
}

/* Pushed by the tab; it becomes the ledger view as it opens. */
const struct screen_class donations_screen = {
    .name = N_("Donations"),
    .open = don_open,
    .views = views,
};
