/* bench_queue: the Households filter while an import's households wait for
 * the search index, and the idle refiling that files them.
 *
 *	make build/tests/bench/bench_queue
 *	build/tests/bench/bench_queue DB
 *
 * DB is a database right after `doorstep import roster` (its households
 * queued in search_dirty; tools/bench.sh passes the import row's).  Types
 * each query of a small set whole (one warming pass, then one timed pass)
 * and times what the Households screen does per keystroke, db_search_page
 * for 20 rows and db_search_count capped at 10,000; then calls
 * db_search_idle, as the TUI does while no key comes, until the queue is
 * empty, and types the queries again.  Prints one line of key=value pairs:
 * queued, queued_max_ms (the slowest query while queued), slices,
 * idle_cpu_s (every slice), slice_max_ms, filed_max_ms (the slowest query
 * after).  Times are the process's CPU time.  Not run by `make test`. */
#include <stdio.h>
#include <time.h>

#include "db/db.h"
#include "db/search.h"
#include "db/sql.h"

static const char *const queries[] = {
    "王", "王伟", "ww", "zwf", "0123", "4567", "1-2", "00012", "芳娜", "7x", NULL,
};

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The slowest query of one pass (page and count), in ms; -1 on error. */
static double pass(struct db *db, struct err *e)
{
	struct search_row rows[20];
	double worst = 0;

	for (int i = 0; queries[i]; i++) {
		double t0 = cpu_ms(), t;
		int n = db_search_page(db, queries[i], NULL, 1, 20, rows, e);

		if (n < 0 || db_search_count(db, queries[i], 10000, e) < 0)
			return -1;
		t = cpu_ms() - t0;
		for (int k = 0; k < n; k++)
			db_search_row_clear(&rows[k]);
		if (t > worst)
			worst = t;
	}
	return worst;
}

int main(int argc, char **argv)
{
	struct db *db;
	struct err e;
	double queued_ms, filed_ms, all = 0, slowest = 0;
	long long queued;
	int slices = 0, r;

	err_clear(&e);
	if (argc != 2) {
		fprintf(stderr, "usage: bench_queue DB\n");
		return 2;
	}
	if (db_open(&db, argv[1], 0, &e) < 0)
		goto fail;
	queued = sql_scalar(db, "SELECT count(*) FROM search_dirty", &e);
	if (queued < 0 || pass(db, &e) < 0 || (queued_ms = pass(db, &e)) < 0)
		goto fail;
	do {
		double t0 = cpu_ms(), t;

		r = db_search_idle(db, &e);
		t = cpu_ms() - t0;
		all += t;
		if (t > slowest)
			slowest = t;
		slices++;
	} while (r == 0);
	if (r < 0 || pass(db, &e) < 0 || (filed_ms = pass(db, &e)) < 0)
		goto fail;
	printf("queued=%lld queued_max_ms=%.1f slices=%d idle_cpu_s=%.2f slice_max_ms=%.1f"
	       " filed_max_ms=%.2f\n",
	       queued, queued_ms, slices, all / 1e3, slowest, filed_ms);
	db_close(&db);
	return 0;
fail:
	fprintf(stderr, "bench_queue: %s\n", e.msg);
	db_close(&db);
	return 1;
}
