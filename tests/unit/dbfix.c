/* dbfix: the usual start of a database unit test; see dbfix.h. */
#include "dbfix.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/err.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/residents.h"
#include "db/settings.h"

struct db *dbfix_open(const char *community)
{
	struct db *db = NULL;
	struct settings s;
	struct err e;

	err_clear(&e);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	settings_defaults(&s);
	xstrset(&s.community, community);
	assert_int_equal(db_settings_put(db, &s, &e), 0);
	settings_clear(&s);
	return db;
}

long long dbfix_resident(struct db *db, long long hh, const char *name)
{
	struct resident r = {0};
	struct err e;

	err_clear(&e);
	r.household_id = hh;
	r.name = (char *)name;
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	return r.id;
}
