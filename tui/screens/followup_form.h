/* followup_form: the form of an open fever/symptom follow-up case.
 *
 * It shows who, where the reading was taken and what it was, and takes the
 * referral to the fever clinic (time, clinic, transport) and the outcome
 * that closes the case (normal, home observation, isolated with the kind
 * and site of the isolation, hospitalised, confirmed).  Saving with only
 * the referral keeps the case open; with an outcome it closes it, and
 * "isolated" starts the isolation in the same step (db/followups.h). */
#ifndef DOORSTEP_FOLLOWUP_FORM_H
#define DOORSTEP_FOLLOWUP_FORM_H

struct app;

/* Opens the form for case id.  Returns 0, or -1 when nothing was opened
 * (the reason is shown: the case is gone or already closed). */
int followup_form_push(struct app *app, long long id);

#endif
