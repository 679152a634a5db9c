/* sheet_release: the release certificate (解除隔离告知书) of one ended
 * isolation, for `doorstep sheet release --who ...` and the Isolation tab.
 *
 * A worker names the isolation as they would say it: the household code
 * and the name ("1-1-101 张三"), or the last digits of the ID number
 * ("0007", at least four).  The latest ended isolation of that resident is
 * taken; core/release decides whether it earns a certificate. */
#ifndef DOORSTEP_DB_SHEET_RELEASE_H
#define DOORSTEP_DB_SHEET_RELEASE_H

#include "core/err.h"
#include "core/sheet.h"

struct db;

/* Finds the latest ended isolation of the resident `who` names.  Returns 1
 * and its id in *id, 0 when nobody matches (e says what was looked for),
 * or -1: several residents match an ID tail (e lists them, masked), or a
 * database error. */
int db_release_find(struct db *db, const char *who, long long *id, struct err *e);

/* Builds the certificate of isolation id into *out (free with sheet_free):
 * the resident's name, masked ID, address, kind and site, start and end
 * dates and days, the statement, the committee, the date (date, ISO) and
 * room for its seal; staff is the header's 制表 (may be NULL).  Returns 0,
 * or -1 when core/release refuses (e says why) or on a database error. */
int db_sheet_release(struct db *db, long long id, const char *date, const char *staff,
		     struct sheet **out, struct err *e);

#endif
