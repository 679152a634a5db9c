/* screen: what every screen, dialog and form of the TUI is.
 *
 * A screen is a const table of function pointers (struct screen_class) plus
 * its own state (screen->state).  The program keeps one stack of screens per
 * tab (tui/app.c): the tab's screen at the bottom, then whatever it opened
 * (a detail view, a form, a confirm dialog).  Only the top screen receives
 * events; every screen of the stack is drawn, bottom first, so that a dialog
 * (SCREEN_OVERLAY) shows over the screen that opened it.
 *
 * An event handler returns flags (SCREEN_HANDLED, SCREEN_POP ...) that the
 * stack acts on.  An event a screen does not handle goes on to the global
 * actions (tabs, help, settings, quit).
 *
 * Declaring a screen:
 *
 *	static const struct screen_handler my_handlers[] = {
 *		{ACT_OPEN, my_open}, {ACT_NEW, my_new}, {ACT_CANCEL, my_back, N_("back")},
 *		{0}};
 *	const struct screen_class my_screen = {
 *		.name = N_("Households"), .kind = SCREEN_KIND_LIST,
 *		.handlers = my_handlers, .open = my_open_fn, .layout = ...,
 *		.draw = ..., .event = ..., .data_changed = ..., .close = ...};
 *
 * and opening it with app_push(app, &my_screen, arg) (tui/app.h).  The kind
 * (enum screen_kind) says what sort of screen it is: a list, a page pushed
 * over another that Esc leaves, a dialog, a form ...; it brings the flags,
 * the key contexts and the shared handlers every screen of that sort has. */
#ifndef DOORSTEP_SCREEN_H
#define DOORSTEP_SCREEN_H

#include <wchar.h>

#include "core/err.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/keys.h"

struct app;
struct screen;

/* What an event handler returns: an OR of these. */
enum screen_result {
	SCREEN_IGNORED = 0,	 /* not mine: try the global actions */
	SCREEN_HANDLED = 1 << 0, /* consumed (the stack redraws after every handled event) */
	SCREEN_POP = 1 << 2,	 /* close the screen that returned this */
	SCREEN_QUIT = 1 << 3,	 /* quit the program (asks first when a form holds
				  * unsaved input) */
	SCREEN_CHANGED = 1 << 4, /* this process wrote data: every open screen's
				  * data_changed runs (other processes' commits are
				  * noticed through PRAGMA data_version) */
};

enum event_type {
	EVENT_KEY,   /* key and act are set */
	EVENT_MOUSE, /* mouse_* are set */
	EVENT_PASTE, /* paste_* are set; key is 0 and act ACT_NONE (tui/widgets/paste.h) */
};

enum mouse_kind {
	MOUSE_CLICK = 1,  /* button 1 pressed/clicked */
	MOUSE_DOUBLE,	  /* button 1 double-clicked */
	MOUSE_WHEEL_UP,	  /* wheel away from the user */
	MOUSE_WHEEL_DOWN, /* wheel towards the user */
};

struct event {
	enum event_type type;
	int key;	 /* a key int (tui/widgets/keys.h): character or KEYS_FN(KEY_...) */
	enum action act; /* the action bound to key for the receiving screen, or
			  * ACT_NONE */
	int mouse_kind;	 /* enum mouse_kind */
	int mouse_y, mouse_x;
	/* EVENT_PASTE: the pasted text (line breaks as L'\n'), given only to a
	 * screen that takes text (screen_takes_text).  A screen that takes it
	 * returns SCREEN_HANDLED; one that refuses it returns SCREEN_IGNORED,
	 * or SCREEN_HANDLED with *paste_refused set to the reason (translated). */
	const wchar_t *paste_text;
	size_t paste_len;
	const char **paste_refused;
};

/* One line of a screen's handler table: the action and the function that
 * does it (it returns screen_result flags).  The hint line shows, in table
 * order, every handled action that has a hint label: hint when set (an
 * English msgid, e.g. N_("back") for Esc in a detail view), else the
 * action's own (keys_action_info[act].hint). */
struct screen_handler {
	enum action act;
	int (*fn)(struct screen *s);
	const char *hint;
};

enum screen_flag {
	SCREEN_MODAL = 1 << 0,	 /* a form or dialog: tabs do not switch while it is open,
				  * digits and letters are its own */
	SCREEN_OVERLAY = 1 << 1, /* drawn over the screen below (dialogs, pick-lists) */
	SCREEN_TEXT = 1 << 2,	 /* takes printable characters itself (never looked up
				  * as global keys): forms and entry overlays; see
				  * also screen_class.text_focus */
};

/* What sort of screen a class is.  Each kind is one line of screen_kinds
 * (screen.c): its flags (enum screen_flag), the key contexts whose keys
 * apply (KEYCTX_BIT()s) and the handlers every screen of the kind shares. */
enum screen_kind {
	SCREEN_KIND_NONE,	/* no flags, contexts or handlers: a tab that becomes one
				 * of its views as it opens, a screen that only opens another */
	SCREEN_KIND_LIST,	/* a list (a tab's, a record's sections, a tab's views) */
	SCREEN_KIND_LIST_ENTRY, /* a list on which typing enters text (line editor keys) */
	SCREEN_KIND_PAGE,	/* a read-only page of its own (a tab's, the first start) */
	SCREEN_KIND_SUBLIST,	/* a list pushed over another screen: Esc goes back */
	SCREEN_KIND_SUBPAGE,	/* a read-only page pushed over another: Esc goes back */
	SCREEN_KIND_MODAL_LIST, /* a list that holds the tab until Esc goes back */
	SCREEN_KIND_WINDOW,	/* a read-only window that holds the tab until Esc closes it */
	SCREEN_KIND_ENTRY,	/* a text entry drawn over the tab that pushed it: it
				 * takes every printable character */
	SCREEN_KIND_PICK,	/* a pick-list dialog */
	SCREEN_KIND_PICK_LIST,	/* a dialog that picks a row of a list */
	SCREEN_KIND_DIALOG,	/* a yes/no question */
	SCREEN_KIND_FORM,	/* a form */
	SCREEN_KIND_COUNT
};

/* What another tab asks a tab's screen to show (app_show): a record by
 * kind and id, on a date where that matters. */
struct screen_target {
	const char *kind; /* "household", "isolation", "donation" ... */
	long long id;
	const char *date; /* YYYY-MM-DD, or NULL */
};

struct screen_class {
	const char *name;		       /* English msgid, the title shown in help */
	enum screen_kind kind;		       /* its flags, key contexts, shared handlers */
	const struct keybind *keys;	       /* the screen's own keys, {0}-terminated, or NULL */
	const struct screen_handler *handlers; /* {0}-terminated, or NULL */
	/* Handlers the class shares with others that bind those actions the
	 * same way (the views of one tab), {0}-terminated, or NULL: those of
	 * its kind (Esc back for a pushed page).  Consulted after .handlers,
	 * which may bind an action of them otherwise; the hint line shows
	 * their hints after the class's own, so the class's table lists only
	 * what it does differently. */
	const struct screen_handler *shared;
	/* A tab of several views (each a class of its own, switched by `v`):
	 * those classes, NULL-terminated; help and `doorstep keys` list the
	 * keys of each.  NULL for a screen of one view. */
	const struct screen_class *const *views;
	/* The entry overlays the screen pushes (a text entry with keys of its
	 * own), NULL-terminated: `doorstep keys` lists their keys after the
	 * screen's.  NULL when it has none. */
	const struct screen_class *const *overlays;

	/* Allocates s->state from arg (whatever app_push was given).
	 * Returns 0, or -1 with e filled: the screen is not pushed. */
	int (*open)(struct screen *s, void *arg, struct err *e);
	/* The screen may use r (the body: below the tabs, above the status
	 * line); called after open and on every resize.  Optional. */
	void (*layout)(struct screen *s, struct rect r);
	/* Draws the screen inside its rect. */
	void (*draw)(struct screen *s);
	/* Handles an event before the handler table is consulted; optional
	 * (NULL: only the handler table).  Return SCREEN_IGNORED to let the
	 * handler table and then the global actions have it. */
	int (*event)(struct screen *s, const struct event *ev);
	/* The data under the screen changed (another process committed, or
	 * this one wrote): re-read what is shown.  Optional. */
	void (*data_changed)(struct screen *s);
	/* 1 when the screen holds input that quitting would lose (forms).
	 * Optional. */
	int (*dirty)(struct screen *s);
	/* 1 while a text field has focus: digits, letters and `q` belong to
	 * the screen then.  Optional (NULL: the SCREEN_TEXT flag decides). */
	int (*text_focus)(struct screen *s);
	/* 1 when act applies right now (e.g. ACT_EDIT needs a selected row,
	 * ACT_CHOOSE an enumeration field): the hint line leaves out the
	 * handled actions for which this returns 0.  Optional (NULL: all). */
	int (*can)(struct screen *s, enum action act);
	/* Frees s->state.  Optional. */
	void (*close)(struct screen *s);
	/* Shows the record t names (positions the list on it): 0, or -1
	 * with the reason in the status line.  Optional: a tab without it
	 * is only switched to. */
	int (*show)(struct screen *s, const struct screen_target *t);
};

struct screen {
	const struct screen_class *cls;
	void *state;	    /* the screen's own; freed by cls->close */
	struct app *app;    /* the running program (tui/app.h) */
	struct rect r;	    /* the body rectangle, set before layout */
	int closing;	    /* set by app_close: removed after the current event */
	enum action acting; /* the action of the handler running (screen_dispatch) */
};

/* Runs the handler of ev->act from s's handler table (then its shared one).  Returns its flags,
 * or SCREEN_IGNORED when s has none for the action. */
int screen_dispatch(struct screen *s, const struct event *ev);

/* The action the running handler was called for: one handler may serve
 * several actions that differ by a value (a day back or forward). */
enum action screen_action(const struct screen *s);

/* 1 when s has a handler for act. */
int screen_handles(const struct screen *s, enum action act);

/* The entry of s's handler table or shared table that act runs, or NULL. */
const struct screen_handler *screen_handler_of(const struct screen *s, enum action act);

/* The flags (enum screen_flag) and key contexts (KEYCTX_BIT()s) of cls, as
 * its kind has them. */
unsigned screen_flags(const struct screen_class *cls);
unsigned screen_keyctx(const struct screen_class *cls);

/* The shared handlers of cls: its own .shared, or else its kind's (NULL
 * when neither has any). */
const struct screen_handler *screen_shared(const struct screen_class *cls);

/* 1 when s currently takes printable characters (SCREEN_TEXT or
 * text_focus). */
int screen_takes_text(struct screen *s);

/* The open of a screen whose state is what app_push was given (the opener
 * keeps owning it, or the screen's close frees it). */
int screen_open_arg(struct screen *s, void *arg, struct err *e);

/* The handler of a screen that Esc (or another key) simply closes: returns
 * SCREEN_HANDLED | SCREEN_POP. */
int screen_act_pop(struct screen *s);

/* The handler of Ctrl-R on a screen that re-reads as when the data changed:
 * runs its class's data_changed. */
int screen_act_refresh(struct screen *s);

#endif
