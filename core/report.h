/* report: the day's counts (struct daily_stats, filled by db/stats.c) and
 * the daily summary as aligned text (`doorstep report`, the TUI, the daily
 * sheet's text form).
 *
 * The definitions of the counts are written in docs/report.md.  Labels are
 * English msgids translated with gettext; columns are aligned by display
 * width (core/textwidth), so a Chinese translation stays aligned. */
#ifndef DOORSTEP_REPORT_H
#define DOORSTEP_REPORT_H

#include "core/isolation.h" /* struct iso_alerts */
#include "core/strbuf.h"

/* Isolation kinds, as enum isolation_kind (the order of model_iso_kind). */
enum stats_kind {
	STATS_HOME = ISOLATION_HOME,
	STATS_CENTRAL = ISOLATION_CENTRAL,
	STATS_HOSPITAL = ISOLATION_HOSPITAL,
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
	char *community;      /* from settings; malloc'd (report_stats_clear) */
	int fever_threshold;  /* tenths, from settings */
	char am_cutoff[6], pm_cutoff[6]; /* "HH:MM", from settings */

	int households;       /* live households */
	int residents;        /* live residents, living here or away */

	int households_done;  /* households (as of that day) with a live visit that day */
	int visited;          /* ... whose latest visit that day was "visited" */
	int no_answer;
	int refused;
	int away;
	int visits;           /* live visits that day (a household may have several) */
	int residents_checked;
	int fevers;           /* residents with a visit reading >= fever threshold */

	struct stats_isolation iso[STATS_KINDS];
	struct stats_isolation iso_total; /* the sum over kinds */

	int checks_due;       /* isolations due for checks that day, the committee's */
	int checks_elsewhere; /* isolations of that day whose checks are the site's */
	int checks_am;        /* live AM checks of that day of isolations due that day */
	int checks_pm;
	int checks_late;      /* live checks that day marked late, of any isolation */
	int check_fevers;     /* people with a check that day at or above the fever threshold */
	int missed_am;        /* due isolations without an AM check, once the AM cut-off passed */
	int missed_pm;
	int am_over;          /* 1 when the AM cut-off has passed for that day */
	int pm_over;

	int donations;        /* donations received that day, not voided by its end */
	int cash_donations;
	long long cash_fen;
	int goods_donations;
	long long goods_value_fen; /* estimated value of the goods, where given */
	int voided;           /* donations voided that day (the void's date) */
	int distributions;    /* live distributions that day */
	long long distributed_qty; /* their total quantity, hundredths (all items) */
};

/* Appends the daily summary of s to out: a title line, then sections for
 * people, visits, isolations by kind, checks and donations, one count per
 * line with the labels padded to one width.  Counts that depend on a cut-off
 * not yet reached say so instead of showing 0 missed. */
void report_format(const struct daily_stats *s, struct strbuf *out);

/* Frees what a daily_stats owns (the community) and zeroes it. */
void report_stats_clear(struct daily_stats *s);

/* Appends the isolation alerts of now (db/isolation_list.h
 * db_isolation_alerts): a heading, the count of each kind (fever, missed AM
 * check, missed PM check, last day today, due for release), then the alerts
 * held in a (a->n of them), one per line with the resident, the household
 * and the fever or the last day, and a line saying how many more there are
 * when a->n is less than the total.  A NULL a appends a line saying the
 * alerts are given for today only. */
void report_format_alerts(const struct iso_alerts *a, struct strbuf *out);

#endif
