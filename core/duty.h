/* duty: the checks of a checkpoint duty roster (排班), decided on shifts that
 * db/checkpoints gathers.
 *
 * A shift is one person (or nobody yet) on duty at a checkpoint on a day from
 * a start to an end minute; an end at or before the start runs past midnight
 * into the next day.
 * - A gap is a stretch of a checkpoint's usual hours on a day that no shift
 *   with a person covers.  Its usual hours are the union of the hours of all
 *   its shifts given (the caller passes the span and the 7 days before it).
 *   A person recorded absent covers nothing.  A gap is DUTY_GAP_UNSTAFFED
 *   where a planned shift without a person lies, DUTY_GAP_ABSENT where only
 *   people marked absent were on duty, else DUTY_GAP_UNCOVERED; a stretch
 *   that changes kind is cut into one gap per kind.
 * - A person is double-booked when two of their shifts overlap in time (at
 *   the same or at different checkpoints); shifts that only touch do not. */
#ifndef DOORSTEP_DUTY_H
#define DOORSTEP_DUTY_H

#include <stddef.h>

#define DUTY_DAY_MIN 1440

struct duty_shift {
	long long id;
	long long checkpoint_id;
	long long staff_id; /* -1: nobody yet */
	long day;	    /* core/date date_to_days of its date */
	int start, end;	    /* minutes since midnight; -1 when unreadable (covers nothing) */
	int present;	    /* -1 not recorded, 0 absent, 1 present */
};

enum duty_gap_kind {
	DUTY_GAP_UNCOVERED, /* no shift with a person in these hours */
	DUTY_GAP_UNSTAFFED, /* a planned shift here has nobody */
	DUTY_GAP_ABSENT,    /* the people of these hours did not turn up */
};

struct duty_gap {
	long long checkpoint_id;
	long day;
	int from, to; /* minutes; to is DUTY_DAY_MIN when the gap runs to midnight */
	enum duty_gap_kind kind;
};

/* Two overlapping shifts of one person: indexes into the caller's array,
 * a starting first. */
struct duty_clash {
	size_t a, b;
};

/* The gaps of the checkpoints cps[0..ncp-1] on days first..first+days-1,
 * ordered by day, then checkpoint in the order given, then minute.  *out is
 * a malloc'd array of *n entries (NULL when none) that the caller frees. */
void duty_gaps(const struct duty_shift *v, size_t n, const long long *cps, size_t ncp, long first,
	       int days, struct duty_gap **out, size_t *nout);

/* The double bookings among v where at least one of the two shifts is on
 * day first or later, ordered by person and start.  *out as for duty_gaps. */
void duty_clashes(const struct duty_shift *v, size_t n, long first, struct duty_clash **out,
		  size_t *nout);

#endif
