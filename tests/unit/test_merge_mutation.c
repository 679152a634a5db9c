/* Mutation test of merging peer files (issue 18 §5): a peer file made by the
 * program is copied hundreds of times, each copy mutated (a field set to a
 * wrong value, a record removed, bytes of the file overwritten), and merged
 * into a fresh copy of this machine's file.  Never a crash; every merge that
 * is accepted leaves a file whose `check` finds no damage and no invalid
 * record.  MERGE_MUTATIONS sets the number of copies (default 200). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sys/stat.h>

#include "db/donations.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/residents.h"
#include "db/visits.h"
#include "tests/unit/merge_world.h"

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void copy_file(const char *from, const char *to)
{
	char buf[65536];
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ssize_t n;

	assert_true(in >= 0 && out >= 0);
	while ((n = read(in, buf, sizeof buf)) > 0)
		assert_int_equal(write(out, buf, (size_t)n), n);
	close(in);
	close(out);
}

/* The peer: households, residents, visits with readings, an isolation with
 * checks, donations and a distribution, all through the program. */
static void fill(struct db *db)
{
	static const char *const ids[] = {"11010519491231002X", "440524188001010014", NULL};
	struct err e;

	err_clear(&e);
	for (int i = 0; i < 4; i++) {
		struct household h = {.grid_id = -1};
		struct resident r = {0};
		char code[16];
		long long res;

		snprintf(code, sizeof code, "9-%d-10%d", i, i);
		h.code = code;
		h.phone = "13800000000";
		assert_int_equal(db_household_insert(db, &h, &e), 0);
		r.household_id = h.id;
		r.name = "住户";
		r.id_number = i < 2 ? (char *)ids[i] : NULL;
		assert_int_equal(db_resident_insert(db, &r, &e), 0);
		res = r.id;
		{
			struct visit_reading rd = {res, 365 + i, NULL, NULL};
			struct visit_new v = {h.id, "2020-02-15", NULL, VISIT_VISITED, -1, NULL, &rd, 1};

			assert_true(db_visit_insert(db, &v, NULL, &e) > 0);
		}
		if (i == 0) {
			struct isolation_new n = {res, "home", NULL, "key_area", "2020-02-14", 14, NULL};
			struct isolation_check c = {
			    .date = "2020-02-15", .slot = "AM", .temperature = 366, .staff_id = -1};
			long long iso = db_isolation_start(db, &n, &e);

			assert_true(iso > 0);
			assert_true(db_isolation_check(db, iso, &c, NULL, &e) > 0);
		}
	}
	{
		struct donation_new d = {0};
		struct distribution_new out = {"口罩", "箱", 1000, "other", -1, -1, "东门", "2020-02-15",
					       -1, NULL};

		d.received_date = "2020-02-14";
		d.anonymous = 1;
		d.kind = "goods";
		d.item = "口罩";
		d.quantity = 5000;
		d.unit = "箱";
		d.value_fen = -1;
		d.received_by = -1;
		assert_true(db_donation_insert(db, &d, NULL, &e) > 0);
		assert_true(db_distribution_insert(db, &out, &e) > 0);
	}
}

static const char *const tables[] = {"households", "residents", "visits", "readings",
				     "isolations", "checks",	"donations", "distributions",
				     "staff",	   "audit_log"};

static const char *const values[] = {
    "NULL",
    "''",
    "'bogus'",
    "'2020-13-45'",
    "'2020-02-30 25:00:00'",
    "99999",
    "-1",
    "1",
    "2",
    "'110105194912310021'",
    "'9-1-101'",
    "'2019-02-15'",
    "'2020-02-15 08:00:00'",
    "x'00ff'",
    "'" "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十" "'",
};

/* One SQL mutation of the peer copy at path. */
static void mutate_sql(const char *path)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	const char *table = tables[rnd(sizeof tables / sizeof tables[0])];
	char *col = NULL, *sql;
	int ncol = 0;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_exec(h, "PRAGMA ignore_check_constraints = 1; PRAGMA foreign_keys = 0", NULL, NULL,
		     NULL);
	sql = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q) WHERE name <> 'id'", table);
	sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	sqlite3_free(sql);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (rnd(++ncol) == 0) {
			sqlite3_free(col);
			col = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
		}
	sqlite3_finalize(st);
	if (rnd(6) == 0)
		sql = sqlite3_mprintf("DELETE FROM \"%w\" WHERE id = (SELECT id FROM \"%w\""
				      " ORDER BY id LIMIT 1 OFFSET %u)",
				      table, table, rnd(4));
	else
		sql = sqlite3_mprintf("UPDATE OR IGNORE \"%w\" SET \"%w\" = %s WHERE id = (SELECT id"
				      " FROM \"%w\" ORDER BY id LIMIT 1 OFFSET %u)",
				      table, col, values[rnd(sizeof values / sizeof values[0])],
				      table, rnd(4));
	sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	sqlite3_free(col);
	sqlite3_close(h);
}

/* Overwrites a few bytes of the file past its header. */
static void mutate_bytes(const char *path)
{
	struct stat sb;
	int fd = open(path, O_RDWR);

	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &sb), 0);
	for (int i = 0; i < 1 + (int)rnd(8); i++) {
		unsigned char b = (unsigned char)rnd(256);

		if (pwrite(fd, &b, 1, 100 + (off_t)rnd((unsigned)(sb.st_size - 100))) != 1)
			fail();
	}
	close(fd);
}

static void test_mutated_peers(void **state)
{
	struct world w;
	char base[128], peer[128], target[128], copy[128];
	const char *env = getenv("MERGE_MUTATIONS");
	int runs = env ? atoi(env) : 200, accepted = 0, refused = 0;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	fill(w.db[1]);
	snprintf(base, sizeof base, "%s/base.db", w.dir);
	snprintf(peer, sizeof peer, "%s/peer.db", w.dir);
	snprintf(target, sizeof target, "%s/target.db", w.dir);
	snprintf(copy, sizeof copy, "%s/copy.db", w.dir);
	assert_int_equal(db_backup(w.db[0], base, &e), 0);
	assert_int_equal(db_backup(w.db[1], peer, &e), 0);
	for (int i = 0; i < runs; i++) {
		struct db *db = NULL;
		struct merge_opts o = {0, 0};
		struct merge_report r;
		int rc;

		copy_file(peer, copy);
		if (rnd(5) == 0)
			mutate_bytes(copy);
		else
			for (int k = 0; k < 1 + (int)rnd(3); k++)
				mutate_sql(copy);
		copy_file(base, target);
		assert_int_equal(db_open(&db, target, 0, &e), 0);
		db_set_staff(db, "测试员");
		/* a throwaway file: no need to wait for the disk */
		sqlite3_exec(db_handle(db), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
		rc = db_merge(db, copy, &o, &r, &e);
		if (rc < 0 && getenv("MERGE_MUTATIONS_VERBOSE"))
			fprintf(stderr, "  refused: %s\n", e.msg);
		merge_report_free(&r);
		if (rc == 0) {
			accepted++;
			/* no damage and no invalid record (check reads each value
			 * against core/recordcheck) */
			assert_int_equal(db_consistency_check(db, world_problem, target, &e), 0);
		} else {
			refused++;
		}
		db_close(&db);
	}
	fprintf(stderr, "  %d mutated peers: %d merged, %d refused\n", runs, accepted, refused);
	assert_true(accepted > 0 && refused > 0);
	world_close(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mutated_peers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
