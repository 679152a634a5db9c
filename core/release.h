/* release: when an isolation may end as completed, and what an empty check is.
 *
 * Ending an isolation as "completed" is safe only when its days are over,
 * nothing was found in its last three days (the end date and the two days
 * before it: a fever at or above the threshold, or any symptom) and no
 * fever follow-up of the person is still open.  Otherwise the end needs an
 * explicit override with a reason, which is audited; until then the
 * isolation stays active and so do its alerts.  Other end reasons
 * (hospitalised, confirmed, moved away, entered in error) need no override.
 *
 * A check must say something: a temperature, a symptom, or why no
 * temperature was taken ("not measured: reason").  An empty one would
 * count as done and silence the missed-check alert. */
#ifndef DOORSTEP_RELEASE_H
#define DOORSTEP_RELEASE_H

#include "core/date.h"
#include "core/err.h"
#include "core/isolation.h"
#include "core/strbuf.h"

/* Days, counted back from the end date included, whose checks are looked at. */
#define RELEASE_LAST_DAYS 3

enum release_problem {
	RELEASE_EARLY = 1 << 0,	   /* ended before the last day */
	RELEASE_FEVER = 1 << 1,	   /* a fever in the last three days */
	RELEASE_SYMPTOM = 1 << 2,  /* a symptom in the last three days */
	RELEASE_FOLLOWUP = 1 << 3, /* an open fever/symptom follow-up */
};

/* What db/ gathers about an isolation about to end. */
struct release_facts {
	struct isolation_span span;
	struct date end;     /* the end date asked for */
	int max_temperature; /* highest reading (tenths) in the last days; 0 = none */
	char fever_date[11]; /* the date of that reading */
	char symptom[32];    /* a symptom code found in the last days; "" = none */
	char symptom_date[11];
	int open_followups; /* open follow-up cases of the person */
};

/* The first day of the window of checks that counts for an end on `end`:
 * end - (RELEASE_LAST_DAYS - 1). */
void release_window_start(const struct date *end, struct date *out);

/* The problems (enum release_problem bits) with ending as completed; 0 when
 * the release is safe.  threshold is the fever threshold in tenths. */
unsigned release_problems(const struct release_facts *f, int threshold);

/* 1 when override holds a reason: anything but spaces (ASCII or
 * full-width); 0 for NULL, "" or blanks. */
int release_override_given(const char *override);

/* Decides an end with reason end_code ("completed", "hospitalised" ...).
 * Returns 0 when it may be written: the reason is not "completed", or there
 * is no problem, or override holds a reason (release_override_given).
 * Else -1 with e naming every problem and the field "override", e.g.
 * "cannot end as completed: only day 8 of 18; 38.2 °C on 2020-02-15; give
 * a reason to release anyway".  The message is translated. */
int release_decide(const char *end_code, const struct release_facts *f, int threshold,
		   const char *override, struct err *e);

/* Checks that a check says something: a temperature (tenths, 0 = none), a
 * symptom list ("" or NULL = none) or a not-measured reason.  Returns 0, or
 * -1 with e (field "temperature") when all three are empty. */
int release_check_not_empty(int temperature, const char *symptoms, const char *unmeasured,
			    struct err *e);

#endif
