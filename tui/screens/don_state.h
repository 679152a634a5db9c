/* don_state: what the four views of the Donations tab share: the ledger
 * (tui/screens/don_ledger.c), the stock (don_stock.c), the goods given out
 * (don_dist.c) and the cash spent (don_spend.c).  Each view is a screen
 * class of its own with its own keys, handlers and hints; the tab's screen
 * switches its class (v, Esc back to the ledger; tui/screens/donations.c) and keeps
 * this state.  Only those files include it. */
#ifndef DOORSTEP_DON_STATE_H
#define DOORSTEP_DON_STATE_H

#include "core/strbuf.h"
#include "db/ledger.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/widget_list.h"

struct list;

/* Lines under the ledger for its totals. */
#define TOTAL_LINES 3

enum don_view { VIEW_LEDGER, VIEW_STOCK, VIEW_DIST, VIEW_SPEND, VIEW_COUNT };

struct don {
	struct app *app;
	struct screen *screen; /* the tab's screen (its class is the view shown) */
	struct list *lists[VIEW_COUNT];
	struct ledger_filter filter;
	struct ledger_totals totals;
	struct rect r;
};

/* The view's class, and the view a class shows. */
const struct screen_class *don_view_class(enum don_view v);
enum don_view don_view_of(const struct screen *s);
/* Shows view v (its list laid out and re-read). */
void don_show(struct screen *s, enum don_view v);
/* The list of the view shown laid out under the title (and, for the
 * ledger, above the totals). */
void don_layout(struct screen *s, struct rect r);
/* The title line of the view shown and its list: every view's draw. */
void don_draw_title_list(struct screen *s, const char *title, const char *keys);
/* Esc outside the ledger goes back to it; the mouse's double click opens;
 * else the list has the event. */
int don_event(struct screen *s, const struct event *ev);
/* Re-reads the totals and every list; every view's data_changed. */
void don_changed(struct screen *s);
/* Frees the state: every view's close. */
void don_close(struct screen *s);
/* "口罩 30 箱": goods as the lists and the totals show them. */
void goods_text(const char *item, long long qty, const char *unit, struct strbuf *out);
/* The ledger's own: empty texts after the filter changed, totals. */
void don_set_empty_texts(struct don *st);
void don_retotal(struct don *st);
/* After a donation is saved: the ledger shown, the new donation at its top,
 * under no filter (donation_new_push's callback; ctx is the state). */
void don_saved(void *ctx, long long id, const char *date, const char *receipt_no);
/* `/`: the ledger's filter (from any view: the ledger is shown). */
int don_filter(struct screen *s);
/* `g` where no item is selected: the distribution form. */
int don_give_out(struct screen *s);
/* `n` outside the cash spent: a new donation (then the ledger, don_saved). */
int don_new_donation(struct screen *s);
/* `x` on a record that is void already (reason, its void reason, not
 * empty): says so with already (translated, "%s" the record's number, then
 * "%s" the reason) and returns 1; 0 when it may be voided. */
int don_already_void(struct don *st, const char *reason, const char *already, const char *number);
/* Pushes the history of uuid under title (malloc'd; freed here). */
void don_history(struct screen *s, const char *uuid, char *title);
/* Each view's list (the state owns one of each; ctx is the state). */
extern const struct list_spec don_ledger_spec, don_stock_spec, don_dist_spec, don_spend_spec;
/* The draw of every view but the ledger's: its title (v: next view) and
 * its list. */
void don_draw(struct screen *s);

/* The views' keys: g gives goods out and v shows the next view in each;
 * x voids in the two whose records are voided (the ledger, the cash spent). */
extern const struct keybind don_view_keys[], don_void_view_keys[];
/* What every view binds the same way, after its own handlers: `/` the
 * ledger's filter, `v` the next view, Ctrl-L / F5 re-read. */
extern const struct screen_handler don_shared_handlers[];

/* A view of the tab: its title, keys, handlers, draw and event; the
 * layout, re-read, close and shared handlers are the tab's. */
#define DON_VIEW_CLASS(title, keytab, hs, drawfn, eventfn)                                         \
	{                                                                                          \
		.name = title, .kind = SCREEN_KIND_LIST, .keys = keytab, .handlers = hs,           \
		.shared = don_shared_handlers, .layout = don_layout, .draw = drawfn,               \
		.event = eventfn, .data_changed = don_changed, .close = don_close,                 \
	}

extern const struct screen_class don_ledger_screen, don_stock_screen, don_dist_screen,
    don_spend_screen;

#endif
