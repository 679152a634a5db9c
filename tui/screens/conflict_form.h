/* conflict_form: settling a conflict a merge stored (db/conflicts.h), from
 * the Today screen: both machines' records shown, and the actions that
 * repair it (undo the void, record the goods returned, accept with a note). */
#ifndef DOORSTEP_CONFLICT_FORM_H
#define DOORSTEP_CONFLICT_FORM_H

struct app;

/* Pushes the form of conflict id.  Returns 0, or -1 (an error shown). */
int conflict_form_push(struct app *app, long long id);

#endif
