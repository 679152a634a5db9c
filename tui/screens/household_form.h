/* household_form: the form that adds or edits a household.
 *
 * Code (required, unique among live households), compound, building, unit,
 * room, address, grid (by name; a new name makes a new grid), phone
 * (docs/design.md#rules; full-width digits folded) and notes.  Nothing is written
 * until every field is valid; the write and its audit row are one
 * transaction (db/households). */
#ifndef DOORSTEP_HOUSEHOLD_FORM_H
#define DOORSTEP_HOUSEHOLD_FORM_H

struct app;

/* Called after a successful save with the household's id and code (valid
 * during the call only). */
typedef void (*household_saved_fn)(void *ctx, long long id, const char *code);

/* Pushes the form: id -1 adds a household, else edits the live household
 * id.  saved may be NULL.  Returns 0, or -1 (the reason in the status
 * line). */
int household_form_push(struct app *app, long long id, household_saved_fn saved, void *ctx);

#endif
