/* resident_form: the forms that add or edit a resident and move one to
 * another household.
 *
 * Every field follows docs/design.md#rules: an ID number is checked by core/idcard
 * (full-width digits and a lower-case x are normalised; birth date and sex
 * are filled from it when left empty), a phone by core/phone, dates accept
 * the form shortcuts, tags are typed as labels in either language.  Nothing
 * is written until every field is valid. */
#ifndef DOORSTEP_RESIDENT_FORM_H
#define DOORSTEP_RESIDENT_FORM_H

struct app;

/* Called after a successful save with the resident's id. */
typedef void (*resident_saved_fn)(void *ctx, long long id);

/* Pushes the resident form: resident_id -1 adds a resident to household_id
 * (relation defaulting to head when the household has nobody yet), else
 * edits the live resident.  saved may be NULL.  Returns 0 or -1. */
int resident_form_push(struct app *app, long long household_id, long long resident_id,
		       resident_saved_fn saved, void *ctx);

/* Pushes the one-field form that moves the resident to the household whose
 * code is typed.  Returns 0 or -1. */
int resident_move_push(struct app *app, long long resident_id, resident_saved_fn saved, void *ctx);

#endif
