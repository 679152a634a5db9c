/* db passes: entry passes (出入证); the gate lookup and the outings recorded
 * at checkpoints (pass_events) are db/gate.h's, under the rules below.
 *
 * Numbers are core/passno's 8 digits (station, sequence, Damm check digit),
 * given out in order per station and never reused, not even after a pass is
 * revoked or deleted.  A household holds at most one current pass (issued,
 * not revoked, valid_until absent or not past): a lost pass is revoked with
 * a reason, then a new one is issued.
 *
 * The outing rule (docs/checkpoints.md, core/outing.h) is the household's, not the
 * pass's: its last outing is the last "out" event of any of its passes, so a
 * replacement pass does not reset the count.  A member is under isolation
 * from the start date of an isolation of any kind (home, central, hospital)
 * until it is ended on the Isolation tab (end_date recorded, the household
 * may go out again from its end date), even past its planned last day: only a
 * recorded release lets the household out again.  Members are the
 * household's residents living there or away (not moved out or deceased).
 *
 * Refused attempts are not stored: pass_events holds only outings that
 * happened ("out" and "in"); the refusal and its reason are on the gate
 * screen.  An "out" is refused by db_gate_record itself, in the same
 * BEGIN IMMEDIATE transaction that writes it, so that two gates cannot both
 * let the same household out.  An "in" is always recorded.
 *
 * Every write records its audit row in the same transaction. */
#ifndef DOORSTEP_DB_PASSES_H
#define DOORSTEP_DB_PASSES_H

#include <stddef.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/err.h"
#include "core/outing.h"
#include "core/passno.h"

struct db;

/* Text members of the records below are malloc'd and owned by the record
 * (never cut): a read overwrites the record without freeing what it held;
 * the matching _clear frees them and zeroes the record. */
struct pass {
	long long id;
	char uuid[37];
	char pass_no[PASSNO_STR];
	long long household_id;
	char *household_code; /* read-only joins: code, head, grid */
	char *head_name;
	char *grid_name;
	char issued_date[DATE_STR];
	char valid_until[DATE_STR]; /* "" when valid until revoked */
	char revoked_at[CLOCK_STR]; /* "" when not revoked */
	char *revoke_reason;
	char *notes;
};

void db_pass_clear(struct pass *p);

/* Issues a pass to the live household: the next number of this machine's
 * station, issued today, valid until valid_until ("YYYY-MM-DD", not before
 * today; NULL or "" for no end).  Refused when the household already holds a
 * current pass (the message names it).  Fills *out (may be NULL).  Returns
 * 0 or -1 with the field named. */
int db_pass_issue(struct db *db, long long household_id, const char *valid_until, const char *notes,
		  struct pass *out, struct err *e);

/* Issues passes to every live household of a grid (grid_id -1: of the whole
 * community) that holds no current pass, in one transaction, in natural
 * code order.  *issued and *skipped (may be NULL) get the counts.  Returns 0
 * or -1 (nothing issued). */
int db_pass_issue_grid(struct db *db, long long grid_id, const char *valid_until, long *issued,
		       long *skipped, struct err *e);

/* Revokes a live pass with a reason (required), audited as a void.  Returns
 * 0, or -1 when the pass is unknown or already revoked (the message says
 * when). */
int db_pass_revoke(struct db *db, long long id, const char *reason, struct err *e);

/* Sets or clears (NULL or "") the valid-until date of a live pass.  Returns
 * 1 changed, 0 unchanged, -1 error. */
int db_pass_set_valid_until(struct db *db, long long id, const char *valid_until, struct err *e);

/* Lookups of live passes: 1 found, 0 not, -1 error. */
int db_pass_get(struct db *db, long long id, struct pass *out, struct err *e);
int db_pass_find_no(struct db *db, const char *pass_no, struct pass *out, struct err *e);
/* The household's current pass (the newest when several). */
int db_pass_current(struct db *db, long long household_id, struct pass *out, struct err *e);

/* Calls fn for each live pass of a grid (-1: all), current ones only when
 * current_only, in natural household order then number; fn returns non-zero
 * to stop.  Returns 0 or -1. */
int db_pass_each(struct db *db, long long grid_id, int current_only,
		 int (*fn)(const struct pass *p, void *ctx), void *ctx, struct err *e);

/* A page of live passes in natural household order, then id, for a list
 * widget (core/listpage.h): dir > 0 the up to n passes after anchor (NULL:
 * from the first), dir < 0 those before it, nearest first.  Stores them into
 * out[0..] and returns how many, or -1. */
int db_pass_page(struct db *db, const struct pass *anchor, int dir, int n, struct pass *out,
		 struct err *e);

/* Resolves what an issue form typed: a live household's code (1, its id in
 * *household_id), a grid's name (2, its id in *grid_id), "*" for every
 * household (3), or nothing known (0, with a message in e naming the
 * text).  Returns -1 on error. */
int db_pass_issue_target(struct db *db, const char *text, long long *household_id,
			 long long *grid_id, struct err *e);

#endif
