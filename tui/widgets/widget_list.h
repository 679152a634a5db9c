/* widget_list: a list/table that pages through its owner's data.
 *
 * The list asks its owner (a screen) for rows through callbacks and never
 * knows SQL: fetch pages by keyset (see core/listpage.h for the contract of
 * fetch, dir and anchor), cell formats one column of one row as UTF-8 text,
 * which the list cuts to the column's width by display columns (CJK counts
 * two, a character is never split).  Only the rows on screen are held.
 *
 * Moving: Up/Down (and k/j), PgUp/PgDn, Home/End; a mouse click selects a
 * row, the wheel scrolls (when the mouse is available).
 *
 * Usage in a screen:
 *	static const struct list_column cols[] = {
 *		{N_("Code"), 10, 0, 0}, {N_("Head"), 8, 1, 0}, {N_("People"), 6, 0, 1}, {0}};
 *	static const struct list_ops ops = {my_fetch, my_row_free, my_cell, NULL};
 *	st->list = list_new(s->app, &ops, st, cols);
 *	... layout: list_layout(st->list, r); draw: list_draw(st->list, 1);
 *	... event: int f = list_event(st->list, ev); if (f) return f;
 *	... data_changed: list_reload(st->list);
 *	... close: list_free(&st->list); */
#ifndef DOORSTEP_WIDGET_LIST_H
#define DOORSTEP_WIDGET_LIST_H

#include "core/err.h"
#include "core/strbuf.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/screen.h"

struct app;
struct list;

struct list_column {
	const char *title; /* English msgid (translated when drawn), or NULL: no title */
	int width;	   /* columns it takes at least */
	int flex;	   /* share of the columns left over (0: fixed width) */
	int right;	   /* 1: right-aligned (numbers) */
};

struct list_ops {
	/* See core/listpage.h. */
	int (*fetch)(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e);
	void (*row_free)(void *ctx, void *row);
	/* Appends column col of row as UTF-8 text to out (already empty). */
	void (*cell)(void *ctx, const void *row, int col, struct strbuf *out);
	/* Optional: the theme role of a whole row (THEME_ALERT for a fever...),
	 * THEME_NORMAL for none. */
	int (*row_role)(void *ctx, const void *row);
};

/* A new list; cols is {0}-terminated and must outlive the list (a static
 * table).  No row is fetched until list_layout gives it a height.  Fetch
 * errors are shown in app's status line. */
struct list *list_new(struct app *app, const struct list_ops *ops, void *ctx,
		      const struct list_column *cols);

/* Frees the rows and the list; sets *l to NULL.  NULL is allowed. */
void list_free(struct list **l);

/* Places the list in r: the first line holds the column titles (when any
 * column has one), the rest rows.  The first call loads the first page. */
void list_layout(struct list *l, struct rect r);

/* Draws titles and rows; the cursor row highlighted (dimmer when !focused).
 * An empty list shows its empty text (list_set_empty). */
void list_draw(struct list *l, int focused);

/* Handles moving keys (by ev->act: ACT_UP, ACT_DOWN, ACT_PAGE_UP,
 * ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST) and mouse events inside its rect.
 * Returns SCREEN_HANDLED or SCREEN_IGNORED.  A double click returns
 * SCREEN_IGNORED after selecting, so that the screen may treat it as
 * ACT_OPEN: check list_double_clicked. */
int list_event(struct list *l, const struct event *ev);

/* 1 when the last event was a double click on a row (then cleared). */
int list_double_clicked(struct list *l);

/* Re-reads the visible page, keeping the position (after data changed). */
void list_reload(struct list *l);

/* Back to the first page (after the owner's filter changed). */
void list_reset(struct list *l);

/* Shows the row at anchor's place (see listpage_goto); anchor stays the
 * caller's. */
void list_goto(struct list *l, const void *anchor);

/* The selected row (owned by the list, valid until the next call that
 * moves or reloads), or NULL when empty. */
const void *list_current(const struct list *l);

/* The text shown when the list has no row (copied; translated by caller). */
void list_set_empty(struct list *l, const char *text);

/* The rectangle the rows take (for screens that draw beside). */
struct rect list_rect(const struct list *l);

/* Where column col of the selected row is on screen (h 1), for a screen
 * that draws an inline field over it; h 0 when the list is empty or col
 * is out of range. */
struct rect list_cell_rect(const struct list *l, int col);

/* For a fetch: each of the m rows of size bytes in rows (a page a db/
 * function filled) moved into an allocation of its own, out[i] (what the
 * list frees with row_free); rows itself is freed.  Returns m. */
int list_box_rows(void **out, void *rows, int m, size_t size);

#endif
