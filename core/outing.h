/* outing: the closed-management rule checked when a pass is scanned.
 *
 * During closed management a household may send one member out once every N
 * days.  At the checkpoint the answer must come at once: allowed or not, why,
 * when the household last went out and when it may next go.  A household
 * with a member under isolation never goes out. */
#ifndef DOORSTEP_OUTING_H
#define DOORSTEP_OUTING_H

#include "core/date.h"
#include "core/strbuf.h"

enum outing_reason {
	OUTING_FIRST,	  /* allowed: no outing recorded yet */
	OUTING_DUE,	  /* allowed: N days have passed since the last one */
	OUTING_ISOLATION, /* refused: a member is under isolation */
	OUTING_REVOKED,	  /* refused: the pass was revoked */
	OUTING_EXPIRED,	  /* refused: the pass is past its valid-until date */
	OUTING_TOO_SOON,  /* refused: fewer than N days since the last outing */
	OUTING_FOLLOWUP,  /* refused: a member has an open fever follow-up */
	OUTING_FEVER,	  /* refused: a fever taken at the gate now */
};

/* What is known when a pass is scanned. */
struct outing_facts {
	struct date today;
	int has_last;		 /* 0 when the household never went out */
	struct date last;	 /* date of the last outing, when has_last */
	int every_days;		 /* N of the settings; 0 or less means no limit */
	int has_valid_until;	 /* 0 when the pass has no end date */
	struct date valid_until; /* last day the pass is valid, when has_valid_until */
	int revoked;
	int isolated; /* any member of the household under isolation */
	int followup; /* any member with an open fever/symptom follow-up */
	int gate_fever; /* the temperature taken at the gate is a fever */
};

struct outing_verdict {
	int allowed;
	enum outing_reason reason;
	struct date last;	  /* the last outing, {0,0,0} when none */
	struct date next_allowed; /* first day the household may go out: today when
				   * allowed, last + N when too soon, {0,0,0} when
				   * refused for isolation, revocation or expiry */
};

/* Decides an outing.  The first rule that applies wins: isolation (never),
 * an open fever follow-up (like isolation, until it is closed), a fever
 * taken at the gate, revoked, expired (valid_until before today), first outing (allowed), then
 * allowed when today >= last + N, else too soon. */
void outing_check(const struct outing_facts *f, struct outing_verdict *out);

/* A plain English sentence for a reason, for the checkpoint screen (the UI
 * translates it); "" for an unknown value.  Static text, not to be freed. */
const char *outing_reason_text(enum outing_reason reason);

/* Appends why a follow-up keeps the household in, naming the person and
 * the reading: "Not allowed: 田秀艳 has an open fever follow-up (39.0 °C,
 * 02-15 08:10)."  temperature in tenths (0: none), symptoms as stored,
 * opened_at "YYYY-MM-DD HH:MM:SS". */
void outing_followup_text(const char *name, int temperature, const char *symptoms,
			  const char *opened_at, struct strbuf *out);

#endif
