/* db passes: entry passes (出入证), the gate lookup, and the outings
 * recorded at checkpoints (pass_events).
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

/* The gate. */

struct gate_member {
	long long id;
	char *name;
	char relation[16]; /* model_relation code */
	int isolated;
	char iso_kind[16];	     /* model_iso_kind code when isolated */
	char iso_last_day[DATE_STR]; /* last day of the isolation when isolated */
};

struct gate_event {
	long long id;
	char at[CLOCK_STR];
	char direction[4]; /* "out" or "in" */
	char pass_no[PASSNO_STR];
	char *checkpoint;
	char *resident; /* "" when not recorded */
	char *staff;
};

void db_gate_event_clear(struct gate_event *ev);

#define GATE_LAST_EVENTS 6

/* What the gate screen shows for a scanned pass. */
struct gate_info {
	struct pass pass;
	struct gate_member *members; /* malloc'd, head first */
	size_t n_members;
	int n_isolated;
	struct gate_event last[GATE_LAST_EVENTS]; /* the household's, newest first */
	size_t n_last;
	int out_now;		       /* the household's last event is an "out" */
	char out_since[CLOCK_STR];     /* its time, when out_now */
	int outing_days;	       /* N of the settings */
	/* The first member with an open fever follow-up (the gate keeps the
	 * household in until it is closed), NULL when none; malloc'd. */
	char *fu_name;
	int fu_temperature; /* its reading, tenths; 0 when a symptom opened it */
	char *fu_symptoms;  /* malloc'd */
	char fu_opened_at[CLOCK_STR];
	struct outing_verdict verdict; /* for an outing today */
};

/* Looks up what was typed or scanned (core/passno_parse) and fills *out
 * with the pass, its household, members, last outings and the verdict for
 * going out today.  Returns 1 found, 0 when no pass has that number, -1 on
 * error or a malformed number (e says why, field "pass_no").  Release *out
 * with db_gate_info_clear even when 0 or -1 is returned. */
int db_gate_lookup(struct db *db, const char *typed, struct gate_info *out, struct err *e);

/* Frees what *g owns and zeroes it. */
void db_gate_info_clear(struct gate_info *g);

/* Records an outing of pass_id at a checkpoint (-1 when not known) by a
 * staff member (-1: the connection's staff): direction "out" or "in", the
 * resident who goes (-1 when not recorded; else a member of the household).
 * An "out" that the rule refuses is not recorded: -1 with the reason (and
 * the next allowed date) in e, field "pass_no".  *verdict (may be NULL) gets
 * the verdict the "out" was decided with.  Returns 0 or -1. */
int db_gate_record(struct db *db, long long pass_id, long long checkpoint_id, long long staff_id,
		   const char *direction, long long resident_id, struct outing_verdict *verdict,
		   struct err *e);

/* db_gate_record with the temperature taken at the gate (tenths; 0: none
 * taken), which needs the resident it was taken of.  A temperature is kept
 * with the outing (pass_events.temperature).  On an "out", a fever refuses
 * the outing (OUTING_FEVER) and opens a follow-up for the resident (source
 * "gate"), which is written although the outing is not: -1 with the reason
 * in e, as for every refusal. */
int db_gate_record_temp(struct db *db, long long pass_id, long long checkpoint_id,
			long long staff_id, const char *direction, long long resident_id,
			int temperature, struct outing_verdict *verdict, struct err *e);

struct gate_out {
	long long pass_id;
	char pass_no[PASSNO_STR];
	long long household_id;
	char *household_code;
	char *head_name;
	char *resident;
	char *checkpoint;
	char at[CLOCK_STR];
	long minutes; /* out for this long, now */
};

/* Frees an array of db_gate_still_out (NULL is fine). */
void db_gate_outs_free(struct gate_out *v, size_t n);

/* Households whose last event is an "out" of at least `hours` ago (hours < 0:
 * the settings' out_alert_hours) and at most 72 hours ago (older ones are
 * taken for a return nobody recorded), longest out first.  *out is a
 * malloc'd array of *n entries (NULL when none) the caller frees with
 * db_gate_outs_free.  Returns 0 or -1. */
int db_gate_still_out(struct db *db, int hours, struct gate_out **out, size_t *n, struct err *e);

/* Outings on a day: "out" and "in" events.  Returns 0 or -1. */
int db_gate_day_counts(struct db *db, const struct date *day, long *outs, long *ins, struct err *e);

#endif
