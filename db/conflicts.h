/* conflicts: what a merge found that a person must settle (docs/merge.md).
 *
 * Each machine keeps invariants locally (stock never below zero ...); two
 * machines' records together can break one that neither broke alone (A
 * voids a donation of 50 boxes while B gives 30 of them out).  The merge
 * accepts both sides' records and stores an open conflict: `check` lists it
 * as a warning, Today shows it until someone settles it with one of the
 * actions below, each audited.  A conflict is a record like any other (UUID,
 * merged between machines); its UUID is derived from what it is about, so
 * two machines that find the same conflict store the same record. */
#ifndef DOORSTEP_CONFLICTS_H
#define DOORSTEP_CONFLICTS_H

#include "core/err.h"

struct db;

/* One stored conflict; strings owned (db_conflict_clear). */
struct conflict {
	long long id;
	char uuid[37];
	char kind[16]; /* "stock" or "pass" (core/enums.h ENUM_CONFLICT_KIND) */
	char *subject; /* stock: "item|unit"; pass: the pass number */
	/* JSON: both sides' records (stock: voided donations, distributions;
	 * pass: the revocation, the outings after it) */
	char *detail;
	char *resolution; /* NULL while open */
	char *note;
};

void db_conflict_clear(struct conflict *c);

/* Stores an open conflict for every invariant broken now that has none yet
 * (stock below zero, as the view stock_below_zero states it; a pass used to
 * go out after it was revoked, as the view pass_used_revoked states it).  Called by
 * the merge inside its transaction.  Fills subjects (a NUL-separated list
 * the caller frees, may be NULL) and returns how many were stored, or -1. */
int db_conflicts_detect(struct db *db, char **subjects, struct err *e);

/* Calls fn for each open conflict, oldest first; 0 or -1 (fn's non-zero
 * return stops and is returned). */
int db_conflicts_open(struct db *db, int (*fn)(const struct conflict *c, void *ctx), void *ctx,
		      struct err *e);

/* Reads conflict id: 1 found, 0 not, -1 error. */
int db_conflict_get(struct db *db, long long id, struct conflict *out, struct err *e);

enum conflict_record_kind {
	CONFLICT_REC_GIVEN,   /* stock: a distribution */
	CONFLICT_REC_VOIDED,  /* stock: a voided donation */
	CONFLICT_REC_REVOKED, /* pass: its revocation */
	CONFLICT_REC_OUTING,  /* pass: an outing after it */
};

/* One record a conflict is about, as stored in its detail. */
struct conflict_record {
	enum conflict_record_kind what;
	int voided;		 /* what == CONFLICT_REC_VOIDED */
	const char *ref;	 /* receipt number, distribution date, revoked_at, outing time */
	long long quantity;	 /* hundredths (stock) */
	const char *text;	 /* void reason, recipient, revoke reason, checkpoint */
	const char *item, *unit; /* stock: item and unit; pass: number and household */
};

/* Calls fn for each record of c's detail: the voided donations, then the
 * distributions (stock); the revocation, then the outings (pass).  0, -1, or fn's non-zero return.
 */
int db_conflict_records(struct db *db, const struct conflict *c,
			int (*fn)(const struct conflict_record *r, void *ctx), void *ctx,
			struct err *e);

/* How a conflict is settled. */
enum conflict_action {
	CONFLICT_UNDO_VOID = 1, /* stock: the voided donations count again */
	CONFLICT_RETURNED,	/* stock: the goods given out are recorded as returned */
	CONFLICT_ACCEPT,	/* leave the records as they are, with a note */
	CONFLICT_UNREVOKE,	/* pass: the revocation is undone (the pass counts again) */
};

/* Settles open conflict id with action (one that fits its kind); note is
 * required for ACCEPT.
 * Everything it changes is audited; one transaction.  0 or -1 (refused,
 * e.g. already settled, or a note missing: e names the field "note"). */
int db_conflict_settle(struct db *db, long long id, enum conflict_action action, const char *note,
		       struct err *e);

#endif
