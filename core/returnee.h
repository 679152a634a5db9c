/* returnee: people back from elsewhere (返乡人员) and the key areas rule.
 *
 * Settings hold a list of key areas (重点地区, default "湖北,武汉"; names
 * separated by commas, Chinese commas or 、).  A place is *from a key
 * area* when, normalised (full-width folded, spaces dropped), it contains
 * one of the names.  Someone who came back (or arrived) on date R is
 * *inside the window* from R while today <= R + isolation days - 1: the
 * days a home isolation from R would last. */
#ifndef DOORSTEP_RETURNEE_H
#define DOORSTEP_RETURNEE_H

#include <stddef.h>

#include "core/date.h"
#include "core/err.h"
#include "core/strbuf.h"

#define RETURNEE_KEY_AREAS_DEFAULT "湖北,武汉"

/* 1 when place contains one of the comma-separated key_areas after both are
 * normalised; 0 otherwise (also for an empty place or list).  When it does
 * and hit is not NULL, the matching name is copied there (n bytes). */
int returnee_from_key_area(const char *place, const char *key_areas, char *hit, size_t n);

/* The most characters a key-area list may hold (it fits the 512 bytes the
 * readers keep). */
#define RETURNEE_KEY_AREAS_MAX 160

/* The key-area list as typed in settings ("湖北， 武汉、温州"), canonical:
 * the names full-width folded, without spaces, joined by ",", empty names
 * dropped.  Returns 0 with the list appended to out, or -1 with e (field
 * "key_areas") when no name is left or the list is over
 * RETURNEE_KEY_AREAS_MAX characters. */
int returnee_key_areas_canon(const char *typed, struct strbuf *out, struct err *e);

/* 1 when today is within the window of a return on date ret: ret <= today
 * <= ret + days - 1; else 0. */
int returnee_inside_window(const struct date *ret, const struct date *today, int days);

/* What is known of one resident who came back. */
struct returnee_facts {
	const char *returned_from; /* the place, as typed */
	struct date returned;	   /* the return date */
	struct date today;
	int isolation_days;
	const char *key_areas;
	int isolated;  /* an isolation active now, or one started on or after the return */
	int monitored; /* an audited decision: home health monitoring, no isolation */
};

enum returnee_state {
	RETURNEE_CLEAR,	    /* not from a key area, or outside the window */
	RETURNEE_ALERT,	    /* from a key area, inside the window, neither isolated nor decided */
	RETURNEE_ISOLATED,  /* from a key area, inside the window, isolated */
	RETURNEE_MONITORED, /* from a key area, inside the window, decided: monitoring */
};

/* The state of a returnee (the matched key area into hit, n bytes, when
 * not RETURNEE_CLEAR). */
enum returnee_state returnee_state(const struct returnee_facts *f, char *hit, size_t n);

/* Appends the alert sentence (translated): "from 武汉 02-10, not isolated"
 * (short enough for Today's detail column at 80 columns). */
void returnee_alert_text(const char *key_area, const struct date *returned, struct strbuf *out);

#endif
