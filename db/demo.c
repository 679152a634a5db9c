/* db demo: the synthetic community, written in bulk; see demo.h.
 *
 * The generator walks a fixed order (staff, grids, households with their
 * residents, then each day's visits, isolations with their checks,
 * donations with their distributions) and draws every random choice from one
 * core/demo generator, so the rows depend only on the seed, the sizes and
 * "today".  The parts live beside this file (demo_gen.h lists them). */
#include "db/demo.h"

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
#include "db/bulkindex.h"
#include "db/daytemps.h"
#include "db/db.h"
#include "db/record.h"
#include "db/demo_checkpoints.h"
#include "db/demo_donations.h"
#include "db/demo_epi.h"
#include "db/demo_gen.h"
#include "db/demo_health.h"
#include "db/settings.h"
#include "db/search.h"
#include "db/sql.h"
/* ---- staff and grids ---- */

long long demo_add_staff(struct gen *g, const char *name, const char *role,
			 const char *phone)
{
	sqlite3_stmt *st = demo_prep(g, "INSERT INTO staff(uuid, created_at, updated_at, name, phone, role)"
				   " VALUES(?1, ?2, ?2, ?3, ?4, ?5)");
	char uuid[37];

	if (!st)
		return -1;
	demo_row(g, st, uuid, g->base_at);
	DEMO_BIND(st, 3, DV_T(name), DV_T(phone), DV_T(role));
	g->sum.staff++;
	return demo_run(g, st);
}

/* A staff name not used yet (names are unique among staff). */
void demo_staff_name(struct gen *g, char *out, size_t n, char **used, int n_used)
{
	for (;;) {
		char sex = demo_rng_chance(&g->rng, 600) ? 'F' : 'M';
		int dup = 0;

		demo_name(&g->rng, demo_surname(&g->rng), sex, out, n);
		for (int i = 0; i < n_used && !dup; i++)
			dup = !strcmp(used[i], out);
		if (!dup)
			return;
	}
}

static int make_staff_and_grids(struct gen *g)
{
	int n_names = g->n_grids + 6, n_used = 0;
	char **used = xcalloc((size_t)n_names, sizeof *used);
	char name[64], phone[12], gname[64], cn[32], uuid[37];
	sqlite3_stmt *st;
	int r = -1;

	demo_staff_name(g, name, sizeof name, used, n_used);
	used[n_used++] = xstrdup(name);
	demo_phone(&g->rng, phone);
	if (demo_add_staff(g, name, "director", phone) < 0)
		goto out;
	g->grid_staff = xcalloc((size_t)g->n_grids, sizeof *g->grid_staff);
	for (int i = 0; i < g->n_grids; i++) {
		demo_staff_name(g, name, sizeof name, used, n_used);
		used[n_used++] = xstrdup(name);
		demo_phone(&g->rng, phone);
		if ((g->grid_staff[i] = demo_add_staff(g, name, "grid_worker", phone)) < 0)
			goto out;
		st = demo_prep(g, "INSERT INTO grids(uuid, created_at, updated_at, name, staff_id)"
			     " VALUES(?1, ?2, ?2, ?3, ?4)");
		if (!st)
			goto out;
		demo_cn_number(i + 1, cn, sizeof cn);
		snprintf(gname, sizeof gname, "第%s网格", cn);
		demo_row(g, st, uuid, g->base_at);
		demo_bt(st, 3, gname);
		demo_bi(st, 4, g->grid_staff[i]);
		if (demo_run(g, st) < 0)
			goto out;
		g->sum.grids++;
	}
	for (int i = 0; i < 5; i++) {
		demo_staff_name(g, name, sizeof name, used, n_used);
		used[n_used++] = xstrdup(name);
		demo_phone(&g->rng, phone);
		if (demo_add_staff(g, name, "volunteer", phone) < 0)
			goto out;
	}
	r = 0;
out:
	for (int i = 0; i < n_used; i++)
		free(used[i]);
	free(used);
	return r;
}

/* ---- households and residents ---- */

struct person {
	char name[64];
	char sex;
	int age;
	const char *relation;
};

static const char *const rel_head = "head", *const rel_spouse = "spouse",
			  *const rel_child = "child", *const rel_parent = "parent",
			  *const rel_other = "other";

/* The people of one household, head first. */
static int make_family(struct gen *g, struct person *p)
{
	static const int size_permille[] = {150, 300, 300, 150, 100};
	int n = 0, k = demo_rng_below(&g->rng, 1000), size = 1;
	const char *surname = demo_surname(&g->rng);

	for (int i = 0, acc = 0; i < 5; i++) {
		acc += size_permille[i];
		if (k < acc) {
			size = i + 1;
			break;
		}
	}
	p[0].sex = demo_rng_chance(&g->rng, 700) ? 'M' : 'F';
	p[0].age = size == 1 ? demo_rng_range(&g->rng, 24, 88) : demo_rng_range(&g->rng, 28, 72);
	p[0].relation = rel_head;
	demo_name(&g->rng, surname, p[0].sex, p[0].name, sizeof p[0].name);
	n = 1;
	if (n < size && demo_rng_chance(&g->rng, 900)) {
		p[n].sex = p[0].sex == 'M' ? 'F' : 'M';
		p[n].age = p[0].age + demo_rng_range(&g->rng, -5, 4);
		p[n].relation = rel_spouse;
		demo_name(&g->rng, demo_surname(&g->rng), p[n].sex, p[n].name, sizeof p[n].name);
		n++;
	}
	while (n < size) {
		int parent = size == 5 && n == size - 1;

		p[n].sex = demo_rng_chance(&g->rng, 500) ? 'M' : 'F';
		if (parent) {
			p[n].age = p[0].age + demo_rng_range(&g->rng, 22, 32);
			if (p[n].age > 98)
				p[n].age = 98;
			p[n].relation = rel_parent;
			demo_name(&g->rng, p[n].sex == 'M' ? surname : demo_surname(&g->rng),
				  p[n].sex, p[n].name, sizeof p[n].name);
		} else {
			p[n].age = p[0].age - demo_rng_range(&g->rng, 22, 36);
			if (p[n].age < 0)
				p[n].age = demo_rng_range(&g->rng, 0, 6);
			p[n].relation = demo_rng_chance(&g->rng, 950) ? rel_child : rel_other;
			demo_name(&g->rng, surname, p[n].sex, p[n].name, sizeof p[n].name);
		}
		n++;
	}
	return n;
}

/* A birth date for someone `age` years old today. */
static struct date birth_for(struct gen *g, int age)
{
	struct date b = g->today;

	b.y -= age;
	b = date_add(&b, -demo_rng_below(&g->rng, 365));
	return b;
}

static int add_resident(struct gen *g, int hh_index, long long hid, const struct person *p,
			int alone)
{
	sqlite3_stmt *st = demo_prep(g,
				"INSERT INTO residents(uuid, created_at, updated_at, household_id, name,"
				" sex, id_type, id_number, birth_date, phone, relation, status, tags,"
				" returned_from, return_date, pinyin, id_rev, phone_rev) VALUES(?1, ?2,"
				" ?2, ?3, ?4, ?5, 'id', ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
	char uuid[37], idn[19], bd[DATE_STR], phone[12], sex[2] = {p->sex, 0}, tags[96] = "";
	char ret_date[DATE_STR];
	const char *status = "living", *returned_from = NULL;
	struct date birth;
	struct reskey k;
	struct res *r;
	long long id;
	int has_phone = p->age >= 16 && demo_rng_chance(&g->rng, 920);
	int st_code = ST_LIVING, k_status = demo_rng_below(&g->rng, 1000);

	if (!st)
		return -1;
	birth = birth_for(g, p->age);
	date_format(&birth, bd);
	do
		demo_id_number(&g->rng, demo_region(&g->rng), &birth, p->sex, idn);
	while (!demo_set_add(&g->ids, demo_id_key(idn)));
	if (has_phone)
		demo_phone(&g->rng, phone);
	if (k_status < 40 && p->relation != rel_head) {
		status = "away";
		st_code = ST_AWAY;
	} else if (k_status < 48 && p->relation != rel_head) {
		status = "moved_out";
		st_code = ST_MOVED;
	} else if (k_status < 51 && p->age > 70 && p->relation != rel_head) {
		status = "deceased";
		st_code = ST_DECEASED;
	}
	/* Tags, in model_tag order. */
	if (alone && p->age >= 65)
		strcat(tags, "elderly_alone,");
	if (p->age >= 45 && demo_rng_chance(&g->rng, 90 + p->age))
		strcat(tags, "chronic,");
	if (p->sex == 'F' && p->age >= 22 && p->age <= 38 && demo_rng_chance(&g->rng, 40))
		strcat(tags, "pregnant,");
	if (demo_rng_chance(&g->rng, 15))
		strcat(tags, "disabled,");
	if (p->age < 14)
		strcat(tags, "child,");
	if (st_code == ST_LIVING && p->age >= 16 && demo_rng_chance(&g->rng, 20)) {
		static const char *const places[] = {"湖北武汉", "湖北孝感", "湖北黄冈", "浙江温州",
						     "广东深圳"};
		struct date rd = date_add(&g->today, -demo_rng_range(&g->rng, 3, 40));

		strcat(tags, "returnee,");
		returned_from = places[demo_rng_below(&g->rng, 5)];
		date_format(&rd, ret_date);
	}
	if (*tags)
		tags[strlen(tags) - 1] = '\0';
	reskey_make(&k, p->name, idn, has_phone ? phone : NULL);
	demo_row(g, st, uuid, g->base_at);
	DEMO_BIND(st, 3, DV_I(hid), DV_T(p->name), DV_T(sex), DV_T(idn), DV_T(bd),
		  DV_T(has_phone ? phone : NULL), DV_T(p->relation), DV_T(status), DV_T(tags),
		  DV_T(returned_from), DV_T(returned_from ? ret_date : NULL), DV_T(k.pinyin),
		  DV_T(k.id_rev), DV_T(k.phone_rev));
	id = demo_run(g, st);
	reskey_free(&k);
	if (id < 0)
		return -1;
	if (g->n_res == g->cap_res) {
		g->cap_res = g->cap_res ? g->cap_res * 2 : 1024;
		g->res = xrealloc(g->res, (size_t)g->cap_res * sizeof *g->res);
	}
	r = &g->res[g->n_res++];
	r->id = id;
	r->hh = hh_index;
	r->sex = p->sex;
	r->status = (unsigned char)st_code;
	r->isolated = 0;
	g->sum.residents++;
	return 0;
}

/* Household i's code and address parts: flats of numbered buildings, and the
 * last few households in a village (高河村3组12号). */
struct place {
	char code[64], compound[64], building[16], unit[16], room[16], address[160];
};

struct layout {
	int building, unit, floor, door; /* the next flat */
	int floors, units, doors;        /* of the current building */
	int village_group, village_no;
};

static void next_building(struct gen *g, struct layout *l)
{
	static const int floors[] = {6, 6, 7, 11, 18};

	l->building++;
	l->floors = floors[demo_rng_below(&g->rng, 5)];
	l->units = demo_rng_range(&g->rng, 2, 4);
	l->doors = l->floors > 7 ? 4 : 2;
	l->unit = 1;
	l->floor = 1;
	l->door = 1;
}

static void next_place(struct gen *g, struct layout *l, int village, struct place *p)
{
	memset(p, 0, sizeof *p);
	if (village) {
		if (l->village_no == 0 || demo_rng_chance(&g->rng, 60)) {
			l->village_group++;
			l->village_no = 0;
		}
		l->village_no += demo_rng_range(&g->rng, 1, 3);
		snprintf(p->compound, sizeof p->compound, "高河村");
		snprintf(p->building, sizeof p->building, "%d组", l->village_group);
		snprintf(p->room, sizeof p->room, "%d号", l->village_no);
		snprintf(p->code, sizeof p->code, "高河村%d组%d号", l->village_group, l->village_no);
		snprintf(p->address, sizeof p->address, "高河村%d组%d号", l->village_group,
			 l->village_no);
		return;
	}
	for (;;) {
		if (l->building == 0 || l->unit > l->units)
			next_building(g, l);
		int room = l->floor * 100 + l->door;
		int vacant = demo_rng_chance(&g->rng, 80);

		snprintf(p->code, sizeof p->code, "%d-%d-%d", l->building, l->unit, room);
		snprintf(p->building, sizeof p->building, "%d", l->building);
		snprintf(p->unit, sizeof p->unit, "%d", l->unit);
		snprintf(p->room, sizeof p->room, "%d", room);
		if (++l->door > l->doors) {
			l->door = 1;
			if (++l->floor > l->floors) {
				l->floor = 1;
				l->unit++;
			}
		}
		if (!vacant)
			break;
	}
	snprintf(p->compound, sizeof p->compound, "幸福里小区");
	snprintf(p->address, sizeof p->address, "幸福里小区%s栋%s单元%s室", p->building, p->unit,
		 p->room);
}

static int make_households(struct gen *g, int n)
{
	int villages = n >= 20 ? (n / 60 > 2 ? n / 60 : 2) : 0;
	struct layout l = {0};
	struct person fam[5];
	struct place pl;
	char uuid[37], *key;
	sqlite3_stmt *st;

	g->hh = xcalloc((size_t)n, sizeof *g->hh);
	g->grid_size = xcalloc((size_t)g->n_grids, sizeof *g->grid_size);
	for (int i = 0; i < n; i++) {
		struct hh *h = &g->hh[i];
		int nf;

		next_place(g, &l, i >= n - villages, &pl);
		/* Grids are runs of consecutive households (whole streets). */
		h->grid = (int)((long long)i * g->n_grids / n);
		h->idx_in_grid = g->grid_size[h->grid]++;
		nf = make_family(g, fam);
		st = demo_prep(g, "INSERT INTO households(uuid, created_at, updated_at, code, sort_key,"
			     " compound, building, unit, room, address, grid_id, phone) VALUES(?1, ?2,"
			     " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, (SELECT id FROM grids WHERE staff_id = ?10),"
			     " ?11)");
		if (!st)
			return -1;
		key = natsort_key(pl.code);
		demo_row(g, st, uuid, g->base_at);
		DEMO_BIND(st, 3, DV_T(pl.code), DV_T(key), DV_T(pl.compound),
			  DV_T(pl.building[0] ? pl.building : NULL),
			  DV_T(pl.unit[0] ? pl.unit : NULL), DV_T(pl.room[0] ? pl.room : NULL),
			  DV_T(pl.address), DV_I(g->grid_staff[h->grid]));
		sqlite3_bind_null(st, 11);
		free(key);
		if ((h->id = demo_run(g, st)) < 0)
			return -1;
		g->sum.households++;
		h->first_res = g->n_res;
		for (int j = 0; j < nf; j++)
			if (add_resident(g, i, h->id, &fam[j], nf == 1) < 0)
				return -1;
		h->n_res = g->n_res - h->first_res;
		for (int j = 0; j < h->n_res; j++)
			h->n_living += g->res[h->first_res + j].status == ST_LIVING;
	}
	g->n_hh = n;
	/* The household's phone is its head's. */
	return db_exec(g->db,
		       "UPDATE households SET phone = (SELECT r.phone FROM residents r"
		       " WHERE r.household_id = households.id AND r.relation = 'head')",
		       g->e);
}

int db_demo_is_empty(struct db *db, struct err *e)
{
	long long n = sql_scalar(db,
				 "SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM"
				 " residents) + (SELECT count(*) FROM visits) + (SELECT count(*) FROM"
				 " isolations) + (SELECT count(*) FROM donations)",
				 e);

	return n < 0 ? -1 : n == 0;
}

static int ensure_settings(struct gen *g, const char *community)
{
	int found = db_settings_get(g->db, &g->set, g->e);

	if (found != 0)
		return found < 0 ? -1 : 0;
	xstrset(&g->set.community, community && *community ? community : "幸福里社区");
	xstrset(&g->set.street, "长江路街道");
	xstrset(&g->set.district, "湖滨区");
	if (db_settings_put(g->db, &g->set, g->e) < 0)
		return -1;
	settings_clear(&g->set);
	return db_settings_get(g->db, &g->set, g->e) < 0 ? -1 : 0;
}

/* A few visitors a day at the first checkpoint over the last week: couriers,
 * relatives, repairmen; now and then one with a fever, or one back from a
 * key area within the isolation days, refused with the reason. */
static int make_visitors(struct gen *g, int days)
{
	static const char *const names[] = {"快递员张伟", "外卖员李强", "维修工王师傅",
					    "亲属陈丽",   "送菜员赵军", "亲属刘洋"};
	static const char *const places[] = {"本市江岸区", "本市硚口区", "本县城关镇",
					     "湖北省武汉市", "本市汉阳区", "河南信阳"};
	static const char *const reasons[] = {"送快递", "送外卖", "上门维修水管",
					      "探望老人", "送菜", "送药"};
	sqlite3_stmt *st = demo_prep(g, "INSERT INTO visitors(uuid, created_at, updated_at, name,"
				   " from_place, arrived_date, household_id, reason, temperature,"
				   " time_in, time_out, admitted, refusal, checkpoint_id, staff_id)"
				   " VALUES(?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?2, ?9, ?10, ?11,"
				   " (SELECT min(id) FROM checkpoints), ?12)");
	char uuid[37], at[CLOCK_STR], out[CLOCK_STR], arr[DATE_STR];

	if (!st)
		return -1;
	for (int back = days < 7 ? days - 1 : 6; back >= 0; back--) {
		struct date d = date_add(&g->today, -back);

		for (int k = 0; k < 4; k++) {
			int i = demo_rng_below(&g->rng, 6), min = 8 * 60 + k * 150 + 7 * i;
			int t = demo_rng_chance(&g->rng, 25) ? 378 : demo_normal_temperature(g);
			int key = !strcmp(places[i], "湖北省武汉市"), refused = t >= 373 || key;
			struct date ad = date_add(&d, -3);

			if (!demo_is_past(g, &d, min))
				continue;
			demo_fmt_at(at, &d, min);
			demo_fmt_at(out, &d, min + 40);
			date_format(&ad, arr);
			demo_row(g, st, uuid, at);
			demo_bt(st, 3, names[i]);
			demo_bt(st, 4, places[i]);
			demo_bt(st, 5, arr);
			demo_bi(st, 6, g->hh[demo_rng_below(&g->rng, g->n_hh)].id);
			demo_bt(st, 7, reasons[i]);
			demo_bi(st, 8, t);
			demo_bt(st, 9, refused || !demo_is_past(g, &d, min + 40) ? NULL : out);
			demo_bi(st, 10, !refused);
			demo_bt(st, 11, t >= 373	? "劝返：体温 37.8 °C，发热。"
				   : key ? "劝返：来自湖北，抵达未满 14 天。"
					 : NULL);
			demo_bi(st, 12, g->grid_staff[0]);
			if (demo_run(g, st) < 0)
				return -1;
			g->sum.visitors++;
		}
	}
	return 0;
}

static int audit_batch(struct gen *g, const struct demo_params *p)
{
	/* The counts after the seed, households and days. */
	const struct {
		const char *name;
		long long n;
	} counts[] = {{"residents", g->sum.residents},
		      {"visits", g->sum.visits},
		      {"readings", g->sum.readings},
		      {"isolations", g->sum.isolations},
		      {"checks", g->sum.checks},
		      {"donations", g->sum.donations},
		      {"distributions", g->sum.distributions},
		      {"checkpoints", g->sum.checkpoints},
		      {"shifts", g->sum.shifts},
		      {"passes", g->sum.passes},
		      {"pass_events", g->sum.pass_events},
		      {"followups", g->sum.followups},
		      {"visitors", g->sum.visitors}};
	struct strbuf ch = STRBUF_INIT;
	int r;

	json_open(&ch);
	json_add_int(&ch, "seed", (long long)p->seed);
	json_add_int(&ch, "households", g->sum.households);
	json_add_int(&ch, "days", p->days);
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		json_add_int(&ch, counts[i].name, counts[i].n);
	r = record_audit(g->db, "insert", "demo", NULL, &ch, g->e);
	strbuf_free(&ch);
	return r;
}

/* The indexes that the bulk rows would hit at random places (visits by
 * household, readings by resident, the residents' search keys; the others
 * grow at their end, since rows go in by date) are set aside while the rows
 * go in and built again at the end (db/bulkindex): one sort is far cheaper
 * than millions of scattered inserts. */
static const char *const scattered_indexes[] = {
    "visits_household", "readings_resident",   "residents_name",
    "residents_pinyin", "residents_id_rev",    "residents_phone_rev", NULL,
};

int db_demo_generate(struct db *db, const struct demo_params *p, struct demo_summary *out,
		     struct err *e)
{
	struct bulkindex idx = {NULL, 0};
	int temps = 0; /* the day_temps triggers set aside */
	struct gen g;
	int r = -1, empty;

	memset(&g, 0, sizeof g);
	memset(out, 0, sizeof *out);
	if (p->households < 1 || p->households > 200000)
		return err_field(e, "households", _("--households must be 1 to 200000"));
	if (p->days < 1 || p->days > 366)
		return err_field(e, "days", _("--days must be 1 to 366"));
	g.db = db;
	g.e = e;
	demo_rng_seed(&g.rng, p->seed);
	clock_now(g.now);
	clock_today(&g.today);
	g.now_min = clock_minutes();
	g.first = date_add(&g.today, -(p->days - 1));
	{
		struct date before = date_add(&g.first, -1);

		demo_fmt_at(g.base_at, &before, 9 * 60);
		g.uuid_ms = (uint64_t)(date_to_days(&before) * 86400LL + 9 * 3600) * 1000;
	}
	g.n_grids = p->households / 400 > 3 ? p->households / 400 : 3;
	if (g.n_grids > p->households)
		g.n_grids = p->households;
	/* A big cache keeps the index pages of a bulk insert in memory.  While
	 * the database is still empty, a rollback journal writes each page once
	 * (WAL would write it twice, and look every page up in its index); WAL
	 * comes back at the end.  If another connection holds the file in WAL
	 * mode the switch fails harmlessly and the demo runs in WAL. */
	if (db_exec(db, "PRAGMA cache_size=-131072", e) < 0)
		return -1;
	if (db_demo_is_empty(db, e) == 1) {
		db_exec(db, "PRAGMA journal_mode=DELETE", NULL);
		db_exec(db, "PRAGMA synchronous=OFF", NULL);
	}
	/* The generator makes every reference itself; checking each of millions
	 * of them costs a lookup per key.  `doorstep check` runs
	 * foreign_key_check over the result, and the integration test does too. */
	if (db_exec(db, "PRAGMA foreign_keys=OFF", e) < 0 || db_begin(db, e) < 0)
		goto done;
	empty = db_demo_is_empty(db, e);
	if (empty <= 0) {
		if (empty == 0)
			err_set(e,
				_("%s already holds a community: demo writes only into a new or "
				  "empty database (use another --db)"),
				db_path(db));
		goto out;
	}
	if (ensure_settings(&g, p->community) < 0 ||
	    db_bulkindex_drop_named(db, scattered_indexes, &idx, e) < 0 ||
	    db_daytemps_suspend(db, &temps, e) < 0 ||
	    make_staff_and_grids(&g) < 0 || make_households(&g, p->households) < 0 ||
	    demo_make_visits(&g, p->days) < 0 || demo_make_isolations(&g, p->days) < 0 ||
	    demo_make_donations(&g, p->days) < 0 || demo_make_checkpoints(&g, p->days) < 0 ||
	    demo_make_followups(&g) < 0 || make_visitors(&g, p->days) < 0 ||
	    db_demo_epi(db, e) < 0 ||
	    db_bulkindex_restore(db, &idx, e) < 0 || db_daytemps_resume(db, &temps, e) < 0 ||
	    db_search_sync(db, e) < 0 ||
	    audit_batch(&g, p) < 0)
		goto out;
	if (db_commit(db, e) < 0)
		goto done;
	*out = g.sum;
	r = 0;
	goto done;
out:
	db_rollback(db);
done:
	db_exec(db, "PRAGMA cache_size=-2000", NULL);
	db_exec(db, "PRAGMA synchronous=NORMAL", NULL);
	db_exec(db, "PRAGMA foreign_keys=ON", NULL);
	if (db_path(db)[0])
		db_exec(db, "PRAGMA journal_mode=WAL", NULL);
	db_bulkindex_free(&idx);
	demo_set_free(&g.ids);
	settings_clear(&g.set);
	free(g.grid_staff);
	free(g.grid_size);
	free(g.hh);
	free(g.res);
	return r;
}
