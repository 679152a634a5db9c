/* demo_health: the demo's visits with their readings, isolations with
 * their checks, and the follow-ups of fevers; see demo_health.h. */
#include "db/demo_health.h"

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

/* ---- visits and readings ---- */

int demo_normal_temperature(struct gen *g)
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

/* Writes the n rows of a batch: one statement of BATCH rows (many) when
 * the batch is full, else one statement (one) a row; bind binds row i's
 * values from *p on. */
static int flush_rows(struct gen *g, const struct batches *b, int n, const char *many,
		      const char *one,
		      void (*bind)(sqlite3_stmt *st, int *p, const struct batches *b, int i))
{
	int full = n == BATCH;
	sqlite3_stmt *st = NULL;
	int p = 1;

	for (int i = 0; i < n; i++) {
		if (!full || i == 0) {
			if (!(st = demo_prep(g, full ? many : one)))
				return -1;
			p = 1;
		}
		bind(st, &p, b, i);
		if ((!full || i == n - 1) && demo_run(g, st) < 0)
			return -1;
	}
	return 0;
}

/* The four columns every batched row begins with: id, uuid, created_at and
 * updated_at (the row's time at). */
static void bind_head(sqlite3_stmt *st, int *p, long long id, const char *uuid, const char *at)
{
	sqlite3_bind_int64(st, (*p)++, id);
	sqlite3_bind_text(st, (*p)++, uuid, 36, SQLITE_STATIC);
	sqlite3_bind_text(st, (*p)++, at, 19, SQLITE_STATIC);
	sqlite3_bind_text(st, (*p)++, at, 19, SQLITE_STATIC);
}

static void bind_visit(sqlite3_stmt *st, int *p, const struct batches *b, int i)
{
	const struct vrow *v = &b->v[i];

	bind_head(st, p, v->id, v->uuid, v->at);
	sqlite3_bind_int64(st, (*p)++, v->household_id);
	sqlite3_bind_text(st, (*p)++, v->at, 19, SQLITE_STATIC);
	sqlite3_bind_text(st, (*p)++, v->date, 10, SQLITE_STATIC);
	sqlite3_bind_int64(st, (*p)++, v->staff_id);
	sqlite3_bind_text(st, (*p)++, v->outcome, -1, SQLITE_STATIC);
}

static int flush_visits(struct gen *g, struct batches *b)
{
	static const char one[] =
	    "INSERT INTO visits(id, uuid, created_at, updated_at, household_id,"
	    " at, date, staff_id, outcome) VALUES(?,?,?,?,?,?,?,?,?)";

	if (flush_rows(g, b, b->nv, b->vsql_many, one, bind_visit) < 0)
		return -1;
	b->nv = 0;
	return 0;
}

static void bind_reading(sqlite3_stmt *st, int *p, const struct batches *b, int i)
{
	const struct rrow *r = &b->r[i];

	bind_head(st, p, r->id, r->uuid, r->at);
	sqlite3_bind_int64(st, (*p)++, r->visit_id);
	sqlite3_bind_int64(st, (*p)++, r->resident_id);
	if (r->temperature)
		sqlite3_bind_int(st, (*p)++, r->temperature);
	else
		sqlite3_bind_null(st, (*p)++);
	sqlite3_bind_text(st, (*p)++, r->symptoms, -1, SQLITE_STATIC);
}

static int flush_readings(struct gen *g, struct batches *b)
{
	static const char one[] = "INSERT INTO readings(id, uuid, created_at, updated_at, visit_id,"
				  " resident_id, temperature, symptoms) VALUES(?,?,?,?,?,?,?,?)";

	if (flush_rows(g, b, b->nr, b->rsql_many, one, bind_reading) < 0)
		return -1;
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
	demo_fmt_at(v->at, d, minutes);
	memcpy(v->date, v->at, 10);
	v->date[10] = '\0';
	demo_new_uuid(g, v->uuid);
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
				t = demo_normal_temperature(g);
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
		demo_new_uuid(g, r->uuid);
		g->sum.readings++;
	}
	return 0;
}

int demo_make_visits(struct gen *g, int days)
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

			if (demo_rng_chance(&g->rng, 40) || !demo_is_past(g, &d, minutes))
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
				if (minutes < 21 * 60 && demo_is_past(g, &d, minutes) &&
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
	    demo_prep(g, "INSERT INTO isolations(uuid, created_at, updated_at,"
		    " resident_id, kind, site, reason, start_date, days, extended_days,"
		    " end_date, end_reason, previous_id, release_override) VALUES(?1, ?2,"
		    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	char uuid[37], created[CLOCK_STR], updated[CLOCK_STR], start[DATE_STR], end[DATE_STR];

	if (!st)
		return -1;
	demo_fmt_at(created, &p->start, 8 * 60);
	demo_fmt_at(updated, p->end_reason ? &p->end : &p->start, 8 * 60);
	date_format(&p->start, start);
	date_format(&p->end, end);
	demo_row(g, st, uuid, created);
	DEMO_BIND(st, 3, DV_T(updated), DV_I(p->rid), DV_T(p->kind), DV_T(p->site), DV_T(p->reason),
		  DV_T(start), DV_I(p->days), DV_I(p->ext), DV_T(p->end_reason ? end : NULL),
		  DV_T(p->end_reason), DV_N(p->previous_id));
	/* Released as completed despite the fever of its last days: the
	 * override of the safe-release rule, with its reason. */
	demo_bt(st, 14,
	   p->fever_end && p->end_reason && !strcmp(p->end_reason, "completed")
	       ? "区疾控复核：复测体温正常，同意解除"
	       : NULL);
	g->sum.isolations++;
	return demo_run(g, st);
}

static int add_checks(struct gen *g, long long iid, const struct iso_plan *p)
{
	static const char *const methods[] = {"in_person", "in_person", "phone", "phone",
					      "self_report"};
	sqlite3_stmt *st =
	    demo_prep(g, "INSERT INTO checks(uuid, created_at, updated_at, isolation_id,"
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
							  : demo_normal_temperature(g);
			int unmeasured;

			if (p->fever_end && date_diff(&stop, &d) <= 1)
				t = 381 + slot;

			if (demo_rng_chance(&g->rng, 30) || !demo_is_past(g, &d, minutes))
				continue; /* missed, or not yet */
			demo_fmt_at(at, &d, minutes);
			demo_row(g, st, uuid, at);
			DEMO_BIND(st, 3, DV_I(iid), DV_T(day), DV_T(slot ? "PM" : "AM"));
			/* Now and then no thermometer at the door: the reason instead. */
			unmeasured = t < g->set.fever_threshold && g->sum.checks % 61 == 60;
			if (unmeasured)
				demo_bn(st, 6, -1);
			else
				demo_bi(st, 6, t);
			demo_bt(st, 11, unmeasured ? "住户不在家，电话联系称无不适" : NULL);
			demo_bt(st, 7, t >= g->set.fever_threshold ? "cough" : "");
			demo_bt(st, 8, methods[demo_rng_below(&g->rng, 5)]);
			demo_bi(st, 9, date_cmp(&d, &last) > 0);
			demo_bi(st, 10, g->grid_staff[p->grid]);
			if (demo_run(g, st) < 0)
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

int demo_make_isolations(struct gen *g, int days)
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


/* ---- fever follow-ups ---- */

/* One follow-up case per person for the fevers and symptoms of the last
 * five days' rounds and checks, as db/followups would have opened them:
 * those of today and yesterday still open (some referred), the older ones
 * referred and closed. */
int demo_make_followups(struct gen *g)
{
	static const char *const outcomes[] = {"normal", "home_observation", "normal",
					       "hospitalised"};
	static const char *const clinics[] = {"区人民医院发热门诊", "市第一医院发热门诊",
					      "长江路社区卫生服务中心"};
	sqlite3_stmt *q = demo_prep(g, "SELECT r.uuid, r.resident_id, v.at, r.temperature, r.symptoms,"
				  " 'round' FROM visits v JOIN readings r ON r.visit_id = v.id"
				  " WHERE v.date >= ?1 AND (r.temperature >= ?2 OR r.symptoms <> '')"
				  " UNION ALL SELECT c.uuid, i.resident_id, c.at, c.temperature,"
				  " c.symptoms, 'check' FROM checks c JOIN isolations i"
				  " ON i.id = c.isolation_id WHERE c.date >= ?1"
				  " AND (c.temperature >= ?2 OR c.symptoms <> '') ORDER BY 3");
	sqlite3_stmt *ins = demo_prep(g, "INSERT INTO followups(uuid, created_at, updated_at,"
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
	demo_bt(q, 1, day);
	demo_bi(q, 2, g->set.fever_threshold);
	date_format(&yesterday, day);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		long long rid = sqlite3_column_int64(q, 1);
		const char *at = (const char *)sqlite3_column_text(q, 2);
		int open = strncmp(at, day, 10) >= 0, referred_ok = n % 3 != 2;

		if (!demo_set_add(&seen, (unsigned long long)rid))
			continue; /* one case per person */
		demo_new_uuid(g, uuid);
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
		demo_bt(ins, 1, uuid);
		demo_bt(ins, 2, at);
		demo_bt(ins, 3, open ? at : closed);
		demo_bi(ins, 4, rid);
		demo_bt(ins, 5, (const char *)sqlite3_column_text(q, 5));
		demo_bt(ins, 6, (const char *)sqlite3_column_text(q, 0));
		if (sqlite3_column_type(q, 3) == SQLITE_NULL)
			demo_bn(ins, 7, -1);
		else
			demo_bi(ins, 7, sqlite3_column_int(q, 3));
		demo_bt(ins, 8, (const char *)sqlite3_column_text(q, 4));
		demo_bt(ins, 9, referred_ok || !open ? referred : NULL);
		demo_bt(ins, 10, referred_ok || !open ? clinics[n % 3] : NULL);
		demo_bt(ins, 11, referred_ok || !open ? (n % 2 ? "120救护车" : "社区专车") : NULL);
		demo_bt(ins, 12, open ? NULL : outcomes[n % 4]);
		demo_bt(ins, 13, open ? NULL : closed);
		demo_bn(ins, 14, open ? -1 : g->grid_staff[0]);
		if (demo_run(g, ins) < 0) {
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
