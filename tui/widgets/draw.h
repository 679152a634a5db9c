/* draw: putting UTF-8 text on the screen by display columns.
 *
 * Every text a screen draws goes through these helpers, which count columns
 * with core/textwidth (a CJK character is two columns), never split a
 * character, and leave a space where a wide character does not fit at the
 * edge.  They draw on stdscr at absolute coordinates. */
#ifndef DOORSTEP_DRAW_H
#define DOORSTEP_DRAW_H

#include "tui/widgets/theme.h"

/* A rectangle of the screen: top row, left column, height, width. */
struct rect {
	int y, x, h, w;
};

/* Draws s at (y, x) cut to at most cols columns (no padding).  Returns the
 * columns drawn. */
int draw_text(int y, int x, int cols, const char *s, enum theme_role role);

/* Draws s padded with spaces (or cut, with "…" when cut) to exactly cols. */
void draw_fit(int y, int x, int cols, const char *s, enum theme_role role);

/* draw_fit of a printf-formatted line, formatted whole (never into a fixed
 * buffer, which could cut it inside a character) and then fitted. */
void draw_fitf(int y, int x, int cols, enum theme_role role, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* As draw_fit, right-aligned (numbers). */
void draw_fit_right(int y, int x, int cols, const char *s, enum theme_role role);

/* Draws s centred in cols columns (padded both sides). */
void draw_center(int y, int x, int cols, const char *s, enum theme_role role);

/* Fills cols columns with spaces in the role's attribute. */
void draw_fill(int y, int x, int cols, enum theme_role role);

/* Clears the rectangle in the role's attribute. */
void draw_clear(struct rect r, enum theme_role role);

/* A frame around r with an optional title in its top edge; the inside is
 * cleared in THEME_DIALOG. */
void draw_box(struct rect r, const char *title);

/* A rectangle of size h×w centred in `in`, clipped to it. */
struct rect draw_center_rect(struct rect in, int h, int w);

/* Word-wraps s into lines of at most cols columns (CJK text breaks between
 * any two characters, other text at spaces when it can) and draws the lines
 * from `skip` on into r.  Returns the total number of lines s takes. */
int draw_wrapped(struct rect r, const char *s, int skip, enum theme_role role);

/* Draws the n parts (counts, totals) into r, as many to a line as fit with
 * sep between two, never breaking a part across lines (one wider than a
 * line is cut, with its sign).  When they need more than r.h lines the
 * last line ends in " …".  Returns the lines they need. */
int draw_packed(struct rect r, const char *const *parts, int n, const char *sep,
		enum theme_role role);

#endif
