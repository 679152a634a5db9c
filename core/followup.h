/* followup: fever and symptom follow-up cases (发热送诊).
 *
 * A fever (a reading at or above the threshold) or any symptom, found on a
 * round, at an isolation check or at the gate, opens a follow-up case for
 * the person; a person has at most one open case, so a second reading
 * while one is open adds none.  The case stays open (and in Today) until it
 * is closed with an outcome: referred to the fever clinic first (time,
 * clinic, transport) or not, then normal, home observation, isolated,
 * hospitalised or confirmed.  Closing with "isolated" starts the isolation
 * in the same step.
 *
 * A case is open on a day D when it was opened on or before D and not
 * closed on or before D (followup_open_on); the daily counts are: opened
 * that day, open at the end of it, closed that day. */
#ifndef DOORSTEP_FOLLOWUP_H
#define DOORSTEP_FOLLOWUP_H

#include "core/err.h"
#include "core/model.h"
#include "core/strbuf.h"

/* Where the reading was taken: "round", "check", "gate". */
extern const struct enum_entry followup_source[];
/* How a case ends: "normal", "home_observation", "isolated",
 * "hospitalised", "confirmed". */
extern const struct enum_entry followup_outcome[];

/* 1 when a reading opens a case: temperature (tenths, 0 = none) at or above
 * threshold, or any symptom in the comma-separated list; else 0. */
int followup_should_open(int temperature, const char *symptoms, int threshold);

/* 1 when a case opened on opened_date and closed on closed_date ("" or
 * NULL while open) is open at the end of day; else 0.  Each is an ISO date,
 * or a timestamp of which only the date counts. */
int followup_open_on(const char *opened_date, const char *closed_date, const char *day);

/* Checks a closing: the outcome must be one of followup_outcome.  Returns
 * 0, or -1 with e (field "outcome"). */
int followup_close_check(const char *outcome, struct err *e);

/* 1 when closing with outcome starts an isolation ("isolated"); else 0. */
int followup_outcome_isolates(const char *outcome);

/* The day's numbers of the follow-up cases. */
struct followup_counts {
	int opened; /* opened that day */
	int open;   /* open at the end of that day */
	int closed; /* closed that day */
};

/* Appends the day's follow-up counts to a text report (`doorstep report`):
 * a heading, then opened, open and closed, one per line. */
void followup_report_format(const struct followup_counts *c, struct strbuf *out);

#endif
