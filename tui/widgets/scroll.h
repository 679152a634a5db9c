/* scroll: the keys and the position marker of a scrolling text view (a
 * sheet's preview, a receipt): Up/Down a line, PgUp/PgDn a page, Home/End,
 * the mouse wheel three lines. */
#ifndef DOORSTEP_SCROLL_H
#define DOORSTEP_SCROLL_H

#include "tui/widgets/screen.h"

/* A text cut into lines for such a view. */
struct scroll_text {
	char *text; /* malloc'd; each line ends in '\0'; NULL when there is none */
	int *line;  /* byte offset of each line in text */
	int nlines;
	char *error; /* malloc'd: why there is no text (shown in its place), or NULL */
};

struct sheet;
struct err;

/* Takes the malloc'd text (NULL allowed) and cuts it at its newlines,
 * freeing what t held before. */
void scroll_text_set(struct scroll_text *t, char *text);

/* Frees what t holds and empties it. */
void scroll_text_free(struct scroll_text *t);

/* A sheet's preview: takes s (rendered as text, then freed) or, when s is
 * NULL, e's message as the error, in place of what t held. */
void scroll_text_set_sheet(struct scroll_text *t, struct sheet *s, const struct err *e);

/* When t holds an error, draws it wrapped in r below the view's two title
 * lines and returns 1; else 0. */
int scroll_text_draw_error(const struct scroll_text *t, struct rect r);

/* Line i of t (0 <= i < t->nlines). */
const char *scroll_text_line(const struct scroll_text *t, int i);

/* Moves *top (the first line shown) for ev in a view of `page` rows.
 * Returns 1 when ev was a scroll, 0 when it was not (*top unchanged).  *top
 * may pass the end: scroll_clamp brings it back when the view is drawn. */
int scroll_event(int *top, int page, const struct event *ev);

/* Keeps *top within 0 .. nlines - rows. */
void scroll_clamp(int *top, int rows, int nlines);

/* The event of a view of `rows` rows over nlines lines (a page moving one
 * line less, so that a line stays in sight): scroll_event then scroll_clamp.
 * Returns SCREEN_HANDLED for a scroll, else SCREEN_IGNORED. */
int scroll_view_event(int *top, int rows, int nlines, const struct event *ev);

/* When the text is longer than the view, draws "lines a-b of n" on the
 * right of row y of r. */
void scroll_draw_position(int y, struct rect r, int top, int rows, int nlines);

#endif
