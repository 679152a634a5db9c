/* db expenditures: cash spent from donations; see expenditures.h. */
#include "db/expenditures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/limits.h"
#include "core/json.h"
#include "core/stock.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"
#include "db/staff.h"

static int blank(const char *s)
{
	return !s || !*s;
}

int db_cash_totals(struct db *db, const char *from, const char *to, long long *received,
		   long long *spent, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(
	    db, e,
	    "SELECT (SELECT coalesce(sum(amount_fen), 0) FROM donations WHERE kind = 'cash'"
	    "  AND deleted_at IS NULL AND void_reason IS NULL AND voided_at IS NULL"
	    "  AND (:from = '' OR received_date >= :from) AND (:to = '' OR received_date <= :to)),"
	    " (SELECT coalesce(sum(amount_fen), 0) FROM expenditures WHERE deleted_at IS NULL"
	    "  AND void_reason IS NULL AND (:from = '' OR date >= :from)"
	    "  AND (:to = '' OR date <= :to))",
	    SQLP_TEXT(":from", from ? from : ""), SQLP_TEXT(":to", to ? to : ""));
	long long v[2];
	int r = sql_row_ints(db, st, v, 2, e);

	if (r == 1) {
		*received = v[0];
		*spent = v[1];
	}
	return r == 1 ? 0 : -1;
}

/* Refuses a field left empty or an amount or date that cannot be. */
static int check_new(const struct expenditure_new *x, char date[DATE_STR], struct err *e)
{
	if (blank(x->purpose))
		return err_field(e, "purpose", "%s", _("an expenditure needs its purpose"));
	if (x->amount_fen <= 0)
		return err_field(e, "amount", "%s", _("the amount must be above zero"));
	if (blank(x->approved_by))
		return err_field(e, "approved_by", "%s", _("say who approved the expenditure"));
	if (blank(x->voucher_no))
		return err_field(e, "voucher_no", "%s",
				 _("an expenditure needs the number of its voucher"));
	if (limits_check_row("expenditures", e, "purpose", x->purpose, "approved_by",
			     x->approved_by, "voucher_no", x->voucher_no, "notes", x->notes,
			     (const char *)NULL) < 0)
		return -1;
	return record_day_or_today(x->date, "date", date, e);
}

#define XN(K, m, param) COLW(K, struct expenditure_new, m, param)

/* An expenditure's write columns; the audited ones (all required, never
 * empty) in the order of its audit row. */
static const struct col_desc spend_write[] = {
	XN(STR, date, ":date"),
	XN(STR, purpose, ":purpose"),
	XN(INT, amount_fen, ":fen"),
	XN(STR, approved_by, ":approver"),
	XN(STR, voucher_no, ":voucher"),
	COLW_BIND(REF, struct expenditure_new, staff_id, ":staff"),
	COLW_BIND(STR, struct expenditure_new, notes, ":notes"),
};

long long db_expenditure_insert(struct db *db, const struct expenditure_new *x, struct err *e)
{
	static const struct record_write w = {
	    "expenditures",
	    "INSERT INTO expenditures(uuid, created_at, updated_at, date, purpose, amount_fen,"
	    " approved_by, voucher_no, staff_id, notes) VALUES(:uuid, :now, :now, :date,"
	    " :purpose, :fen, :approver, :voucher, :staff, :notes)",
	    spend_write, ROWDESC_N(spend_write)};
	struct expenditure_new row = *x; /* with its date and staff decided */
	char date[DATE_STR], uuid[37];
	long long id = -1, in = 0, out = 0;

	if (check_new(x, date, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	row.date = date;
	if (db_cash_totals(db, "", "", &in, &out, e) == 0 &&
	    stock_check_spending(in, out, x->amount_fen, e) == 0 &&
	    (row.staff_id >= 0 || (row.staff_id = db_staff_current_id(db, e)) >= 0))
		id = record_insert(db, &w, &row, uuid, e);
	return db_end(db, id, e);
}

/* What a void looks up of the expenditure. */
struct spend_void {
	char uuid[37];
	char *void_reason; /* NULL unless void */
	char *voucher_no;
};

static const struct col_desc spend_void_cols[] = {
	COLD_CODE(struct spend_void, uuid),
	COLD_DUP(struct spend_void, void_reason),
	COLD_STR(struct spend_void, voucher_no),
};

int db_expenditure_void(struct db *db, long long id, const char *reason, struct err *e)
{
	struct spend_void x = {"", NULL, NULL};
	int r;

	if (blank(reason))
		return err_field(e, "void_reason", "%s", _("a void needs its reason"));
	if (limits_check("expenditures", "void_reason", reason, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	r = record_get_live(db, "expenditures", id, spend_void_cols, ROWDESC_N(spend_void_cols),
			    &x, sizeof x, e);
	if (r == 0)
		r = err_set(e, _("no expenditure with id %lld"), id);
	else if (r == 1 && x.void_reason)
		r = err_set(e, _("expenditure %s is already void (%s)"), x.voucher_no,
			    x.void_reason);
	if (r >= 0)
		r = db_record_void(db, "expenditures", id, x.uuid, reason, e);
	r = (int)db_end(db, r < 0 ? -1 : 0, e);
	rowdesc_clear(spend_void_cols, ROWDESC_N(spend_void_cols), &x, sizeof x);
	return r < 0 ? -1 : 0;
}

#define ROWDESC_ROW struct expenditure_row
#define SPEND_COLUMNS(F, X)                                                                        \
	F(INT, id, "x.id") X(CODE, uuid, "x.uuid") X(CODE, date, "x.date")                         \
	X(STR, purpose, "x.purpose") X(INT, amount_fen, "x.amount_fen")                            \
	X(STR, approved_by, "x.approved_by") X(STR, voucher_no, "x.voucher_no")                    \
	X(STR, staff, "coalesce(s.name, '')") X(STR, void_reason, "coalesce(x.void_reason, '')")
#define SPEND_COLS                                                                                 \
	ROWDESC_SELECT(SPEND_COLUMNS)                                                              \
	" FROM expenditures x LEFT JOIN staff s ON s.id = x.staff_id WHERE x.deleted_at"           \
	" IS NULL"

ROWDESC_RECORD(spend_cols, SPEND_COLUMNS, db_expenditure_row_clear)

ROWDESC_PAGE_FN(db_expenditure_page, struct expenditure_row, spend_cols, SPEND_COLS, "x")
