/* ops/backup: an online copy of the open database into a file, which is then
 * opened and checked before success is reported. */
#ifndef DOORSTEP_OPS_BACKUP_H
#define DOORSTEP_OPS_BACKUP_H

#include "core/err.h"

struct db;

/* Called with each problem the check of the copy finds. */
typedef void (*backup_problem_fn)(const char *problem, void *ctx);

/* Copies db into path (db_backup: written atomically, mode 0600), then
 * checks the copy (integrity and consistency), calling problem for each
 * problem found.  Returns the number of problems, or -1 with e filled (the
 * copy could not be written or opened). */
int backup_write(struct db *db, const char *path, backup_problem_fn problem, void *ctx,
		 struct err *e);

#endif
