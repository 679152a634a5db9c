/* lineedit: the logic of a one-line text field, on a wchar_t buffer.
 *
 * The TUI feeds keys to these functions and draws what lineedit_view() says;
 * everything here is pure and unit-tested.  Positions are in characters
 * (wchar_t), widths in terminal columns as textwidth_wchar() gives them, so
 * LC_CTYPE must be a UTF-8 locale (the program checks this at start).
 *
 * The buffer holds only printable characters (and, in a multi-line field,
 * line breaks): insertion refuses control characters, and text set from
 * UTF-8 has its control characters turned into spaces and its malformed
 * bytes into U+FFFD.  A multi-line field is still edited on one row; its
 * line breaks are drawn as a visible mark. */
#ifndef DOORSTEP_LINEEDIT_H
#define DOORSTEP_LINEEDIT_H

#include <stddef.h>
#include <wchar.h>

struct lineedit {
	wchar_t *buf;  /* len characters, then L'\0'; owned; never NULL after init */
	size_t len;    /* characters in buf */
	size_t cap;    /* room in buf, the terminator included */
	size_t cursor; /* 0..len: the character before which text is inserted */
	size_t max;    /* most characters the field takes; 0 for no limit */
	int scroll;    /* columns of text hidden left of the field; kept by lineedit_view */
	int multiline; /* 1: L'\n' is text too (notes); set after lineedit_init */
};

/* What to draw in a field: characters first .. first+count-1 of buf, taking
 * cols columns from the field's left edge; the caller pads the remaining
 * width - cols columns with spaces (a wide character that does not fit at the
 * right edge is left out, so cols may be width - 1).  The cursor goes at
 * column cursor_col of the field, 0 .. width - 1. */
struct lineedit_view {
	size_t first;
	size_t count;
	int cols;
	int cursor_col;
};

/* Makes le an empty field taking at most max characters (0: no limit). */
void lineedit_init(struct lineedit *le, size_t max);

/* Releases the buffer; le may be initialized again. */
void lineedit_free(struct lineedit *le);

/* Replaces the text with the UTF-8 string s (NULL is ""), whole even when it
 * is longer than max (max stops typing, never cuts a value: the caller
 * refuses a text over it); the cursor goes to the end and the scroll to 0. */
void lineedit_set_utf8(struct lineedit *le, const char *s);

/* Returns the text as a malloc'd UTF-8 string; the caller frees it. */
char *lineedit_get_utf8(const struct lineedit *le);

/* Inserts c at the cursor and moves the cursor after it.  Returns 1, or 0
 * when c is a control character (or L'\0'; L'\n' is taken by a multi-line
 * field), not a Unicode character, or the field is full. */
int lineedit_insert(struct lineedit *le, wchar_t c);

/* Inserts the n characters of a paste at the cursor, all or nothing: a
 * line break becomes a space unless the field is multi-line, a tab a space,
 * other control characters are left out.  Returns how many characters went
 * in, or -1 (nothing inserted) when they do not all fit in le->max. */
int lineedit_paste(struct lineedit *le, const wchar_t *s, size_t n);

/* Backspace: deletes the character before the cursor.  Returns 1, or 0 at the
 * start of the text. */
int lineedit_backspace(struct lineedit *le);

/* Delete: deletes the character under the cursor.  Returns 1, or 0 at the
 * end of the text. */
int lineedit_delete(struct lineedit *le);

/* Move the cursor one character left or right, or to the start (Home) or the
 * end (End).  Each returns 1 when the cursor moved, else 0. */
int lineedit_left(struct lineedit *le);
int lineedit_right(struct lineedit *le);
int lineedit_home(struct lineedit *le);
int lineedit_end(struct lineedit *le);

/* Ctrl-U: deletes from the start of the text to the cursor.  Ctrl-K: deletes
 * from the cursor to the end.  Ctrl-W: deletes the word before the cursor,
 * that is the white space right before it and the run of other characters
 * before that (as in a shell; Chinese text without spaces goes as one word).
 * Each returns 1 when something was deleted, else 0. */
int lineedit_kill_to_start(struct lineedit *le);
int lineedit_kill_to_end(struct lineedit *le);
int lineedit_kill_word(struct lineedit *le);

/* Computes in *v what a field of width columns shows, and first moves
 * le->scroll so that the cursor is visible: the character under the cursor
 * whole, or at the end of the text one free column for the cursor.  The
 * scroll only moves as far as it must, always to a character boundary, and
 * back towards 0 when the text got shorter.  width < 1 is taken as 1. */
void lineedit_view(struct lineedit *le, int width, struct lineedit_view *v);

#endif
