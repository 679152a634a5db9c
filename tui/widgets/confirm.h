/* confirm: a yes/no question as a dialog.
 *
 * `y` or Enter answers yes, `n` or Esc answers no. */
#ifndef DOORSTEP_CONFIRM_H
#define DOORSTEP_CONFIRM_H

#include "core/err.h"

struct app;
struct db;

/* Called exactly once with 1 (yes) or 0 (no; also when the program quits
 * with the question open, when the flags are ignored).  Returns screen_result flags applied
 * as if the dialog returned them (SCREEN_CHANGED after a delete, SCREEN_QUIT
 * ...); 0 for nothing. */
typedef int (*confirm_fn)(void *ctx, int yes);

/* Pushes the question (copied; already translated).  Returns 0 or -1. */
int confirm_push(struct app *app, const char *question, confirm_fn answer, void *ctx);

/* A record kind's delete (db/): soft-deletes id with its audit row; 0, or
 * -1 with e filled. */
typedef int (*confirm_delete_fn)(struct db *db, long long id, struct err *e);

/* Asks question (copied; translated); on yes deletes record id with del and
 * says done (copied; translated; NULL: nothing) in the status line, or the
 * error; every screen re-reads.  Returns 0 or -1 (nothing was asked). */
int confirm_delete_push(struct app *app, const char *question, confirm_delete_fn del,
			long long id, const char *done);

#endif
