/* demo_checkpoints: the demo's checkpoints, duty roster, passes and
 * outings; see demo_checkpoints.h. */
#include "db/demo_checkpoints.h"

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
	sqlite3_stmt *st = demo_prep(g, "INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id,"
				   " date, start_time, end_time, staff_id, role, present)"
				   " VALUES(?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	char uuid[37], day[DATE_STR], s[6], e[6];

	if (!st)
		return -1;
	date_format(d, day);
	snprintf(s, sizeof s, "%02d:%02d", start / 60, start % 60);
	snprintf(e, sizeof e, "%02d:%02d", end / 60 % 24, end % 60);
	demo_row(g, st, uuid, g->base_at);
	DEMO_BIND(st, 3, DV_I(cp), DV_T(day), DV_T(s), DV_T(e), DV_N(person), DV_T(role),
		  DV_N(present));
	g->sum.shifts++;
	return demo_run(g, st) < 0 ? -1 : 0;
}

/* The people who stand at the gates: every staff member, and new
 * volunteers (party members, residents) until there are enough for two
 * people a shift.  Fills *people (malloc'd) and returns how many, or -1. */
static int gate_people(struct gen *g, int need, long long **people)
{
	sqlite3_stmt *st = demo_prep(g, "SELECT id, name FROM staff ORDER BY id");
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

		demo_staff_name(g, name, sizeof name, used, n);
		demo_phone(&g->rng, phone);
		if ((id = demo_add_staff(g, name, "volunteer", phone)) < 0) {
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

	return demo_is_past(g, &ed, end % (24 * 60));
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
		sqlite3_stmt *st = demo_prep(g, "INSERT INTO checkpoints(uuid, created_at, updated_at,"
					   " name, location, kind) VALUES(?1, ?2, ?2, ?3, ?4, ?5)");

		if (!st)
			return -1;
		demo_row(g, st, uuid, g->base_at);
		DEMO_BIND(st, 3, DV_T(cp_plans[i].name), DV_T(cp_plans[i].location),
			  DV_T(cp_plans[i].kind));
		if ((cps[i] = demo_run(g, st)) < 0)
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
	sqlite3_stmt *st = demo_prep(g, "INSERT INTO passes(uuid, created_at, updated_at, pass_no,"
				   " household_id, issued_date, valid_until)"
				   " VALUES(?1, ?2, ?2, ?3, ?4, ?5, ?6)");
	char uuid[37], no[PASSNO_STR], at[CLOCK_STR], day[DATE_STR], until[DATE_STR];
	struct date u = date_add(issued, 29);

	if (!st || passno_make(g->set.station ? g->set.station : 'A', ++*seq, no, g->e) < 0)
		return -1;
	demo_fmt_at(at, issued, 8 * 60);
	date_format(issued, day);
	date_format(&u, until);
	demo_row(g, st, uuid, at);
	DEMO_BIND(st, 3, DV_T(no), DV_I(hid), DV_T(day), DV_T(until));
	g->sum.passes++;
	return demo_run(g, st);
}

static int add_pass_event(struct gen *g, long long pass, long long cp, const char *at,
			  const char *dir, long long resident, long long staff)
{
	sqlite3_stmt *st = demo_prep(g, "INSERT INTO pass_events(uuid, created_at, updated_at, pass_id,"
				   " checkpoint_id, at, direction, resident_id, staff_id)"
				   " VALUES(?1, ?2, ?2, ?3, ?4, ?2, ?5, ?6, ?7)");
	char uuid[37];

	if (!st)
		return -1;
	demo_row(g, st, uuid, at);
	DEMO_BIND(st, 3, DV_I(pass), DV_I(cp), DV_T(dir), DV_N(resident), DV_N(staff));
	g->sum.pass_events++;
	return demo_run(g, st) < 0 ? -1 : 0;
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
	    demo_prep(g, "SELECT r.household_id, i.start_date, i.end_date FROM isolations i"
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
				sqlite3_stmt *st = demo_prep(g, "UPDATE passes SET revoked_at = ?1,"
							   " revoke_reason = ?2, updated_at = ?1"
							   " WHERE id = ?3");

				if (!st)
					goto out;
				demo_fmt_at(at, &d, 8 * 60);
				demo_bt(st, 1, at);
				demo_bt(st, 2, "出入证遗失，已补办");
				demo_bi(st, 3, pass[h]);
				if (demo_run(g, st) < 0)
					goto out;
				if ((pass[h] = add_pass(g, hh->id, &d, &seq)) < 0)
					goto out;
			}
			if (!demo_rng_chance(&g->rng, 330) || hh->n_living == 0)
				continue;
			minutes = demo_rng_range(&g->rng, 8 * 60 + 30, 17 * 60);
			cp = demo_rng_below(&g->rng, ncp);
			if (!demo_is_past(g, &d, minutes))
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
			demo_fmt_at(at, &d, minutes);
			if (add_pass_event(g, pass[h], cps[cp], at, "out", who,
					   g->grid_staff[hh->grid]) < 0)
				goto out;
			has_last[h] = 1;
			last[h] = d;
			minutes += demo_rng_range(&g->rng, 60, 240);
			if (!demo_is_past(g, &d, minutes) || demo_rng_chance(&g->rng, 20))
				continue; /* still out, or the return was not recorded */
			demo_fmt_at(at, &d, minutes);
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

int demo_make_checkpoints(struct gen *g, int days)
{
	long long cps[4];
	int ncp = g->n_hh >= 2000 ? 4 : g->n_hh >= 300 ? 3 : 2;

	return make_roster(g, cps, ncp) < 0 || make_outings(g, days, cps, ncp) < 0 ? -1 : 0;
}
