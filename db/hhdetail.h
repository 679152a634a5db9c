/* hhdetail: what the household detail screen reads besides the household
 * and its residents: its visits with their readings, newest first, the
 * isolations of its residents, newest first, and the audited reveal of a
 * masked value.
 *
 * Visits and isolations are paged by keyset like every list (a household's
 * visits grow by one or two a day). */
#ifndef DOORSTEP_HHDETAIL_H
#define DOORSTEP_HHDETAIL_H

#include "core/err.h"

struct db;

struct hh_reading {
	char *name;	 /* the resident's */
	int temperature; /* tenths of a degree, -1 when none was taken */
	char *symptoms;	 /* comma-separated codes, "" for none */
};

struct hh_visit {
	long long id;
	char date[11]; /* YYYY-MM-DD */
	char at[20];   /* YYYY-MM-DD HH:MM:SS */
	char *outcome; /* code: visited, no_answer, refused, away */
	char *staff;   /* name, or NULL */
	char *notes;
	struct hh_reading *readings; /* head of household first */
	int nreadings;
};

struct hh_isolation {
	long long id;
	char uuid[37];
	char *resident; /* name */
	char *kind, *site, *reason;
	char start_date[11];
	int days, extended_days;
	char *end_date, *end_reason; /* NULL while active */
};

/* Frees the members and zeroes the struct. */
void hh_visit_clear(struct hh_visit *v);
void hh_isolation_clear(struct hh_isolation *i);

/* Up to n visits of the household into out, newest first: dir > 0 the ones
 * older than anchor (anchor NULL: the newest), dir < 0 the ones newer than
 * anchor, nearest first (anchor NULL: the oldest).  Only anchor's date, at
 * and id are read.  Returns the count or -1. */
int db_hh_visits(struct db *db, long long household_id, const struct hh_visit *anchor, int dir,
		 int n, struct hh_visit *out, struct err *e);

/* As db_hh_visits for the isolations of the household's live residents,
 * newest start first (anchor: start_date and id). */
int db_hh_isolations(struct db *db, long long household_id, const struct hh_isolation *anchor,
		     int dir, int n, struct hh_isolation *out, struct err *e);

/* How many live visits and isolations the household has.  0 or -1. */
int db_hh_counts(struct db *db, long long household_id, long long *visits, long long *isolations,
		 struct err *e);

/* Records in the audit log that the current staff revealed the fields
 * (comma-separated names, e.g. "id_number,phone") of the record with uuid
 * in table; its own transaction.  Returns 0 or -1. */
int db_reveal(struct db *db, const char *table, const char *uuid, const char *fields,
	      struct err *e);

#endif
