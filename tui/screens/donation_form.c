/* donation_form: new donation, void, distribution and filter dialogs; see
 * donation_form.h. */
#include "tui/screens/donation_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/limits.h"
#include "core/enums.h"
#include "core/model.h"
#include "core/money.h"
#include "core/phone.h"
#include "core/stock.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/donations.h"
#include "db/expenditures.h"
#include "db/households.h"
#include "db/ledger.h"
#include "db/search.h"
#include "tui/app.h"
#include "tui/widgets/confirm.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"
#include "tui/widgets/picklist.h"
#include "tui/screens/receipt_view.h"
#include "tui/widgets/screen.h"

/* "all" and core's donation kinds. */
static const struct enum_entry kind_any[] = {
    {"all", N_("all"), "全部"},
    ENUM_DONATION_KIND(ENUM_ENTRY, ){NULL, NULL, NULL},
};

/* ---- field checks shared by the forms ---- */

/* A field of money or goods: parsed by parse, refused at zero or below
 * with the message zero (unless NULL), written back as format writes it. */
static int check_number(struct form *f, const char *name, const char *v, struct err *e,
			int (*parse)(const char *, long long *, struct err *),
			void (*format)(long long, char *, size_t), const char *zero)
{
	long long n;
	char text[MONEY_STR];

	if (parse(v, &n, e) < 0) {
		snprintf(e->field, sizeof e->field, "%s", name);
		return -1;
	}
	if (n <= 0 && zero)
		return err_field(e, name, "%s", _(zero));
	format(n, text, sizeof text);
	form_set(f, name, text);
	return 0;
}

/* An amount of money above zero (the estimated value may be left empty,
 * which the form does not check, or zero). */
static int check_money(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)c;
	return check_number(f, name, v, e, money_parse, money_format_plain,
			    strcmp(name, "amount") ? NULL : N_("the amount must be above zero"));
}

static int check_quantity(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	(void)c;
	return check_number(f, name, v, e, quantity_parse, quantity_format,
			    N_("the quantity must be above zero"));
}

/* ---- a new donation ---- */

struct don_ctx {
	struct app *app;
	char kind[8];
	donation_saved_fn saved;
	void *saved_ctx;
};

static int donation_submit(void *c, struct form *f, struct err *e)
{
	struct don_ctx *x = c;
	struct donation_new d;
	char receipt[DONATION_RECEIPT_MAX];
	const char *v;
	long long id;

	memset(&d, 0, sizeof d);
	d.received_date = form_value(f, "received_date");
	d.donor_name = form_value(f, "donor_name");
	d.donor_type = form_value(f, "donor_type");
	d.anonymous = !strcmp(form_value(f, "anonymous"), "1");
	d.phone = form_value(f, "phone");
	d.kind = x->kind;
	d.designation = form_value(f, "designation");
	d.notes = form_value(f, "notes");
	d.received_by = -1;
	d.value_fen = -1;
	if (!strcmp(x->kind, "cash")) {
		if (money_parse(form_value(f, "amount"), &d.amount_fen, e) < 0)
			return -1;
		d.channel = form_value(f, "channel");
	} else {
		d.item = form_value(f, "item");
		d.unit = form_value(f, "unit");
		if (quantity_parse(form_value(f, "quantity"), &d.quantity, e) < 0)
			return -1;
		v = form_value(f, "value");
		if (*v && money_parse(v, &d.value_fen, e) < 0) {
			snprintf(e->field, sizeof e->field, "value");
			return -1;
		}
	}
	id = db_donation_insert(app_db(x->app), &d, receipt, e);
	if (id < 0)
		return -1;
	app_status(x->app, _("Donation saved: receipt number %s."), receipt);
	if (x->saved)
		x->saved(x->saved_ctx, id, d.received_date, receipt);
	/* the receipt opens over the ledger the form closes to, ready to print */
	receipt_view_push(x->app, receipt);
	return 0;
}

int donation_form_push(struct app *app, const char *kind, donation_saved_fn saved, void *ctx)
{
	struct don_ctx *x = xcalloc(1, sizeof *x);
	int cash = !strcmp(kind, "cash");
	struct form *f;
	char iso[DATE_STR];

	x->app = app;
	snprintf(x->kind, sizeof x->kind, "%s", cash ? "cash" : "goods");
	x->saved = saved;
	x->saved_ctx = ctx;
	clock_today_iso(iso);
	f = form_new(cash ? _("A new cash donation") : _("A new goods donation"), x);
	form_add_date(f, "received_date", N_("Received on"), iso, FORM_REQUIRED, NULL);
	form_add_text(f, "donor_name", N_("Donor"), NULL, limits_max("donations", "donor_name"), 0,
		      NULL);
	form_add_enum(f, "donor_type", N_("Donor type"), model_donor_type, "individual",
		      FORM_REQUIRED);
	form_add_enum(f, "anonymous", N_("Anonymous"), formcheck_yes_no, "0", FORM_REQUIRED);
	form_add_text(f, "phone", N_("Phone"), NULL, limits_max("donations", "phone"), 0,
		      formcheck_phone);
	if (cash) {
		form_add_number(f, "amount", N_("Amount (¥)"), NULL, 20, FORM_REQUIRED,
				check_money);
		form_add_enum(f, "channel", N_("Channel"), model_channel, "cash", FORM_REQUIRED);
	} else {
		form_add_text(f, "item", N_("Item"), NULL, limits_max("donations", "item"),
			      FORM_REQUIRED, NULL);
		form_add_number(f, "quantity", N_("Quantity"), NULL, 16, FORM_REQUIRED,
				check_quantity);
		form_add_text(f, "unit", N_("Unit (box, kg …)"), NULL,
			      limits_max("donations", "unit"), FORM_REQUIRED, NULL);
		form_add_number(f, "value", N_("Estimated value (¥)"), NULL, 20, 0, check_money);
	}
	form_add_text(f, "designation", N_("Designation"), NULL,
		      limits_max("donations", "designation"), 0, NULL);
	form_add_text(f, "notes", N_("Notes"), NULL, limits_max("donations", "notes"), 0, NULL);
	form_add_readonly(f, "received_by", N_("Received by"), app_staff(app));
	return form_push(app, f, donation_submit, form_close_free);
}

struct kind_pick {
	struct app *app;
	donation_saved_fn saved;
	void *ctx;
};

static int kind_done(void *c, int index)
{
	struct kind_pick *k = c;

	if (index == 0 || index == 1)
		donation_form_push(k->app, index == 0 ? "cash" : "goods", k->saved, k->ctx);
	free(k);
	return SCREEN_HANDLED;
}

int donation_new_push(struct app *app, donation_saved_fn saved, void *ctx)
{
	struct kind_pick *k = xcalloc(1, sizeof *k);
	const char *labels[2] = {_("Cash"), _("Goods")};

	k->app = app;
	k->saved = saved;
	k->ctx = ctx;
	return picklist_push(app, _("A new donation of"), labels, 2, 0, kind_done, k);
}

/* ---- void ---- */

/* A void of a donation or an expenditure: confirmed, then its reason. */
struct void_ctx {
	struct app *app;
	long long id;
	char *what;
	const char *label; /* the record's kind in the form: N_("Donation") */
	int (*void_fn)(struct db *db, long long id, const char *reason, struct err *e);
};

static int void_submit(void *c, struct form *f, struct err *e)
{
	struct void_ctx *x = c;

	if (x->void_fn(app_db(x->app), x->id, form_value(f, "reason"), e) < 0) {
		if (!strcmp(e->field, "void_reason"))
			snprintf(e->field, sizeof e->field, "reason");
		return -1;
	}
	app_status(x->app, _("Voided %s."), x->what);
	return 0;
}

static void void_close(void *c, int saved)
{
	struct void_ctx *x = c;

	(void)saved;
	free(x->what);
	free(x);
}

static int void_answer(void *c, int yes)
{
	struct void_ctx *x = c;
	struct form *f;
	char *title;

	if (!yes) {
		void_close(x, 0);
		return 0;
	}
	title = xasprintf(_("Void %s"), x->what);
	f = form_new(title, x);
	free(title);
	form_add_readonly(f, "what", x->label, x->what);
	form_add_text(f, "reason", N_("Reason"), NULL, limits_max("donations", "void_reason"),
		      FORM_REQUIRED, NULL);
	form_push(x->app, f, void_submit, void_close);
	return 0;
}

static int void_push(struct app *app, long long id, const char *what, const char *question,
		     const char *label,
		     int (*void_fn)(struct db *db, long long id, const char *reason, struct err *e))
{
	struct void_ctx *x = xcalloc(1, sizeof *x);

	x->app = app;
	x->id = id;
	x->what = xstrdup(what);
	x->label = label;
	x->void_fn = void_fn;
	return confirm_push(app, question, void_answer, x);
}

int donation_void_push(struct app *app, long long id, const char *what)
{
	struct err e;
	char *q;
	int r;

	err_clear(&e);
	if (db_donation_void_check(app_db(app), id, &e) < 0) {
		app_error(app, "%s", e.msg);
		return -1;
	}
	q = xasprintf(_("Void donation %s? It stays in the ledger, marked void, and its "
			"number is never used again."),
		      what);
	r = void_push(app, id, what, q, N_("Donation"), db_donation_void);
	free(q);
	return r;
}

int expenditure_void_push(struct app *app, long long id, const char *what)
{
	char *q = xasprintf(_("Void expenditure %s? It stays in the list, marked void, and "
			      "leaves the totals."),
			    what);
	int r = void_push(app, id, what, q, N_("Expenditure"), db_expenditure_void);

	free(q);
	return r;
}

/* ---- expenditure ---- */

static int spend_submit(void *c, struct form *f, struct err *e)
{
	struct app *app = c;
	struct expenditure_new x;
	char m[MONEY_STR];

	memset(&x, 0, sizeof x);
	x.date = form_value(f, "date");
	x.purpose = form_value(f, "purpose");
	x.approved_by = form_value(f, "approved_by");
	x.voucher_no = form_value(f, "voucher_no");
	x.notes = form_value(f, "notes");
	x.staff_id = -1;
	if (money_parse(form_value(f, "amount"), &x.amount_fen, e) < 0) {
		snprintf(e->field, sizeof e->field, "amount");
		return -1;
	}
	if (db_expenditure_insert(app_db(app), &x, e) < 0)
		return -1;
	money_format(x.amount_fen, m, sizeof m);
	app_status(app, _("Expenditure saved: %s for %s."), m, x.purpose);
	return 0;
}

int expenditure_form_push(struct app *app)
{
	struct form *f = form_new(_("Cash spent from donations"), app);
	long long in = 0, out = 0;
	char iso[DATE_STR], have[MONEY_STR], *hint;
	struct err e;

	clock_today_iso(iso);
	err_clear(&e);
	if (db_cash_totals(app_db(app), "", "", &in, &out, &e) < 0)
		app_error_err(app, &e);
	money_format(in - out, have, sizeof have);
	hint = xasprintf(_("%s on hand"), have);
	form_add_readonly(f, "on_hand", N_("Donated cash"), hint);
	free(hint);
	form_add_date(f, "date", N_("Date"), iso, FORM_REQUIRED, NULL);
	form_add_text(f, "purpose", N_("Purpose"), NULL, 120, FORM_REQUIRED, NULL);
	form_add_number(f, "amount", N_("Amount (¥)"), NULL, 20, FORM_REQUIRED, check_money);
	form_add_text(f, "approved_by", N_("Approved by"), NULL, 40, FORM_REQUIRED, NULL);
	form_add_text(f, "voucher_no", N_("Voucher number"), NULL, 40, FORM_REQUIRED, NULL);
	form_add_text(f, "notes", N_("Notes"), NULL, 200, 0, NULL);
	return form_push(app, f, spend_submit, NULL);
}

/* ---- distribution ---- */

struct dist_ctx {
	struct app *app;
	char *item, *unit; /* malloc'd */
	long long household_id, checkpoint_id;
};

static void dist_ctx_free(void *c, int saved)
{
	struct dist_ctx *x = c;

	(void)saved;
	free(x->item);
	free(x->unit);
	free(x);
}

static int check_dist_quantity(void *c, struct form *f, const char *name, const char *v,
			       struct err *e)
{
	struct dist_ctx *x = c;
	struct stock_row s = {0};
	struct stock_line line;
	long long q;

	if (check_quantity(c, f, name, v, e) < 0)
		return -1;
	quantity_parse(form_value(f, name), &q, NULL);
	if (db_stock_get(app_db(x->app), x->item, x->unit, &s, e) < 0)
		return -1;
	line.received = s.received;
	line.distributed = s.distributed;
	db_stock_row_clear(&s);
	if (stock_check_distribution(&line, q, x->item, x->unit, e) < 0) {
		snprintf(e->field, sizeof e->field, "%s", name);
		return -1;
	}
	return 0;
}

/* Finds the household a user typed: its code exactly, else the one household
 * the Households filter finds (code prefix, name, pinyin initials). */
static int find_household(struct dist_ctx *x, struct form *f, const char *name, const char *v,
			  struct err *e)
{
	struct db *db = app_db(x->app);
	struct household h;
	struct search_row rows[6];
	char list[400];
	size_t used = 0;
	int r, n;

	model_household_init(&h);
	r = db_household_find_code(db, v, &h, e);
	if (r == 1) {
		x->household_id = h.id;
		model_household_clear(&h);
		return 0;
	}
	model_household_clear(&h);
	if (r < 0)
		return -1;
	n = db_search_page(db, v, NULL, 1, 6, rows, e);
	if (n < 0)
		return -1;
	if (n == 1) {
		x->household_id = rows[0].h.id;
		form_set(f, name, rows[0].h.code);
		app_status(x->app, _("Household %s (%s)."), rows[0].h.code,
			   rows[0].h.head_name ? rows[0].h.head_name : "");
	}
	list[0] = '\0';
	for (int i = 0; i < n && i < 5; i++) {
		int w = snprintf(list + used, sizeof list - used, "%s%s %s", i ? ", " : "",
				 rows[i].h.code, rows[i].h.head_name ? rows[i].h.head_name : "");

		if (w > 0 && (size_t)w < sizeof list - used)
			used += (size_t)w;
	}
	for (int i = 0; i < n; i++)
		db_search_row_clear(&rows[i]);
	if (n == 1)
		return 0;
	if (n == 0)
		return err_field(e, name, _("no household has the code or a resident named \"%s\""),
				 v);
	return err_field(e, name, _("several households match \"%s\": %s%s; type the code"), v,
			 list, n > 5 ? " …" : "");
}

static int check_recipient(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	struct dist_ctx *x = c;
	const char *kind = form_value(f, "recipient_kind");
	char names[300];
	int r;

	x->household_id = x->checkpoint_id = -1;
	if (!strcmp(kind, "household"))
		return find_household(x, f, name, v, e);
	if (!strcmp(kind, "checkpoint")) {
		r = db_ledger_checkpoint_find(app_db(x->app), v, &x->checkpoint_id, names,
					      sizeof names, e);
		if (r < 0)
			return -1;
		if (r == 0)
			return err_field(e, name, _("no checkpoint is called \"%s\" (%s)"), v,
					 names[0] ? names : _("none is set up yet"));
	}
	return 0;
}

static int dist_submit(void *c, struct form *f, struct err *e)
{
	struct dist_ctx *x = c;
	struct distribution_new d;
	char qty[MONEY_STR];

	memset(&d, 0, sizeof d);
	d.item = x->item;
	d.unit = x->unit;
	if (quantity_parse(form_value(f, "quantity"), &d.quantity, e) < 0)
		return -1;
	d.recipient_kind = form_value(f, "recipient_kind");
	d.household_id = x->household_id;
	d.checkpoint_id = x->checkpoint_id;
	d.recipient = form_value(f, "recipient");
	d.date = form_value(f, "date");
	d.staff_id = -1;
	d.notes = form_value(f, "notes");
	if (db_distribution_insert(app_db(x->app), &d, e) < 0)
		return -1;
	quantity_format(d.quantity, qty, sizeof qty);
	app_status(x->app, _("Gave out %s %s of %s to %s."), qty, x->unit, x->item, d.recipient);
	return 0;
}

static int dist_push_item(struct app *app, const char *item, const char *unit)
{
	struct dist_ctx *x = xcalloc(1, sizeof *x);
	struct stock_row s = {0};
	struct form *f;
	struct err e;
	char have[MONEY_STR], *title, *label;
	char iso[DATE_STR];

	x->app = app;
	x->household_id = x->checkpoint_id = -1;
	x->item = xstrdup(item);
	x->unit = xstrdup(unit);
	err_clear(&e);
	if (db_stock_get(app_db(app), item, unit, &s, &e) < 0) {
		app_error_err(app, &e);
		dist_ctx_free(x, 0);
		return -1;
	}
	quantity_format(s.on_hand, have, sizeof have);
	db_stock_row_clear(&s);
	clock_today_iso(iso);
	title = xasprintf(_("Give out %s"), item);
	f = form_new(title, x);
	free(title);
	label = xasprintf("%s (%s)", item, unit);
	form_add_readonly(f, "item", N_("Item"), label);
	free(label);
	label = xasprintf("%s %s", have, unit);
	form_add_readonly(f, "on_hand", N_("On hand"), label);
	free(label);
	form_add_number(f, "quantity", N_("Quantity"), NULL, 16, FORM_REQUIRED,
			check_dist_quantity);
	form_add_enum(f, "recipient_kind", N_("Recipient is a"), model_recipient_kind, "household",
		      FORM_REQUIRED);
	form_add_text(f, "recipient", N_("Recipient"), NULL,
		      limits_max("distributions", "recipient"), FORM_REQUIRED, check_recipient);
	form_add_date(f, "date", N_("Date"), iso, FORM_REQUIRED, NULL);
	form_add_text(f, "notes", N_("Notes"), NULL, limits_max("distributions", "notes"), 0, NULL);
	return form_push(app, f, dist_submit, dist_ctx_free);
}

/* The items on hand, for the pick-list (at most ITEMS_MAX of them). */
#define ITEMS_MAX 200

struct item_pick {
	struct app *app;
	struct stock_row *rows;
	int n;
};

static void item_pick_free(struct item_pick *p)
{
	for (int i = 0; i < p->n; i++)
		db_stock_row_clear(&p->rows[i]);
	free(p->rows);
	free(p);
}

static int item_done(void *c, int index)
{
	struct item_pick *p = c;

	if (index >= 0 && index < p->n)
		dist_push_item(p->app, p->rows[index].item, p->rows[index].unit);
	item_pick_free(p);
	return SCREEN_HANDLED;
}

int distribution_form_push(struct app *app, const char *item, const char *unit)
{
	struct item_pick *p;
	char **labels;
	struct err e;

	if (item)
		return dist_push_item(app, item, unit);
	p = xcalloc(1, sizeof *p);
	p->app = app;
	p->rows = xcalloc(ITEMS_MAX, sizeof *p->rows);
	err_clear(&e);
	p->n = db_ledger_stock_page(app_db(app), 1, NULL, 1, ITEMS_MAX, p->rows, &e);
	if (p->n <= 0) {
		if (p->n < 0)
			app_error_err(app, &e);
		else
			app_error(app, "%s",
				  _("Nothing is in stock to give out: goods donations fill it."));
		free(p->rows);
		free(p);
		return -1;
	}
	labels = xcalloc((size_t)p->n, sizeof *labels);
	for (int i = 0; i < p->n; i++) {
		char have[MONEY_STR];

		quantity_format(p->rows[i].on_hand, have, sizeof have);
		labels[i] =
		    xasprintf(_("%s — %s %s on hand"), p->rows[i].item, have, p->rows[i].unit);
	}
	return picklist_push_owned(app, _("Give out which item?"), labels, p->n, 0, item_done, p);
}

/* ---- the ledger's filter ---- */

struct filter_ctx {
	struct ledger_filter *f;
	void (*done)(void *ctx);
	void *ctx;
};

static int check_range(void *c, struct form *f, const char *name, const char *v, struct err *e)
{
	const char *from = form_value(f, "from");

	(void)c;
	if (*v && *from && strlen(from) == DATE_STR - 1 && strcmp(from, v) > 0)
		return err_field(e, name, _("the range ends (%s) before it starts (%s)"), v, from);
	return 0;
}

static int filter_submit(void *c, struct form *f, struct err *e)
{
	struct filter_ctx *x = c;
	struct ledger_filter *lf = x->f;
	const char *kind = form_value(f, "kind");

	(void)e;
	ledger_filter_clear(lf);
	snprintf(lf->from, sizeof lf->from, "%s", form_value(f, "from"));
	snprintf(lf->to, sizeof lf->to, "%s", form_value(f, "to"));
	xstrset(&lf->donor, form_value(f, "donor"));
	snprintf(lf->kind, sizeof lf->kind, "%s", strcmp(kind, "all") ? kind : "");
	xstrset(&lf->item, form_value(f, "item"));
	if (x->done)
		x->done(x->ctx);
	return 0;
}

int ledger_filter_push(struct app *app, struct ledger_filter *lf, void (*done)(void *ctx),
		       void *ctx)
{
	struct filter_ctx *x = xcalloc(1, sizeof *x);
	struct form *f = form_new(_("Filter the donations"), x);

	x->f = lf;
	x->done = done;
	x->ctx = ctx;
	form_add_date(f, "from", N_("From"), lf->from[0] ? lf->from : NULL, 0, NULL);
	form_add_date(f, "to", N_("To"), lf->to[0] ? lf->to : NULL, 0, check_range);
	form_add_text(f, "donor", N_("Donor"), lf->donor, limits_max("donations", "donor_name"), 0,
		      NULL);
	form_add_enum(f, "kind", N_("Kind"), kind_any, lf->kind[0] ? lf->kind : "all",
		      FORM_REQUIRED);
	form_add_text(f, "item", N_("Item"), lf->item, limits_max("donations", "item"), 0, NULL);
	return form_push(app, f, filter_submit, form_close_free);
}
