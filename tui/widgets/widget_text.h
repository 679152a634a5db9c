/* widget_text: a one-line text field outside a form (the filter of a list,
 * the fast entry of a round), drawn from core/lineedit.
 *
 * A screen owns a struct lineedit (lineedit_init/lineedit_free), passes
 * its key events to text_field_key while the field has focus (and returns
 * 1 from its text_focus callback then, so that digits and `q` are text),
 * and draws it with text_field_draw. */
#ifndef DOORSTEP_WIDGET_TEXT_H
#define DOORSTEP_WIDGET_TEXT_H

#include "core/lineedit.h"
#include "tui/widgets/screen.h"

struct app;

enum text_field_kind {
	TEXT_FIELD_ANY,	   /* every printable character */
	TEXT_FIELD_NUMBER, /* digits . - : only; full-width digits become ASCII */
	TEXT_FIELD_DATE,   /* what a date field takes: digits . - + / and t, T, 今, 天 */
};

/* Applies a key event to le: printable characters insert, the KEYCTX_TEXT
 * actions (Left/Right, Home/End, Backspace/Delete, ^U, ^K, ^W) edit.  The
 * event's act must have been looked up with KEYCTX_TEXT in the screen's
 * keyctx.  Returns SCREEN_HANDLED when the key was the field's (*changed set
 * to 1 when the text changed; changed may be NULL), else SCREEN_IGNORED. */
int text_field_key(struct lineedit *le, enum text_field_kind kind, const struct event *ev,
		   int *changed);

/* Draws le in cols columns at (y, x) in role; when focused, the terminal
 * cursor goes to the insertion point (app_cursor). */
void text_field_draw(struct app *app, struct lineedit *le, int y, int x, int cols,
		     enum theme_role role, int focused);

#endif
