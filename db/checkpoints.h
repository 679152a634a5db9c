/* db checkpoints: the checkpoints (卡点) and their duty roster (shifts).
 *
 * A shift row is one person (staff or volunteer) on duty at a checkpoint on a
 * date from start_time to end_time ("HH:MM"; an end at or before the start
 * means the shift runs past midnight into the next day), as leader or member.
 * A row without a person (staff_id -1) is a planned shift that nobody has
 * taken yet.  present is -1 until someone records whether the person turned
 * up, then 1 or 0.
 *
 * Roster checks over a span of days (a week in the TUI and the duty sheet),
 * gaps and double bookings, are decided by core/duty on the shifts gathered
 * here; the rules are written there.  A checkpoint's usual hours are those of
 * its shifts in the span and the 7 days before it.
 *
 * Every write records its audit row in the same transaction and opens its
 * own transaction unless the caller has one open. */
#ifndef DOORSTEP_DB_CHECKPOINTS_H
#define DOORSTEP_DB_CHECKPOINTS_H

#include <stddef.h>

#include "core/date.h"
#include "core/duty.h"
#include "core/err.h"

struct db;

/* Text members are malloc'd and owned by the struct (never cut); the
 * matching _clear frees them and zeroes the struct, _copy makes a deep copy.
 * A read overwrites the struct it fills without freeing what it held. */
struct checkpoint {
	long long id;
	char uuid[37];
	char *name;
	char *location;
	char kind[16]; /* model_checkpoint_kind code: gate, road, village */
	int active;
};

struct shift {
	long long id;
	char uuid[37];
	long long checkpoint_id;
	char *checkpoint_name; /* read-only join */
	char date[DATE_STR];
	char start_time[6]; /* "HH:MM" */
	char end_time[6];
	long long staff_id;  /* -1: nobody yet */
	char *staff_name;    /* read-only join, "" when nobody */
	char staff_role[16]; /* read-only join: model_staff_role code */
	char role[8];	     /* model_shift_role code: leader, member */
	int present;	     /* -1 not recorded, 0 absent, 1 present */
	char *notes;
};

void db_checkpoint_clear(struct checkpoint *c);
void db_checkpoint_copy(struct checkpoint *dst, const struct checkpoint *src);
void db_shift_clear(struct shift *s);
void db_shift_copy_row(struct shift *dst, const struct shift *src);
/* Clear the n rows of the malloc'd array v (as _clear) and free it. */
void db_checkpoints_free(struct checkpoint *v, int n);
void db_shifts_free(struct shift *v, int n);

/* Checkpoints. */

/* Fills the defaults of a new checkpoint (kind gate, active, ids -1, empty
 * texts: db_checkpoint_clear frees them). */
void db_checkpoint_init(struct checkpoint *c);

/* Inserts c (name required and unique among live checkpoints, kind a
 * model_checkpoint_kind code); sets c->id and c->uuid.  Returns 0 or -1 with
 * the field named. */
int db_checkpoint_insert(struct db *db, struct checkpoint *c, struct err *e);

/* Writes name, location, kind and active of the live checkpoint c->id.
 * Returns 1 when something changed (audited old and new), 0 when nothing
 * did, -1 error. */
int db_checkpoint_update(struct db *db, const struct checkpoint *c, struct err *e);

/* Reads the live checkpoint id / called name.  1 found, 0 not, -1 error. */
int db_checkpoint_get(struct db *db, long long id, struct checkpoint *out, struct err *e);
int db_checkpoint_find(struct db *db, const char *name, struct checkpoint *out, struct err *e);

/* Soft-deletes a checkpoint (its shifts and the events recorded there stay).
 * 1 deleted, 0 not found, -1 error. */
int db_checkpoint_delete(struct db *db, long long id, struct err *e);

/* Calls fn for each live checkpoint (only active ones when active_only) in
 * name order; fn returns non-zero to stop.  Returns 0 or -1. */
int db_checkpoint_each(struct db *db, int active_only,
		       int (*fn)(const struct checkpoint *c, void *ctx), void *ctx, struct err *e);

/* Shifts. */

/* Fills the defaults of a new shift (role member, present -1, ids -1, empty
 * texts: db_shift_clear frees them). */
void db_shift_init(struct shift *s);

/* Inserts s after checking it: a live checkpoint, a real date, times
 * "HH:MM" that differ, a role code, a live staff member or -1, and not the
 * same person twice on the same checkpoint, date and hours.  Sets s->id and
 * s->uuid.  Returns 0 or -1 with the field named. */
int db_shift_insert(struct db *db, struct shift *s, struct err *e);

/* Writes checkpoint, date, hours, person, role, present and notes of the
 * live shift s->id, checked as for an insert.  Returns 1 changed (audited),
 * 0 nothing changed, -1 error. */
int db_shift_update(struct db *db, const struct shift *s, struct err *e);

/* Records whether the person of shift id turned up (1 present, 0 absent, -1
 * not recorded).  Returns 1 changed, 0 unchanged, -1 error (no such shift). */
int db_shift_set_present(struct db *db, long long id, int present, struct err *e);

/* 1 found, 0 not, -1 error. */
int db_shift_get(struct db *db, long long id, struct shift *out, struct err *e);

/* Soft-deletes a shift.  1 deleted, 0 not found, -1 error. */
int db_shift_delete(struct db *db, long long id, struct err *e);

/* 1 when the same person is already on s's checkpoint, date and hours (in
 * another row than s itself); for a shift without a person, when any row has
 * those hours.  0 when not, -1 on error. */
int db_shift_exists(struct db *db, const struct shift *s, struct err *e);

/* Calls fn for each live shift of live checkpoints dated from..from+days-1,
 * of one checkpoint or of all (checkpoint_id -1), ordered by date,
 * checkpoint name, start time, leader first, then person.  fn returns
 * non-zero to stop.  Returns 0 or -1. */
int db_shift_each(struct db *db, const struct date *from, int days, long long checkpoint_id,
		  int (*fn)(const struct shift *s, void *ctx), void *ctx, struct err *e);

#endif
