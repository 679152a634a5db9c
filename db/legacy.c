/* legacy: records older than the rules that now refuse them; see legacy.h. */
#include "db/legacy.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/identity.h"
#include "core/release.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sql.h"

#define TEXT(st, i) ((const char *)sqlite3_column_text(st, i))

/* Residents whose ID number disagrees with their sex or birth date: the
 * problem of row st as a message, or NULL when it has none. */
static char *identity_problem(sqlite3_stmt *st)
{
	struct err why;

	err_clear(&why);
	if (!identity_check(TEXT(st, 2), TEXT(st, 3), TEXT(st, 4), TEXT(st, 5), &why))
		return NULL;
	return xasprintf(_("legacy: resident %s of household %s: %s; correct it in the "
			   "resident form"),
			 TEXT(st, 0), TEXT(st, 1), why.msg);
}

/* Checks that say nothing (no temperature, no symptom, no reason why). */
static char *empty_check_problem(sqlite3_stmt *st)
{
	struct err why;

	err_clear(&why);
	if (release_check_not_empty(sqlite3_column_int(st, 3), TEXT(st, 4), TEXT(st, 5), &why) ==
	    0)
		return NULL;
	return xasprintf(_("legacy: the %s %s check of %s says nothing (no temperature, "
			   "no symptom, no reason why)"),
			 TEXT(st, 1), TEXT(st, 2), TEXT(st, 0));
}

/* Each legacy rule: the rows it looks at and what it finds in one. */
static const struct legacy_rule {
	const char *sql;
	char *(*problem)(sqlite3_stmt *st);
} rules[] = {
    /* (+: every resident is read, in table order: through the index on
     * id_number, each of a large community's residents was a seek, 6 times
     * slower) */
    {"SELECT r.name, h.code, r.id_type, r.id_number, r.sex, r.birth_date"
     " FROM residents r JOIN households h ON h.id = r.household_id"
     " WHERE r.deleted_at IS NULL AND r.id_type = 'id' AND +r.id_number IS NOT NULL"
     " AND (r.sex IS NOT NULL OR r.birth_date IS NOT NULL) ORDER BY h.sort_key, h.id, r.id",
     identity_problem},
    {"SELECT r.name, c.date, c.slot, c.temperature, c.symptoms, c.unmeasured"
     " FROM checks c JOIN isolations i ON i.id = c.isolation_id"
     " JOIN residents r ON r.id = i.resident_id WHERE c.deleted_at IS NULL"
     " AND c.temperature IS NULL ORDER BY c.date, c.slot, c.id",
     empty_check_problem},
};

/* Reports each problem rule finds; how many, or -1. */
static int run_rule(struct db *db, const struct legacy_rule *rule,
		    void (*report)(const char *, void *), void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rule->sql, e);
	int n = 0, r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		char *msg = rule->problem(st);

		if (!msg)
			continue;
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
	int total = 0;

	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		int n = run_rule(db, &rules[i], report, ctx, e);

		if (n < 0)
			return -1;
		total += n;
	}
	return total;
}
