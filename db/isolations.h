/* db isolations: periods of home, central or hospital isolation and their
 * twice-daily checks (docs/isolation.md; docs/design.md#rules).
 *
 * An isolation is active while end_date is NULL; a resident has at most one
 * active isolation.  Its last day is start_date + days + extended_days - 1.
 * Ending it sets end_date and end_reason; a restart ends it with reason
 * "restarted" and opens a new row whose previous_id points back, so the old
 * period stays in the history.  Every change writes its audit row in the same
 * transaction; each function opens its own transaction unless the caller has
 * one open, and writes nothing when it fails. */
#ifndef DOORSTEP_DB_ISOLATIONS_H
#define DOORSTEP_DB_ISOLATIONS_H

#include "core/err.h"

struct db;

/* An isolation as read back.  site is malloc'd and owned (never cut): a read
 * overwrites the struct without freeing it; db_isolation_clear frees it. */
struct isolation {
	long long id;
	char uuid[37];
	long long resident_id;
	char kind[12];      /* home, central, hospital */
	char *site;	    /* central site name, "" otherwise */
	char reason[20];    /* key_area, close_contact, secondary_contact, symptoms, other */
	char start_date[11];
	int days;
	int extended_days;
	char last_day[11];  /* computed */
	char end_date[11];  /* "" while active */
	char end_reason[16]; /* "" while active */
	long long previous_id; /* -1 unless restarted from another period */
};

void db_isolation_clear(struct isolation *o);

/* What starting an isolation needs.  kind "central" requires a site. */
struct isolation_new {
	long long resident_id;
	const char *kind;
	const char *site;       /* NULL for home and hospital */
	const char *reason;     /* NULL = "other" */
	const char *start_date; /* NULL = today */
	int days;               /* 0 = settings.isolation_days */
	const char *notes;
};

/* Starts an isolation.  Refused (field named) for an unknown or deleted
 * resident, one who already has an active isolation (the message gives its
 * start date), an unknown kind or reason, a central one without a site, days
 * outside 1-60.  Returns the new id, or -1. */
long long db_isolation_start(struct db *db, const struct isolation_new *n, struct err *e);

/* Reads a live isolation: 1 found, 0 not, -1 error. */
int db_isolation_get(struct db *db, long long id, struct isolation *out, struct err *e);

/* The resident's active isolation: 1 found (*out filled), 0 none, -1 error. */
int db_isolation_active_for(struct db *db, long long resident_id, struct isolation *out,
			    struct err *e);

/* One AM or PM check. */
struct isolation_check {
	const char *date;     /* NULL = today */
	const char *slot;     /* "AM" or "PM"; NULL = from the clock and the AM cut-off */
	const char *at;       /* "YYYY-MM-DD HH:MM:SS"; NULL = now */
	int temperature;      /* tenths; 0 = not taken (NULL) */
	const char *symptoms; /* comma-separated codes; NULL = none */
	const char *method;   /* in_person, phone, self_report; NULL = in_person */
	long long staff_id;   /* -1 = the connection's staff */
	int late;             /* 1 forces the late mark */
	const char *unmeasured; /* why no temperature was taken; NULL = it was */
};

/* Records a check.  The check is marked late when asked, or when its date is
 * after the isolation's end date or last day (docs/design.md#rules: stored, not refused).
 * Refused: a check with neither a temperature, nor a symptom, nor a
 * not-measured reason (core/release), a date before the start, a slot that
 * already has a live check that day, a temperature outside 34.0-43.0 °C, an
 * unknown slot or method.  Returns the check's id (and *late_out when not
 * NULL), or -1. */
long long db_isolation_check(struct db *db, long long isolation_id, const struct isolation_check *c,
			     int *late_out, struct err *e);

/* Changes the extension by add_days (negative shortens).  Refused for an
 * ended isolation, a total below the days already passed by today, or an
 * extension below zero.  Returns 0 or -1. */
int db_isolation_extend(struct db *db, long long id, int add_days, struct err *e);

/* Restarts after a new exposure: the active isolation id ends on new_start
 * with reason "restarted", and a new one (same resident, kind, site, reason,
 * days; no extension) starts on new_start (NULL = today) with previous_id =
 * id.  new_start may not be before the old start.  Returns the new id, or -1. */
long long db_isolation_restart(struct db *db, long long id, const char *new_start, struct err *e);

/* Ends an active isolation with reason (completed, hospitalised, confirmed,
 * moved_away, error) on end_date (NULL = today; not before the start).
 * Returns 0 or -1. */
int db_isolation_end(struct db *db, long long id, const char *reason, const char *end_date,
		     struct err *e);

/* db_isolation_end under the safe-release rule (core/release): ending as
 * "completed" before the last day, with a fever or symptom among the
 * checks of the last three days up to end_date, or with an open follow-up
 * of the resident is refused (field "override", every problem named)
 * unless override holds a reason; that reason is stored in
 * release_override and in the audit row.  db_isolation_end is this with
 * override NULL.  Returns 0 or -1. */
int db_isolation_end_override(struct db *db, long long id, const char *reason, const char *end_date,
			      const char *override, struct err *e);

#endif
