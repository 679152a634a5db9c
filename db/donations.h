/* db donations: the donations ledger, distributions of donated goods, and the
 * stock that follows from them (docs/donations.md; docs/design.md#rules).
 *
 * A donation's receipt number `YYYY-S-NNNN` is allocated inside the same
 * BEGIN IMMEDIATE transaction that inserts it (max(seq) + 1 for the year of
 * the received date and the station of the settings), so two processes
 * writing at once never get the same number, and a number once given is never
 * reused: a wrong donation is voided with a reason, never deleted.  Stock per
 * item and unit is received (goods donations, not voided) minus distributed;
 * nothing may take it below zero.  Every change writes its audit row in the
 * same transaction. */
#ifndef DOORSTEP_DB_DONATIONS_H
#define DOORSTEP_DB_DONATIONS_H

#include "core/err.h"
#include "core/receipt.h"

struct db;

#define DONATION_RECEIPT_MAX RECEIPT_MAX

struct donation_new {
	const char *received_date; /* YYYY-MM-DD; NULL = today */
	const char *donor_name;    /* required unless anonymous */
	const char *donor_type;    /* individual, party_member, company, organisation; NULL = individual */
	int anonymous;
	const char *phone;
	const char *kind;          /* "cash" or "goods" */
	long long amount_fen;      /* cash: > 0 */
	const char *channel;       /* cash: cash, bank, wechat, alipay; NULL = cash */
	const char *item;          /* goods: required */
	long long quantity;        /* goods: hundredths, > 0 */
	const char *unit;          /* goods: required */
	long long value_fen;       /* goods: estimated value, -1 when not given */
	const char *designation;
	long long received_by;     /* staff id; -1 = the connection's staff */
	const char *notes;
};

/* Inserts a donation with its receipt number and an audit row.  Refused,
 * naming the field, for a missing donor, kind, amount, item, quantity or unit,
 * or an unknown code.  Returns the new id and writes the receipt number into
 * receipt (DONATION_RECEIPT_MAX bytes, may be NULL), or -1. */
long long db_donation_insert(struct db *db, const struct donation_new *d, char *receipt,
			     struct err *e);

/* Voids a donation: it stays in the ledger with its number, marked void with
 * the reason, and leaves every total.  Refused without a reason, for an
 * already void donation, and for goods already given out (the stock would go
 * below zero: the message says how much is on hand).  0 or -1. */
int db_donation_void(struct db *db, long long id, const char *reason, struct err *e);

/* The refusals of db_donation_void that do not depend on the reason (already
 * void, goods given out, cash spent), checked without writing, so that the
 * screen says them before asking for a reason.  0 when it can be voided, or
 * -1 with the same message. */
int db_donation_void_check(struct db *db, long long id, struct err *e);

struct distribution_new {
	const char *item, *unit;
	long long quantity;         /* hundredths, > 0 */
	const char *recipient_kind; /* household, checkpoint, other; NULL = other */
	long long household_id;     /* for household, else -1 */
	long long checkpoint_id;    /* for checkpoint, else -1 */
	const char *recipient;      /* free text (other), or a label; may be NULL */
	const char *date;           /* NULL = today */
	long long staff_id;         /* -1 = the connection's staff */
	const char *notes;
};

/* Gives goods out of the stock, with an audit row.  Refused when the quantity
 * is more than on hand ("only 12.5 箱 of 口罩 on hand"), or a field is
 * missing.  Returns the new id, or -1. */
long long db_distribution_insert(struct db *db, const struct distribution_new *d, struct err *e);

/* Item and unit are malloc'd and owned by the row: a read overwrites the row
 * without freeing what it held; db_stock_row_clear frees them. */
struct stock_row {
	char *item;
	char *unit;
	long long received;    /* hundredths, goods donations not voided */
	long long distributed; /* hundredths */
	long long on_hand;     /* received - distributed */
	long long value_fen;   /* estimated value received */
};

void db_stock_row_clear(struct stock_row *s);

/* Stock of one item and unit (the schema view `stock`, db/views.h): 1 when
 * it was ever received or distributed
 * (*out filled), 0 never, -1 error. */
int db_stock_get(struct db *db, const char *item, const char *unit, struct stock_row *out,
		 struct err *e);

#endif
