/* listpage: the paging logic of the list widget, without any drawing.
 *
 * A list shows rows that its owner fetches by keyset pagination: the page
 * holds only the rows on screen (at most `height` of them), never the whole
 * table, so memory stays flat however large the table grows.  Rows are
 * opaque pointers made by the owner's fetch and freed by its row_free; the
 * owner derives its key (sort key, id) from the anchor row it is given.
 *
 * fetch(ctx, anchor, dir, n, out, e) stores up to n rows into out[] and
 * returns how many (0 at the end), or -1 with e filled:
 *   dir > 0: the rows strictly after anchor in list order, nearest first
 *            (anchor NULL: the first rows of the list);
 *   dir < 0: the rows strictly before anchor, nearest first, that is in
 *            reverse list order (anchor NULL: the last rows, last first).
 * A typical SQL pair: `WHERE (k, id) > (:k, :id) ORDER BY k, id LIMIT :n`
 * and `WHERE (k, id) < (:k, :id) ORDER BY k DESC, id DESC LIMIT :n`. */
#ifndef DOORSTEP_LISTPAGE_H
#define DOORSTEP_LISTPAGE_H

#include "core/err.h"

struct listpage_ops {
	int (*fetch)(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e);
	void (*row_free)(void *ctx, void *row);
};

struct listpage {
	const struct listpage_ops *ops;
	void *ctx;
	void **rows; /* rows[0..count-1] are on screen, rows[0] at the top */
	int count;
	int height; /* rows that fit */
	int cursor; /* index in rows of the selected row; 0 when empty */
};

/* Sets up an empty page (no fetch yet); free with listpage_free. */
void listpage_init(struct listpage *p, const struct listpage_ops *ops, void *ctx);

/* Frees the rows and the array. */
void listpage_free(struct listpage *p);

/* Changes the height (on resize): keeps the top row and the cursor row,
 * fetching more rows or dropping those that no longer fit.  0 or -1. */
int listpage_resize(struct listpage *p, int height, struct err *e);

/* Loads the first page; the cursor on the first row.  0 or -1. */
int listpage_first(struct listpage *p, struct err *e);

/* Loads the last page; the cursor on the last row.  0 or -1. */
int listpage_last(struct listpage *p, struct err *e);

/* Moves the cursor by delta rows (negative up), scrolling the page and
 * fetching as needed; stops at either end.  Returns 0 or -1. */
int listpage_move(struct listpage *p, int delta, struct err *e);

/* PgDn (dir > 0) and PgUp (dir < 0): the page moves by its height (less
 * near the ends), the cursor keeps its place on screen; at the end already,
 * the cursor goes to the last (first) row.  Returns 0 or -1. */
int listpage_page(struct listpage *p, int dir, struct err *e);

/* Scrolls the page by delta rows without moving the cursor off its row
 * unless it leaves the page (mouse wheel).  Returns 0 or -1. */
int listpage_scroll(struct listpage *p, int delta, struct err *e);

/* Re-reads the page after the data changed: from the row just before the
 * current top (so that a changed or deleted top row is handled), keeping
 * the cursor's index when possible.  Returns 0 or -1. */
int listpage_reload(struct listpage *p, struct err *e);

/* Loads the page that starts at anchor's place in the list (anchor is a
 * row the owner built with the key to go to; it need not come from this
 * page): the rows after the row just before anchor.  The cursor goes on the
 * first of them.  Used to show a row just added.  Returns 0 or -1. */
int listpage_goto(struct listpage *p, const void *anchor, struct err *e);

/* The selected row, or NULL when the list is empty. */
void *listpage_current(const struct listpage *p);

#endif
