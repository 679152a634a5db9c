/* Helpers of the merge tests: machines as database files in a private
 * folder, each set up from the first with `init --from`, merged through
 * db_merge; what a file holds as text (records by UUID, foreign keys as
 * their parent's UUID) to compare machines; `check`'s problems counted. */
#ifndef DOORSTEP_TEST_MERGE_WORLD_H
#define DOORSTEP_TEST_MERGE_WORLD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/consistency.h"
#include "db/db.h"
#include "db/merge.h"
#include "db/settings.h"
#include "db/sql.h"

#define WORLD_MAX 6

struct world {
	char dir[64];
	int n;
	struct db *db[WORLD_MAX];
	char path[WORLD_MAX][96];
};

static const char *const world_tables[] = {
	"staff",  "grids",	 "households",	  "residents", "visits",
	"readings", "isolations", "checks", "checkpoints", "donations",
	"distributions", "shifts", "passes", "pass_events",
	"followups", "visitors", "expenditures", "conflicts",
};

/* Machine 0 is set up with the community; 1..n-1 from it (stations B, C ...). */
static inline void world_open(struct world *w, int n)
{
	struct settings s;
	struct err e;

	err_clear(&e);
	memset(w, 0, sizeof *w);
	/* tmpfs when there is one: these files are thrown away, no need to
	 * wait for a disk */
	snprintf(w->dir, sizeof w->dir, "%s/doorstep-merge-XXXXXX",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (!mkdtemp(w->dir))
		abort();
	w->n = n;
	for (int i = 0; i < n; i++) {
		snprintf(w->path[i], sizeof w->path[i], "%s/%c.db", w->dir, 'a' + i);
		if (db_open(&w->db[i], w->path[i], DB_OPEN_CREATE, &e) < 0) {
			fprintf(stderr, "%s\n", e.msg);
			abort();
		}
		db_set_staff(w->db[i], "测试员");
		if (i == 0) {
			settings_defaults(&s);
			xstrset(&s.community, "幸福里社区");
			s.station = 'A';
			if (db_settings_put(w->db[0], &s, &e) < 0)
				abort();
			settings_clear(&s);
		} else {
			struct merge_report r;

			if (db_merge_init_from(w->db[i], w->path[0], (char)('A' + i), &r, &e) < 0) {
				fprintf(stderr, "%s\n", e.msg);
				abort();
			}
			merge_report_free(&r);
		}
	}
}

static inline void world_close(struct world *w)
{
	char *cmd;

	for (int i = 0; i < w->n; i++)
		db_close(&w->db[i]);
	cmd = xasprintf("rm -rf '%s'", w->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", w->dir);
	free(cmd);
}

/* Merges machine from into machine into; the report in *r when r. */
static inline int world_merge(struct world *w, int into, int from, struct merge_report *r)
{
	struct merge_opts o = {0, 0};
	struct merge_report own;
	struct err e;
	int rc;

	err_clear(&e);
	rc = db_merge(w->db[into], w->path[from], &o, r ? r : &own, &e);
	if (rc < 0)
		fprintf(stderr, "merge %d <- %d: %s\n", into, from, e.msg);
	if (!r)
		merge_report_free(&own);
	return rc;
}

static inline void world_problem(const char *p, void *ctx)
{
	fprintf(stderr, "  check (%s): %s\n", (const char *)ctx, p);
}

/* `check`'s problems in machine i (printed), -1 when it could not run. */
static inline int world_check(struct world *w, int i)
{
	struct err e;

	err_clear(&e);
	return db_consistency_check(w->db[i], world_problem, w->path[i], &e);
}

/* Every record of machine i as text: per table, sorted by UUID, foreign
 * keys as the parent's UUID.  The caller frees it. */
static inline char *world_dump(struct world *w, int i)
{
	struct strbuf out = STRBUF_INIT;
	struct err e;

	err_clear(&e);
	for (size_t t = 0; t < sizeof world_tables / sizeof world_tables[0]; t++) {
		char *q = xasprintf(
		    "SELECT 'SELECT ' || group_concat(CASE WHEN f.\"table\" IS NOT NULL THEN"
		    " 'quote((SELECT uuid FROM \"' || f.\"table\" || '\" p WHERE p.id = t.\"'"
		    " || c.name || '\"))' ELSE 'quote(t.\"' || c.name || '\")' END, ' || ''|'' || ')"
		    " || ' FROM \"%s\" t ORDER BY t.uuid' FROM pragma_table_info('%s') c"
		    " LEFT JOIN pragma_foreign_key_list('%s') f ON f.\"from\" = c.name"
		    " WHERE c.name <> 'id'",
		    world_tables[t], world_tables[t], world_tables[t]);
		sqlite3_stmt *st = db_stmt(w->db[i], q, &e), *rows = NULL;

		free(q);
		if (!st || sqlite3_step(st) != SQLITE_ROW)
			abort();
		if (sqlite3_prepare_v2(db_handle(w->db[i]), (const char *)sqlite3_column_text(st, 0),
				       -1, &rows, NULL) != SQLITE_OK)
			abort();
		sqlite3_reset(st);
		strbuf_printf(&out, "[%s]\n", world_tables[t]);
		while (sqlite3_step(rows) == SQLITE_ROW)
			strbuf_printf(&out, "%s\n", (const char *)sqlite3_column_text(rows, 0));
		sqlite3_finalize(rows);
	}
	return strbuf_detach(&out);
}

/* 1 when machines i and j hold the same records (the first difference is
 * printed otherwise). */
static inline int world_same(struct world *w, int i, int j)
{
	char *a = world_dump(w, i), *b = world_dump(w, j);
	int same = !strcmp(a, b);

	if (!same) {
		size_t k = 0;

		while (a[k] && a[k] == b[k])
			k++;
		while (k > 0 && a[k - 1] != '\n')
			k--;
		fprintf(stderr, "machines %d and %d differ at:\n  %.200s\n  %.200s\n", i, j, a + k,
			b + k);
	}
	free(a);
	free(b);
	return same;
}

static inline long long world_count(struct world *w, int i, const char *sql)
{
	return sql_scalar(w->db[i], sql, NULL);
}

#endif
