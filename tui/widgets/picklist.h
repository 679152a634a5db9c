/* picklist: choose one item from a short list, as a dialog.
 *
 * Up/Down move, Enter chooses, Esc cancels; typing a digit 1-9 chooses that
 * item, letters or Chinese move to the next item whose label (or its pinyin
 * initials) begins with what was typed (core/typeselect.h).  Used by enumeration fields of forms
 * and by the staff picker. */
#ifndef DOORSTEP_PICKLIST_H
#define DOORSTEP_PICKLIST_H

#include "core/model.h"
#include "core/typeselect.h"

struct app;

/* Called exactly once when the dialog closes: index of the chosen item, or
 * -1 when cancelled (also when the program quits with the dialog open; the
 * flags are ignored then and no screen can be pushed).  Returns
 * screen_result flags (SCREEN_CHANGED, SCREEN_QUIT ...), applied as if the
 * pick-list returned them; 0 for nothing. */
typedef int (*picklist_done_fn)(void *ctx, int index);

/* Pushes a pick-list of n labels (copied; already translated), the cursor
 * on item current (clipped).  Returns 0 or -1. */
int picklist_push(struct app *app, const char *title, const char *const *labels, int n, int current,
		  picklist_done_fn done, void *ctx);

/* As picklist_push over labels made for it: the n labels and the array
 * (each malloc'd) are freed here, whatever the result. */
int picklist_push_owned(struct app *app, const char *title, char **labels, int n, int current,
			picklist_done_fn done, void *ctx);

/* As picklist_push over an enumeration table: the labels are its English
 * labels translated; index is into the table. */
int picklist_push_enum(struct app *app, const char *title, const struct enum_entry *table,
		       const char *current_code, picklist_done_fn done, void *ctx);

/* The index of the item that a typed key selects in labels, the current
 * item being from: digits 1-9 pick the Nth; any other character goes on
 * the label typed so far in ts (core/typeselect.h: the label's text or its
 * pinyin initials), or -1.  Shared with the enumeration fields of forms. */
int picklist_match_key(const char *const *labels, int n, int from, int key, struct typeselect *ts);

#endif
