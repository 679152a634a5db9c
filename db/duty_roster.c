/* db duty_roster: copying a roster forward and the roster checks (gaps,
 * double bookings); db gathers the shifts, core/duty decides.  See
 * duty_roster.h. */
#include "db/duty_roster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/duty.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/checkpoints.h"
#include "db/db.h"
#include "db/record.h"
#include "db/sql.h"

/* A growing array of shifts, filled by db_shift_each. */
struct shift_vec {
	struct shift *v;
	size_t n, cap;
};

static void vec_free(struct shift_vec *sv)
{
	db_shifts_free(sv->v, (int)sv->n);
	*sv = (struct shift_vec){0};
}

static int vec_push(const struct shift *s, void *ctx)
{
	struct shift_vec *sv = ctx;

	XGROW(sv->v, sv->cap, sv->n + 1, 32);
	db_shift_copy_row(&sv->v[sv->n++], s);
	return 0;
}

long db_shift_copy(struct db *db, const struct date *from, int days, long offset,
		   long long checkpoint_id, struct err *e)
{
	struct shift_vec sv = {0};
	long added = 0;
	int r;

	if (offset == 0)
		return 0;
	if (db_begin(db, e) < 0)
		return -1;
	if (db_shift_each(db, from, days, checkpoint_id, vec_push, &sv, e) < 0)
		goto fail;
	for (size_t i = 0; i < sv.n; i++) {
		struct shift s = sv.v[i];
		struct date d;

		if (date_parse_iso(s.date, &d, e) < 0)
			goto fail;
		d = date_add(&d, offset);
		date_format(&d, s.date);
		s.id = -1;
		s.present = -1;
		s.notes[0] = '\0';
		if (s.staff_id >= 0) {
			/* Someone who left the list since: plan the shift without them,
			 * so that the roster shows the hole. */
			r = sql_exists_id(db,
				     "SELECT 1 FROM staff WHERE id = :id AND deleted_at IS NULL",
				     s.staff_id, e);
			if (r < 0)
				goto fail;
			if (r == 0)
				s.staff_id = -1;
		}
		r = db_shift_exists(db, &s, e);
		if (r < 0)
			goto fail;
		if (r == 1)
			continue;
		if (db_shift_insert(db, &s, e) < 0)
			goto fail_rolled;
		added++;
	}
	if (db_commit(db, e) < 0)
		goto fail_rolled;
	vec_free(&sv);
	return added;
fail:
	db_rollback(db);
fail_rolled:
	vec_free(&sv);
	return -1;
}

void db_roster_gaps_free(struct roster_gap *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(g[i].checkpoint_name);
	free(g);
}

void db_roster_clashes_free(struct roster_clash *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].staff_name);
		free(c[i].checkpoint_a);
		free(c[i].checkpoint_b);
	}
	free(c);
}

struct cp_vec {
	struct checkpoint *v;
	size_t n, cap;
};

static int cp_push(const struct checkpoint *c, void *ctx)
{
	struct cp_vec *cv = ctx;

	XGROW(cv->v, cv->cap, cv->n + 1, 8);
	db_checkpoint_copy(&cv->v[cv->n++], c);
	return 0;
}

static void cp_vec_free(struct cp_vec *cv)
{
	db_checkpoints_free(cv->v, (int)cv->n);
	*cv = (struct cp_vec){0};
}

/* "HH:MM" of minutes 0..DUTY_DAY_MIN: a gap to midnight ends at "24:00". */
static void hhmm(int minutes, char out[6])
{
	unsigned m = minutes < 0 ? 0 : (unsigned)minutes;

	snprintf(out, 6, "%02u:%02u", (m / 60) % 100, m % 60);
}

/* The live shifts dated from..from+days-1 as core/duty's facts: *duty
 * (malloc'd, parallel to sv->v). */
static int gather_shifts(struct db *db, const struct date *from, int days, struct shift_vec *sv,
			 struct duty_shift **duty, struct err *e)
{
	*duty = NULL;
	if (db_shift_each(db, from, days, -1, vec_push, sv, e) < 0)
		return -1;
	*duty = xcalloc(sv->n ? sv->n : 1, sizeof **duty);
	for (size_t i = 0; i < sv->n; i++) {
		const struct shift *s = &sv->v[i];
		struct date d;

		(*duty)[i].id = s->id;
		(*duty)[i].checkpoint_id = s->checkpoint_id;
		(*duty)[i].staff_id = s->staff_id;
		(*duty)[i].day = date_parse_iso(s->date, &d, NULL) < 0 ? 0 : date_to_days(&d);
		(*duty)[i].start = clock_parse_hhmm(s->start_time);
		(*duty)[i].end = clock_parse_hhmm(s->end_time);
		(*duty)[i].present = s->present;
	}
	return 0;
}

/* The name of checkpoint id among cv ("" when it is not there). */
static const char *cp_name(const struct cp_vec *cv, long long id)
{
	for (size_t c = 0; c < cv->n; c++)
		if (cv->v[c].id == id)
			return cv->v[c].name ? cv->v[c].name : "";
	return "";
}

int db_roster_gaps(struct db *db, const struct date *from, int days, struct roster_gap **out,
		   size_t *n, struct err *e)
{
	struct shift_vec sv = {0};
	struct cp_vec cv = {0};
	struct duty_shift *duty = NULL;
	struct duty_gap *dg = NULL;
	long long *cps = NULL;
	size_t ndg = 0;
	/* the span and the week before it: the usual hours */
	struct date ref = date_add(from, -7);
	int r = -1;

	*out = NULL;
	*n = 0;
	if (days < 1)
		return 0;
	if (db_checkpoint_each(db, 1, cp_push, &cv, e) < 0 ||
	    gather_shifts(db, &ref, days + 7, &sv, &duty, e) < 0)
		goto done;
	cps = xcalloc(cv.n ? cv.n : 1, sizeof *cps);
	for (size_t c = 0; c < cv.n; c++)
		cps[c] = cv.v[c].id;
	duty_gaps(duty, sv.n, cps, cv.n, date_to_days(from), days, &dg, &ndg);
	*out = ndg ? xcalloc(ndg, sizeof **out) : NULL;
	for (size_t i = 0; i < ndg; i++) {
		struct roster_gap *g = &(*out)[i];
		struct date d;

		g->checkpoint_id = dg[i].checkpoint_id;
		g->checkpoint_name = xstrdup(cp_name(&cv, dg[i].checkpoint_id));
		date_from_days(dg[i].day, &d);
		date_format(&d, g->date);
		hhmm(dg[i].from, g->from);
		hhmm(dg[i].to, g->to);
		g->kind = (enum roster_gap_kind)dg[i].kind;
	}
	*n = ndg;
	r = 0;
done:
	free(dg);
	free(cps);
	free(duty);
	vec_free(&sv);
	cp_vec_free(&cv);
	return r;
}

int db_roster_clashes(struct db *db, const struct date *from, int days, struct roster_clash **out,
		      size_t *n, struct err *e)
{
	struct shift_vec sv = {0};
	struct duty_shift *duty = NULL;
	struct duty_clash *dc = NULL;
	size_t ndc = 0;
	/* a shift of the day before may run past midnight into the span */
	struct date before = date_add(from, -1);

	*out = NULL;
	*n = 0;
	if (days < 1)
		return 0;
	if (gather_shifts(db, &before, days + 1, &sv, &duty, e) < 0) {
		free(duty);
		vec_free(&sv);
		return -1;
	}
	duty_clashes(duty, sv.n, date_to_days(from), &dc, &ndc);
	*out = ndc ? xcalloc(ndc, sizeof **out) : NULL;
	for (size_t i = 0; i < ndc; i++) {
		const struct shift *x = &sv.v[dc[i].a], *y = &sv.v[dc[i].b];
		struct roster_clash *c = &(*out)[i];

		c->staff_id = x->staff_id;
		c->staff_name = xstrdup(x->staff_name ? x->staff_name : "");
		c->shift_a = x->id;
		c->shift_b = y->id;
		memcpy(c->date_a, x->date, DATE_STR);
		memcpy(c->date_b, y->date, DATE_STR);
		c->checkpoint_a = xstrdup(x->checkpoint_name ? x->checkpoint_name : "");
		c->checkpoint_b = xstrdup(y->checkpoint_name ? y->checkpoint_name : "");
		snprintf(c->hours_a, sizeof c->hours_a, "%s-%s", x->start_time, x->end_time);
		snprintf(c->hours_b, sizeof c->hours_b, "%s-%s", y->start_time, y->end_time);
	}
	*n = ndc;
	free(dc);
	free(duty);
	vec_free(&sv);
	return 0;
}
