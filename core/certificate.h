/* certificate: who gets a release certificate (解除隔离告知书).
 *
 * A certificate says the resident finished the isolation without fever, and
 * residents show it to return to work, so it is given only for an isolation
 * that ended as completed on or after its last day, with no check at or
 * above the fever threshold in its last three days, and not through the
 * override that core/release asks for when ending early, with a fever or a
 * symptom, or with an open follow-up.  The refusal says why. */
#ifndef DOORSTEP_CERTIFICATE_H
#define DOORSTEP_CERTIFICATE_H

#include "core/date.h"
#include "core/err.h"
#include "core/isolation.h"

/* The facts of one ended isolation the rule needs. */
struct certificate_facts {
	struct isolation_span span;
	int ended;		 /* has an end date */
	struct date end;	 /* its end date, when ended */
	const char *end_reason;	 /* isolations.end_reason code, or NULL */
	const char *override;	 /* isolations.release_override, or NULL / "" */
	int max_temp_last3;	 /* highest check in the last three days, tenths; 0 none */
	int fever_threshold;	 /* tenths */
};

/* The days from the last three up to the end date that the fever rule looks
 * at: *from is two days before the end date (core/release's window). */
void certificate_fever_window(const struct date *end, struct date *from);

/* Returns 0 when the isolation gets a certificate, or -1 with the reason in
 * e: not ended yet, ended for another reason than completed, released
 * through an override (its reason named), ended before its last day, or a
 * fever (the temperature named) in its last three days. */
int certificate_check(const struct certificate_facts *f, struct err *e);

#endif
