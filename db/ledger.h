/* db ledger: reading the donations ledger, its totals, the stock and the
 * distributions for the Donations tab (docs/donations.md), page by page.
 *
 * Writes (a donation, a void, a distribution) are db/donations.h; this module
 * only reads.  Lists page by keyset, never by OFFSET: the ledger newest first
 * on (received_date, id), the stock by (item, unit), distributions newest
 * first on (date, id).  A filter narrows the ledger and its totals alike, so
 * that the totals under the list are those of the rows in it; void donations
 * stay in the list (marked) and leave every total. */
#ifndef DOORSTEP_DB_LEDGER_H
#define DOORSTEP_DB_LEDGER_H

#include "core/date.h"
#include "core/err.h"
#include "db/donations.h"

struct db;

/* What narrows the ledger.  Empty strings (and NULL) mean "any". */
struct ledger_filter {
	char from[DATE_STR], to[DATE_STR]; /* received dates, inclusive */
	char *donor; /* malloc'd: part of the donor's name; an anonymous donation
		      * is found by 匿名 (or "anonymous"), never by its name */
	char kind[8]; /* "cash", "goods" or "" */
	char *item;   /* malloc'd: part of the goods item's name */
};

/* Frees the filter's strings and zeroes it (no filter). */
void ledger_filter_clear(struct ledger_filter *f);

/* 1 when the filter narrows anything. */
int ledger_filter_active(const struct ledger_filter *f);

/* One donation as the ledger and the receipt show it.  Text members are
 * malloc'd and owned by the row (never cut): a read overwrites the row without
 * freeing what it held, and db_ledger_row_clear frees them. */
struct ledger_row {
	long long id;
	char uuid[37];
	char receipt_no[DONATION_RECEIPT_MAX];
	char date[DATE_STR];
	char *donor; /* as stored; show 匿名 when anonymous */
	int anonymous;
	char donor_type[16];
	char *phone;
	char kind[8];	      /* "cash" or "goods" */
	long long amount_fen; /* cash */
	char channel[12];     /* cash */
	char *item;	      /* goods */
	long long quantity;   /* goods, hundredths */
	char *unit;	      /* goods */
	long long value_fen;  /* goods: estimated value, -1 when not given */
	char *designation;
	char *received_by; /* staff name, "" when unknown */
	char *void_reason; /* "" unless void */
	char voided_at[20];
	char *notes;
};

void db_ledger_row_clear(struct ledger_row *r);

/* Reads up to n ledger rows matching f into out (see core/listpage.h for
 * anchor and dir; only anchor->date and anchor->id are read; anchor NULL
 * starts from the newest, or with dir < 0 from the oldest).  Returns the
 * number of rows or -1. */
int db_ledger_page(struct db *db, const struct ledger_filter *f, const struct ledger_row *anchor,
		   int dir, int n, struct ledger_row *out, struct err *e);

/* One donation by id or by receipt number (as stored, e.g. 2020-A-0001).
 * 1 found, 0 not, -1 error. */
int db_ledger_get(struct db *db, long long id, struct ledger_row *out, struct err *e);
int db_ledger_find_receipt(struct db *db, const char *receipt_no, struct ledger_row *out,
			   struct err *e);

/* Goods received under one item and unit, for the totals. */
struct ledger_goods {
	char *item; /* malloc'd, freed by db_ledger_totals_free */
	char *unit;
	long long quantity;  /* hundredths */
	long long value_fen; /* the estimated values given (0 when none was) */
};

#define LEDGER_CHANNELS 4 /* cash, bank, wechat, alipay: model_channel order */

/* Totals of the donations matching a filter, void ones excluded. */
struct ledger_totals {
	long long rows;				/* donations matching, void ones included */
	long long voided;			/* of which void */
	long long cash_count;			/* live cash donations */
	long long cash_fen;			/* their sum */
	long long channel_fen[LEDGER_CHANNELS]; /* by channel */
	long long goods_count;			/* live goods donations */
	long long goods_value_fen;		/* their estimated values */
	struct ledger_goods *goods;		/* by item and unit, in item order; malloc'd */
	int ngoods;
};

/* Fills *t for filter f (db_ledger_totals_free releases it).  0 or -1. */
int db_ledger_totals(struct db *db, const struct ledger_filter *f, struct ledger_totals *t,
		     struct err *e);
void db_ledger_totals_free(struct ledger_totals *t);

/* Reads up to n stock lines (item, unit order; keyset on anchor's item and
 * unit) into out; with on_hand_only, lines with nothing on hand are left
 * out (the distribution form's pick-list).  Returns the count or -1. */
int db_ledger_stock_page(struct db *db, int on_hand_only, const struct stock_row *anchor, int dir,
			 int n, struct stock_row *out, struct err *e);

/* One distribution as the list shows it; text members as for ledger_row. */
struct ledger_dist {
	long long id;
	char uuid[37];
	char date[DATE_STR];
	char *item;
	char *unit;
	long long quantity;
	char recipient_kind[12];
	char *recipient; /* household code, checkpoint name, or the free text */
	char *staff;
	char *notes;
};

void db_ledger_dist_clear(struct ledger_dist *d);

/* Distributions newest first, keyset on (date, id) as db_ledger_page.
 * Returns the count or -1. */
int db_ledger_dist_page(struct db *db, const struct ledger_dist *anchor, int dir, int n,
			struct ledger_dist *out, struct err *e);

/* The live checkpoint called name: 1 with *id set, 0 none, -1 error.  When
 * none is, names (may be NULL) gets up to 8 live names, "、"-separated, for
 * the message (n bytes). */
int db_ledger_checkpoint_find(struct db *db, const char *name, long long *id, char *names, size_t n,
			      struct err *e);

#endif
