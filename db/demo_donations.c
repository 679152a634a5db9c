/* demo_donations: the demo's donations and goods given out; see
 * demo_donations.h. */
#include "db/demo_donations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/demo.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/natsort.h"
#include "core/outing.h"
#include "core/passno.h"
#include "core/reskey.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/demo_epi.h"
#include "db/settings.h"
#include "db/search.h"
#include "db/sql.h"

/* ---- donations and distributions ---- */

struct item {
	const char *name, *unit;
	int min_q, max_q;  /* in whole units */
	int fen_per_unit;
	long long stock;   /* hundredths on hand */
};

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static int add_distribution(struct gen *g, struct item *it, const struct date *d)
{
	static const char *const others[] = {"东门卡点", "西门卡点", "志愿者服务队", "高河村村委会"};
	sqlite3_stmt *st = demo_prep(g, "INSERT INTO distributions(uuid, created_at, updated_at, item,"
				   " unit, quantity, recipient_kind, household_id, recipient, date,"
				   " staff_id) VALUES(?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	long long q = it->stock * demo_rng_range(&g->rng, 20, 60) / 100 / 100 * 100;
	char uuid[37], at[CLOCK_STR], day[DATE_STR], code[64] = "";
	int to_hh = demo_rng_chance(&g->rng, 500);
	const struct hh *h = &g->hh[demo_rng_below(&g->rng, g->n_hh)];

	if (!st)
		return -1;
	if (q <= 0)
		return 0;
	if (to_hh) {
		sqlite3_stmt *c = demo_prep(g, "SELECT code FROM households WHERE id = ?1");

		if (!c)
			return -1;
		demo_bi(c, 1, h->id);
		if (sqlite3_step(c) == SQLITE_ROW)
			sql_col_copy(c, 0, code, sizeof code);
		sqlite3_reset(c);
	}
	demo_fmt_at(at, d, 15 * 60);
	date_format(d, day);
	demo_row(g, st, uuid, at);
	demo_bt(st, 3, it->name);
	demo_bt(st, 4, it->unit);
	demo_bi(st, 5, q);
	demo_bt(st, 6, to_hh ? "household" : "other");
	demo_bn(st, 7, to_hh ? h->id : -1);
	demo_bt(st, 8, to_hh ? code : others[demo_rng_below(&g->rng, 4)]);
	demo_bt(st, 9, day);
	demo_bi(st, 10, g->grid_staff[0]);
	if (demo_run(g, st) < 0)
		return -1;
	it->stock -= q;
	g->sum.distributions++;
	return 0;
}

/* One donation as the generator draws it, before it is written. */
struct don_row {
	struct date d;
	char day[DATE_STR], no[32], donor[96], phone[12], st_s[2];
	const char *dtype, *desig;
	int anon, goods, year, seq, do_void;
	struct item *it;
	long long qty, amount, value;
};

/* Draws the donor for the roll k (0-9): a person, a party member, a
 * company, an organisation or nobody named. */
static void pick_donor(struct gen *g, int k, struct don_row *r)
{
	static const char *const companies[] = {"幸福里超市", "宏达物业服务有限公司", "华联商贸有限公司",
						"长江药业有限公司", "同心餐饮店"};
	static const char *const orgs[] = {"区红十字会", "市慈善总会", "幸福里业主委员会"};

	r->dtype = "individual";
	if (k < 4) {
		demo_name(&g->rng, demo_surname(&g->rng), demo_rng_chance(&g->rng, 500) ? 'M' : 'F',
			  r->donor, sizeof r->donor);
	} else if (k < 6) {
		r->dtype = "party_member";
		demo_name(&g->rng, demo_surname(&g->rng), 'M', r->donor, sizeof r->donor);
	} else if (k < 8) {
		r->dtype = "company";
		snprintf(r->donor, sizeof r->donor, "%s", companies[demo_rng_below(&g->rng, 5)]);
	} else if (k < 9) {
		r->dtype = "organisation";
		snprintf(r->donor, sizeof r->donor, "%s", orgs[demo_rng_below(&g->rng, 3)]);
	} else {
		r->anon = 1;
		snprintf(r->donor, sizeof r->donor, "%s", "");
	}
}

/* Draws what was given: a quantity of r->it (valued or not) or a sum. */
static void pick_gift(struct gen *g, struct don_row *r)
{
	if (r->goods) {
		r->qty = (long long)demo_rng_range(&g->rng, r->it->min_q, r->it->max_q) * 100;
		if (!strcmp(r->it->unit, "kg"))
			r->qty += demo_rng_below(&g->rng, 10) * 10;
		if (demo_rng_chance(&g->rng, 800))
			r->value = r->qty * r->it->fen_per_unit / 100;
	} else {
		static const int yuan[] = {100, 200, 500, 1000, 2000, 5000, 10000, 50000};

		r->amount = (long long)yuan[demo_rng_below(&g->rng, 8)] * 100;
		if (demo_rng_chance(&g->rng, 200))
			r->amount += demo_rng_below(&g->rng, 100) * 100 + 50;
	}
}

/* Writes the drawn donation; returns 0 or -1. */
static int insert_donation(struct gen *g, const struct don_row *r)
{
	static const char *const channels[] = {"cash", "wechat", "wechat", "alipay", "bank"};
	char uuid[37], at[CLOCK_STR];
	sqlite3_stmt *st;
	int goods = r->goods;

	st = demo_prep(g, "INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year,"
		     " station, seq, received_date, donor_name, donor_type, anonymous, phone,"
		     " kind, amount_fen, channel, item, quantity, unit, value_fen, designation,"
		     " received_by, void_reason, voided_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7,"
		     " ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
		     " ?23)");
	if (!st)
		return -1;
	demo_new_uuid(g, uuid);
	demo_fmt_at(at, &r->d, 10 * 60 + demo_rng_below(&g->rng, 300));
	demo_bt(st, 1, uuid);
	demo_bt(st, 2, at);
	demo_bt(st, 3, at);
	demo_bt(st, 4, r->no);
	demo_bi(st, 5, r->year);
	demo_bt(st, 6, r->st_s);
	demo_bi(st, 7, r->seq);
	demo_bt(st, 8, r->day);
	demo_bt(st, 9, r->donor);
	demo_bt(st, 10, r->dtype);
	demo_bi(st, 11, r->anon);
	demo_bt(st, 12, r->anon || r->dtype[0] == 'o' ? NULL : r->phone);
	demo_bt(st, 13, goods ? "goods" : "cash");
	demo_bn(st, 14, goods ? -1 : r->amount);
	demo_bt(st, 15, goods ? NULL : channels[demo_rng_below(&g->rng, 5)]);
	demo_bt(st, 16, goods ? r->it->name : NULL);
	demo_bn(st, 17, goods ? r->qty : -1);
	demo_bt(st, 18, goods ? r->it->unit : NULL);
	demo_bn(st, 19, goods ? r->value : -1);
	demo_bt(st, 20, r->desig);
	demo_bi(st, 21, g->grid_staff[0]);
	demo_bt(st, 22, r->do_void ? "重复登记，作废" : NULL);
	demo_bt(st, 23, r->do_void ? at : NULL);
	return demo_run(g, st);
}

int demo_make_donations(struct gen *g, int days)
{
	static const char *const designations[] = {"防疫物资", "困难群众", "一线工作人员", NULL};
	struct item items[] = {
		{"口罩", "箱", 2, 40, 30000, 0},     {"医用酒精", "瓶", 20, 200, 1500, 0},
		{"84消毒液", "桶", 5, 60, 4000, 0}, {"方便面", "箱", 10, 100, 4500, 0},
		{"大米", "袋", 10, 80, 6000, 0},    {"蔬菜", "kg", 50, 500, 400, 0},
		{"防护服", "套", 10, 100, 12000, 0}, {"额温枪", "个", 2, 10, 15000, 0},
	};
	int n = g->n_hh / 25 > 12 ? g->n_hh / 25 : 12, n_items = 8, year = 0, seq = 0, n_cash = 0;
	long *when = xcalloc((size_t)n, sizeof *when);
	int r = -1;

	for (int i = 0; i < n; i++)
		when[i] = date_to_days(&g->first) + demo_rng_below(&g->rng, days);
	qsort(when, (size_t)n, sizeof *when, cmp_long);
	for (int i = 0; i < n; i++) {
		struct don_row row = {.value = -1};
		int k;

		row.goods = demo_rng_chance(&g->rng, 400);
		k = demo_rng_below(&g->rng, 10);
		row.it = &items[demo_rng_below(&g->rng, n_items)];
		date_from_days(when[i], &row.d);
		date_format(&row.d, row.day);
		if (row.d.y != year) {
			year = row.d.y;
			seq = 0;
		}
		seq++;
		row.year = year;
		row.seq = seq;
		row.st_s[0] = g->set.station;
		row.st_s[1] = '\0';
		snprintf(row.no, sizeof row.no, "%04d-%c-%04d", year, g->set.station, seq);
		pick_donor(g, k, &row);
		demo_phone(&g->rng, row.phone);
		row.desig = designations[demo_rng_below(&g->rng, 4)];
		pick_gift(g, &row);
		/* The second cash donation was entered twice by mistake: void it. */
		row.do_void = !row.goods && ++n_cash == 2;
		if (insert_donation(g, &row) < 0)
			goto out;
		g->sum.donations++;
		if (row.goods) {
			row.it->stock += row.qty;
			for (int k2 = demo_rng_range(&g->rng, 1, 3); k2 > 0; k2--) {
				struct date dd = date_add(&row.d, demo_rng_below(&g->rng, 4));

				if (date_cmp(&dd, &g->today) > 0)
					dd = g->today;
				if (add_distribution(g, row.it, &dd) < 0)
					goto out;
			}
		}
	}
	r = 0;
out:
	free(when);
	return r;
}
