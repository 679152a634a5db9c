/* db followups: fever and symptom follow-up cases (core/followup.h).
 *
 * A case is opened by the module that stores the reading (db/visits for a
 * round, db/isolations for a check, db/passes for the gate) inside its own
 * transaction, through db_followup_open_for; a person has at most one open
 * case.  Referral and closing write their audit rows in the same
 * transaction; closing with "isolated" starts the isolation in it too. */
#ifndef DOORSTEP_DB_FOLLOWUPS_H
#define DOORSTEP_DB_FOLLOWUPS_H

#include "core/err.h"
#include "core/followup.h"

struct db;

/* A case as read back, with its person.  The texts (char *) are owned by
 * the case, whole ("" for none), and freed by db_followup_clear. */
struct followup {
	long long id;
	char uuid[37];
	long long resident_id, household_id;
	char *name;	 /* the resident's */
	char *household; /* the household's code */
	char opened_at[20];
	char source[8];	 /* round, check, gate */
	int temperature; /* tenths, 0 = none */
	char *symptoms;
	char referred_at[20];	/* "" until referred */
	char *clinic, *transport; /* "" until referred */
	char outcome[20];	/* "" while open */
	char closed_at[20];
	char *closed_by;	/* the staff member's name */
	long long isolation_id; /* -1 unless closed as isolated */
};

/* Frees the case's strings and zeroes it. */
void db_followup_clear(struct followup *f);

/* A deep copy of src into dst (dst holds nothing yet). */
void db_followup_copy(struct followup *dst, const struct followup *src);

/* Frees the n cases of v (db_followups_open) and v itself. */
void db_followups_free(struct followup *v, int n);

/* Opens a case for resident_id when the reading qualifies
 * (followup_should_open with the settings' threshold) and the resident has
 * no open case.  source is "round", "check" or "gate"; source_uuid the
 * record that holds the reading (may be NULL); at "YYYY-MM-DD HH:MM:SS"
 * (NULL = now).  Joins the caller's transaction.  Returns 1 opened, 0 not
 * needed, -1 error. */
int db_followup_open_for(struct db *db, long long resident_id, const char *source,
			 const char *source_uuid, const char *at, int temperature,
			 const char *symptoms, struct err *e);

/* Withdraws the open case that the record source_uuid opened, when it is
 * still untouched (not referred): soft-deleted with its audit row, for an
 * undone visit.  Returns 1 withdrawn, 0 none, -1 error. */
int db_followup_withdraw(struct db *db, const char *source_uuid, struct err *e);

/* The resident's open case: 1 found (*out filled), 0 none, -1 error. */
int db_followup_open_of(struct db *db, long long resident_id, struct followup *out, struct err *e);

/* Reads a live case: 1 found, 0 not, -1 error. */
int db_followup_get(struct db *db, long long id, struct followup *out, struct err *e);

/* Records the referral to the fever clinic: at ("YYYY-MM-DD HH:MM", NULL =
 * now), clinic (required), transport (may be NULL).  Refused for a closed
 * case.  Returns 0 or -1. */
int db_followup_refer(struct db *db, long long id, const char *at, const char *clinic,
		      const char *transport, struct err *e);

/* What closing a case as "isolated" starts. */
struct followup_isolation {
	const char *kind; /* home, central, hospital */
	const char *site; /* for central */
};

/* Closes an open case with outcome (core followup_close_check) by the
 * connection's staff, now.  With outcome "isolated", iso says where (NULL =
 * home) and the isolation starts today in the same transaction (reason
 * "symptoms"; a person already in isolation keeps it, and the case links
 * that one).  Returns 0 or -1; nothing is written on
 * error. */
int db_followup_close(struct db *db, long long id, const char *outcome,
		      const struct followup_isolation *iso, const char *notes, struct err *e);

/* The open cases, oldest first, into a malloc'd array (*v, *n; free with
 * db_followups_free).  Returns 0 or -1. */
int db_followups_open(struct db *db, struct followup **v, int *n, struct err *e);

/* The day's counts (core/followup.h): opened on day, open at its end,
 * closed on day.  Returns 0 or -1. */
int db_followup_counts(struct db *db, const char *day, struct followup_counts *out, struct err *e);

#endif
