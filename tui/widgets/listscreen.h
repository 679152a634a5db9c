/* listscreen: a screen that is a title (two lines, wrapped) over a list (the returnees,
 * the staff, a gate's visitors, a record's history).
 *
 * The screen states what differs in a const struct listscreen_def (the
 * list's columns and row source, the empty text, how its data is re-read
 * and what the title says) and takes the callbacks that are the same for
 * all of them from here:
 *
 *	static const struct listscreen_def def = {&spec, N_("Nobody yet."),
 *		my_load, my_title, my_free};
 *	static int my_open(struct screen *s, void *arg, struct err *e)
 *	{
 *		struct mine *m = xcalloc(1, sizeof *m);
 *		...
 *		return listscreen_open(s, &def, m, e);
 *	}
 *	static const struct screen_class my_screen = LISTSCREEN_CLASS(
 *		N_("Mine"), SCREEN_KIND_SUBLIST, NULL, my_handlers, my_open, NULL);
 *
 * The handlers find their data with listscreen_own and the selected row
 * with listscreen_current; Esc goes back without one. */
#ifndef DOORSTEP_LISTSCREEN_H
#define DOORSTEP_LISTSCREEN_H

#include "core/err.h"
#include "core/strbuf.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/widget_list.h"

struct listscreen;

struct listscreen_def {
	const struct list_spec *list; /* ctx of its callbacks: the screen's own data */
	const char *empty;	      /* English msgid: what an empty list says */
	/* Re-reads the own data (at open and whenever data changed) and, for
	 * an array list, hands it to the list (list_set_array).  Returns 0,
	 * or -1 with e filled (at open: the screen is not pushed; later: the
	 * error goes to the status line).  Optional. */
	int (*load)(struct app *app, void *own, struct list *l, struct err *e);
	/* Appends the title line to out. */
	void (*title)(void *own, struct strbuf *out);
	/* Frees the own data.  Optional (NULL: free()). */
	void (*free)(void *own);
	/* 1: a double click on a row is Enter (ACT_OPEN). */
	int double_click_opens;
};

/* Opens s as a list screen of def over own (the screen's data, which it
 * now owns: freed by def->free when the screen closes, or here when the
 * first load fails).  Returns 0, or -1 with e filled. */
int listscreen_open(struct screen *s, const struct listscreen_def *def, void *own, struct err *e);

/* The screen's own data, as given to listscreen_open. */
void *listscreen_own(struct screen *s);

/* The selected row (see list_current), or NULL. */
const void *listscreen_current(struct screen *s);

/* 1 unless act is ACT_OPEN and no row is selected: a screen's `can`. */
int listscreen_can_open(struct screen *s, enum action act);

/* The callbacks every list screen shares. */
void listscreen_layout(struct screen *s, struct rect r);
void listscreen_draw(struct screen *s);
int listscreen_event(struct screen *s, const struct event *ev);
void listscreen_changed(struct screen *s);
void listscreen_close(struct screen *s);

/* The members of a struct screen_class that a list screen takes from here:
 * the callbacks. */
#define LISTSCREEN_CALLBACKS                                                                       \
	.layout = listscreen_layout, .draw = listscreen_draw, .event = listscreen_event,           \
	.data_changed = listscreen_changed, .close = listscreen_close

/* A list screen's class: its title, kind (SCREEN_KIND_SUBLIST, or
 * SCREEN_KIND_SUBPAGE where the list is something to read: Esc goes back
 * either way), own keys (or NULL), handlers, open and can (or NULL). */
#define LISTSCREEN_CLASS(title, screenkind, keytab, hs, openfn, canfn)                             \
	{                                                                                          \
		.name = title, .kind = screenkind, .keys = keytab, .handlers = hs, .open = openfn, \
		.can = canfn, LISTSCREEN_CALLBACKS                                                 \
	}

#endif
