/* tabs: the eight tabs of the TUI, in one table.
 *
 * A later issue's screen takes its tab by replacing the placeholder entry
 * in tabs.c with its own class ({N_("Rounds"), &rounds_screen, NULL}).  The
 * tab's screen is opened (cls->open(s, arg)) the first time the tab is
 * shown and stays open: switching back keeps its place. */
#ifndef DOORSTEP_TABS_H
#define DOORSTEP_TABS_H

struct screen_class;

#define TABS_COUNT 8

struct tab {
	const char *title;		/* English msgid: N_("Households") */
	const struct screen_class *cls; /* the tab's screen */
	void *arg;			/* handed to cls->open */
};

extern const struct tab tabs_table[TABS_COUNT];

#endif
