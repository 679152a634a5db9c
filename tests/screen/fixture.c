/* fixture: a test's community and program, and query checks; see
 * fixture.h. */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct harness *harness_fixture_open(struct harness_fixture *f)
{
	const char *args[] = {"--db", NULL, "--staff", f->staff, NULL};
	struct harness_opts o = {.rows = 24, .cols = 80, .env = f->env, .args = args};
	struct harness *h;
	char *out = NULL;

	f->db = harness_new_db(&f->dir);
	if (f->seed && !(out = harness_sql(f->db, f->seed))) {
		fprintf(stderr, "harness: the seed SQL failed on %s\n", f->db);
		exit(1);
	}
	free(out);
	snprintf(f->env_buf[0], sizeof f->env_buf[0], "DOORSTEP_NOW=%s",
		 f->now ? f->now : HARNESS_NOW);
	f->env[0] = f->env_buf[0];
	f->env[1] = NULL;
	if (f->lang) {
		snprintf(f->env_buf[1], sizeof f->env_buf[1], "LANG=%s.UTF-8", f->lang);
		snprintf(f->env_buf[2], sizeof f->env_buf[2], "LC_ALL=%s.UTF-8", f->lang);
		f->env[1] = "NO_COLOR=1";
		f->env[2] = f->env_buf[1];
		f->env[3] = f->env_buf[2];
		f->env[4] = NULL;
	}
	args[1] = f->db;
	h = harness_start(&o);
	if (!h) {
		fprintf(stderr, "harness: harness_start failed\n");
		exit(1);
	}
	return h;
}

void harness_fixture_close(struct harness_fixture *f)
{
	harness_rmdir(f->dir);
	free(f->dir);
	free(f->db);
	f->dir = f->db = NULL;
}

void harness_sql_is(struct harness *h, const char *db, const char *sql, const char *want,
		    const char *file, int line)
{
	char *got = harness_sql(db, sql);

	if (!got || strcmp(got, want))
		harness_fail(h, file, line, "%s\n  gave \"%s\", want \"%s\"", sql,
			     got ? got : "(sqlite3 failed)", want);
	free(got);
}
