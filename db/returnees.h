/* db returnees: residents back from a key area (core/returnee.h): the
 * alerts of those inside the window with neither an isolation nor a
 * decision, and the audited decision "home health monitoring, no
 * isolation: reason" (residents.monitoring). */
#ifndef DOORSTEP_DB_RETURNEES_H
#define DOORSTEP_DB_RETURNEES_H

#include "core/err.h"

struct db;

/* A returnee alert, or a row of the returnee list. */
struct returnee_alert {
	long long resident_id, household_id;
	char name[64];
	char household[64];
	char returned_from[96];
	char return_date[11];
	char key_area[64]; /* the key area matched, "" when none */
	char travel[801];  /* 交通方式, "" when not given */
	char id_number[41], phone[33];
	int key;	   /* from a key area (whether inside the window or not) */
	int isolated;	   /* isolated since the return (or isolated now) */
	int monitored;	   /* decided: home health monitoring, no isolation */
	int days_since;	   /* 0 on the return date */
	int state;	   /* enum returnee_state */
};

/* The live residents (living or away) from a key area inside the window
 * on day (ISO), as a malloc'd array (*v, *n; free()): all of them when
 * all, else only those in RETURNEE_ALERT.  Latest return first.  Returns 0
 * or -1. */
int db_returnees(struct db *db, const char *day, int all, struct returnee_alert **v, int *n,
		 struct err *e);

/* Every live resident (living or away) who came back (a place and a
 * return date) on or before day (ISO), from a key area or not, inside the
 * window or past it: the returnee list.  Latest return first; state is
 * RETURNEE_CLEAR outside the window or away from the key areas.  As
 * db_returnees otherwise. */
int db_returnee_list(struct db *db, const char *day, struct returnee_alert **v, int *n,
		     struct err *e);

/* Records the decision for resident_id: home health monitoring, no
 * isolation, with a reason (required); audited as an update of the
 * resident.  Returns 0 or -1. */
int db_returnee_monitor(struct db *db, long long resident_id, const char *reason, struct err *e);

#endif
