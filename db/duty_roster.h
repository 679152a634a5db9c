/* db duty_roster: the roster over days: copying it forward, and its checks
 * (gaps in a checkpoint's hours, people booked twice), gathered here and
 * decided by core/duty. */
#ifndef DOORSTEP_DB_DUTY_ROSTER_H
#define DOORSTEP_DB_DUTY_ROSTER_H

#include <stddef.h>

#include "core/date.h"
#include "core/duty.h"
#include "core/err.h"
#include "db/checkpoints.h"

/* Copies the live shifts dated from..from+days-1 (all checkpoints, or one) to
 * the same days `offset` days later: same checkpoint, hours, person and role,
 * presence not recorded, no notes.  A shift already on the target day (same
 * checkpoint, hours and person) is not copied again, so copying twice adds
 * nothing.  One transaction.  Returns the number of shifts added, or -1.
 * Copying a day forward is (day, 1, -1, n); a week is (monday, 7, -1, 7). */
long db_shift_copy(struct db *db, const struct date *from, int days, long offset,
		   long long checkpoint_id, struct err *e);

/* Roster checks (see the top of db/checkpoints.h). */

enum roster_gap_kind {
	ROSTER_GAP_UNCOVERED = DUTY_GAP_UNCOVERED, /* no shift with a person in these hours */
	ROSTER_GAP_UNSTAFFED = DUTY_GAP_UNSTAFFED, /* a planned shift here has nobody */
	ROSTER_GAP_ABSENT = DUTY_GAP_ABSENT,	   /* the people of these hours did not turn up */
};

struct roster_gap {
	long long checkpoint_id;
	char *checkpoint_name; /* malloc'd */
	char date[DATE_STR];
	char from[6], to[6]; /* "HH:MM"; to "24:00" when the gap runs to midnight */
	enum roster_gap_kind kind;
};

struct roster_clash {
	long long staff_id;
	char *staff_name;	    /* malloc'd, as are checkpoint_a and _b */
	long long shift_a, shift_b; /* the two overlapping shifts, a starts first */
	char date_a[DATE_STR], date_b[DATE_STR];
	char *checkpoint_a, *checkpoint_b;
	char hours_a[12], hours_b[12]; /* "08:00-14:00" */
};

/* The gaps of active checkpoints on days from..from+days-1, ordered by date,
 * checkpoint name and hour.  *out is a malloc'd array of *n entries (NULL
 * when none) that the caller frees with db_roster_gaps_free.  Returns 0 or
 * -1. */
int db_roster_gaps(struct db *db, const struct date *from, int days, struct roster_gap **out,
		   size_t *n, struct err *e);

/* The double bookings among shifts that start on days from..from+days-1
 * (a shift of the day before that runs past midnight counts too), ordered
 * by person and time.  *out as for db_roster_gaps (freed with
 * db_roster_clashes_free).  Returns 0 or -1. */
int db_roster_clashes(struct db *db, const struct date *from, int days, struct roster_clash **out,
		      size_t *n, struct err *e);

/* Free the arrays of db_roster_gaps and db_roster_clashes (NULL is fine). */
void db_roster_gaps_free(struct roster_gap *g, size_t n);
void db_roster_clashes_free(struct roster_clash *c, size_t n);

#endif
