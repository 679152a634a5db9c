/* duty: roster gaps and double bookings; see duty.h. */
#include "core/duty.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* What lies in uncovered minutes: a planned shift with nobody outranks a
 * person marked absent. */
enum { PLAN_NONE, PLAN_ABSENT, PLAN_NOBODY };

/* Minutes covered on its own day by a shift [a, b), and the part after
 * midnight (0 .. *spill) when it runs past it. */
static void shift_minutes(const struct duty_shift *s, int *a, int *b, int *spill)
{
	*a = s->start;
	*b = s->end;
	*spill = 0;
	if (*a < 0 || *b < 0) {
		*a = *b = 0;
		return;
	}
	if (*b <= *a) {
		*spill = *b;
		*b = DUTY_DAY_MIN;
	}
}

/* Raises m[a..b) to at least v. */
static void mark(unsigned char *m, int a, int b, unsigned char v)
{
	for (int i = a; i < b; i++)
		if (m[i] < v)
			m[i] = v;
}

static void push_gap(struct duty_gap **v, size_t *n, size_t *cap, const struct duty_gap *g)
{
	XGROW(*v, *cap, *n + 1, 8);
	(*v)[(*n)++] = *g;
}

/* The gaps of checkpoint cp on one day, given its usual minutes. */
static void day_gaps(const struct duty_shift *v, size_t n, long long cp, long day,
		     const unsigned char *usual, struct duty_gap **out, size_t *nout, size_t *cap)
{
	unsigned char covered[DUTY_DAY_MIN] = {0}, planned[DUTY_DAY_MIN] = {0};

	for (size_t i = 0; i < n; i++) {
		const struct duty_shift *s = &v[i];
		int a, b, spill;

		if (s->checkpoint_id != cp || (s->day != day && s->day != day - 1))
			continue;
		shift_minutes(s, &a, &b, &spill);
		if (s->day != day) {
			a = 0;
			b = spill;
		}
		if (s->staff_id >= 0 && s->present != 0)
			mark(covered, a, b, 1);
		else
			mark(planned, a, b, s->staff_id < 0 ? PLAN_NOBODY : PLAN_ABSENT);
	}
	for (int i = 0; i < DUTY_DAY_MIN;) {
		struct duty_gap g = {cp, day, i, i, DUTY_GAP_UNCOVERED};
		int j;

		if (!usual[i] || covered[i]) {
			i++;
			continue;
		}
		for (j = i; j < DUTY_DAY_MIN && usual[j] && !covered[j] && planned[j] == planned[i];
		     j++)
			;
		g.to = j;
		g.kind = planned[i] == PLAN_NOBODY   ? DUTY_GAP_UNSTAFFED
			 : planned[i] == PLAN_ABSENT ? DUTY_GAP_ABSENT
						     : DUTY_GAP_UNCOVERED;
		push_gap(out, nout, cap, &g);
		i = j;
	}
}

void duty_gaps(const struct duty_shift *v, size_t n, const long long *cps, size_t ncp, long first,
	       int days, struct duty_gap **out, size_t *nout)
{
	struct duty_gap *gaps = NULL;
	size_t ngaps = 0, cap = 0;
	unsigned char usual[DUTY_DAY_MIN];

	for (size_t c = 0; c < ncp && days > 0; c++) {
		memset(usual, 0, sizeof usual);
		for (size_t i = 0; i < n; i++) {
			int a, b, spill;

			if (v[i].checkpoint_id != cps[c])
				continue;
			shift_minutes(&v[i], &a, &b, &spill);
			mark(usual, a, b, 1);
			mark(usual, 0, spill, 1);
		}
		for (long day = first; day < first + days; day++)
			day_gaps(v, n, cps[c], day, usual, &gaps, &ngaps, &cap);
	}
	/* Checkpoints were walked one by one; the caller wants days first
	 * (a stable insertion sort keeps the checkpoint and minute order). */
	for (size_t i = 1; i < ngaps; i++) {
		struct duty_gap g = gaps[i];
		size_t j = i;

		while (j > 0 && gaps[j - 1].day > g.day) {
			gaps[j] = gaps[j - 1];
			j--;
		}
		gaps[j] = g;
	}
	*out = gaps;
	*nout = ngaps;
}

struct span {
	const struct duty_shift *s;
	size_t index;
	long a, b; /* absolute minutes */
};

static int span_cmp(const void *x, const void *y)
{
	const struct span *p = x, *q = y;

	if (p->s->staff_id != q->s->staff_id)
		return p->s->staff_id < q->s->staff_id ? -1 : 1;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->s->id < q->s->id ? -1 : p->s->id > q->s->id;
}

void duty_clashes(const struct duty_shift *v, size_t n, long first, struct duty_clash **out,
		  size_t *nout)
{
	struct span *sp = xcalloc(n ? n : 1, sizeof *sp);
	struct duty_clash *cl = NULL;
	size_t nsp = 0, ncl = 0, cap = 0;

	for (size_t i = 0; i < n; i++) {
		int a, b, spill;

		if (v[i].staff_id < 0)
			continue;
		shift_minutes(&v[i], &a, &b, &spill);
		sp[nsp].s = &v[i];
		sp[nsp].index = i;
		sp[nsp].a = v[i].day * DUTY_DAY_MIN + a;
		sp[nsp].b = v[i].day * DUTY_DAY_MIN + (spill ? DUTY_DAY_MIN + spill : b);
		nsp++;
	}
	qsort(sp, nsp, sizeof *sp, span_cmp);
	for (size_t i = 0; i < nsp; i++) {
		for (size_t j = i + 1;
		     j < nsp && sp[j].s->staff_id == sp[i].s->staff_id && sp[j].a < sp[i].b; j++) {
			if (sp[i].s->day < first && sp[j].s->day < first)
				continue;
			XGROW(cl, cap, ncl + 1, 8);
			cl[ncl].a = sp[i].index;
			cl[ncl].b = sp[j].index;
			ncl++;
		}
	}
	free(sp);
	*out = cl;
	*nout = ncl;
}
