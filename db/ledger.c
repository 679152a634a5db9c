/* db ledger: the Donations tab's reads; see ledger.h.
 *
 * Each list has one statement per direction and per "anchor or not", so that
 * every page is an index range (donations_date, distributions_date) instead
 * of an OR that the planner cannot use. */
#include "db/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"

int ledger_filter_active(const struct ledger_filter *f)
{
	return f && (f->from[0] || f->to[0] || (f->donor && f->donor[0]) || f->kind[0] ||
		     (f->item && f->item[0]));
}

void ledger_filter_clear(struct ledger_filter *f)
{
	free(f->donor);
	free(f->item);
	memset(f, 0, sizeof *f);
}

/* The filter as SQL over donations d; bound by bind_filter. */
#define FILTER_SQL                                                                                 \
	" d.deleted_at IS NULL"                                                                    \
	" AND (:from = '' OR d.received_date >= :from)"                                            \
	" AND (:to = '' OR d.received_date <= :to)"                                                \
	" AND (:kind = '' OR d.kind = :kind)"                                                      \
	" AND (:item = '' OR instr(d.item, :item) > 0)"                                            \
	" AND (:donor = '' OR (d.anonymous = 0 AND instr(d.donor_name, :donor) > 0)"               \
	"  OR (d.anonymous = 1 AND :anon = 1))"

static void bind_filter(sqlite3_stmt *st, const struct ledger_filter *f)
{
	static const struct ledger_filter none;
	const char *donor, *item;
	int anon;

	if (!f)
		f = &none;
	donor = f->donor ? f->donor : "";
	item = f->item ? f->item : "";
	anon = !strcmp(donor, "匿名") || !strcasecmp(donor, "anonymous");
	sql_bind_text(st, ":from", f->from);
	sql_bind_text(st, ":to", f->to);
	sql_bind_text(st, ":kind", f->kind);
	sql_bind_text(st, ":item", item);
	sql_bind_text(st, ":donor", donor);
	sql_bind_int(st, ":anon", anon);
}

#define ROWDESC_ROW struct ledger_row
#define LROW_COLUMNS(F, X)                                                                         \
	F(INT, id, "d.id") X(CODE, uuid, "d.uuid") X(CODE, receipt_no, "d.receipt_no")             \
	X(CODE, date, "d.received_date") X(STR, donor, "d.donor_name")                             \
	X(INT32, anonymous, "d.anonymous") X(CODE, donor_type, "d.donor_type")                     \
	X(STR, phone, "d.phone") X(CODE, kind, "d.kind") X(INT, amount_fen, "d.amount_fen")        \
	X(CODE, channel, "d.channel") X(STR, item, "d.item") X(INT, quantity, "d.quantity")        \
	X(STR, unit, "d.unit") X(REF, value_fen, "d.value_fen")                                    \
	X(STR, designation, "d.designation") X(STR, received_by, "s.name")                         \
	X(DUP, void_reason, "d.void_reason") X(CODE, voided_at, "d.voided_at")                     \
	X(STR, notes, "d.notes")
#define ROW_COLS                                                                                   \
	ROWDESC_SELECT(LROW_COLUMNS)                                                               \
	" FROM donations d LEFT JOIN staff s ON s.id = d.received_by"

/* The columns of ROW_COLS (value_fen: -1 when not given). */
ROWDESC_RECORD(row_cols, LROW_COLUMNS, db_ledger_row_clear)

/* A void row always says so, even if its reason were somehow empty; the
 * reason is "" unless void. */
static void mark_void(struct ledger_row *r)
{
	int voided = r->void_reason || r->voided_at[0];

	if (!r->void_reason || !r->void_reason[0])
		xstrset(&r->void_reason, voided ? "void" : "");
}

int db_ledger_page(struct db *db, const struct ledger_filter *f, const struct ledger_row *anchor,
		   int dir, int n, struct ledger_row *out, struct err *e)
{
	static const char *const sql[4] =
	    ROWDESC_PAGE_SQL_BY(ROW_COLS " WHERE" FILTER_SQL, "d.received_date", "d.id");
	sqlite3_stmt *st = rowdesc_page_stmt(db, sql, anchor != NULL, dir, n, e);
	int m;

	if (!st)
		return -1;
	bind_filter(st, f);
	if (anchor) {
		sql_bind_text(st, ":date", anchor->date);
		sql_bind_int(st, ":id", anchor->id);
	}
	m = rowdesc_fill(db, st, n, row_cols, ROWDESC_N(row_cols), out, sizeof *out, e);
	for (int i = 0; i < m; i++)
		mark_void(&out[i]);
	return m;
}

int db_ledger_get(struct db *db, long long id, struct ledger_row *out, struct err *e)
{
	int r = rowdesc_get(db, ROW_COLS " WHERE d.id = :key AND d.deleted_at IS NULL", id,
			    row_cols, ROWDESC_N(row_cols), out, sizeof *out, e);

	if (r == 1)
		mark_void(out);
	return r;
}

int db_ledger_find_receipt(struct db *db, const char *receipt_no, struct ledger_row *out,
			   struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e, ROW_COLS " WHERE d.receipt_no = :no AND d.deleted_at IS NULL",
		     SQLP_TEXT(":no", receipt_no));
	int r;

	if (!st)
		return -1;
	r = rowdesc_one(db, st, row_cols, ROWDESC_N(row_cols), out, sizeof *out, e);
	if (r == 1)
		mark_void(out);
	return r;
}

static int channel_index(const char *c)
{
	static const char *const codes[LEDGER_CHANNELS] = {"cash", "bank", "wechat", "alipay"};

	for (int i = 0; c && i < LEDGER_CHANNELS; i++)
		if (!strcmp(c, codes[i]))
			return i;
	return -1;
}

int db_ledger_totals(struct db *db, const struct ledger_filter *f, struct ledger_totals *t,
		     struct err *e)
{
	static const char *const sql_count = "SELECT count(*), coalesce(sum(d.void_reason IS NOT "
					     "NULL), 0) FROM donations d WHERE" FILTER_SQL;
	static const char *const sql_cash =
	    "SELECT d.channel, count(*), sum(d.amount_fen) FROM donations d WHERE" FILTER_SQL
	    " AND d.kind = 'cash' AND d.void_reason IS NULL GROUP BY d.channel";
	static const char *const sql_goods =
	    "SELECT d.item, d.unit, count(*), sum(d.quantity), coalesce(sum(d.value_fen), 0)"
	    " FROM donations d WHERE" FILTER_SQL
	    " AND d.kind = 'goods' AND d.void_reason IS NULL GROUP BY d.item, d.unit"
	    " ORDER BY d.item, d.unit";
	sqlite3_stmt *st;
	long long counts[2] = {0, 0};
	int r, cap = 0, own;

	memset(t, 0, sizeof *t);
	/* one deferred read transaction: the three sums see the same data */
	own = !db_in_transaction(db);
	if (own && db_exec(db, "BEGIN", e) < 0)
		return -1;
	if ((st = db_stmt(db, sql_count, e)))
		bind_filter(st, f);
	if ((r = sql_row_ints(db, st, counts, 2, e)) < 0)
		goto fail;
	t->rows = counts[0];
	t->voided = counts[1];
	if (!(st = db_stmt(db, sql_cash, e)))
		goto fail;
	bind_filter(st, f);
	while ((r = sql_step_row(db, st, e)) == 1) {
		int i = channel_index((const char *)sqlite3_column_text(st, 0));
		long long sum = sqlite3_column_int64(st, 2);

		t->cash_count += sqlite3_column_int64(st, 1);
		t->cash_fen += sum;
		if (i >= 0)
			t->channel_fen[i] += sum;
	}
	sqlite3_reset(st);
	if (r < 0)
		goto fail;
	if (!(st = db_stmt(db, sql_goods, e)))
		goto fail;
	bind_filter(st, f);
	while ((r = sql_step_row(db, st, e)) == 1) {
		struct ledger_goods *g;

		XGROW(t->goods, cap, t->ngoods + 1, 16);
		g = &t->goods[t->ngoods++];
		memset(g, 0, sizeof *g);
		sql_col_str(st, 0, &g->item);
		sql_col_str(st, 1, &g->unit);
		t->goods_count += sqlite3_column_int64(st, 2);
		g->quantity = sqlite3_column_int64(st, 3);
		g->value_fen = sqlite3_column_int64(st, 4);
		t->goods_value_fen += g->value_fen;
	}
	sqlite3_reset(st);
	if (r < 0)
		goto fail;
	if (own)
		db_exec(db, "COMMIT", NULL);
	return 0;
fail:
	if (own)
		db_exec(db, "COMMIT", NULL);
	db_ledger_totals_free(t);
	return -1;
}

void db_ledger_totals_free(struct ledger_totals *t)
{
	for (int i = 0; i < t->ngoods; i++) {
		free(t->goods[i].item);
		free(t->goods[i].unit);
	}
	free(t->goods);
	t->goods = NULL;
	t->ngoods = 0;
}

/* Stock per item and unit: the schema view `stock` (db/views.h). */
#undef ROWDESC_ROW
#define ROWDESC_ROW struct stock_row
#define STOCK_COLUMNS(F, X)                                                                        \
	F(STR, item, "item") X(STR, unit, "unit") X(INT, received, "received")                     \
	X(INT, distributed, "distributed") X(INT, value_fen, "value_fen") X(INT, on_hand, "on_hand")
#define STOCK_CTE                                                                                  \
	ROWDESC_SELECT(STOCK_COLUMNS)                                                              \
	" FROM stock"                                                                              \
	" WHERE (:only = 0 OR on_hand > 0)"
static const struct col_desc stock_cols[] = ROWDESC_TABLE(STOCK_COLUMNS);

int db_ledger_stock_page(struct db *db, int on_hand_only, const struct stock_row *anchor, int dir,
			 int n, struct stock_row *out, struct err *e)
{
	static const char *const sql[4] =
	    ROWDESC_PAGE_SQL_UP(STOCK_CTE, "item", "unit", "(:item, :unit)");
	sqlite3_stmt *st = rowdesc_page_stmt(db, sql, anchor != NULL, dir, n, e);

	if (!st)
		return -1;
	sql_bind_int(st, ":only", on_hand_only ? 1 : 0);
	if (anchor) {
		sql_bind_text(st, ":item", anchor->item);
		sql_bind_text(st, ":unit", anchor->unit);
	}
	return rowdesc_fill(db, st, n, stock_cols, ROWDESC_N(stock_cols), out, sizeof *out, e);
}

#undef ROWDESC_ROW
#define ROWDESC_ROW struct ledger_dist
#define LDIST_COLUMNS(F, X)                                                                        \
	F(INT, id, "t.id") X(CODE, uuid, "t.uuid") X(CODE, date, "t.date") X(STR, item, "t.item")  \
	X(STR, unit, "t.unit") X(INT, quantity, "t.quantity")                                      \
	X(CODE, recipient_kind, "t.recipient_kind")                                                \
	X(STR, recipient,                                                                          \
	  "CASE t.recipient_kind WHEN 'household' THEN coalesce(h.code, t.recipient)"              \
	  " WHEN 'checkpoint' THEN coalesce(c.name, t.recipient) ELSE t.recipient END")            \
	X(STR, staff, "s.name") X(STR, notes, "t.notes")
#define DIST_COLS                                                                                  \
	ROWDESC_SELECT(LDIST_COLUMNS)                                                              \
	" FROM distributions t LEFT JOIN households h ON h.id = t.household_id LEFT"               \
	" JOIN checkpoints c ON c.id = t.checkpoint_id LEFT JOIN staff s ON s.id ="                \
	" t.staff_id WHERE t.deleted_at IS NULL"

ROWDESC_RECORD(dist_cols, LDIST_COLUMNS, db_ledger_dist_clear)

ROWDESC_PAGE_FN(db_ledger_dist_page, struct ledger_dist, dist_cols, DIST_COLS, "t")

int db_ledger_checkpoint_find(struct db *db, const char *name, long long *id, char *names, size_t n,
			      struct err *e)
{
	sqlite3_stmt *st;
	size_t used = 0;
	int r;

	if (names && n)
		names[0] = '\0';
	r = db_record_id_by(db, "checkpoints", "name", name, id, e);
	if (r != 0 || !names || !n)
		return r;
	st = db_stmt(db,
		     "SELECT name FROM checkpoints WHERE deleted_at IS NULL AND active = 1"
		     " ORDER BY name LIMIT 8",
		     e);
	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		const char *nm = (const char *)sqlite3_column_text(st, 0);
		int w = snprintf(names + used, n - used, "%s%s", used ? "、" : "", nm ? nm : "");

		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}
