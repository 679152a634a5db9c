/* isolation_list: what the Isolation tab, the Today screen and `report` read
 * about isolations "now": the list of current isolations most urgent first,
 * their alerts, and the resident picker of the start form.
 *
 * "Now" is core/clock (DOORSTEP_NOW in tests); the fever threshold and the
 * AM/PM cut-offs come from the settings.  The definitions follow db/stats.h,
 * so that the tab, Today and the daily report agree:
 * - current: not deleted, and end_date IS NULL or after today (a restart
 *   ends the old period on the new start, so it leaves the list then);
 * - active (counted, due for checks): current and start_date <= today;
 * - missed AM (PM): active, no live AM (PM) check dated today, and the clock
 *   is at or past the AM (PM) cut-off (core/isolation.h
 *   isolation_check_missed);
 * - fever: active, and the latest live check with a temperature (by date,
 *   then slot; the higher of two a merge kept in one slot) is at or above
 *   the fever threshold; the flag stays until a
 *   normal reading is recorded, also across a restart (the period it
 *   restarted from counts); today's AM/PM checks are the period's own, as in
 *   db/stats;
 * - ends today: active and its last day is today;
 * - due for release: active and its last day is before today (release day
 *   reached, not yet ended).
 *
 * List order, most urgent first: fever, then missed check, then ends today,
 * then the rest; within each by last day (so those due for release lead the
 * rest), then id.  Not yet started ones follow, then (when asked) ended ones,
 * latest end first.  The order is a computed key (rank, key, id), paged by
 * keyset over it: each page is one bounded query that ranks the current
 * isolations (a few hundred rows at most in a community) and returns only
 * the page; nothing but the page is held. */
#ifndef DOORSTEP_ISOLATION_LIST_H
#define DOORSTEP_ISOLATION_LIST_H

#include "core/err.h"
#include "core/isolation.h" /* struct iso_alerts */

struct db;

/* Flags of an isolation row. */
enum iso_flag {
	ISO_FEVER = 1 << 0,
	ISO_MISSED_AM = 1 << 1,
	ISO_MISSED_PM = 1 << 2,
	ISO_ENDS_TODAY = 1 << 3,
	ISO_DUE_RELEASE = 1 << 4,
	ISO_NOT_STARTED = 1 << 5, /* start date after today */
	ISO_ENDED = 1 << 6,	  /* end date today or before */
};

/* Today's check of a slot: ISO_CHECK_NONE when none is recorded,
 * ISO_CHECK_NO_TEMP when one is recorded without a temperature, else the
 * temperature in tenths. */
#define ISO_CHECK_NONE	  (-1)
#define ISO_CHECK_NO_TEMP 0

/* One row of the list.  Text members are malloc'd (db_iso_row_clear). */
struct iso_row {
	long long id;
	char uuid[37];
	long long resident_id, household_id;
	char *name;	 /* the resident's */
	char *id_number; /* full, NULL when none: mask it when shown */
	char *household; /* the household's code */
	char *site;	 /* NULL unless central */
	char kind[12], reason[20];
	char start_date[11], last_day[11];
	char end_date[11], end_reason[16]; /* "" while current */
	int days, extended_days;
	int day;	  /* today's day number (1 on the start date) */
	int am, pm;	  /* today's checks, see ISO_CHECK_NONE (the higher of two) */
	int am2, pm2;	  /* the lower of two different checks a merge kept, else ISO_CHECK_NONE */
	int last_temp;	  /* the latest check's temperature, -1 when none */
	unsigned flags;	  /* enum iso_flag */
	int rank;	  /* the list order: rank, key, id */
	long long key;
};

void db_iso_row_clear(struct iso_row *r);

/* What the list shows. */
struct iso_filter {
	const char *kind; /* home, central, hospital; NULL for all */
	const char *site; /* a central site's name; NULL for all */
	int ended;	  /* 1: also ended isolations (after the current ones) */
};

/* Reads up to n rows in list order into out (see core/listpage.h for dir and
 * anchor; only anchor's rank, key and id are read).  Returns the count, or -1
 * with e filled; the caller owns the rows. */
int db_iso_page(struct db *db, const struct iso_filter *f, const struct iso_row *anchor, int dir,
		int n, struct iso_row *out, struct err *e);

/* The row of isolation id as the list would show it (whatever the filter):
 * 1 found, 0 not (deleted or unknown), -1 error. */
int db_iso_row(struct db *db, long long id, struct iso_row *out, struct err *e);

/* Counts of the list's head line, over the active isolations (see above). */
struct iso_counts {
	int active, home, central, hospital;
	int fever, missed_am, missed_pm, ends_today, due_release;
};

/* Fills *out for the isolations the filter admits (its `ended` is ignored).
 * Returns 0 or -1. */
int db_iso_counts(struct db *db, const struct iso_filter *f, struct iso_counts *out,
		  struct err *e);

/* The names of central sites of current isolations, in byte order, each
 * given to fn (which returns 0 to go on).  Returns 0 or -1. */
int db_iso_sites(struct db *db, int (*fn)(const char *site, void *ctx), void *ctx, struct err *e);

/* ---- alerts (for Today and `doorstep report`) ---- */

/* enum iso_alert_kind, struct iso_alert and struct iso_alerts are plain
 * data in core/isolation.h, so that core/report can print them. */

/* The isolation alerts now: counts of each kind, and up to max alerts (max
 * < 0: all of them; an isolation may raise several: a fever and a missed PM
 * check) in *out, by kind in enum order, then in list order.  *out is
 * overwritten; free it with db_isolation_alerts_free.  Returns the total number of alerts, or -1
 * with e filled (out then holds nothing). */
int db_isolation_alerts(struct db *db, int max, struct iso_alerts *out, struct err *e);

void db_isolation_alerts_free(struct iso_alerts *a);

/* ---- the resident picker of the start form ---- */

/* One resident a user may choose. Text members malloc'd (db_iso_pick_clear). */
struct iso_pick {
	long long id, household_id;
	char *name, *id_number; /* id_number NULL when none: mask it when shown */
	char *household;	/* code */
	char *sort_key;		/* the household's natural sort key */
	char active_since[11];	/* start date of an active isolation, "" for none */
};

void db_iso_pick_clear(struct iso_pick *p);

/* Up to n live residents of live households matching query (as typed:
 * NULL or blank for all) in household order then resident id, by keyset
 * (dir and anchor as core/listpage.h; anchor's sort_key, household_id and id
 * are read).  A query matches a resident whose name or pinyin initials
 * contain it or whose household code starts with it (through the Households
 * filter's index, db/search.h), and, for 3 or more digits, whose ID number
 * or phone ends with them.  Returns the count or -1. */
int db_iso_pick_page(struct db *db, const char *query, const struct iso_pick *anchor, int dir,
		     int n, struct iso_pick *out, struct err *e);

#endif
