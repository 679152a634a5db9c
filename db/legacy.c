/* legacy: records older than the rules that now refuse them; see legacy.h. */
#include "db/legacy.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/identity.h"
#include "core/release.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sql.h"

static int identities(struct db *db, void (*report)(const char *, void *), void *ctx,
		      struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT r.name, h.code, r.id_type, r.id_number, r.sex, r.birth_date"
				   " FROM residents r JOIN households h ON h.id = r.household_id"
				   " WHERE r.deleted_at IS NULL AND r.id_type = 'id'"
				   " AND r.id_number IS NOT NULL"
				   " AND (r.sex IS NOT NULL OR r.birth_date IS NOT NULL)"
				   " ORDER BY h.sort_key, h.id, r.id",
				   e);
	int n = 0, r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		struct err why;
		char *msg;

		err_clear(&why);
		if (!identity_check((const char *)sqlite3_column_text(st, 2),
				    (const char *)sqlite3_column_text(st, 3),
				    (const char *)sqlite3_column_text(st, 4),
				    (const char *)sqlite3_column_text(st, 5), &why))
			continue;
		msg = xasprintf(_("legacy: resident %s of household %s: %s; correct it in the "
				  "resident form"),
				(const char *)sqlite3_column_text(st, 0),
				(const char *)sqlite3_column_text(st, 1), why.msg);
		report(msg, ctx);
		free(msg);
		n++;
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : n;
}

static int empty_checks(struct db *db, void (*report)(const char *, void *), void *ctx,
			struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT r.name, c.date, c.slot, c.temperature, c.symptoms,"
				   " c.unmeasured FROM checks c JOIN isolations i ON i.id = c.isolation_id"
				   " JOIN residents r ON r.id = i.resident_id WHERE c.deleted_at IS NULL"
				   " AND c.temperature IS NULL ORDER BY c.date, c.slot, c.id",
				   e);
	int n = 0, r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		struct err why;
		char *msg;

		err_clear(&why);
		if (release_check_not_empty(sqlite3_column_int(st, 3),
					    (const char *)sqlite3_column_text(st, 4),
					    (const char *)sqlite3_column_text(st, 5), &why) == 0)
			continue;
		msg = xasprintf(_("legacy: the %s %s check of %s says nothing (no temperature, "
				  "no symptom, no reason why)"),
				(const char *)sqlite3_column_text(st, 1),
				(const char *)sqlite3_column_text(st, 2),
				(const char *)sqlite3_column_text(st, 0));
		report(msg, ctx);
		free(msg);
		n++;
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : n;
}

int db_legacy_problems(struct db *db, void (*report)(const char *problem, void *ctx), void *ctx,
		       struct err *e)
{
	int a = identities(db, report, ctx, e), b;

	if (a < 0)
		return -1;
	b = empty_checks(db, report, ctx, e);
	return b < 0 ? -1 : a + b;
}
