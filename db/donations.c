/* db donations: receipts, voids, distributions and stock; see donations.h. */
#include "db/donations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/money.h"
#include "core/receipt.h"
#include "core/settings.h"
#include "core/stock.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "db/expenditures.h"
#include "db/settings.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"
#include "db/staff.h"

static int empty(const char *s)
{
	return !s || !*s;
}

/* What goods need, received or given out: the item, the unit and a
 * quantity above zero, each refused on its field with its message. */
static int check_goods(const char *item, const char *unit, long long quantity,
		       const char *no_item, const char *no_unit, const char *no_quantity,
		       struct err *e)
{
	if (empty(item))
		return err_field(e, "item", "%s", no_item);
	if (empty(unit))
		return err_field(e, "unit", "%s", no_unit);
	if (quantity <= 0)
		return err_field(e, "quantity", "%s", no_quantity);
	return 0;
}

static int validate(const struct donation_new *d, struct err *e)
{
	if (limits_check_row("donations", e, "donor_name", d->donor_name, "phone", d->phone,
			     "item", d->item, "unit", d->unit, "designation", d->designation,
			     "notes", d->notes, (const char *)NULL) < 0)
		return -1;
	if (!d->anonymous && empty(d->donor_name))
		return err_field(e, "donor_name",
				 _("the donor's name is required (or mark it anonymous)"));
	if (d->donor_type && !model_enum_find(model_donor_type, d->donor_type))
		return err_field(e, "donor_type", _("unknown donor type \"%s\""), d->donor_type);
	if (empty(d->kind) || (strcmp(d->kind, "cash") && strcmp(d->kind, "goods")))
		return err_field(e, "kind", _("a donation is cash or goods"));
	if (!strcmp(d->kind, "cash")) {
		if (d->amount_fen <= 0)
			return err_field(e, "amount",
					 _("a cash donation needs an amount above zero"));
		if (d->channel && !model_enum_find(model_channel, d->channel))
			return err_field(e, "channel", _("unknown channel \"%s\""), d->channel);
		return 0;
	}
	return check_goods(d->item, d->unit, d->quantity, _("a goods donation needs the item"),
			   _("a goods donation needs the unit (箱, 个, kg ...)"),
			   _("a goods donation needs a quantity above zero"), e);
}

long long db_donation_insert(struct db *db, const struct donation_new *d, char *receipt,
			     struct err *e)
{
	struct settings set;
	char date[DATE_STR], uuid[37], now[20], no[RECEIPT_MAX], station[2];
	struct strbuf ch = STRBUF_INIT;
	int cash, year, r;
	long long id = -1, seq, staff = d->received_by;
	sqlite3_stmt *st;

	if (validate(d, e) < 0 ||
	    record_day_or_today(d->received_date, "received_date", date, e) < 0)
		return -1;
	cash = !strcmp(d->kind, "cash");
	year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
	/* BEGIN IMMEDIATE: the write lock is held from here, so max(seq) + 1 is
	 * ours alone until the commit. */
	if (db_begin(db, e) < 0)
		return -1;
	r = db_settings_get(db, &set, e);
	station[0] = set.station;
	settings_clear(&set);
	if (r < 0)
		goto out;
	station[1] = '\0';
	st = SQL_PREP(db, e,
		      "SELECT coalesce(max(seq), 0) + 1 FROM donations WHERE year = :year"
		      " AND station = :station",
		      SQLP_INT(":year", year), SQLP_TEXT(":station", station));
	if (!st)
		goto out;
	if (sql_step_row(db, st, e) != 1)
		goto out;
	seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (receipt_format(year, station[0], (int)seq, no, sizeof no) < 0) {
		err_set(e, _("cannot number the receipt (year %d, station %s)"), year, station);
		goto out;
	}
	if (staff < 0 && (staff = db_staff_current_id(db, e)) < 0)
		goto out;
	st = sql_insert_stmt(db,
			     "INSERT INTO donations(uuid, created_at, updated_at, receipt_no,"
			     " year, station, seq, received_date, donor_name, donor_type,"
			     " anonymous, phone, kind, amount_fen, channel, item, quantity, unit,"
			     " value_fen, designation, received_by, notes) VALUES(:uuid, :now,"
			     " :now, :no, :year, :station, :seq, :date, :donor, :dtype, :anon,"
			     " :phone, :kind, :amount, :channel, :item, :qty, :unit, :value,"
			     " :desig, :by, :notes)",
			     uuid, now, e);
	if (!st)
		goto out;
	sql_bind_text(st, ":no", no);
	sql_bind_int(st, ":year", year);
	sql_bind_text(st, ":station", station);
	sql_bind_int(st, ":seq", seq);
	sql_bind_text(st, ":date", date);
	sql_bind_text(st, ":donor", d->donor_name ? d->donor_name : "");
	sql_bind_text(st, ":dtype", d->donor_type ? d->donor_type : "individual");
	sql_bind_int(st, ":anon", d->anonymous ? 1 : 0);
	sql_bind_text(st, ":phone", empty(d->phone) ? NULL : d->phone);
	sql_bind_text(st, ":kind", d->kind);
	sql_bind_id(st, ":amount", cash ? d->amount_fen : -1);
	sql_bind_text(st, ":channel", cash ? (d->channel ? d->channel : "cash") : NULL);
	sql_bind_text(st, ":item", cash ? NULL : d->item);
	sql_bind_id(st, ":qty", cash ? -1 : d->quantity);
	sql_bind_text(st, ":unit", cash ? NULL : d->unit);
	sql_bind_id(st, ":value", cash ? -1 : d->value_fen);
	sql_bind_text(st, ":desig", empty(d->designation) ? NULL : d->designation);
	sql_bind_id(st, ":by", staff);
	sql_bind_text(st, ":notes", empty(d->notes) ? NULL : d->notes);
	if (sql_step_done(db, st, e) < 0)
		goto out;
	id = sqlite3_last_insert_rowid(db_handle(db));
	json_open(&ch);
	json_add_str(&ch, "receipt_no", no);
	json_add_str(&ch, "received_date", date);
	json_add_str(&ch, "donor_name", d->donor_name);
	if (d->anonymous)
		json_add_int(&ch, "anonymous", 1);
	json_add_str(&ch, "kind", d->kind);
	if (cash) {
		json_add_int(&ch, "amount_fen", d->amount_fen);
		json_add_str(&ch, "channel", d->channel ? d->channel : "cash");
	} else {
		json_add_str(&ch, "item", d->item);
		json_add_int(&ch, "quantity", d->quantity);
		json_add_str(&ch, "unit", d->unit);
	}
	if (record_audit(db, "insert", "donations", uuid, &ch, e) < 0)
		id = -1;
out:
	id = db_end(db, id, e);
	if (id >= 0 && receipt)
		snprintf(receipt, DONATION_RECEIPT_MAX, "%s", no);
	strbuf_free(&ch);
	return id;
}

/* One item's stock (db/views.h `stock`), and whether the item was ever
 * received or given out (a voided receipt counts as seen). */
/* The stock of one item and unit (0 when none), then whether it was ever
 * seen: kind, member, SQL expression. */
#define ROWDESC_ROW struct stock_row
#define STOCK_COLUMNS(F, X)                                                                        \
	F(STR, item, ":item") X(STR, unit, ":unit") X(INT, received, "coalesce(s.received, 0)")    \
	X(INT, distributed, "coalesce(s.distributed, 0)")                                          \
	X(INT, value_fen, "coalesce(s.value_fen, 0)")                                              \
	X(INT, on_hand, "coalesce(s.received, 0) - coalesce(s.distributed, 0)")
#define STOCK_SQL                                                                                  \
	ROWDESC_SELECT(STOCK_COLUMNS)                                                              \
	","                                                                                        \
	" EXISTS (SELECT 1 FROM donations WHERE item = :item AND unit = :unit)"                    \
	" OR EXISTS (SELECT 1 FROM distributions WHERE item = :item AND unit = :unit)"             \
	" FROM (SELECT 1) LEFT JOIN stock s ON s.item = :item AND s.unit = :unit"
ROWDESC_RECORD(stock_cols, STOCK_COLUMNS, db_stock_row_clear)

int db_stock_get(struct db *db, const char *item, const char *unit, struct stock_row *out,
		 struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e, STOCK_SQL, SQLP_TEXT(":item", item), SQLP_TEXT(":unit", unit));
	int r, seen = 0;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r == 1) {
		rowdesc_read(st, stock_cols, ROWDESC_N(stock_cols), out);
		seen = sqlite3_column_int(st, ROWDESC_N(stock_cols));
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : seen;
}

/* What a void looks up of the donation. */
struct donation_void {
	char uuid[37];
	char kind[8];
	char *item, *unit;
	long long quantity;
	char *void_reason; /* NULL unless void */
	char *receipt_no;
	long long amount_fen;
};

#define DV(K, m) COLD_##K(struct donation_void, m)

static const struct col_desc donation_void_cols[] = {
	DV(CODE, uuid),	   DV(CODE, kind),	    DV(STR, item),	 DV(STR, unit),
	DV(INT, quantity), DV(DUP, void_reason), DV(STR, receipt_no), DV(INT, amount_fen),
};

/* Reads donation id's uuid (uuid[37]) and checks that it can be voided:
 * not void already, its goods still on hand, its cash not spent.  0, or -1
 * with the reason in e. */
static int void_refusal(struct db *db, long long id, char uuid[37], struct err *e)
{
	struct donation_void d = {0};
	struct stock_row s = {0};
	long long in = 0, out = 0;
	int r;

	r = record_get_live(db, "donations", id, donation_void_cols,
			    ROWDESC_N(donation_void_cols), &d, sizeof d, e);
	if (r == 0)
		r = err_set(e, _("no donation with id %lld"), id);
	else if (r == 1 && d.void_reason)
		r = err_set(e, _("donation %s is already void (%s)"), d.receipt_no,
			    d.void_reason);
	if (r < 0)
		goto out;
	snprintf(uuid, 37, "%s", d.uuid);
	r = 0;
	if (!strcmp(d.kind, "goods")) {
		if (db_stock_get(db, d.item, d.unit, &s, e) < 0) {
			r = -1;
		} else if (s.on_hand < d.quantity) {
			char have[32], q[32];

			quantity_format(s.on_hand, have, sizeof have);
			quantity_format(d.quantity, q, sizeof q);
			r = err_set(e,
				    _("cannot void: %s %s of %s were received with it but only %s "
				      "are on hand (the rest was given out)"),
				    q, d.unit, d.item, have);
		}
	}
	/* cash already spent cannot be taken back out of the books either */
	if (!strcmp(d.kind, "cash") && d.amount_fen > 0 &&
	    (db_cash_totals(db, "", "", &in, &out, e) < 0 ||
	     stock_check_spending(in, out, d.amount_fen, e) < 0)) {
		err_prefix(e, "%s", _("cannot void: the cash was spent"));
		r = -1;
	}
out:
	db_stock_row_clear(&s);
	rowdesc_clear(donation_void_cols, ROWDESC_N(donation_void_cols), &d, sizeof d);
	return r;
}

int db_donation_void_check(struct db *db, long long id, struct err *e)
{
	char uuid[37];

	return void_refusal(db, id, uuid, e);
}

int db_donation_void(struct db *db, long long id, const char *reason, struct err *e)
{
	char uuid[37];
	int r;

	if (empty(reason))
		return err_field(e, "void_reason", _("a void needs its reason"));
	if (limits_check("donations", "void_reason", reason, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	r = void_refusal(db, id, uuid, e);
	if (r >= 0)
		r = db_record_void(db, "donations", id, uuid, reason, e);
	return (int)db_end(db, r < 0 ? -1 : 0, e);
}

/* A distribution as its INSERT takes it: the household only for a
 * household recipient, the checkpoint only for a checkpoint. */
struct distribution_ins {
	const char *item, *unit, *recipient_kind, *recipient, *date, *notes;
	long long quantity, to_household, to_checkpoint, staff_id;
};

#define DI(K, m, param)	   COLW(K, struct distribution_ins, m, param)
#define DI_BIND(K, m, param) COLW_BIND(K, struct distribution_ins, m, param)
#define DI_TO(m, col, param, table) COLW_AS(REF, struct distribution_ins, m, col, param, table, 0)

/* A distribution's write columns; the audited ones in the order of its
 * audit row (the recipient bound as '', named only when given; the
 * household or checkpoint that receives, by its UUID). */
static const struct col_desc distribution_write[] = {
	DI(STR, item, ":item"),
	DI(STR, unit, ":unit"),
	DI(INT, quantity, ":qty"),
	DI(STR, recipient_kind, ":rk"),
	DI_TO(to_household, "household_id", ":hid", "households"),
	DI_TO(to_checkpoint, "checkpoint_id", ":cid", "checkpoints"),
	COLD_STR(struct distribution_ins, recipient),
	DI(STR, date, ":date"),
	COLW_BIND_KEEP(struct distribution_ins, recipient, ":recipient"),
	DI_BIND(REF, staff_id, ":staff"),
	DI_BIND(STR, notes, ":notes"),
};

long long db_distribution_insert(struct db *db, const struct distribution_new *d, struct err *e)
{
	static const struct record_write w = {
	    "distributions",
	    "INSERT INTO distributions(uuid, created_at, updated_at, item, unit, quantity,"
	    " recipient_kind, household_id, checkpoint_id, recipient, date, staff_id, notes)"
	    " VALUES(:uuid, :now, :now, :item, :unit, :qty, :rk, :hid, :cid, :recipient, :date,"
	    " :staff, :notes)",
	    distribution_write, ROWDESC_N(distribution_write)};
	const char *rk = d->recipient_kind ? d->recipient_kind : "other";
	char date[DATE_STR], uuid[37];
	struct distribution_ins row;
	struct stock_row s = {0};
	struct stock_line line;
	long long id = -1, staff = d->staff_id;

	if (limits_check_row("distributions", e, "item", d->item, "unit", d->unit, "recipient",
			     d->recipient, "notes", d->notes, (const char *)NULL) < 0)
		return -1;
	if (check_goods(d->item, d->unit, d->quantity, _("a distribution needs the item"),
			_("a distribution needs the unit"),
			_("a distribution needs a quantity above zero"), e) < 0)
		return -1;
	if (!model_enum_find(model_recipient_kind, rk))
		return err_field(e, "recipient", _("unknown recipient kind \"%s\""), rk);
	if (!strcmp(rk, "household") && d->household_id < 0)
		return err_field(e, "recipient", _("pick the household that receives the goods"));
	if (!strcmp(rk, "checkpoint") && d->checkpoint_id < 0)
		return err_field(e, "recipient", _("pick the checkpoint that receives the goods"));
	if (!strcmp(rk, "other") && empty(d->recipient))
		return err_field(e, "recipient", _("say who receives the goods"));
	if (record_day_or_today(d->date, "date", date, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	if (db_stock_get(db, d->item, d->unit, &s, e) < 0)
		goto out;
	line.received = s.received;
	line.distributed = s.distributed;
	if (stock_check_distribution(&line, d->quantity, d->item, d->unit, e) < 0)
		goto out;
	if (staff < 0 && (staff = db_staff_current_id(db, e)) < 0)
		goto out;
	row = (struct distribution_ins){
	    .item = d->item,
	    .unit = d->unit,
	    .recipient_kind = rk,
	    .recipient = d->recipient,
	    .date = date,
	    .notes = d->notes,
	    .quantity = d->quantity,
	    .to_household = !strcmp(rk, "household") ? d->household_id : -1,
	    .to_checkpoint = !strcmp(rk, "checkpoint") ? d->checkpoint_id : -1,
	    .staff_id = staff,
	};
	id = record_insert(db, &w, &row, uuid, e);
out:
	id = db_end(db, id, e);
	db_stock_row_clear(&s);
	return id;
}
