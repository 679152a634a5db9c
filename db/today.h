/* db today: the visit alerts of the Today screen (docs/rounds.md#today-tab-1).
 *
 * The day's counts come from db/stats.h and the isolation alerts (fever at
 * the latest check, missed checks, last day today, due for release) from
 * db/isolation_list.h db_isolation_alerts, the one definition that the
 * Isolation tab, Today and `doorstep report` share.  This module lists what
 * the day's rounds found, keyset-paged (one query per kind, the next kind
 * read only when a page reaches it), in this order: fevers found that day
 * (each resident once, with the day's highest reading), then households
 * whose latest visit that day was "no answer" (to revisit).  Within a kind,
 * rows follow the household's natural order. */
#ifndef DOORSTEP_DB_TODAY_H
#define DOORSTEP_DB_TODAY_H

#include "core/err.h"

struct db;

enum today_kind {
	TODAY_FEVER = 1,
	TODAY_NO_ANSWER,
};

/* One alert.  Owned by the caller: free with db_today_alert_free. */
struct today_alert {
	int kind;     /* enum today_kind */
	char *sort;   /* the household's sort key (keyset) */
	long long id; /* keyset: resident (fever) or household id */
	long long household_id;
	char *code;	 /* household code */
	char *name;	 /* the resident; the head of household for a no answer */
	int temperature; /* fever: the day's highest reading (tenths) */
};

void db_today_alert_free(struct today_alert **a);

/* Fills out[] with up to n alerts for date after (dir > 0) or before
 * (dir < 0) the alert `after` (NULL: from the start or the end), nearest
 * first (core/listpage.h).  threshold: fever threshold (tenths).  Returns
 * the count or -1. */
int db_today_alerts(struct db *db, const char *date, int threshold, const struct today_alert *after,
		    int dir, int n, struct today_alert **out, struct err *e);

#endif
