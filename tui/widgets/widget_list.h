/* widget_list: a list/table that pages through its owner's data.
 *
 * The list asks its owner (a screen) for rows through callbacks and never
 * knows SQL: fetch pages by keyset (see core/listpage.h for the contract of
 * fetch, dir and anchor), cell formats one column of one row as UTF-8 text,
 * which the list cuts to the column's width by display columns (CJK counts
 * two, a character is never split).  Only the rows on screen are held.
 * The first two columns (what tells rows apart: a code and a name, a time
 * and who) grow to their title and the cells on the page, up to two thirds
 * of the list; the others take their width and their flex share.
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
 *	... close: list_free(&st->list);
 *
 * Or, with a column table that reads members of the row itself and a db/
 * page function that fills an array (list_new_spec):
 *	static const struct list_field fields[] = {
 *		{N_("Name"), 6, 2, 0, LIST_TEXT(struct visitor_row, name)},
 *		{N_("Status"), 12, 4, 0, LIST_OWN}, {NULL, 0, 0, 0, LIST_OWN}};
 *	static const struct list_spec spec = {fields, my_cell, NULL, my_page,
 *		sizeof(struct visitor_row), my_row_clear};
 *	st->list = list_new_spec(s->app, &spec, st); */
#ifndef DOORSTEP_WIDGET_LIST_H
#define DOORSTEP_WIDGET_LIST_H

#include <stddef.h>

#include "core/err.h"
#include "core/strbuf.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/screen.h"

struct app;
struct list;

struct list_column {
	const char *title; /* English msgid (translated when drawn), or NULL: no title */
	int width;	   /* columns it takes at least (the first two: more if shown cells need) */
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

/* How a column of a list_field table finds its text: through the owner's
 * cell callback, or straight from a member of the row. */
enum list_cell {
	LIST_CELL_OWN = 0, /* list_spec.cell */
	LIST_CELL_TEXT,	   /* a char * member (NULL shows as nothing) */
	LIST_CELL_CHARS,   /* a char array member */
	LIST_CELL_INT,	   /* an int member, in decimal */
};

/* A column as list_column, and where its text comes from. */
struct list_field {
	const char *title;
	int width, flex, right; /* as in struct list_column */
	enum list_cell kind;
	size_t off; /* offsetof the member, for every kind but LIST_CELL_OWN */
};

/* The last members of a list_field:
 * {N_("Name"), 6, 2, 0, LIST_TEXT(struct visitor_row, name)}. */
#define LIST_OWN		 LIST_CELL_OWN, 0
#define LIST_TEXT(type, member)	 LIST_CELL_TEXT, offsetof(type, member)
#define LIST_CHARS(type, member) LIST_CELL_CHARS, offsetof(type, member)
#define LIST_INT(type, member)	 LIST_CELL_INT, offsetof(type, member)

/* A list stated whole.  Its rows come either from page, row_size and
 * clear: a db/ page function fills rows[0..n-1] as fetch would fill out[]
 * (core/listpage.h) and returns how many, or -1 with e filled; the list
 * keeps each row in an allocation of its own and releases it with clear
 * (optional) and free; or, with page NULL, from an array the owner holds
 * whole (list_set_array). */
struct list_spec {
	const struct list_field *fields; /* terminated by a title-less, zero-width one */
	/* Only asked for the LIST_CELL_OWN columns (NULL when there is none). */
	void (*cell)(void *ctx, const void *row, int col, struct strbuf *out);
	int (*row_role)(void *ctx, const void *row); /* optional, as in list_ops */
	int (*page)(void *ctx, const void *anchor, int dir, int n, void *rows, struct err *e);
	size_t row_size;
	void (*clear)(void *row);
};

/* The page and clear of a list_spec over db/ (the file includes tui/app.h
 * and the db/ header):
 *	LIST_DB_PAGE(my_page, struct mine, db_hh_visits, own->id)
 * defines static int my_page(void *ctx, ...) as page above, returning
 * db_hh_visits(app_db(own->app), own->id, anchor, dir, n, rows, e) where own
 * is ctx as a struct mine * (with a member app) and the key an expression of
 * own; LIST_DB_PAGE_ALL(my_page, struct mine, db_pass_page) the same for a
 * page function with no key (the whole table);
 *	LIST_ROW_CLEAR(my_clear, hh_visit_clear)
 * defines static void my_clear(void *row) as the row's destructor. */
#define LIST_DB_PAGE(fn, T, db_page, key)                                                          \
	static int fn(void *ctx, const void *anchor, int dir, int n, void *rows, struct err *e)    \
	{                                                                                          \
		T *own = ctx;                                                                      \
                                                                                                   \
		return db_page(app_db(own->app), key, anchor, dir, n, rows, e);                    \
	}
#define LIST_DB_PAGE_ALL(fn, T, db_page)                                                           \
	static int fn(void *ctx, const void *anchor, int dir, int n, void *rows, struct err *e)    \
	{                                                                                          \
		T *own = ctx;                                                                      \
                                                                                                   \
		return db_page(app_db(own->app), anchor, dir, n, rows, e);                         \
	}
#define LIST_ROW_CLEAR(fn, clear)                                                                  \
	static void fn(void *row)                                                                  \
	{                                                                                          \
		clear(row);                                                                        \
	}

/* The re-read of rows a screen holds whole (members v and n of its own data
 * T) that a db/ function reads by a key (a char array member of T), as a
 * listscreen_def.load (tui/widgets/listscreen.h):
 *	LIST_ARRAY_LOAD(my_load, struct mine, day, clock_today_iso,
 *			db_visitors_day, db_visitors_free)
 * defines static int my_load(struct app *app, void *own, struct list *l,
 * struct err *e), which brings the key up to date (clock_today_iso(day)),
 * frees the rows held (db_visitors_free(v, n)), reads them anew
 * (db_visitors_day(app_db(app), day, &v, &n, e)), hands them to l with
 * list_set_array and returns what the read did. */
#define LIST_ARRAY_LOAD(fn, T, key, set_key, read, free_rows)                                      \
	static int fn(struct app *app, void *own_data, struct list *l, struct err *e)              \
	{                                                                                          \
		T *own = own_data;                                                                 \
		int r;                                                                             \
                                                                                                   \
		set_key(own->key);                                                                 \
		free_rows(own->v, own->n);                                                         \
		own->v = NULL;                                                                     \
		own->n = 0;                                                                        \
		r = read(app_db(app), own->key, &own->v, &own->n, e);                              \
		list_set_array(l, own->v, own->n, sizeof *own->v);                                 \
		return r;                                                                          \
	}

/* A new list as spec says (spec and its fields must outlive the list: static
 * tables).  As list_new otherwise. */
struct list *list_new_spec(struct app *app, const struct list_spec *spec, void *ctx);

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

/* list_event for a screen whose Enter opens the selected row: a double
 * click on a row is dispatched to s as ACT_OPEN (screen_dispatch). */
int list_event_open(struct list *l, struct screen *s, const struct event *ev);

/* The same where a double click does act (the Isolation tab's: a check). */
int list_event_act(struct list *l, struct screen *s, const struct event *ev, enum action act);

/* Re-reads the visible page, keeping the position (after data changed). */
void list_reload(struct list *l);

/* Back to the first page (after the owner's filter changed). */
void list_reset(struct list *l);

/* Shows the row at anchor's place (see listpage_goto); anchor stays the
 * caller's. */
void list_goto(struct list *l, const void *anchor);

/* The selected row (owned by the list, valid until the next call that
 * moves or reloads; for an array list, the element, valid until the
 * owner's next re-read), or NULL when empty. */
const void *list_current(const struct list *l);

/* The selected row, or NULL after saying none (translated: "No household
 * is selected.") in the status line: where an action on the selected row
 * starts. */
const void *list_selected(const struct list *l, const char *none);

/* Makes l a list of the n elements of size bytes at base, which the owner
 * holds whole (a day's visitors, this month's staff) and keeps valid until
 * it calls this again: after each re-read, then list_reload.  Callbacks and
 * columns are given the element itself as the row. */
void list_set_array(struct list *l, const void *base, int n, size_t size);

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
