/* demo_gen: the demo generator's state and the helpers every part of it
 * writes with (db/demo.c: staff, grids, households, visitors and the run;
 * db/demo_health.h: visits, isolations, follow-ups; db/demo_donations.h;
 * db/demo_checkpoints.h: the duty roster, passes and outings).  Only those
 * files include it.  Each part returns 0, or -1 with g->e filled. */
#ifndef DOORSTEP_DEMO_GEN_H
#define DOORSTEP_DEMO_GEN_H

#include <sqlite3.h>
#include <stdint.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/demo.h"
#include "core/settings.h"
#include "db/db.h"
#include "db/demo.h"

enum { ST_LIVING, ST_AWAY, ST_MOVED, ST_DECEASED };

struct hh {
	long long id;
	int grid;
	int idx_in_grid;
	int first_res, n_res;
	int n_living; /* residents living here (others away, moved out ...) */
};

struct res {
	long long id;
	int hh;
	char sex;
	unsigned char status;
	unsigned char isolated;
};

struct gen {
	struct db *db;
	struct demo_rng rng;
	struct demo_set ids;
	struct settings set;
	struct date today, first;
	char now[CLOCK_STR];
	int now_min;
	char base_at[CLOCK_STR]; /* created_at of the community's records */
	int n_grids;
	long long *grid_staff;   /* staff id per grid */
	int *grid_size;
	struct hh *hh;
	int n_hh;
	struct res *res;
	int n_res, cap_res;
	uint64_t uuid_ms;        /* time part of the next UUID */
	struct demo_summary sum;
	struct err *e;
};

/* Every record's UUID: version 7, one millisecond after the one before. */
void demo_new_uuid(struct gen *g, char out[37]);
/* Binding by position (text bound SQLITE_TRANSIENT): text or NULL, an
 * integer, an integer or NULL when it is negative. */
void demo_bt(sqlite3_stmt *st, int i, const char *v);
void demo_bi(sqlite3_stmt *st, int i, long long v);
void demo_bn(sqlite3_stmt *st, int i, long long v);
/* Values bound by position as those three do: DV_T(text or NULL), DV_I(an
 * integer), DV_N(an integer, NULL when negative). */
struct demo_val {
	char kind; /* 't', 'i', 'n' */
	long long i;
	const char *t;
};
#define DV_T(v) {'t', 0, (v)}
#define DV_I(v) {'i', (v), NULL}
#define DV_N(v) {'n', (v), NULL}
/* Binds the n values v to ?first, ?first + 1 ... of st. */
void demo_bind(sqlite3_stmt *st, int first, const struct demo_val *v, int n);
/* demo_bind of the values listed: DEMO_BIND(st, 3, DV_I(cp), DV_T(day)).
 * They are computed in no set order: a value with a side effect (a draw of
 * the generator) is bound by demo_bt, demo_bi or demo_bn in its turn. */
#define DEMO_BIND(st, first, ...)                                                                  \
	demo_bind(st, first, (const struct demo_val[]){__VA_ARGS__},                               \
		  (int)(sizeof((const struct demo_val[]){__VA_ARGS__}) / sizeof(struct demo_val)))
/* Starts a row of the INSERT st: a new UUID into uuid bound to ?1, and at
 * (its created_at and updated_at) to ?2, as every demo INSERT begins. */
void demo_row(struct gen *g, sqlite3_stmt *st, char uuid[37], const char *at);
/* Steps an INSERT and returns the new rowid, or -1 with g->e filled. */
long long demo_run(struct gen *g, sqlite3_stmt *st);
/* The statement for sql (db_stmt's cache), or NULL with g->e filled. */
sqlite3_stmt *demo_prep(struct gen *g, const char *sql);
/* The time stamp "YYYY-MM-DD HH:MM:SS" of day d at minutes after midnight. */
void demo_fmt_at(char out[CLOCK_STR], const struct date *d, int minutes);
/* 1 when a moment of day d at minutes has already happened. */
int demo_is_past(struct gen *g, const struct date *d, int minutes);
/* Adds a staff member; returns the id, or -1 with g->e filled. */
long long demo_add_staff(struct gen *g, const char *name, const char *role,
			 const char *phone);
/* A staff name not used yet (names are unique among staff). */
void demo_staff_name(struct gen *g, char *out, size_t n, char **used, int n_used);

#endif
