/* db rounds: the queries behind the Rounds screen (docs/rounds.md).
 *
 * A round is one grid's households (or all households) in natural code
 * order (households.sort_key, id), each with its status for one date: the
 * latest live visit that day ("latest visit wins", as db/visits.h and
 * db/stats.h count).  Pages are read by keyset, one query per page: the
 * latest visit, its temperatures, the head of household and the number of
 * residents come from correlated subqueries on the visits_household,
 * readings_visit and residents_household indexes, so a page costs the same
 * however large the community grows.
 *
 * Writes go through db/visits.h; the one write here is the edit of a visit,
 * which undoes the old visit and inserts the new one in one transaction. */
#ifndef DOORSTEP_DB_ROUNDS_H
#define DOORSTEP_DB_ROUNDS_H

#include "core/err.h"

struct db;
struct visit_new;

/* A grid as the round picks it. */
struct rounds_grid {
	long long id; /* -1: all households */
	char *name;   /* malloc'd and owned (db_rounds_grid_clear); never cut */
	char *staff;  /* the staff member in charge, "" when none */
};

/* Frees the names and zeroes the grid (id 0). */
void db_rounds_grid_clear(struct rounds_grid *g);

/* Calls fn for each live grid in name order (fn returns non-zero to stop).
 * Returns 0 or -1. */
int db_rounds_grids(struct db *db, int (*fn)(const struct rounds_grid *g, void *ctx), void *ctx,
		    struct err *e);

/* The grid a round opens on: the one whose staff in charge is called
 * staff_name, else the first live grid in reading order (as
 * db_rounds_grids lists them).  Returns 1 with *out
 * filled, 0 when there is no grid (*out is "all households", id -1), -1.
 * *out is overwritten, not freed. */
int db_rounds_default_grid(struct db *db, const char *staff_name, struct rounds_grid *out,
			   struct err *e);


#define ROUNDS_TEMPS 12 /* temperatures a row keeps; more are counted, not kept */

/* One household of the round with its status on the date.  Owned by the
 * caller: free with db_rounds_row_free. */
struct rounds_row {
	long long id;
	char *code;
	char *sort_key;
	char *head;		 /* the head of household, else the first resident; "" when none */
	int residents;		 /* live residents living here (those the round measures) */
	long long grid_id;	 /* -1 when none */
	char outcome[12];	 /* model_outcome code of the latest live visit, "" when none */
	long long visit_id;	 /* that visit, -1 when none */
	int visits;		 /* live visits that day */
	int temps[ROUNDS_TEMPS]; /* its temperatures in entry order (tenths) */
	int n_temps;		 /* how many it has (may exceed ROUNDS_TEMPS) */
	int max_temp;		 /* 0 when none */
	int symptoms;		 /* readings of that visit with symptoms */
};

void db_rounds_row_free(struct rounds_row **r);

/* Fills out[] with up to n households of grid_id (-1: all) after (dir > 0)
 * or before (dir < 0) the key (after_key, after_id) in natural order,
 * nearest first (core/listpage.h); after_key NULL means from the start
 * (dir > 0) or the end (dir < 0).  date is YYYY-MM-DD.  Returns the count,
 * or -1. */
int db_rounds_page(struct db *db, long long grid_id, const char *date, const char *after_key,
		   long long after_id, int dir, int n, struct rounds_row **out, struct err *e);

/* Reads one household as a row of the round (whatever its grid): 1 found,
 * 0 not (deleted or unknown), -1 error. */
int db_rounds_row(struct db *db, long long household_id, const char *date, struct rounds_row **out,
		  struct err *e);

/* The first household of grid_id (-1: all) after (after_key, after_id)
 * (NULL: from the start) that has no live visit on date.  Returns 1 with
 * *id_out and *key_out (malloc'd, the caller frees) set, 0 when none, -1. */
int db_rounds_next_pending(struct db *db, long long grid_id, const char *date,
			   const char *after_key, long long after_id, long long *id_out,
			   char **key_out, struct err *e);

/* The first household of grid_id (-1: all) after (after_key, after_id)
 * (NULL: from the start) that the Households filter would find for typed
 * (db/search.h: a code prefix, part of a resident's name or of its pinyin
 * initials).  Refiles the search index first.  Returns 1 with *id_out and
 * *key_out (malloc'd, the caller frees) set, 0 when none (or typed is
 * blank), -1. */
int db_rounds_find(struct db *db, long long grid_id, const char *typed, const char *after_key,
		   long long after_id, long long *id_out, char **key_out, struct err *e);

/* Calls fn for each live resident of the household who lives there (status
 * living), head first then by id: the people a visit measures.  elsewhere
 * is NULL, or the site ("" when none) of the resident's central or hospital
 * isolation today whose checks are the site's (ISO_CHECKS_OURS): such a
 * resident is not asked on the round.  Returns 0 or -1. */
int db_rounds_residents(struct db *db, long long household_id,
			int (*fn)(long long id, const char *name, const char *elsewhere, void *ctx),
			void *ctx, struct err *e);

/* A saved visit with its live readings. */
struct rounds_reading {
	long long resident_id;
	char *name;	 /* malloc'd, freed by db_rounds_visit_clear */
	int temperature; /* 0 when not measured */
	char *symptoms;	 /* malloc'd */
};

struct rounds_visit {
	long long id;
	long long household_id;
	char *code; /* malloc'd, freed by db_rounds_visit_clear */
	char date[11];
	char at[20];
	char outcome[12];
	struct rounds_reading *readings; /* owned */
	int n_readings;
};

/* Reads a live visit: 1 found (*out filled; clear with
 * db_rounds_visit_clear), 0 not found, -1 error. */
int db_rounds_visit_get(struct db *db, long long visit_id, struct rounds_visit *out, struct err *e);
void db_rounds_visit_clear(struct rounds_visit *v);

/* Edits a visit: in one transaction the live visit old_id is undone (soft
 * delete, audited), v is inserted in its place (db_visit_insert) and an
 * audit row "update" on the old visit names the new one.  Returns the new
 * visit's id, or -1 with nothing changed (0 live visits called old_id is an
 * error naming it). */
long long db_rounds_visit_replace(struct db *db, long long old_id, const struct visit_new *v,
				  struct err *e);

#endif
