/* db returnees: residents back from a key area (core/returnee.h): the
 * alerts of those inside the window with neither an isolation nor a
 * decision, and the audited decision "home health monitoring, no
 * isolation: reason" (residents.monitoring). */
#ifndef DOORSTEP_DB_RETURNEES_H
#define DOORSTEP_DB_RETURNEES_H

#include "core/err.h"
#include "core/returnee.h"

struct db;

/* A returnee alert, or a row of the returnee list. */
struct returnee_alert {
	long long resident_id, household_id;
	/* The texts are owned by the alert, whole ("" for none), and freed by
	 * db_returnee_alert_clear. */
	char *name;
	char *household;
	char *returned_from;
	char return_date[11];
	/* the key area matched, "" when none: one name of the list, which holds
	 * at most RETURNEE_KEY_AREAS_MAX characters */
	char key_area[RETURNEE_KEY_AREAS_MAX * 4 + 1];
	char *travel; /* 交通方式, "" when not given */
	char *id_number, *phone;
	int key;	   /* from a key area (whether inside the window or not) */
	int isolated;	   /* isolated since the return (or isolated now) */
	int monitored;	   /* decided: home health monitoring, no isolation */
	int days_since;	   /* 0 on the return date */
	int state;	   /* enum returnee_state */
};

/* Frees the alert's strings and zeroes it. */
void db_returnee_alert_clear(struct returnee_alert *a);

/* A deep copy of src into dst (dst holds nothing yet). */
void db_returnee_alert_copy(struct returnee_alert *dst, const struct returnee_alert *src);

/* Frees the n alerts of v and v itself. */
void db_returnees_free(struct returnee_alert *v, int n);

/* The live residents (living or away) from a key area inside the window
 * on day (ISO), as a malloc'd array (*v, *n; db_returnees_free): all of them when
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
