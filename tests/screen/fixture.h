/* fixture: what most screen tests start and check with, on top of the
 * harness (harness.h): a seeded community with the program on it, and the
 * check of a query's output. */
#ifndef DOORSTEP_FIXTURE_H
#define DOORSTEP_FIXTURE_H

#include "harness.h"

/* The usual start of a screen test: a fresh community (harness_new_db) with
 * seed SQL run on it, and the program on it at 80x24 as staff, at a fixed
 * time; in lang without colour, or, lang NULL, as the base environment has
 * it (English, colours):
 *	struct harness_fixture fx = {.lang = "zh_CN", .staff = "李强", .seed = seed};
 *	struct harness *h = harness_fixture_open(&fx);
 *	... HSQL_IS(h, fx.db, sql, want); harness_run(fx.env, args, ...)
 *	harness_free(&h);
 *	harness_fixture_close(&fx); */
struct harness_fixture {
	const char *lang;  /* "zh_CN" or "C" (no colour), or NULL */
	const char *staff; /* --staff */
	const char *seed;  /* SQL run on the new database, or NULL */
	const char *now;   /* DOORSTEP_NOW, or NULL for HARNESS_NOW */
	/* Filled by harness_fixture_open: */
	char *dir, *db;
	const char *env[5]; /* the program's environment (for harness_run too) */
	char env_buf[3][64];
};

/* Sets up f as above and returns the program started on it (the test
 * frees it: harness_free); exits(1) when any step fails. */
struct harness *harness_fixture_open(struct harness_fixture *f);

/* Removes the fixture's folder (its database with it) and frees the paths. */
void harness_fixture_close(struct harness_fixture *f);

/* Fails the test (harness_fail, at the caller's line) unless `sqlite3 db
 * sql` prints want exactly. */
#define HSQL_IS(h, db, sql, want) harness_sql_is(h, db, sql, want, __FILE__, __LINE__)
void harness_sql_is(struct harness *h, const char *db, const char *sql, const char *want,
		    const char *file, int line);

#endif
