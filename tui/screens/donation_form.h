/* donation_form: the dialogs of the Donations tab that take input.
 *
 * A new cash or goods donation (its receipt number given on save, in the
 * same transaction, by db/donations), the void of a donation with its reason
 * (asked to confirm first), a distribution of goods out of the stock
 * (refused beyond what is on hand, with the quantity on hand in the
 * message), cash spent from donations and its void (refused beyond the
 * cash on hand), and the ledger's filter.  Every field is checked by the core
 * rules (core/money, core/phone, core/date) when it is left; nothing
 * half-valid is written. */
#ifndef DOORSTEP_DONATION_FORM_H
#define DOORSTEP_DONATION_FORM_H

struct app;
struct ledger_filter;

/* Called after a donation was saved, with its id, received date and
 * receipt number (valid during the call only). */
typedef void (*donation_saved_fn)(void *ctx, long long id, const char *date,
				  const char *receipt_no);

/* Asks "cash or goods?" and pushes the matching form.  saved may be NULL.
 * Returns 0 or -1. */
int donation_new_push(struct app *app, donation_saved_fn saved, void *ctx);

/* Pushes the new donation form of kind "cash" or "goods".  0 or -1. */
int donation_form_push(struct app *app, const char *kind, donation_saved_fn saved, void *ctx);

/* Asks to confirm, then for the reason, and voids donation id (what names
 * it in the question: "2020-A-0003 ¥500.00 张三", copied).  0 or -1. */
int donation_void_push(struct app *app, long long id, const char *what);

/* Asks to confirm, then for the reason, and voids expenditure id (what
 * names it: "2020-02-12 ¥300.00 购买消毒液", copied).  0 or -1. */
int expenditure_void_push(struct app *app, long long id, const char *what);

/* Pushes the form for cash spent from donations (date, purpose, amount,
 * approver, voucher), showing the cash on hand; more than that is refused
 * on save with the amount on hand.  0 or -1. */
int expenditure_form_push(struct app *app);

/* Pushes the distribution form for item and unit (copied); with item NULL
 * a pick-list of the items on hand comes first (or a message when nothing
 * is on hand).  0 or -1. */
int distribution_form_push(struct app *app, const char *item, const char *unit);

/* Pushes the ledger filter form over *f; on save *f is replaced and done
 * (may be NULL) is called with ctx.  f must outlive the form (the tab's
 * own state does).  0 or -1. */
int ledger_filter_push(struct app *app, struct ledger_filter *f, void (*done)(void *ctx),
		       void *ctx);

#endif
