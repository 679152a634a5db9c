/* returnees: the returnee list (返乡人员), a screen over the Isolation tab
 * (`b` there).
 *
 * It lists every resident who came back from elsewhere, latest return
 * first: the return date, the days since, name, household, where from, the
 * means of travel and the status under core/returnee's rule (not isolated,
 * isolated, home monitoring, window over, not a key area).  Enter on one
 * not isolated opens the decision (tui/screens/returnee_form.h), `e` edits the
 * resident (place, date, travel), Esc goes back. */
#ifndef DOORSTEP_RETURNEES_H
#define DOORSTEP_RETURNEES_H

struct app;

/* Opens the list.  Returns 0 or -1. */
int returnees_push(struct app *app);

#endif
