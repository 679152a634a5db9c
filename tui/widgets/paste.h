/* paste: bracketed paste, so that pasted text is never taken as keys.
 *
 * The terminal is asked (ESC[?2004h) to wrap whatever the user pastes in
 * ESC[200~ ... ESC[201~.  paste_get_wch reads input like get_wch, and when
 * a paste begins it reads the whole paste itself and hands it back as one
 * piece of text: no character of it ever reaches the key tables.  The
 * program decides where the text goes (tui/app.c sends it to the screen as
 * an EVENT_PASTE; a screen without a text field in focus drops it).
 *
 * ncurses does not know the two markers; paste_on teaches them with
 * define_key, and paste_get_wch also recognises them when they arrive split
 * over several reads (ncurses then hands them back character by character):
 * an Esc followed within PASTE_ESC_MS by "[200~" starts a paste.
 *
 * A paste is at most PASTE_MAX characters; a longer one, or one whose end
 * marker does not come within PASTE_GAP_MS of its last character, is read
 * to its end (or that silence) and dropped whole (PASTE_DROPPED). */
#ifndef DOORSTEP_PASTE_H
#define DOORSTEP_PASTE_H

#include <stddef.h>
#include <wchar.h>

#define PASTE_MAX    8192 /* characters */
#define PASTE_GAP_MS 1000 /* silence inside a paste that ends it as broken */
#define PASTE_ESC_MS 30	  /* how long after a lone Esc a split marker may follow */

/* What paste_get_wch returns besides get_wch's OK, KEY_CODE_YES and ERR. */
enum {
	PASTE_TEXT = 1000, /* a whole paste was read: see struct paste */
	PASTE_DROPPED,	   /* a paste too long or without its end: nothing kept */
};

struct paste {
	wchar_t *text; /* len characters then L'\0', malloc'd; the caller frees */
	size_t len;
};

/* Turns bracketed paste on (writes ESC[?2004h) and defines the markers as
 * keys; installs a SIGTSTP handler that turns it off before the suspend and
 * on again after it (chaining to the handler ncurses installed).  Call
 * after initscr; poll_ms is the timeout the program reads keys with, put
 * back after a paste. */
void paste_on(int poll_ms);

/* Turns bracketed paste off (ESC[?2004l); call before endwin.  Safe to call
 * when it is already off. */
void paste_off(void);

/* Reads one input as get_wch does (same results in *wc), except that a
 * paste is read whole: PASTE_TEXT with *out filled (out->text malloc'd), or
 * PASTE_DROPPED (*out empty).  Stops early when stop() returns non-zero
 * (a termination signal; stop may be NULL). */
int paste_get_wch(wint_t *wc, struct paste *out, int (*stop)(void));

/* Reads and drops all input that has arrived, without waiting for more:
 * for a screen busy with work it cannot interrupt (the import's progress
 * box).  A key is dropped; a paste is read whole, to its end marker, and
 * dropped, so that no part of it is left to be taken as keys afterwards.
 * Sets *resized (may be NULL) when a KEY_RESIZE was among them.  Returns
 * how many pastes were dropped. */
int paste_drain(int *resized);

#endif
