/* db gate: what the gate screen shows for a scanned pass (the household,
 * its members, last outings and the outing rule's verdict, decided in
 * core/outing), the outings recorded at checkpoints, and who is still out. */
#ifndef DOORSTEP_GATE_H
#define DOORSTEP_GATE_H

#include <stddef.h>

#include "core/clock.h"
#include "core/outing.h"
#include "db/passes.h"

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
	int out_now;		   /* the household's last event is an "out" */
	char out_since[CLOCK_STR]; /* its time, when out_now */
	int outing_days;	   /* N of the settings */
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
