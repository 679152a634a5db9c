/* Unit tests of the enumeration tables (core/enums.h, core/model.h): the
 * CHECK constraints of the shipped schema allow exactly each table's codes,
 * ENUM_CHECK builds a CHECK that does the same for a new migration, and the
 * C enums index their tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enums.h"
#include "core/isolation.h"
#include "core/model.h"
#include "db/db.h"
#include "db/sql.h"
#include "db/visits.h"

static const struct {
	const char *table, *column;
	const struct enum_entry *codes;
} checked[] = {
    {"residents", "sex", model_sex},
    {"residents", "id_type", model_id_type},
    {"residents", "relation", model_relation},
    {"residents", "status", model_status},
    {"staff", "role", model_staff_role},
    {"visits", "outcome", model_outcome},
    {"isolations", "kind", model_iso_kind},
    {"isolations", "reason", model_iso_reason},
    {"isolations", "end_reason", model_iso_end},
    {"checks", "slot", model_slot},
    {"checks", "method", model_check_method},
    {"donations", "donor_type", model_donor_type},
    {"donations", "kind", model_donation_kind},
    {"donations", "channel", model_channel},
    {"distributions", "recipient_kind", model_recipient_kind},
    {"checkpoints", "kind", model_checkpoint_kind},
    {"shifts", "role", model_shift_role},
    {"pass_events", "direction", model_direction},
    {"audit_log", "action", model_audit_action},
    {"conflicts", "kind", model_conflict_kind},
    {"conflicts", "resolution", model_conflict_resolution},
};

/* The quoted literals of the line of `sql` that declares `column`, as
 * "|a|b|c|". */
static void literals(const char *sql, const char *column, char *out, size_t n)
{
	char head[64];
	const char *line, *end, *p, *check;
	size_t len = 0;

	snprintf(head, sizeof head, "\n%s TEXT", column);
	line = strstr(sql, head);
	assert_non_null(line);
	line++;
	end = strchr(line, '\n');
	assert_non_null(end);
	/* the CHECK's literals, not the DEFAULT's */
	check = strstr(line, "CHECK");
	assert_true(check && check < end);
	out[len++] = '|';
	for (p = strchr(check, '\''); p && p < end; p = strchr(p + 1, '\'')) {
		const char *q = strchr(p + 1, '\'');

		assert_true(q && q < end && len + (size_t)(q - p) + 1 < n);
		memcpy(out + len, p + 1, (size_t)(q - p - 1));
		len += (size_t)(q - p - 1);
		out[len++] = '|';
		p = q;
	}
	out[len] = '\0';
}

static void test_schema_checks_match_tables(void **state)
{
	struct db *db = NULL;
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	for (size_t i = 0; i < sizeof checked / sizeof checked[0]; i++) {
		sqlite3_stmt *st;
		char got[512], want[512] = "|";
		size_t len = 1;

		assert_int_equal(
		    sqlite3_prepare_v2(db_handle(db),
				       "SELECT sql FROM sqlite_master WHERE type = 'table'"
				       " AND name = ?1",
				       -1, &st, NULL),
		    SQLITE_OK);
		sqlite3_bind_text(st, 1, checked[i].table, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		literals((const char *)sqlite3_column_text(st, 0), checked[i].column, got,
			 sizeof got);
		sqlite3_finalize(st);
		for (const struct enum_entry *en = checked[i].codes; en->code; en++)
			len += (size_t)snprintf(want + len, sizeof want - len, "%s|", en->code);
		if (strcmp(got, want))
			fail_msg("%s.%s: the schema allows %s, the table has %s", checked[i].table,
				 checked[i].column, got, want);
	}
	db_close(&db);
}

static void test_enum_check_for_new_migrations(void **state)
{
	struct db *db = NULL;
	struct err e;
	static const char *const sql =
	    "CREATE TABLE t (k TEXT CHECK " ENUM_CHECK(ENUM_ISO_KIND, "k") ")";

	(void)state;
	err_clear(&e);
	assert_string_equal(ENUM_CHECK(ENUM_SLOT, "slot"), "(0 OR slot = 'AM' OR slot = 'PM')");
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	assert_int_equal(db_exec(db, sql, &e), 0);
	for (const struct enum_entry *en = model_iso_kind; en->code; en++) {
		char ins[128];

		snprintf(ins, sizeof ins, "INSERT INTO t VALUES('%s')", en->code);
		assert_int_equal(db_exec(db, ins, &e), 0);
	}
	assert_int_equal(db_exec(db, "INSERT INTO t VALUES(NULL)", &e), 0);
	assert_int_equal(db_exec(db, "INSERT INTO t VALUES('Home')", &e), -1);
	assert_int_equal(db_exec(db, "INSERT INTO t VALUES('')", &e), -1);
	db_close(&db);
}

static void test_enums_index_tables(void **state)
{
	(void)state;
	assert_string_equal(model_enum_code(model_iso_kind, (int)ISOLATION_HOSPITAL), "hospital");
	assert_int_equal(model_enum_index(model_iso_end, "restarted"), ISOLATION_END_RESTARTED);
	assert_string_equal(isolation_slot_code(SLOT_PM), "PM");
	assert_string_equal(model_enum_code(model_iso_reason, (int)(enum isolation_reason)99), "");
	assert_int_equal(model_enum_index(model_iso_kind, "nowhere"), -1);
	assert_string_equal(visit_outcome_code(VISIT_AWAY), "away");
	assert_int_equal(visit_outcome_from_code("refused"), VISIT_REFUSED);
	assert_string_equal(model_enum_zh(model_iso_kind, "central"), "集中隔离");
	assert_string_equal(model_enum_zh(model_iso_kind, "elsewhere"), "elsewhere");
	assert_string_equal(model_enum_label(model_audit_action, "void"), "voided");
	assert_string_equal(model_enum_label(model_audit_action, NULL), "");
}

/* A form's "none" before a table: the whole table when it fits, else cut
 * short and still ended by {NULL}. */
static void test_enum_prepend(void **state)
{
	struct enum_entry big[16], small[3];
	const struct enum_entry none = {"none", "none", "无"};
	int n = 0;

	(void)state;
	while (model_sex[n].code)
		n++;
	assert_ptr_equal(model_enum_prepend(big, 16, none, model_sex), big);
	assert_string_equal(big[0].code, "none");
	for (int i = 0; i < n; i++)
		assert_string_equal(big[i + 1].code, model_sex[i].code);
	assert_null(big[n + 1].code);
	model_enum_prepend(small, 3, none, model_iso_kind);
	assert_string_equal(small[0].code, "none");
	assert_string_equal(small[1].code, model_iso_kind[0].code);
	assert_null(small[2].code);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_schema_checks_match_tables),
	    cmocka_unit_test(test_enum_check_for_new_migrations),
	    cmocka_unit_test(test_enums_index_tables),
	    cmocka_unit_test(test_enum_prepend),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
