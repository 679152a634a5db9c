/* db visits: a staff member at a household's door on a date, with one reading
 * per resident met (docs/design.md#words; README.md#schema).
 *
 * A visit and its readings are written in one transaction with their audit
 * rows; undo soft-deletes the visit and its readings (audited), so nothing
 * entered is ever lost.  A household may be visited several times a day: its
 * status for the day is the outcome of its latest live visit. */
#ifndef DOORSTEP_DB_VISITS_H
#define DOORSTEP_DB_VISITS_H

#include "core/err.h"

struct db;

enum visit_outcome {
	VISIT_VISITED,
	VISIT_NO_ANSWER,
	VISIT_REFUSED,
	VISIT_AWAY,
};

/* The stored code of an outcome ("visited", "no_answer", "refused", "away"),
 * and back (-1 for an unknown code). */
const char *visit_outcome_code(enum visit_outcome o);
int visit_outcome_from_code(const char *code);

/* One resident's reading at a visit.  temperature is in tenths (365); 0 means
 * the resident was not met or not measured, stored as NULL. */
struct visit_reading {
	long long resident_id;
	int temperature;
	const char *symptoms; /* comma-separated model_symptom codes; NULL = none */
	const char *note;     /* may be NULL */
};

struct visit_new {
	long long household_id;
	const char *date; /* YYYY-MM-DD; NULL = today (core/clock) */
	const char *at;   /* YYYY-MM-DD HH:MM:SS on that date; NULL = now's time on date */
	enum visit_outcome outcome;
	long long staff_id; /* -1: the connection's staff (db_staff_current_id) */
	const char *notes;
	const struct visit_reading *readings; /* only for VISIT_VISITED */
	int n_readings;
};

/* Inserts the visit and its readings with their audit rows, in one
 * transaction (its own unless the caller has one open).  Refused, naming the
 * field: a deleted or unknown household, a reading of a resident who is not a
 * live resident of that household or appears twice, a temperature outside
 * 34.0-43.0 °C, readings on a visit that is not "visited", an `at` whose date
 * is not `date`.  Returns the new visit's id (and its UUID in uuid_out when
 * not NULL), or -1 with e filled; nothing is written on error. */
long long db_visit_insert(struct db *db, const struct visit_new *v, char uuid_out[37],
			  struct err *e);

/* Undoes a visit: soft-deletes it and its readings, with audit rows.
 * Returns 1 done, 0 when no live visit has that id, -1 error. */
int db_visit_undo(struct db *db, long long visit_id, struct err *e);

/* The id of the latest live visit entered by staff_id (any staff when -1) on
 * date: what `u` undoes on the Rounds screen.  1 found, 0 none, -1 error. */
int db_visit_last(struct db *db, const char *date, long long staff_id, long long *id_out,
		  struct err *e);

/* A household's status on a date. */
struct visit_status {
	int outcome;           /* enum visit_outcome of the latest live visit, -1 when none */
	long long visit_id;    /* that visit, -1 when none */
	char at[20];           /* its time, "" when none */
	int visits;            /* live visits of the household that day */
	int measured;          /* readings with a temperature at the latest visit */
	int max_temperature;   /* highest of them, 0 when none */
	int fever;             /* 1 when max_temperature >= fever_threshold */
};

/* Fills *out with household_id's status on date; fever_threshold in tenths
 * (pass settings.fever_threshold).  Returns 1 when visited that day, 0 not
 * yet (out->outcome -1), -1 error. */
int db_visit_status(struct db *db, long long household_id, const char *date, int fever_threshold,
		    struct visit_status *out, struct err *e);

/* A day's round counts, over one grid (grid_id) or all households (-1);
 * statuses by latest visit, as in db/stats.h. */
struct visit_counts {
	int households; /* live households (of the grid) */
	int done;       /* with at least one live visit that day */
	int visited, no_answer, refused, away;
	int fevers;     /* households whose latest visit has a reading >= threshold */
};

/* Returns 0 with *out filled, or -1. */
int db_visit_counts(struct db *db, const char *date, long long grid_id, int fever_threshold,
		    struct visit_counts *out, struct err *e);

#endif
