/* theme: the attributes every screen draws with.
 *
 * Screens never pick colours: they name a role and the theme answers with a
 * curses attribute.  Two themes: colour, and monochrome when NO_COLOR is set
 * (non-empty) or the terminal has no colours; the monochrome theme still
 * shows focus and errors with A_REVERSE, A_BOLD and A_UNDERLINE. */
#ifndef DOORSTEP_THEME_H
#define DOORSTEP_THEME_H

enum theme_role {
	THEME_NORMAL,
	THEME_TAB,	   /* an inactive tab title */
	THEME_TAB_ACTIVE,  /* the current tab */
	THEME_TITLE,	   /* a screen's or dialog's title */
	THEME_HEADER,	   /* column titles of a list */
	THEME_CURSOR,	   /* the selected row of a focused list */
	THEME_CURSOR_DIM,  /* the selected row of a list without focus */
	THEME_STATUS,	   /* an information message */
	THEME_ERROR,	   /* an error message */
	THEME_HINT,	   /* the hint line's text */
	THEME_HINT_KEY,	   /* a key name in the hint line */
	THEME_LABEL,	   /* a form field's label */
	THEME_FIELD,	   /* a form field's value */
	THEME_FIELD_FOCUS, /* the field being edited */
	THEME_FIELD_BAD,   /* a field whose value was refused */
	THEME_DIALOG,	   /* a dialog's body */
	THEME_ALERT,	   /* a row or value that needs attention (fever, missed check) */
	THEME_OK,	   /* good news (allowed, done) */
	THEME_DIM,	   /* secondary text, empty states */
	THEME_COUNT
};

/* Sets the theme up after initscr: colour unless NO_COLOR is set and
 * non-empty or the terminal has fewer than 8 colours. */
void theme_init(void);

/* The curses attribute (colour pair included) of a role. */
int theme_attr(enum theme_role role);

#endif
