/* returnee_form: what to do about a resident back from a key area inside
 * the window (core/returnee.h), opened from the returnee alert in Today.
 *
 * It proposes an isolation that starts on the return date (so its last day
 * counts from the return), of the kind chosen; F10 confirms it.  Or it
 * records the audited decision "home health monitoring, no isolation" with
 * the reason typed.  Either ends the alert. */
#ifndef DOORSTEP_RETURNEE_FORM_H
#define DOORSTEP_RETURNEE_FORM_H

struct app;

/* Opens the form for resident_id.  Returns 0, or -1 when nothing was
 * opened (the reason is shown). */
int returnee_form_push(struct app *app, long long resident_id);

#endif
