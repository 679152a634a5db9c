/* db stats: the day's counts behind the Today screen, `doorstep report`, the
 * daily sheet and the `daily` export (SPEC §4 Today, §7 daily).
 *
 * Every count is of live records (deleted_at IS NULL); voided donations are
 * left out.  "Now" is core/clock (DOORSTEP_NOW): for today the missed-check
 * counts follow the AM/PM cut-offs of the settings against the clock, for a
 * past date the whole day is over, for a future date nothing is missed yet.
 *
 * Definitions (the README's SQL mirrors them, and the integration test
 * checks each against a plain sqlite3 query):
 * - households, residents: records created on or before the date and not
 *   deleted by then; residents only while living here or away (not moved
 *   out, not deceased);
 * - a household's status on the date is the outcome of its latest live visit
 *   that day ("latest visit wins"); visited + no_answer + refused + away =
 *   households_done;
 * - residents_checked: residents with a temperature in a live reading of a
 *   live visit that day; fevers: those of them with a reading at or above the
 *   fever threshold (each person once);
 * - an isolation is active at the end of the day when start_date <= date and
 *   (end_date IS NULL OR end_date > date); it is due for AM and PM checks that
 *   day; its last day is start_date + days + extended_days - 1;
 * - released: ended that day as completed; ended_other: ended that day for
 *   another reason except 'restarted' (the restarted period continues in a
 *   new row, which counts as new that day). */
#ifndef DOORSTEP_DB_STATS_H
#define DOORSTEP_DB_STATS_H

#include "core/err.h"

struct db;

/* Isolation kinds in the order of model_iso_kind: home, central, hospital. */
enum stats_kind {
	STATS_HOME,
	STATS_CENTRAL,
	STATS_HOSPITAL,
	STATS_KINDS,
};

struct stats_isolation {
	int new_today;   /* started that day */
	int active;      /* active at the end of the day */
	int released;    /* ended that day, completed */
	int ended_other; /* ended that day: hospitalised, confirmed, moved away, error */
	int ending;      /* active, and the day is their last day */
	int overdue;     /* active, and their last day is before the day */
};

struct daily_stats {
	char date[11];        /* YYYY-MM-DD */
	char as_of[20];       /* "now" when date is today, else "" */
	int fever_threshold;  /* tenths, from settings */

	int households;       /* live households */
	int residents;        /* live residents, living here or away */

	int households_done;  /* households with at least one live visit that day */
	int visited;          /* ... whose latest visit that day was "visited" */
	int no_answer;
	int refused;
	int away;
	int visits;           /* live visits that day (a household may have several) */
	int residents_checked;
	int fevers;           /* residents with a visit reading >= fever threshold */

	struct stats_isolation iso[STATS_KINDS];
	struct stats_isolation iso_total; /* the sum over kinds */

	int checks_due;       /* isolations due for checks that day (= iso_total.active) */
	int checks_am;        /* live checks recorded for that day, AM slot */
	int checks_pm;
	int checks_late;      /* of them, marked late */
	int check_fevers;     /* checks that day at or above the fever threshold */
	int missed_am;        /* due isolations without an AM check, once the AM cut-off passed */
	int missed_pm;
	int am_over;          /* 1 when the AM cut-off has passed for that day */
	int pm_over;

	int donations;        /* donations received that day, not voided */
	int cash_donations;
	long long cash_fen;
	int goods_donations;
	long long goods_value_fen; /* estimated value of the goods, where given */
	int voided;           /* donations received that day that were voided (not in the above) */
	int distributions;    /* live distributions that day */
	long long distributed_qty; /* their total quantity, hundredths (all items) */
};

/* Fills *out with the counts for date (ISO YYYY-MM-DD).  Read-only; runs in
 * one read transaction so that the numbers agree with each other.  Returns 0,
 * or -1 with e filled (a malformed date names the field "date"). */
int db_daily_stats(struct db *db, const char *date, struct daily_stats *out, struct err *e);

#endif
