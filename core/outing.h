/* outing: the closed-management rule checked when a pass is scanned.
 *
 * During closed management a household may send one member out once every N
 * days.  At the checkpoint the answer must come at once: allowed or not, why,
 * when the household last went out and when it may next go.  A household
 * with a member under isolation never goes out. */
#ifndef DOORSTEP_OUTING_H
#define DOORSTEP_OUTING_H

#include "core/date.h"

enum outing_reason {
	OUTING_FIRST,	  /* allowed: no outing recorded yet */
	OUTING_DUE,	  /* allowed: N days have passed since the last one */
	OUTING_ISOLATION, /* refused: a member is under isolation */
	OUTING_REVOKED,	  /* refused: the pass was revoked */
	OUTING_EXPIRED,	  /* refused: the pass is past its valid-until date */
	OUTING_TOO_SOON,  /* refused: fewer than N days since the last outing */
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
 * revoked, expired (valid_until before today), first outing (allowed), then
 * allowed when today >= last + N, else too soon. */
void outing_check(const struct outing_facts *f, struct outing_verdict *out);

/* A plain English sentence for a reason, for the checkpoint screen (the UI
 * translates it); "" for an unknown value.  Static text, not to be freed. */
const char *outing_reason_text(enum outing_reason reason);

#endif
