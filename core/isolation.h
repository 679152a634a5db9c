/* isolation: the day count, extensions and check slots of an isolation.
 *
 * Day 1 is the start date.  With D days plus E extended days the last day is
 * start + D + E - 1 and the person is due for release the day after.  An
 * isolation is extended (or shortened, never below the days already passed)
 * by changing its total; a restart after a new exposure ends the old record
 * (end reason "restarted") and opens a new span from day 1.  Each day has a
 * morning (AM) and an evening (PM) check, due by the AM and PM cut-offs. */
#ifndef DOORSTEP_ISOLATION_H
#define DOORSTEP_ISOLATION_H

#include "core/date.h"
#include "core/enums.h"
#include "core/err.h"

/* Generated from core/enums.h; codes and labels in core/model.h. */
enum isolation_kind { ENUM_ISO_KIND(ENUM_C, ) };
enum isolation_reason { ENUM_ISO_REASON(ENUM_C, ) };
enum isolation_end { ENUM_ISO_END(ENUM_C, ) };
enum isolation_slot { ENUM_SLOT(ENUM_C, ) };

struct isolation_span {
	struct date start;	 /* day 1 */
	struct date last_day;	 /* start + total_days - 1 */
	struct date release_day; /* last_day + 1 */
	int total_days;		 /* days + extended */
};

/* Fills *out for an isolation of `days` plus `extended` days from start.
 * A total below 1 is counted as 1 (callers validate with
 * isolation_extend_check or their own form checks). */
void isolation_span_compute(const struct date *start, int days, int extended,
			    struct isolation_span *out);

/* Day number of `today` in the span: 1 on the start date, total_days on the
 * last day; 0 or negative before the start, above total_days after the end. */
int isolation_day_number(const struct isolation_span *span, const struct date *today);

/* 1 when the span covers today (start <= today <= last_day) and the
 * isolation has not ended before today (end_date NULL or today <= end_date). */
int isolation_is_active(const struct isolation_span *span, const struct date *end_date_or_null,
			const struct date *today);

/* "An isolation on a date" is one of two questions (their SQL form is
 * db/views.h ISO_DUE_ON and ISO_HELD_ON):
 * - due on d: started and not ended by the end of d (start <= d and no end
 *   or end > d); its AM and PM checks are expected that day;
 * - held on d: isolated at some time of d (start <= d and no end or
 *   d <= end); the due ones plus those whose isolation ended on d.
 * Both return 1 or 0; end_date_or_null is NULL while the isolation runs. */
int isolation_due_on(const struct date *start, const struct date *end_date_or_null,
		     const struct date *d);
int isolation_held_on(const struct date *start, const struct date *end_date_or_null,
		      const struct date *d);

/* Checks a new total length (days + extended) for an isolation on `today`.
 * Returns 0, or -1 with a message in e (field "days") when the total is not
 * positive or would end the isolation before today (shorter than the day
 * number of today). */
int isolation_extend_check(const struct isolation_span *span, const struct date *today,
			   int new_total_days, struct err *e);

/* The slot a check entered at minutes_now (minutes since midnight) belongs
 * to: SLOT_AM before the AM cut-off, else SLOT_PM. */
enum isolation_slot isolation_slot_for(int minutes_now, int am_cutoff_min);

/* 1 when the twice-daily checks of an isolation of kind ("home", "central",
 * "hospital") are the committee's: always for home isolation; for central
 * and hospital isolation only when the setting for that kind says so
 * (central_ours, hospital_ours), else they are the site's, and the
 * committee expects no check and has none missed.  An unknown kind is
 * the committee's. */
int isolation_checks_ours(const char *kind, int central_ours, int hospital_ours);

/* 1 when a slot's check is missed: none recorded (has_check 0) and now is at
 * or past its cut-off (minutes since midnight); else 0. */
int isolation_check_missed(int minutes_now, int cutoff_min, int has_check);

/* 1 when a check dated check_date is late, that is after the isolation was
 * over: after its end date (when ended) or after the span's last day,
 * whichever comes first.  Late checks are kept and marked, not refused. */
int isolation_check_is_late(const struct date *check_date, const struct date *end_date_or_null,
			    const struct isolation_span *span);

/* The code of a check's slot as stored ("" for an out-of-range value);
 * the other enumerations' codes are model_enum_code of their core/model
 * tables, and back model_enum_index. */
const char *isolation_slot_code(enum isolation_slot slot);

/* ---- alerts (filled by db/isolation_list.h db_isolation_alerts, shown by
 * the Today screen and core/report) ---- */

enum iso_alert_kind {
	ISO_ALERT_FEVER,       /* latest check at or above the fever threshold */
	ISO_ALERT_MISSED_AM,   /* no AM check today, AM cut-off passed */
	ISO_ALERT_MISSED_PM,   /* no PM check today, PM cut-off passed */
	ISO_ALERT_ENDS_TODAY,  /* today is the last day */
	ISO_ALERT_DUE_RELEASE, /* the last day has passed and it was not ended */
	ISO_ALERT_KINDS,
};

struct iso_alert {
	enum iso_alert_kind kind;
	long long isolation_id, resident_id, household_id;
	char uuid[37];	    /* the isolation's */
	char *name;	    /* the resident's; malloc'd, never cut */
	char *household;    /* the household's code; malloc'd */
	char kind_code[12]; /* home, central, hospital */
	int temperature;    /* the fever (tenths) for ISO_ALERT_FEVER, else -1 */
	char last_day[11];
};

struct iso_alerts {
	int count[ISO_ALERT_KINDS]; /* every alert of each kind */
	struct iso_alert *v;	    /* the first `max` alerts, by kind then list order */
	int n;
};

/* Frees what an alert owns and zeroes it; copies one deeply. */
void isolation_alert_clear(struct iso_alert *a);
void isolation_alert_copy(struct iso_alert *dst, const struct iso_alert *src);

/* The English label of an alert kind (a gettext msgid: "fever", "missed AM
 * check" ...), for the caller to translate; "" for an unknown kind. */
const char *isolation_alert_label(enum iso_alert_kind kind);

#endif
