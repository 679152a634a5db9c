/* ops/backup: the copy and its check; see backup.h. */
#include "tui/ops/backup.h"

#include <stddef.h>

#include "db/consistency.h"
#include "db/db.h"

struct count {
	backup_problem_fn fn;
	void *ctx;
	int n;
};

static void count_problem(const char *problem, void *ctx)
{
	struct count *c = ctx;

	c->n++;
	if (c->fn)
		c->fn(problem, c->ctx);
}

int backup_write(struct db *db, const char *path, backup_problem_fn problem, void *ctx,
		 struct err *e)
{
	struct count c = {problem, ctx, 0};
	struct db *copy = NULL;
	int r = -1;

	if (db_backup(db, path, e) < 0)
		return -1;
	if (db_open(&copy, path, DB_OPEN_READONLY, e) == 0 && db_integrity_check(copy, e) == 0 &&
	    db_consistency_check(copy, count_problem, &c, e) >= 0)
		r = c.n;
	db_close(&copy);
	return r;
}
