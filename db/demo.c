/* db demo: the synthetic community, written in bulk; see demo.h.
 *
 * The generator walks a fixed order (staff, grids, households with their
 * residents, then each day's visits, isolations with their checks,
 * donations with their distributions) and draws every random choice from one
 * core/demo generator, so the rows depend only on the seed, the sizes and
 * "today". */
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
#include "db/db.h"
#include "db/demo_epi.h"
#include "db/settings.h"
#include "db/search.h"
#include "db/sql.h"

enum { ST_LIVING, ST_AWAY, ST_MOVED, ST_DECEASED };

struct hh {
	long long id;
	int grid;
	int idx_in_grid;
	int first_res, n_res;
	int n_living; /* residents living here (others away, moved out ...) */
};

struct res {
	long long id;
	int hh;
	char sex;
	unsigned char status;
	unsigned char isolated;
};

struct gen {
	struct db *db;
	struct demo_rng rng;
	struct demo_set ids;
	struct settings set;
	struct date today, first;
	char now[CLOCK_STR];
	int now_min;
	char base_at[CLOCK_STR]; /* created_at of the community's records */
	int n_grids;
	long long *grid_staff;   /* staff id per grid */
	int *grid_size;
	struct hh *hh;
	int n_hh;
	struct res *res;
	int n_res, cap_res;
	uint64_t uuid_ms;        /* time part of the next UUID */
	struct demo_summary sum;
	struct err *e;
};

/* Every record's UUID: version 7, one millisecond apart from the one
 * before, so the uuid indexes grow at their end. */
static void new_uuid(struct gen *g, char out[37])
{
	demo_rng_uuid7(&g->rng, g->uuid_ms++, out);
}

/* Binding by position: the bulk path avoids the name lookups of sql_bind_*.
 * Text is bound SQLITE_TRANSIENT, so stack buffers may be reused at once. */
static void bt(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bi(sqlite3_stmt *st, int i, long long v)
{
	sqlite3_bind_int64(st, i, v);
}

/* Binds v, or NULL when v is negative. */
static void bn(sqlite3_stmt *st, int i, long long v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

/* Steps an INSERT and returns the new rowid, or -1 with g->e filled. */
static long long run(struct gen *g, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		sql_error(g->db, g->e, _("writing the demo"));
		return -1;
	}
	return sqlite3_last_insert_rowid(db_handle(g->db));
}

static sqlite3_stmt *prep(struct gen *g, const char *sql)
{
	return db_stmt(g->db, sql, g->e);
}

static void fmt_at(char out[CLOCK_STR], const struct date *d, int minutes)
{
	char day[DATE_STR];

	unsigned m;

	if (minutes > 23 * 60 + 59)
		minutes = 23 * 60 + 59;
	m = minutes < 0 ? 0u : (unsigned)minutes;
	date_format(d, day);
	snprintf(out, CLOCK_STR, "%.10s %02u:%02u:%02u", day, m / 60 % 24, m % 60, m * 7 % 60);
}

/* 1 when a moment of day d at minutes has already happened. */
static int is_past(struct gen *g, const struct date *d, int minutes)
{
	int c = date_cmp(d, &g->today);

	return c < 0 || (c == 0 && minutes <= g->now_min);
}

/* ---- staff and grids ---- */

static long long add_staff(struct gen *g, const char *name, const char *role, const char *phone)
{
	sqlite3_stmt *st = prep(g, "INSERT INTO staff(uuid, created_at, updated_at, name, phone, role)"
				   " VALUES(?1, ?2, ?2, ?3, ?4, ?5)");
	char uuid[37];

	if (!st)
		return -1;
	new_uuid(g, uuid);
	bt(st, 1, uuid);
	bt(st, 2, g->base_at);
	bt(st, 3, name);
	bt(st, 4, phone);
	bt(st, 5, role);
	g->sum.staff++;
	return run(g, st);
}

/* A staff name not used yet (names are unique among staff). */
static void staff_name(struct gen *g, char *out, size_t n, char **used, int n_used)
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

	staff_name(g, name, sizeof name, used, n_used);
	used[n_used++] = xstrdup(name);
	demo_phone(&g->rng, phone);
	if (add_staff(g, name, "director", phone) < 0)
		goto out;
	g->grid_staff = xcalloc((size_t)g->n_grids, sizeof *g->grid_staff);
	for (int i = 0; i < g->n_grids; i++) {
		staff_name(g, name, sizeof name, used, n_used);
		used[n_used++] = xstrdup(name);
		demo_phone(&g->rng, phone);
		if ((g->grid_staff[i] = add_staff(g, name, "grid_worker", phone)) < 0)
			goto out;
		st = prep(g, "INSERT INTO grids(uuid, created_at, updated_at, name, staff_id)"
			     " VALUES(?1, ?2, ?2, ?3, ?4)");
		if (!st)
			goto out;
		demo_cn_number(i + 1, cn, sizeof cn);
		snprintf(gname, sizeof gname, "第%s网格", cn);
		new_uuid(g, uuid);
		bt(st, 1, uuid);
		bt(st, 2, g->base_at);
		bt(st, 3, gname);
		bi(st, 4, g->grid_staff[i]);
		if (run(g, st) < 0)
			goto out;
		g->sum.grids++;
	}
	for (int i = 0; i < 5; i++) {
		staff_name(g, name, sizeof name, used, n_used);
		used[n_used++] = xstrdup(name);
		demo_phone(&g->rng, phone);
		if (add_staff(g, name, "volunteer", phone) < 0)
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
	sqlite3_stmt *st = prep(g,
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
	new_uuid(g, uuid);
	reskey_make(&k, p->name, idn, has_phone ? phone : NULL);
	bt(st, 1, uuid);
	bt(st, 2, g->base_at);
	bi(st, 3, hid);
	bt(st, 4, p->name);
	bt(st, 5, sex);
	bt(st, 6, idn);
	bt(st, 7, bd);
	bt(st, 8, has_phone ? phone : NULL);
	bt(st, 9, p->relation);
	bt(st, 10, status);
	bt(st, 11, tags);
	bt(st, 12, returned_from);
	bt(st, 13, returned_from ? ret_date : NULL);
	bt(st, 14, k.pinyin);
	bt(st, 15, k.id_rev);
	bt(st, 16, k.phone_rev);
	id = run(g, st);
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
		st = prep(g, "INSERT INTO households(uuid, created_at, updated_at, code, sort_key,"
			     " compound, building, unit, room, address, grid_id, phone) VALUES(?1, ?2,"
			     " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, (SELECT id FROM grids WHERE staff_id = ?10),"
			     " ?11)");
		if (!st)
			return -1;
		new_uuid(g, uuid);
		key = natsort_key(pl.code);
		bt(st, 1, uuid);
		bt(st, 2, g->base_at);
		bt(st, 3, pl.code);
		bt(st, 4, key);
		bt(st, 5, pl.compound);
		bt(st, 6, pl.building[0] ? pl.building : NULL);
		bt(st, 7, pl.unit[0] ? pl.unit : NULL);
		bt(st, 8, pl.room[0] ? pl.room : NULL);
		bt(st, 9, pl.address);
		bi(st, 10, g->grid_staff[h->grid]);
		sqlite3_bind_null(st, 11);
		free(key);
		if ((h->id = run(g, st)) < 0)
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

/* ---- visits and readings ---- */

static int normal_temperature(struct gen *g)
{
	return 360 + demo_rng_below(&g->rng, 5) + demo_rng_below(&g->rng, 5);
}

/* Visits and readings go in as multi-row INSERTs of BATCH rows with ids
 * given here (the tables are empty when the demo starts), so that a reading
 * knows its visit's id before the visit is written: per-statement overhead
 * is most of the cost of a bulk insert. */
#define BATCH 128

struct vrow {
	long long id, household_id, staff_id;
	char uuid[37], at[CLOCK_STR], date[DATE_STR];
	const char *outcome;
};

struct rrow {
	long long id, visit_id, resident_id;
	int temperature; /* 0: NULL */
	const char *symptoms;
	char uuid[37], at[CLOCK_STR];
};

struct batches {
	struct vrow v[BATCH];
	struct rrow r[BATCH];
	int nv, nr;
	long long next_visit, next_reading;
	char *vsql_many, *rsql_many; /* BATCH rows */
};

static const char vsql_head[] = "INSERT INTO visits(id, uuid, created_at, updated_at, household_id,"
				" at, date, staff_id, outcome) VALUES";
static const char rsql_head[] = "INSERT INTO readings(id, uuid, created_at, updated_at, visit_id,"
				" resident_id, temperature, symptoms) VALUES";

static char *batch_sql(const char *head, const char *row, int rows)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, head);
	for (int i = 0; i < rows; i++) {
		strbuf_puts(&b, i ? "," : "");
		strbuf_puts(&b, row);
	}
	return strbuf_detach(&b);
}

static int flush_visits(struct gen *g, struct batches *b)
{
	static const char one[] = "INSERT INTO visits(id, uuid, created_at, updated_at, household_id,"
				  " at, date, staff_id, outcome) VALUES(?,?,?,?,?,?,?,?,?)";
	int full = b->nv == BATCH;
	sqlite3_stmt *st = NULL;
	int p = 1;

	for (int i = 0; i < b->nv; i++) {
		const struct vrow *v = &b->v[i];

		if (!full || i == 0) {
			if (!(st = prep(g, full ? b->vsql_many : one)))
				return -1;
			p = 1;
		}
		sqlite3_bind_int64(st, p++, v->id);
		sqlite3_bind_text(st, p++, v->uuid, 36, SQLITE_STATIC);
		sqlite3_bind_text(st, p++, v->at, 19, SQLITE_STATIC);
		sqlite3_bind_text(st, p++, v->at, 19, SQLITE_STATIC);
		sqlite3_bind_int64(st, p++, v->household_id);
		sqlite3_bind_text(st, p++, v->at, 19, SQLITE_STATIC);
		sqlite3_bind_text(st, p++, v->date, 10, SQLITE_STATIC);
		sqlite3_bind_int64(st, p++, v->staff_id);
		sqlite3_bind_text(st, p++, v->outcome, -1, SQLITE_STATIC);
		if ((!full || i == b->nv - 1) && run(g, st) < 0)
			return -1;
	}
	b->nv = 0;
	return 0;
}

static int flush_readings(struct gen *g, struct batches *b)
{
	static const char one[] = "INSERT INTO readings(id, uuid, created_at, updated_at, visit_id,"
				  " resident_id, temperature, symptoms) VALUES(?,?,?,?,?,?,?,?)";
	int full = b->nr == BATCH;
	sqlite3_stmt *st = NULL;
	int p = 1;

	for (int i = 0; i < b->nr; i++) {
		const struct rrow *r = &b->r[i];

		if (!full || i == 0) {
			if (!(st = prep(g, full ? b->rsql_many : one)))
				return -1;
			p = 1;
		}
		sqlite3_bind_int64(st, p++, r->id);
		sqlite3_bind_text(st, p++, r->uuid, 36, SQLITE_STATIC);
		sqlite3_bind_text(st, p++, r->at, 19, SQLITE_STATIC);
		sqlite3_bind_text(st, p++, r->at, 19, SQLITE_STATIC);
		sqlite3_bind_int64(st, p++, r->visit_id);
		sqlite3_bind_int64(st, p++, r->resident_id);
		if (r->temperature)
			sqlite3_bind_int(st, p++, r->temperature);
		else
			sqlite3_bind_null(st, p++);
		sqlite3_bind_text(st, p++, r->symptoms, -1, SQLITE_STATIC);
		if ((!full || i == b->nr - 1) && run(g, st) < 0)
			return -1;
	}
	b->nr = 0;
	return 0;
}

static int add_visit(struct gen *g, struct batches *b, const struct hh *h, const struct date *d,
		     int minutes, const char *outcome)
{
	struct vrow *v;

	if (b->nv == BATCH && flush_visits(g, b) < 0)
		return -1;
	v = &b->v[b->nv++];
	v->id = b->next_visit++;
	v->household_id = h->id;
	v->staff_id = g->grid_staff[h->grid];
	v->outcome = outcome;
	fmt_at(v->at, d, minutes);
	memcpy(v->date, v->at, 10);
	v->date[10] = '\0';
	new_uuid(g, v->uuid);
	g->sum.visits++;
	if (strcmp(outcome, "visited"))
		return 0;
	for (int j = 0; j < h->n_res; j++) {
		const struct res *res = &g->res[h->first_res + j];
		struct rrow *r;
		int t = 0;
		const char *sym = "";

		if (res->status != ST_LIVING)
			continue;
		if (demo_rng_chance(&g->rng, 930)) {
			if (demo_rng_chance(&g->rng, 2)) {
				t = demo_rng_range(&g->rng, 373, 392);
				sym = demo_rng_chance(&g->rng, 500) ? "cough" : "cough,fatigue";
			} else {
				t = normal_temperature(g);
			}
		} else if (demo_rng_chance(&g->rng, 700)) {
			continue; /* not met, and the worker wrote nothing */
		}
		if (b->nr == BATCH && flush_readings(g, b) < 0)
			return -1;
		r = &b->r[b->nr++];
		r->id = b->next_reading++;
		r->visit_id = v->id;
		r->resident_id = res->id;
		r->temperature = t;
		r->symptoms = sym;
		memcpy(r->at, v->at, sizeof r->at);
		new_uuid(g, r->uuid);
		g->sum.readings++;
	}
	return 0;
}

static int make_visits(struct gen *g, int days)
{
	struct batches *b = xcalloc(1, sizeof *b);
	int r = -1;

	b->vsql_many = batch_sql(vsql_head, "(?,?,?,?,?,?,?,?,?)", BATCH);
	b->rsql_many = batch_sql(rsql_head, "(?,?,?,?,?,?,?,?)", BATCH);
	b->next_visit = sql_scalar(g->db, "SELECT coalesce(max(id), 0) + 1 FROM visits", g->e);
	b->next_reading = sql_scalar(g->db, "SELECT coalesce(max(id), 0) + 1 FROM readings", g->e);
	if (b->next_visit < 0 || b->next_reading < 0)
		goto out;
	for (int k = 0; k < days; k++) {
		struct date d = date_add(&g->first, k);

		for (int i = 0; i < g->n_hh; i++) {
			const struct hh *h = &g->hh[i];
			int size = g->grid_size[h->grid];
			int minutes = 8 * 60 + 30 + h->idx_in_grid * 540 / (size ? size : 1) +
				      demo_rng_below(&g->rng, 10);
			int o = demo_rng_below(&g->rng, 1000);
			const char *outcome = "visited";

			if (demo_rng_chance(&g->rng, 40) || !is_past(g, &d, minutes))
				continue; /* not visited that day, or not yet */
			if (h->n_living == 0 || o < 10)
				outcome = "away";
			else if (o < 55)
				outcome = "no_answer";
			else if (o < 60)
				outcome = "refused";
			if (add_visit(g, b, h, &d, minutes, outcome) < 0)
				goto out;
			/* Half the closed doors get a second try later that day. */
			if (!strcmp(outcome, "no_answer") && demo_rng_chance(&g->rng, 500)) {
				minutes += demo_rng_range(&g->rng, 120, 300);
				if (minutes < 21 * 60 && is_past(g, &d, minutes) &&
				    add_visit(g, b, h, &d, minutes, "visited") < 0)
					goto out;
			}
		}
	}
	if (flush_visits(g, b) < 0 || flush_readings(g, b) < 0)
		goto out;
	r = 0;
out:
	free(b->vsql_many);
	free(b->rsql_many);
	free(b);
	return r;
}

/* ---- isolations and checks ---- */

struct iso_plan {
	long long rid;
	int grid;
	const char *kind, *site, *reason;
	struct date start;
	int days, ext;
	const char *end_reason; /* NULL while active */
	struct date end;
	long long previous_id;
	int fever_end; /* its checks of the last two days run a fever */
};

static long long add_isolation(struct gen *g, const struct iso_plan *p)
{
	sqlite3_stmt *st =
	    prep(g, "INSERT INTO isolations(uuid, created_at, updated_at,"
		    " resident_id, kind, site, reason, start_date, days, extended_days,"
		    " end_date, end_reason, previous_id, release_override) VALUES(?1, ?2,"
		    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	char uuid[37], created[CLOCK_STR], updated[CLOCK_STR], start[DATE_STR], end[DATE_STR];

	if (!st)
		return -1;
	new_uuid(g, uuid);
	fmt_at(created, &p->start, 8 * 60);
	fmt_at(updated, p->end_reason ? &p->end : &p->start, 8 * 60);
	date_format(&p->start, start);
	date_format(&p->end, end);
	bt(st, 1, uuid);
	bt(st, 2, created);
	bt(st, 3, updated);
	bi(st, 4, p->rid);
	bt(st, 5, p->kind);
	bt(st, 6, p->site);
	bt(st, 7, p->reason);
	bt(st, 8, start);
	bi(st, 9, p->days);
	bi(st, 10, p->ext);
	bt(st, 11, p->end_reason ? end : NULL);
	bt(st, 12, p->end_reason);
	bn(st, 13, p->previous_id);
	/* Released as completed despite the fever of its last days: the
	 * override of the safe-release rule, with its reason. */
	bt(st, 14,
	   p->fever_end && p->end_reason && !strcmp(p->end_reason, "completed")
	       ? "区疾控复核：复测体温正常，同意解除"
	       : NULL);
	g->sum.isolations++;
	return run(g, st);
}

static int add_checks(struct gen *g, long long iid, const struct iso_plan *p)
{
	static const char *const methods[] = {"in_person", "in_person", "phone", "phone",
					      "self_report"};
	sqlite3_stmt *st =
	    prep(g, "INSERT INTO checks(uuid, created_at, updated_at, isolation_id,"
		    " date, slot, at, temperature, symptoms, method, late, staff_id,"
		    " unmeasured) VALUES(?1, ?2, ?2, ?3, ?4, ?5, ?2, ?6, ?7, ?8, ?9, ?10,"
		    " ?11)");
	struct date last = date_add(&p->start, p->days + p->ext - 1), stop = g->today;
	char uuid[37], at[CLOCK_STR], day[DATE_STR];

	if (!st)
		return -1;
	if (p->end_reason)
		stop = date_add(&p->end, -1); /* released (or moved) that day */
	for (struct date d = p->start; date_cmp(&d, &stop) <= 0; d = date_add(&d, 1)) {
		date_format(&d, day);
		for (int slot = 0; slot < 2; slot++) {
			int minutes = (slot ? 17 * 60 : 8 * 60) + demo_rng_below(&g->rng, 180);
			int t = demo_rng_chance(&g->rng, 8) ? demo_rng_range(&g->rng, 373, 385)
							  : normal_temperature(g);
			int unmeasured;

			if (p->fever_end && date_diff(&stop, &d) <= 1)
				t = 381 + slot;

			if (demo_rng_chance(&g->rng, 30) || !is_past(g, &d, minutes))
				continue; /* missed, or not yet */
			new_uuid(g, uuid);
			fmt_at(at, &d, minutes);
			bt(st, 1, uuid);
			bt(st, 2, at);
			bi(st, 3, iid);
			bt(st, 4, day);
			bt(st, 5, slot ? "PM" : "AM");
			/* Now and then no thermometer at the door: the reason instead. */
			unmeasured = t < g->set.fever_threshold && g->sum.checks % 61 == 60;
			if (unmeasured)
				bn(st, 6, -1);
			else
				bi(st, 6, t);
			bt(st, 11, unmeasured ? "住户不在家，电话联系称无不适" : NULL);
			bt(st, 7, t >= g->set.fever_threshold ? "cough" : "");
			bt(st, 8, methods[demo_rng_below(&g->rng, 5)]);
			bi(st, 9, date_cmp(&d, &last) > 0);
			bi(st, 10, g->grid_staff[p->grid]);
			if (run(g, st) < 0)
				return -1;
			g->sum.checks++;
		}
	}
	return 0;
}

/* Ends plan p on day `on` when that day has come, else leaves it active. */
static void end_on(struct gen *g, struct iso_plan *p, struct date on, const char *reason)
{
	if (date_cmp(&on, &g->today) <= 0) {
		p->end = on;
		p->end_reason = reason;
	}
}

static int make_isolations(struct gen *g, int days)
{
	static const char *const sites[] = {"市第三招待所集中隔离点", "锦江之星火车站店集中隔离点",
					    "区委党校集中隔离点"};
	static const char *const reasons[] = {"key_area", "key_area", "key_area", "close_contact",
					      "close_contact", "secondary_contact", "symptoms",
					      "other"};
	int n = g->n_res / 60 > 12 ? g->n_res / 60 : 12, living = 0;

	for (int i = 0; i < g->n_res; i++)
		living += g->res[i].status == ST_LIVING;
	if (n > living / 2)
		n = living / 2;
	for (int j = 0; j < n; j++) {
		struct iso_plan p = {0};
		struct res *r;
		long long id;
		int scenario = j % 10;

		do
			r = &g->res[demo_rng_below(&g->rng, g->n_res)];
		while (r->status != ST_LIVING || r->isolated);
		r->isolated = 1;
		p.rid = r->id;
		p.grid = g->hh[r->hh].grid;
		p.previous_id = -1;
		p.reason = reasons[demo_rng_below(&g->rng, 8)];
		if (j % 20 == 7) {
			p.kind = "hospital";
		} else if (demo_rng_chance(&g->rng, 300)) {
			p.kind = "central";
			p.site = sites[demo_rng_below(&g->rng, 3)];
		} else {
			p.kind = "home";
		}
		/* Spread the starts so that every day of the isolation shows up. */
		p.start = date_add(&g->today, -demo_rng_below(&g->rng, days + 12));
		p.days = g->set.isolation_days;
		if (scenario == 0)
			p.ext = 7;
		if (scenario == 1) {
			/* A new exposure: the first period ends "restarted". */
			struct date rs = date_add(&p.start, demo_rng_range(&g->rng, 2, 8));

			if (date_cmp(&rs, &g->today) <= 0) {
				p.end = rs;
				p.end_reason = "restarted";
				if ((id = add_isolation(g, &p)) < 0 || add_checks(g, id, &p) < 0)
					return -1;
				p.previous_id = id;
				p.start = rs;
				p.end_reason = NULL;
			}
		}
		if (scenario == 2)
			end_on(g, &p, date_add(&p.start, demo_rng_range(&g->rng, 2, 6)), "hospitalised");
		else if (scenario == 3)
			end_on(g, &p, date_add(&p.start, demo_rng_range(&g->rng, 3, 9)), "confirmed");
		else if (scenario == 4)
			end_on(g, &p, date_add(&p.start, demo_rng_range(&g->rng, 1, 5)), "moved_away");
		else if (scenario == 5)
			end_on(g, &p, p.start, "error");
		p.fever_end = j % 20 == 8; /* a fever alert, when still active */
		if (!p.end_reason && j % 20 != 6) {
			/* Released the day after the last day, once that day has come. */
			end_on(g, &p, date_add(&p.start, p.days + p.ext), "completed");
		}
		if ((id = add_isolation(g, &p)) < 0 || add_checks(g, id, &p) < 0)
			return -1;
	}
	return 0;
}

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
	sqlite3_stmt *st = prep(g, "INSERT INTO distributions(uuid, created_at, updated_at, item,"
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
		sqlite3_stmt *c = prep(g, "SELECT code FROM households WHERE id = ?1");

		if (!c)
			return -1;
		bi(c, 1, h->id);
		if (sqlite3_step(c) == SQLITE_ROW)
			sql_col_copy(c, 0, code, sizeof code);
		sqlite3_reset(c);
	}
	new_uuid(g, uuid);
	fmt_at(at, d, 15 * 60);
	date_format(d, day);
	bt(st, 1, uuid);
	bt(st, 2, at);
	bt(st, 3, it->name);
	bt(st, 4, it->unit);
	bi(st, 5, q);
	bt(st, 6, to_hh ? "household" : "other");
	bn(st, 7, to_hh ? h->id : -1);
	bt(st, 8, to_hh ? code : others[demo_rng_below(&g->rng, 4)]);
	bt(st, 9, day);
	bi(st, 10, g->grid_staff[0]);
	if (run(g, st) < 0)
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

	st = prep(g, "INSERT INTO donations(uuid, created_at, updated_at, receipt_no, year,"
		     " station, seq, received_date, donor_name, donor_type, anonymous, phone,"
		     " kind, amount_fen, channel, item, quantity, unit, value_fen, designation,"
		     " received_by, void_reason, voided_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7,"
		     " ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
		     " ?23)");
	if (!st)
		return -1;
	new_uuid(g, uuid);
	fmt_at(at, &r->d, 10 * 60 + demo_rng_below(&g->rng, 300));
	bt(st, 1, uuid);
	bt(st, 2, at);
	bt(st, 3, at);
	bt(st, 4, r->no);
	bi(st, 5, r->year);
	bt(st, 6, r->st_s);
	bi(st, 7, r->seq);
	bt(st, 8, r->day);
	bt(st, 9, r->donor);
	bt(st, 10, r->dtype);
	bi(st, 11, r->anon);
	bt(st, 12, r->anon || r->dtype[0] == 'o' ? NULL : r->phone);
	bt(st, 13, goods ? "goods" : "cash");
	bn(st, 14, goods ? -1 : r->amount);
	bt(st, 15, goods ? NULL : channels[demo_rng_below(&g->rng, 5)]);
	bt(st, 16, goods ? r->it->name : NULL);
	bn(st, 17, goods ? r->qty : -1);
	bt(st, 18, goods ? r->it->unit : NULL);
	bn(st, 19, goods ? r->value : -1);
	bt(st, 20, r->desig);
	bi(st, 21, g->grid_staff[0]);
	bt(st, 22, r->do_void ? "重复登记，作废" : NULL);
	bt(st, 23, r->do_void ? at : NULL);
	return run(g, st);
}

static int make_donations(struct gen *g, int days)
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

/* ---- checkpoints, the duty roster, passes and outings ---- */

/* The week of shifts runs from 3 days before the demo's last day to 3 days
 * after it; outings cover its last OUTING_DAYS days (fewer with --days). */
#define ROSTER_BEFORE 3
#define ROSTER_DAYS   7
#define OUTING_DAYS   5

struct cp_plan {
	const char *name, *location, *kind;
};

static const struct cp_plan cp_plans[] = {
    {"东门卡点", "小区东门", "gate"},
    {"西门卡点", "小区西门", "gate"},
    {"南环路口卡点", "长江路与南环路交叉口", "road"},
    {"高河村村口卡点", "高河村村口", "village"},
};

/* One shift row: person -1 for a planned shift nobody has taken; present
 * -1 for not recorded. */
static int add_shift(struct gen *g, long long cp, const struct date *d, int start, int end,
		     long long person, const char *role, int present)
{
	sqlite3_stmt *st = prep(g, "INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id,"
				   " date, start_time, end_time, staff_id, role, present)"
				   " VALUES(?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	char uuid[37], day[DATE_STR], s[6], e[6];

	if (!st)
		return -1;
	new_uuid(g, uuid);
	date_format(d, day);
	snprintf(s, sizeof s, "%02d:%02d", start / 60, start % 60);
	snprintf(e, sizeof e, "%02d:%02d", end / 60 % 24, end % 60);
	bt(st, 1, uuid);
	bt(st, 2, g->base_at);
	bi(st, 3, cp);
	bt(st, 4, day);
	bt(st, 5, s);
	bt(st, 6, e);
	bn(st, 7, person);
	bt(st, 8, role);
	bn(st, 9, present);
	g->sum.shifts++;
	return run(g, st) < 0 ? -1 : 0;
}

/* The people who stand at the gates: every staff member, and new
 * volunteers (party members, residents) until there are enough for two
 * people a shift.  Fills *people (malloc'd) and returns how many, or -1. */
static int gate_people(struct gen *g, int need, long long **people)
{
	sqlite3_stmt *st = prep(g, "SELECT id, name FROM staff ORDER BY id");
	char **used = NULL, name[64], phone[12];
	int n = 0, r;

	*people = NULL;
	if (!st)
		return -1;
	while ((r = sql_step_row(g->db, st, g->e)) == 1) {
		*people = xrealloc(*people, (size_t)(n + 1) * sizeof **people);
		used = xrealloc(used, (size_t)(n + 1) * sizeof *used);
		(*people)[n] = sqlite3_column_int64(st, 0);
		used[n++] = sql_col_dup(st, 1);
	}
	sqlite3_reset(st);
	while (r == 0 && n < need) {
		long long id;

		staff_name(g, name, sizeof name, used, n);
		demo_phone(&g->rng, phone);
		if ((id = add_staff(g, name, "volunteer", phone)) < 0) {
			r = -1;
			break;
		}
		*people = xrealloc(*people, (size_t)(n + 1) * sizeof **people);
		used = xrealloc(used, (size_t)(n + 1) * sizeof *used);
		(*people)[n] = id;
		used[n++] = xstrdup(name);
	}
	for (int i = 0; i < n; i++)
		free(used[i]);
	free(used);
	if (r < 0) {
		free(*people);
		*people = NULL;
		return -1;
	}
	return n;
}

/* Whether a shift of day d ending at minute `end` (past 24 * 60: the next
 * day) is over now. */
static int shift_over(struct gen *g, const struct date *d, int end)
{
	struct date ed = date_add(d, end / (24 * 60));

	return is_past(g, &ed, end % (24 * 60));
}

/* Checkpoints, then a week of two day shifts (07-14, 14-21, a leader and a
 * member) at each and a night shift (21-07, one person) at the first (from
 * the night before the week); past
 * shifts are marked present.  On purpose: the day before the last day, the
 * morning pair of the first checkpoint did not turn up; the day after it,
 * the second checkpoint's afternoon is a planned shift with nobody (two
 * gaps); and on the last day the first checkpoint's morning leader is also
 * booked at the second checkpoint (one double booking).  cps[] gets the
 * checkpoint ids. */
static int make_roster(struct gen *g, long long *cps, int ncp)
{
	int need = ncp * 4 + 6, np, r = -1;
	long long *people = NULL, *order = NULL;
	char uuid[37];

	for (int i = 0; i < ncp; i++) {
		sqlite3_stmt *st = prep(g, "INSERT INTO checkpoints(uuid, created_at, updated_at,"
					   " name, location, kind) VALUES(?1, ?2, ?2, ?3, ?4, ?5)");

		if (!st)
			return -1;
		new_uuid(g, uuid);
		bt(st, 1, uuid);
		bt(st, 2, g->base_at);
		bt(st, 3, cp_plans[i].name);
		bt(st, 4, cp_plans[i].location);
		bt(st, 5, cp_plans[i].kind);
		if ((cps[i] = run(g, st)) < 0)
			return -1;
		g->sum.checkpoints++;
	}
	if ((np = gate_people(g, need, &people)) < 0)
		return -1;
	order = xcalloc((size_t)np, sizeof *order);
	/* k = -1: only the night shift that runs into the week's first morning */
	for (int k = -1; k < ROSTER_DAYS; k++) {
		struct date d = date_add(&g->today, k - ROSTER_BEFORE);
		int next = 0;

		/* Each person at most one shift a day: a fresh shuffle per day. */
		memcpy(order, people, (size_t)np * sizeof *order);
		for (int i = np - 1; i > 0; i--) {
			int j = demo_rng_below(&g->rng, i + 1);
			long long t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
		for (int c = 0; c < ncp && k >= 0; c++) {
			for (int s = 0; s < 2; s++) {
				int start = s ? 14 * 60 : 7 * 60, end = start + 7 * 60;
				int over = shift_over(g, &d, end), present = over ? 1 : -1;

				if (k == ROSTER_BEFORE + 1 && c == 1 && s == 1) {
					if (add_shift(g, cps[c], &d, start, end, -1, "member", -1) <
					    0)
						goto out;
					continue;
				}
				if (k == ROSTER_BEFORE - 1 && c == 0 && s == 0)
					present = 0;
				if (add_shift(g, cps[c], &d, start, end, order[next++], "leader",
					      present) < 0 ||
				    add_shift(g, cps[c], &d, start, end, order[next++], "member",
					      present) < 0)
					goto out;
			}
		}
		if (add_shift(g, cps[0], &d, 21 * 60, 31 * 60, order[next++], "member",
			      shift_over(g, &d, 31 * 60) ? 1 : -1) < 0)
			goto out;
		if (k == ROSTER_BEFORE &&
		    add_shift(g, cps[1], &d, 8 * 60, 12 * 60, order[0], "member",
			      shift_over(g, &d, 12 * 60) ? 1 : -1) < 0)
			goto out;
	}
	r = 0;
out:
	free(order);
	free(people);
	return r;
}

/* One pass: the station's next number, issued on `issued`, valid 30 days. */
static long long add_pass(struct gen *g, long long hid, const struct date *issued, long *seq)
{
	sqlite3_stmt *st = prep(g, "INSERT INTO passes(uuid, created_at, updated_at, pass_no,"
				   " household_id, issued_date, valid_until)"
				   " VALUES(?1, ?2, ?2, ?3, ?4, ?5, ?6)");
	char uuid[37], no[PASSNO_STR], at[CLOCK_STR], day[DATE_STR], until[DATE_STR];
	struct date u = date_add(issued, 29);

	if (!st || passno_make(g->set.station ? g->set.station : 'A', ++*seq, no, g->e) < 0)
		return -1;
	new_uuid(g, uuid);
	fmt_at(at, issued, 8 * 60);
	date_format(issued, day);
	date_format(&u, until);
	bt(st, 1, uuid);
	bt(st, 2, at);
	bt(st, 3, no);
	bi(st, 4, hid);
	bt(st, 5, day);
	bt(st, 6, until);
	g->sum.passes++;
	return run(g, st);
}

static int add_pass_event(struct gen *g, long long pass, long long cp, const char *at,
			  const char *dir, long long resident, long long staff)
{
	sqlite3_stmt *st = prep(g, "INSERT INTO pass_events(uuid, created_at, updated_at, pass_id,"
				   " checkpoint_id, at, direction, resident_id, staff_id)"
				   " VALUES(?1, ?2, ?2, ?3, ?4, ?2, ?5, ?6, ?7)");
	char uuid[37];

	if (!st)
		return -1;
	new_uuid(g, uuid);
	bt(st, 1, uuid);
	bt(st, 2, at);
	bi(st, 3, pass);
	bi(st, 4, cp);
	bt(st, 5, dir);
	bn(st, 6, resident);
	bn(st, 7, staff);
	g->sum.pass_events++;
	return run(g, st) < 0 ? -1 : 0;
}

/* The isolation periods of each household's members (living or away), as
 * db/passes.c counts them: from the start date until the end date. */
struct hh_iso {
	struct date start, end;
	int has_end;
	int next; /* the household's next period, -1 */
};

static int hh_index(const struct gen *g, long long id)
{
	int lo = 0, hi = g->n_hh - 1;

	while (lo <= hi) { /* households were written in id order */
		int mid = (lo + hi) / 2;

		if (g->hh[mid].id == id)
			return mid;
		if (g->hh[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int load_isolated(struct gen *g, int *head, struct hh_iso **out, int *n)
{
	sqlite3_stmt *st =
	    prep(g, "SELECT r.household_id, i.start_date, i.end_date FROM isolations i"
		    " JOIN residents r ON r.id = i.resident_id"
		    " WHERE i.deleted_at IS NULL AND r.status IN ('living', 'away')"
		    " ORDER BY i.id");
	int r;

	*out = NULL;
	*n = 0;
	for (int i = 0; i < g->n_hh; i++)
		head[i] = -1;
	if (!st)
		return -1;
	while ((r = sql_step_row(g->db, st, g->e)) == 1) {
		int h = hh_index(g, sqlite3_column_int64(st, 0));
		char s[DATE_STR], e[DATE_STR];
		struct hh_iso *p;

		if (h < 0)
			continue;
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		p = &(*out)[*n];
		sql_col_copy(st, 1, s, sizeof s);
		sql_col_copy(st, 2, e, sizeof e);
		if (date_parse_iso(s, &p->start, NULL) < 0)
			continue;
		p->has_end = e[0] && date_parse_iso(e, &p->end, NULL) == 0;
		p->next = head[h];
		head[h] = (*n)++;
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

static int isolated_on(const int *head, const struct hh_iso *v, int h, const struct date *d)
{
	for (int i = head[h]; i >= 0; i = v[i].next)
		if (date_cmp(&v[i].start, d) <= 0 && (!v[i].has_end || date_cmp(&v[i].end, d) > 0))
			return 1;
	return 0;
}

/* A pass for every household, issued the day before the outings start; one
 * household in 250 lost its pass on one of those days: revoked with the
 * reason, and a new one issued the same day.  Then, each day, about one
 * household in three tries to send somebody out: core/outing decides as the
 * gate would, refused attempts leave no row, an allowed one is an "out" at
 * a checkpoint and, one to four hours later when that time has come, an
 * "in" (now and then nobody recorded the return). */
static int make_outings(struct gen *g, int days, const long long *cps, int ncp)
{
	int nd = days < OUTING_DAYS ? days : OUTING_DAYS, n_iso = 0, r = -1;
	struct date first = date_add(&g->today, -(nd - 1)), issued = date_add(&first, -1);
	long long *pass = xcalloc((size_t)g->n_hh, sizeof *pass);
	int *lost_on = xcalloc((size_t)g->n_hh, sizeof *lost_on);
	int *head = xcalloc((size_t)g->n_hh, sizeof *head);
	struct date *last = xcalloc((size_t)g->n_hh, sizeof *last);
	unsigned char *has_last = xcalloc((size_t)g->n_hh, 1);
	struct hh_iso *iso = NULL;
	long seq = 0;

	if (load_isolated(g, head, &iso, &n_iso) < 0)
		goto out;
	for (int h = 0; h < g->n_hh; h++) {
		lost_on[h] = -1;
		if ((pass[h] = add_pass(g, g->hh[h].id, &issued, &seq)) < 0)
			goto out;
		if (demo_rng_chance(&g->rng, 4))
			lost_on[h] = demo_rng_below(&g->rng, nd);
	}
	for (int k = 0; k < nd; k++) {
		struct date d = date_add(&first, k);

		for (int h = 0; h < g->n_hh; h++) {
			const struct hh *hh = &g->hh[h];
			struct outing_facts f = {0};
			struct outing_verdict v;
			char at[CLOCK_STR];
			long long who = -1;
			int minutes, cp;

			if (lost_on[h] == k) { /* revoked at 08:00, replaced at once */
				sqlite3_stmt *st = prep(g, "UPDATE passes SET revoked_at = ?1,"
							   " revoke_reason = ?2, updated_at = ?1"
							   " WHERE id = ?3");

				if (!st)
					goto out;
				fmt_at(at, &d, 8 * 60);
				bt(st, 1, at);
				bt(st, 2, "出入证遗失，已补办");
				bi(st, 3, pass[h]);
				if (run(g, st) < 0)
					goto out;
				if ((pass[h] = add_pass(g, hh->id, &d, &seq)) < 0)
					goto out;
			}
			if (!demo_rng_chance(&g->rng, 330) || hh->n_living == 0)
				continue;
			minutes = demo_rng_range(&g->rng, 8 * 60 + 30, 17 * 60);
			cp = demo_rng_below(&g->rng, ncp);
			if (!is_past(g, &d, minutes))
				continue; /* not yet */
			f.today = d;
			f.has_last = has_last[h];
			f.last = last[h];
			f.every_days = g->set.outing_days;
			f.has_valid_until = 1;
			f.valid_until = date_add(&issued, 29);
			if (lost_on[h] >= 0 && lost_on[h] <= k) {
				struct date lost = date_add(&first, lost_on[h]);

				f.valid_until = date_add(&lost, 29);
			}
			f.isolated = isolated_on(head, iso, h, &d);
			outing_check(&f, &v);
			if (!v.allowed)
				continue; /* refused at the gate: not recorded */
			for (int j = 0, pick = demo_rng_below(&g->rng, hh->n_living), seen = 0;
			     j < hh->n_res; j++)
				if (g->res[hh->first_res + j].status == ST_LIVING && seen++ == pick)
					who = g->res[hh->first_res + j].id;
			fmt_at(at, &d, minutes);
			if (add_pass_event(g, pass[h], cps[cp], at, "out", who,
					   g->grid_staff[hh->grid]) < 0)
				goto out;
			has_last[h] = 1;
			last[h] = d;
			minutes += demo_rng_range(&g->rng, 60, 240);
			if (!is_past(g, &d, minutes) || demo_rng_chance(&g->rng, 20))
				continue; /* still out, or the return was not recorded */
			fmt_at(at, &d, minutes);
			if (add_pass_event(g, pass[h], cps[cp], at, "in", who,
					   g->grid_staff[hh->grid]) < 0)
				goto out;
		}
	}
	r = 0;
out:
	free(pass);
	free(lost_on);
	free(head);
	free(last);
	free(has_last);
	free(iso);
	return r;
}

static int make_checkpoints(struct gen *g, int days)
{
	long long cps[4];
	int ncp = g->n_hh >= 2000 ? 4 : g->n_hh >= 300 ? 3 : 2;

	return make_roster(g, cps, ncp) < 0 || make_outings(g, days, cps, ncp) < 0 ? -1 : 0;
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

/* ---- fever follow-ups ---- */

/* One follow-up case per person for the fevers and symptoms of the last
 * five days' rounds and checks, as db/followups would have opened them:
 * those of today and yesterday still open (some referred), the older ones
 * referred and closed. */
static int make_followups(struct gen *g)
{
	static const char *const outcomes[] = {"normal", "home_observation", "normal",
					       "hospitalised"};
	static const char *const clinics[] = {"区人民医院发热门诊", "市第一医院发热门诊",
					      "长江路社区卫生服务中心"};
	sqlite3_stmt *q = prep(g, "SELECT r.uuid, r.resident_id, v.at, r.temperature, r.symptoms,"
				  " 'round' FROM visits v JOIN readings r ON r.visit_id = v.id"
				  " WHERE v.date >= ?1 AND (r.temperature >= ?2 OR r.symptoms <> '')"
				  " UNION ALL SELECT c.uuid, i.resident_id, c.at, c.temperature,"
				  " c.symptoms, 'check' FROM checks c JOIN isolations i"
				  " ON i.id = c.isolation_id WHERE c.date >= ?1"
				  " AND (c.temperature >= ?2 OR c.symptoms <> '') ORDER BY 3");
	sqlite3_stmt *ins = prep(g, "INSERT INTO followups(uuid, created_at, updated_at,"
				    " resident_id, opened_at, source, source_uuid, temperature,"
				    " symptoms, referred_at, clinic, transport, outcome, closed_at,"
				    " closed_by) VALUES(?1, ?2, ?3, ?4, ?2, ?5, ?6, ?7, ?8, ?9, ?10,"
				    " ?11, ?12, ?13, ?14)");
	struct demo_set seen = {0};
	struct date from = date_add(&g->today, -4), yesterday = date_add(&g->today, -1);
	char day[DATE_STR], uuid[37], referred[24], closed[24];
	int r, n = 0;

	if (!q || !ins)
		return -1;
	date_format(&from, day);
	bt(q, 1, day);
	bi(q, 2, g->set.fever_threshold);
	date_format(&yesterday, day);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		long long rid = sqlite3_column_int64(q, 1);
		const char *at = (const char *)sqlite3_column_text(q, 2);
		int open = strncmp(at, day, 10) >= 0, referred_ok = n % 3 != 2;

		if (!demo_set_add(&seen, (unsigned long long)rid))
			continue; /* one case per person */
		new_uuid(g, uuid);
		/* Referred an hour later, closed the day after. */
		snprintf(referred, sizeof referred, "%.11s%02d:%.2s:00", at,
			 (atoi(at + 11) + 1) % 24, at + 14);
		closed[0] = 0;
		if (!open) {
			struct date d;
			char dd[DATE_STR];

			snprintf(dd, sizeof dd, "%.10s", at);
			date_parse_iso(dd, &d, NULL);
			d = date_add(&d, 1);
			date_format(&d, dd);
			snprintf(closed, sizeof closed, "%s 16:00:00", dd);
		}
		bt(ins, 1, uuid);
		bt(ins, 2, at);
		bt(ins, 3, open ? at : closed);
		bi(ins, 4, rid);
		bt(ins, 5, (const char *)sqlite3_column_text(q, 5));
		bt(ins, 6, (const char *)sqlite3_column_text(q, 0));
		if (sqlite3_column_type(q, 3) == SQLITE_NULL)
			bn(ins, 7, -1);
		else
			bi(ins, 7, sqlite3_column_int(q, 3));
		bt(ins, 8, (const char *)sqlite3_column_text(q, 4));
		bt(ins, 9, referred_ok || !open ? referred : NULL);
		bt(ins, 10, referred_ok || !open ? clinics[n % 3] : NULL);
		bt(ins, 11, referred_ok || !open ? (n % 2 ? "120救护车" : "社区专车") : NULL);
		bt(ins, 12, open ? NULL : outcomes[n % 4]);
		bt(ins, 13, open ? NULL : closed);
		bn(ins, 14, open ? -1 : g->grid_staff[0]);
		if (run(g, ins) < 0) {
			sqlite3_reset(q);
			demo_set_free(&seen);
			return -1;
		}
		g->sum.followups++;
		n++;
	}
	sqlite3_reset(q);
	demo_set_free(&seen);
	return r == SQLITE_DONE ? 0 : sql_error(g->db, g->e, "follow-ups");
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
	sqlite3_stmt *st = prep(g, "INSERT INTO visitors(uuid, created_at, updated_at, name,"
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
			int t = demo_rng_chance(&g->rng, 25) ? 378 : normal_temperature(g);
			int key = !strcmp(places[i], "湖北省武汉市"), refused = t >= 373 || key;
			struct date ad = date_add(&d, -3);

			if (!is_past(g, &d, min))
				continue;
			new_uuid(g, uuid);
			fmt_at(at, &d, min);
			fmt_at(out, &d, min + 40);
			date_format(&ad, arr);
			bt(st, 1, uuid);
			bt(st, 2, at);
			bt(st, 3, names[i]);
			bt(st, 4, places[i]);
			bt(st, 5, arr);
			bi(st, 6, g->hh[demo_rng_below(&g->rng, g->n_hh)].id);
			bt(st, 7, reasons[i]);
			bi(st, 8, t);
			bt(st, 9, refused || !is_past(g, &d, min + 40) ? NULL : out);
			bi(st, 10, !refused);
			bt(st, 11, t >= 373	? "劝返：体温 37.8 °C，发热。"
				   : key ? "劝返：来自湖北，抵达未满 14 天。"
					 : NULL);
			bi(st, 12, g->grid_staff[0]);
			if (run(g, st) < 0)
				return -1;
			g->sum.visitors++;
		}
	}
	return 0;
}

static int audit_batch(struct gen *g, const struct demo_params *p)
{
	struct strbuf ch = STRBUF_INIT;
	int r;

	json_open(&ch);
	json_add_int(&ch, "seed", (long long)p->seed);
	json_add_int(&ch, "households", g->sum.households);
	json_add_int(&ch, "days", p->days);
	json_add_int(&ch, "residents", g->sum.residents);
	json_add_int(&ch, "visits", g->sum.visits);
	json_add_int(&ch, "readings", g->sum.readings);
	json_add_int(&ch, "isolations", g->sum.isolations);
	json_add_int(&ch, "checks", g->sum.checks);
	json_add_int(&ch, "donations", g->sum.donations);
	json_add_int(&ch, "distributions", g->sum.distributions);
	json_add_int(&ch, "checkpoints", g->sum.checkpoints);
	json_add_int(&ch, "shifts", g->sum.shifts);
	json_add_int(&ch, "passes", g->sum.passes);
	json_add_int(&ch, "pass_events", g->sum.pass_events);
	json_add_int(&ch, "followups", g->sum.followups);
	json_add_int(&ch, "visitors", g->sum.visitors);
	json_close(&ch);
	r = db_audit(g->db, "insert", "demo", NULL, strbuf_str(&ch), g->e);
	strbuf_free(&ch);
	return r;
}

/* The indexes that the bulk rows would hit at random places (visits by
 * household, readings by resident, the residents' search keys; the others
 * grow at their end, since rows go in by date) are dropped while the rows go in and built again at the end
 * from their own CREATE INDEX text (read from sqlite_schema, so they stay
 * exactly as db/schema.c made them): one sort is far cheaper than millions
 * of scattered inserts. */
struct saved_indexes {
	char **sql;
	int n;
};

static int drop_indexes(struct db *db, struct saved_indexes *s, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS"
				   " NOT NULL AND name IN ('visits_household', 'readings_resident',"
				   " 'residents_name', 'residents_pinyin', 'residents_id_rev',"
				   " 'residents_phone_rev')"
				   " ORDER BY name",
				   e);
	char **names = NULL;
	int r, n = 0;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		s->sql = xrealloc(s->sql, (size_t)(s->n + 1) * sizeof *s->sql);
		names = xrealloc(names, (size_t)(n + 1) * sizeof *names);
		names[n++] = sql_col_dup(st, 0);
		s->sql[s->n++] = sql_col_dup(st, 1);
	}
	sqlite3_reset(st);
	for (int i = 0; r == 0 && i < n; i++) {
		char *drop = xasprintf("DROP INDEX \"%s\"", names[i]);

		r = db_exec(db, drop, e);
		free(drop);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return r < 0 ? -1 : 0;
}

static int restore_indexes(struct db *db, struct saved_indexes *s, struct err *e)
{
	for (int i = 0; i < s->n; i++)
		if (db_exec(db, s->sql[i], e) < 0)
			return -1;
	return 0;
}

static void free_indexes(struct saved_indexes *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->sql[i]);
	free(s->sql);
	s->sql = NULL;
	s->n = 0;
}

int db_demo_generate(struct db *db, const struct demo_params *p, struct demo_summary *out,
		     struct err *e)
{
	struct saved_indexes idx = {NULL, 0};
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

		fmt_at(g.base_at, &before, 9 * 60);
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
	if (ensure_settings(&g, p->community) < 0 || drop_indexes(db, &idx, e) < 0 ||
	    make_staff_and_grids(&g) < 0 || make_households(&g, p->households) < 0 ||
	    make_visits(&g, p->days) < 0 || make_isolations(&g, p->days) < 0 ||
	    make_donations(&g, p->days) < 0 || make_checkpoints(&g, p->days) < 0 ||
	    make_followups(&g) < 0 || make_visitors(&g, p->days) < 0 ||
	    db_demo_epi(db, e) < 0 ||
	    restore_indexes(db, &idx, e) < 0 || db_search_sync(db, e) < 0 ||
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
	free_indexes(&idx);
	demo_set_free(&g.ids);
	settings_clear(&g.set);
	free(g.grid_staff);
	free(g.grid_size);
	free(g.hh);
	free(g.res);
	return r;
}
