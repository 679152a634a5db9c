/* db expenditures: cash spent out of the donations (支出), for the Donations
 * tab and the donation notice.
 *
 * An expenditure is a date, a purpose, an amount, who approved it and the
 * voucher number of the paper record.  The cash on hand is every live cash
 * donation minus every live expenditure; spending more than that is refused
 * (core/stock), inside the BEGIN IMMEDIATE transaction that inserts, so two
 * machines' clerks cannot both spend the last yuan.  A wrong expenditure is
 * voided with a reason, never deleted, and leaves every total.  Every
 * change writes its audit row in the same transaction; expenditures merge
 * like the other records (db/merge). */
#ifndef DOORSTEP_DB_EXPENDITURES_H
#define DOORSTEP_DB_EXPENDITURES_H

#include "core/date.h"
#include "core/err.h"

struct db;

struct expenditure_new {
	const char *date;	 /* YYYY-MM-DD; NULL = today */
	const char *purpose;	 /* required: 购买防护物资 */
	long long amount_fen;	 /* > 0 */
	const char *approved_by; /* required: who approved the spending */
	const char *voucher_no;	 /* required: the paper voucher's number */
	long long staff_id;	 /* who records it; -1 = the connection's staff */
	const char *notes;
};

/* Records an expenditure with its audit row.  Refused, naming the field,
 * for a missing purpose, approver or voucher, a bad date, an amount not
 * above zero, or more than the donated cash on hand (field "amount").
 * Returns the new id, or -1. */
long long db_expenditure_insert(struct db *db, const struct expenditure_new *x, struct err *e);

/* Voids an expenditure (field "void_reason" without a reason; refused for
 * one already void).  0 or -1. */
int db_expenditure_void(struct db *db, long long id, const char *reason, struct err *e);

/* Donated cash: received (live cash donations) and spent (live
 * expenditures), in fen, dated from..to inclusive ("" for no bound).
 * 0 or -1. */
int db_cash_totals(struct db *db, const char *from, const char *to, long long *received,
		   long long *spent, struct err *e);

/* One expenditure as the list and the notice show it.  The texts are owned
 * by the row, whole ("" for none), and freed by db_expenditure_row_clear. */
struct expenditure_row {
	long long id;
	char uuid[37];
	char date[DATE_STR];
	char *purpose;
	long long amount_fen;
	char *approved_by;
	char *voucher_no;
	char *staff;	   /* who recorded it, "" when unknown */
	char *void_reason; /* "" unless void */
};

/* Frees the row's strings and zeroes it. */
void db_expenditure_row_clear(struct expenditure_row *x);

/* Expenditures newest first, keyset on (date, id) as db_ledger_dist_page
 * (anchor NULL starts at the newest, or with dir < 0 at the oldest).
 * Returns the count read into out (at most n), or -1. */
int db_expenditure_page(struct db *db, const struct expenditure_row *anchor, int dir, int n,
			struct expenditure_row *out, struct err *e);

#endif
