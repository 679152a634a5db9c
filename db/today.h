/* db today: the alert lines of the Today screen (SPEC §4 Today).
 *
 * The day's counts come from db/stats.h; this module lists the records
 * behind the alerts, in one keyset-paged query over a union, in this order:
 * fevers found that day (each resident once, with the day's highest
 * reading), households whose latest visit that day was "no answer" (to
 * revisit), active isolations that missed a check (once the cut-off passed:
 * the caller says which from struct daily_stats), isolations whose last day
 * is the day, and isolations past their last day and not ended.  Within a
 * kind, rows follow the household's natural order. */
#ifndef DOORSTEP_DB_TODAY_H
#define DOORSTEP_DB_TODAY_H

#include "core/err.h"

struct db;

enum today_kind {
	TODAY_FEVER = 1,
	TODAY_NO_ANSWER,
	TODAY_MISSED,  /* a check missed: detail "AM", "PM" or "AM PM" */
	TODAY_ENDING,  /* last day is the day: detail is the isolation kind code */
	TODAY_OVERDUE, /* last day before the day, not ended: detail the kind code */
};

/* One alert.  Owned by the caller: free with db_today_alert_free. */
struct today_alert {
	int kind;     /* enum today_kind */
	char *sort;   /* the household's sort key (keyset) */
	long long id; /* keyset: resident (fever), household or isolation id */
	long long household_id;
	long long isolation_id; /* -1 unless an isolation alert */
	char *code;		/* household code */
	char *name;		/* the resident; the head of household for a no answer */
	int temperature;	/* fever: the day's highest reading (tenths) */
	char detail[16];
	char last_day[11]; /* isolation alerts: the last day */
};

void db_today_alert_free(struct today_alert **a);

/* Fills out[] with up to n alerts for date after (dir > 0) or before
 * (dir < 0) the alert `after` (NULL: from the start or the end), nearest
 * first (core/listpage.h).  threshold: fever threshold (tenths); am_over,
 * pm_over: 1 when that check's cut-off has passed for date.  Returns the
 * count or -1. */
int db_today_alerts(struct db *db, const char *date, int threshold, int am_over, int pm_over,
		    const struct today_alert *after, int dir, int n, struct today_alert **out,
		    struct err *e);

#endif
