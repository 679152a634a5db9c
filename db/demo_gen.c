/* demo_gen: the demo generator's helpers; see demo_gen.h. */
#include "db/demo_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/demo.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/natsort.h"
#include "core/outing.h"
#include "core/passno.h"
#include "core/reskey.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/demo_epi.h"
#include "db/settings.h"
#include "db/search.h"
#include "db/sql.h"

/* Every record's UUID: version 7, one millisecond apart from the one
 * before, so the uuid indexes grow at their end. */
void demo_new_uuid(struct gen *g, char out[37])
{
	demo_rng_uuid7(&g->rng, g->uuid_ms++, out);
}

void demo_row(struct gen *g, sqlite3_stmt *st, char uuid[37], const char *at)
{
	demo_new_uuid(g, uuid);
	demo_bt(st, 1, uuid);
	demo_bt(st, 2, at);
}

/* Binding by position: the bulk path avoids the name lookups of sql_bind_*.
 * Text is bound SQLITE_TRANSIENT, so stack buffers may be reused at once. */
void demo_bt(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void demo_bi(sqlite3_stmt *st, int i, long long v)
{
	sqlite3_bind_int64(st, i, v);
}

/* Binds v, or NULL when v is negative. */
void demo_bn(sqlite3_stmt *st, int i, long long v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

void demo_bind(sqlite3_stmt *st, int first, const struct demo_val *v, int n)
{
	for (int k = 0; k < n; k++) {
		if (v[k].kind == 't')
			demo_bt(st, first + k, v[k].t);
		else if (v[k].kind == 'n')
			demo_bn(st, first + k, v[k].i);
		else
			demo_bi(st, first + k, v[k].i);
	}
}

/* Steps an INSERT and returns the new rowid, or -1 with g->e filled. */
long long demo_run(struct gen *g, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		sql_error(g->db, g->e, _("writing the demo"));
		return -1;
	}
	return sqlite3_last_insert_rowid(db_handle(g->db));
}

sqlite3_stmt *demo_prep(struct gen *g, const char *sql)
{
	return db_stmt(g->db, sql, g->e);
}

void demo_fmt_at(char out[CLOCK_STR], const struct date *d, int minutes)
{
	char day[DATE_STR];

	unsigned m;

	if (minutes > 23 * 60 + 59)
		minutes = 23 * 60 + 59;
	m = minutes < 0 ? 0u : (unsigned)minutes;
	date_format(d, day);
	snprintf(out, CLOCK_STR, "%.10s %02u:%02u:%02u", day, m / 60 % 24, m % 60, m * 7 % 60);
}

/* 1 when a moment of day d at minutes has already happened. */
int demo_is_past(struct gen *g, const struct date *d, int minutes)
{
	int c = date_cmp(d, &g->today);

	return c < 0 || (c == 0 && minutes <= g->now_min);
}
