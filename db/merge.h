/* merge: bringing another machine's database of the same community into
 * this one (`doorstep merge`, `doorstep init --from`), docs/merge.md.
 *
 * The other file is never written: it is opened read-only, copied with the
 * SQLite backup API into a private temporary database attached as "other"
 * (migrated there when its schema is older; a newer schema is refused), and
 * the copy is dropped at the end.  Records are matched by UUID, foreign keys
 * travel as the parent's UUID, and the whole merge is one BEGIN IMMEDIATE
 * transaction: it lands whole or not at all.  docs/merge.md explains the
 * rules (core/mergeplan.h holds the decisions). */
#ifndef DOORSTEP_MERGE_H
#define DOORSTEP_MERGE_H

#include <stddef.h>

#include "core/err.h"
#include "core/mergeplan.h"

struct db;

/* The tables merged, in dependency order (audit_log last). */
#define MERGE_TABLES 19

struct merge_opts {
	int dry_run; /* compute the report, then roll back */
	int force;   /* merge although the community names differ */
};

/* A conflict (changed on both machines apart) or a join (natural
 * duplicates made one).  Strings are owned by the report. */
struct merge_item {
	const char *table; /* a table name (static) */
	char uuid[37];	   /* conflict: the record; join: the record joined away */
	char *label;	   /* household code, name, receipt number ... ("" if none) */
	/* conflict */
	int took_other;	  /* 1: the other file's version won, 0: this file's */
	char this_at[20]; /* each side's updated_at */
	char other_at[20];
	/* join; revival: the record that brought it back */
	char survivor[37]; /* the record kept */
	char *survivor_label;
	char *key; /* what made them duplicates, e.g. "code=3-2-501"; revival:
		      the table of the record that brought it back */
};

struct merge_table_report {
	const char *table;
	struct mergeplan_counts c;
};

struct merge_report {
	char other_uuid[37];
	char *other_community; /* malloc'd, freed by merge_report_free */
	char other_station;
	char this_station;
	char last_met[20]; /* when this file last merged the other, "" never */
	int same_database; /* the other file is a copy of this database */
	int dry_run;
	struct merge_table_report tables[MERGE_TABLES]; /* audit_log: added only */
	struct mergeplan_counts total;			/* domain tables only */
	struct merge_item *conflicts;
	size_t nconflicts;
	struct merge_item *joins;
	size_t njoins;
	/* records deleted here or there brought back because a record within
	 * them was added or changed apart (survivor: that record) */
	struct merge_item *revivals;
	size_t nrevivals;
	/* rules broken by the two sides together, stored as open conflicts
	 * (db/conflicts.h): label is the subject, e.g. "口罩|箱" */
	struct merge_item *open;
	size_t nopen;
};

/* Merges the database at other_path into db.  Everything is checked before
 * anything is written: the other file must be a doorstep database of this
 * schema or an older one, of the same community (unless o->force), and of
 * another station code (unless it is a copy of this very database, same
 * settings UUID); a receipt number used by two different donations is
 * refused.  Fills *r (the caller frees it with merge_report_free, also after
 * an error).  Returns 0, or -1 with a readable reason; db is unchanged on
 * error and with o->dry_run. */
int db_merge(struct db *db, const char *other_path, const struct merge_opts *o,
	     struct merge_report *r, struct err *e);

/* Fills an empty database (no settings, no records: a file just created)
 * with the records of other_path, the other's settings with a new database
 * UUID and the given station code ('A'..'Z'), refused when it equals the
 * other's.  One transaction.  Returns 0 or -1; fills *r as db_merge. */
int db_merge_init_from(struct db *db, const char *other_path, char station, struct merge_report *r,
		       struct err *e);

/* Frees what the report owns and zeroes it. */
void merge_report_free(struct merge_report *r);

#endif
