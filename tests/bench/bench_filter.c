/* bench_filter: how long one keystroke of the Households filter takes.
 *
 *	make build/tests/bench/bench_filter
 *	build/tests/bench/bench_filter [DB] [RESIDENTS]
 *
 * Builds (once; an existing file is reused) a community of RESIDENTS
 * residents (default 100,000) in about RESIDENTS / 3 households through the
 * same db/ functions the TUI uses, with Chinese names, ID numbers and phones,
 * then types a set of queries one character at a time and times, per
 * keystroke, what the Households screen does: db_search_page for a screen of
 * 20 rows and db_search_count capped at 10,000.  Prints p50, p99 and max in
 * milliseconds, per query kind and overall, of each keystroke's best of five
 * runs (BENCH_CPU=1: CPU time instead of wall-clock time; BENCH_ONE_PASS=1:
 * one pass that warms the cache, then one timed pass, every keystroke's
 * time counted as it was; BENCH_VERBOSE=1: every keystroke).  Not run by `make test`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/model.h"
#include "core/pinyin.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/residents.h"
#include "db/search.h"
#include "db/sql.h"

/* Wall-clock time, or with BENCH_CPU set, the process's CPU time (on a
 * busy machine the wall clock measures the other programs too). */
static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(getenv("BENCH_CPU") ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",   "朱",   "胡",
    "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",   "邓",   "曹",
    "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶",   "程",   "苏",
    "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪",   "范",   "金",
    "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱",   "江",   "尹",
    "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝",   "龚",   "邵",
    "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "单", "曾", "长孙", "欧阳",
};
static const char *const given[] = {
    "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
    "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂", "华", "建", "国", "玉", "小", "红",
    "志", "海", "燕", "淑", "珍", "春", "梅", "文", "斌", "宇", "浩", "凯", "鑫", "婷", "雪",
    "慧", "琳", "晨", "欣", "怡", "佳", "子", "涵", "睿", "博", "轩", "乐", "行", "重", "长",
};
#define N(a) (sizeof a / sizeof a[0])

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static char check_char(const char *id17)
{
	static const int w[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int s = 0;

	for (int i = 0; i < 17; i++)
		s += (id17[i] - '0') * w[i];
	return "10X98765432"[s % 11];
}

static int generate(struct db *db, int residents, struct err *e)
{
	int made = 0, hh = 0;
	double t0 = now_ms();

	if (db_begin(db, e) < 0)
		return -1;
	while (made < residents) {
		struct household h;
		int people = 1 + (int)rnd(5);

		model_household_init(&h);
		hh++;
		/* compound-building-unit-room, unique by construction. */
		h.code = xasprintf("%d-%d-%d%02d", 1 + hh / 720, 1 + (hh / 120) % 6,
				   1 + (hh / 4) % 30, 1 + hh % 4);
		if (rnd(3) == 0)
			h.phone = xasprintf("13%09u", rnd(1000000000));
		if (db_household_insert(db, &h, e) < 0)
			return -1;
		for (int i = 0; i < people && made < residents; i++, made++) {
			struct resident r;
			char id[19];

			model_resident_init(&r);
			r.household_id = h.id;
			r.name =
			    xasprintf("%s%s%s", surnames[rnd(N(surnames))], given[rnd(N(given))],
				      rnd(3) ? given[rnd(N(given))] : "");
			snprintf(id, sizeof id, "41%04u%04u%02u%02u%03u", rnd(10000),
				 1940 + rnd(80), 1 + rnd(12), 1 + rnd(28), (unsigned)(made % 1000));
			/* made makes the number unique: the sequence and the region. */
			snprintf(id + 2, 5, "%04d", made / 1000);
			id[6] = '1';
			id[17] = check_char(id);
			id[18] = '\0';
			r.id_number = xstrdup(id);
			r.phone =
			    rnd(2) ? xasprintf("1%d%09u", 3 + (int)rnd(7), rnd(1000000000)) : NULL;
			r.relation = xstrdup(i == 0 ? "head" : "other");
			if (db_resident_insert(db, &r, e) < 0)
				return -1;
			model_resident_clear(&r);
		}
		model_household_clear(&h);
	}
	if (db_commit(db, e) < 0)
		return -1;
	printf("generated %d households, %d residents in %.1f s\n", hh, made,
	       (now_ms() - t0) / 1e3);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void report(const char *what, double *t, int n)
{
	if (n == 0)
		return;
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("%-28s %5d keystrokes  p50 %6.3f ms  p99 %6.3f ms  max %6.3f ms\n", what, n,
	       t[n / 2], t[(int)(n * 0.99)], t[n - 1]);
}

/* The queries typed: a fixed set of hard cases (single letters that match a
 * third of the community, rare names, tails) and, per kind, queries made
 * from random residents: their name, pinyin initials, code, ID and phone. */
#define MAXQ 256
struct kind {
	const char *name;
	char *q[MAXQ];
	int n;
};

static void add_query(struct kind *k, const char *q)
{
	if (q && *q && k->n < MAXQ)
		k->q[k->n++] = xstrdup(q);
}

static const char *tail_of(const char *s, size_t n)
{
	size_t len = s ? strlen(s) : 0;

	return len >= n ? s + len - n : NULL;
}

static void make_queries(struct db *db, struct kind *k, int residents)
{
	static const char *const codes[] = {"1",	"3-2",	   "12-4-15", "27-",
					    "5-6-3004", "1-1-101", "99"};
	static const char *const names[] = {"王", "张伟",   "小明", "欧阳",
					    "芳", "王小红", "长孙", "谭睿"};
	static const char *const pinyin[] = {"w",  "zw",  "wxm", "zs", "cj",
					     "lh", "oyj", "xx",	 "qqq"};
	static const char *const tails[] = {"1234", "5678", "0x", "13800", "8888", "999999"};
	struct err e;

	k[0].name = "code prefix";
	k[1].name = "name";
	k[2].name = "pinyin initials";
	k[3].name = "ID/phone tail";
	for (size_t i = 0; i < N(codes); i++)
		add_query(&k[0], codes[i]);
	for (size_t i = 0; i < N(names); i++)
		add_query(&k[1], names[i]);
	for (size_t i = 0; i < N(pinyin); i++)
		add_query(&k[2], pinyin[i]);
	for (size_t i = 0; i < N(tails); i++)
		add_query(&k[3], tails[i]);
	err_clear(&e);
	for (int i = 0; i < 60; i++) {
		struct resident r;
		struct household h;
		char *py;

		if (db_resident_get(db, 1 + rnd((unsigned)residents), &r, &e) != 1)
			continue;
		add_query(&k[1], r.name);
		py = pinyin_initials_variants(r.name, 1);
		add_query(&k[2], py);
		free(py);
		add_query(&k[3], tail_of(r.id_number, 4 + i % 3));
		add_query(&k[3], tail_of(r.phone, 4));
		if (db_household_get(db, r.household_id, &h, &e) == 1)
			add_query(&k[0], h.code);
		model_household_clear(&h);
		model_resident_clear(&r);
	}
}

/* EXPLAIN QUERY PLAN of every statement the keystrokes ran, and how many
 * rows each stepped through a full scan (must be 0). */
static void print_plans(struct db *db)
{
	sqlite3 *h = db_handle(db);
	sqlite3_stmt *st = NULL;

	printf("\nquery plans of the statements run:\n");
	while ((st = sqlite3_next_stmt(h, st))) {
		sqlite3_stmt *ex;
		char *sql;

		if (!sqlite3_stmt_status(st, SQLITE_STMTSTATUS_RUN, 0))
			continue;
		sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(st));
		printf("- %.110s%s\n  runs %d, full-scan steps %d, sorts %d\n", sqlite3_sql(st),
		       strlen(sqlite3_sql(st)) > 110 ? "..." : "",
		       sqlite3_stmt_status(st, SQLITE_STMTSTATUS_RUN, 0),
		       sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0),
		       sqlite3_stmt_status(st, SQLITE_STMTSTATUS_SORT, 0));
		if (sqlite3_prepare_v2(h, sql, -1, &ex, NULL) == SQLITE_OK) {
			while (sqlite3_step(ex) == SQLITE_ROW)
				printf("    %s\n", sqlite3_column_text(ex, 3));
			sqlite3_finalize(ex);
		}
		sqlite3_free(sql);
	}
}

int main(int argc, char **argv)
{
	static struct kind kinds[4];
	const char *path = argc > 1 ? argv[1] : "bench_filter.db";
	int residents = argc > 2 ? atoi(argv[2]) : 100000;
	enum { ROUNDS = 5, MAXK = 8192 };
	static double best[MAXK], bpage[MAXK], bcount[MAXK], tmp[MAXK];
	struct db *db = NULL;
	struct err e;
	struct stat sb;
	int fresh = stat(path, &sb) != 0, nk = 0;
	double t0;

	err_clear(&e);
	if (db_open(&db, path, DB_OPEN_CREATE, &e) < 0) {
		fprintf(stderr, "bench_filter: %s\n", e.msg);
		return 1;
	}
	db_set_staff(db, "bench");
	if (fresh && generate(db, residents, &e) < 0) {
		fprintf(stderr, "bench_filter: %s\n", e.msg);
		return 1;
	}
	t0 = now_ms();
	if (db_search_sync(db, &e) < 0) {
		fprintf(stderr, "bench_filter: %s\n", e.msg);
		return 1;
	}
	printf("search index refiled in %.1f s\n", (now_ms() - t0) / 1e3);
	printf("households: %lld, residents: %d\n", db_search_count(db, NULL, 1000000000, &e),
	       residents);
	make_queries(db, kinds, residents);

	/* Each keystroke is timed ROUNDS times (the first round warms the
	 * cache as an open screen has it); its best time is kept, which takes
	 * out the other programs of a busy machine. */
	int one_pass = getenv("BENCH_ONE_PASS") != NULL, rounds = one_pass ? 2 : ROUNDS;

	for (int round = 0; round < rounds; round++) {
		int i = 0;

		for (int kk = 0; kk < 4; kk++) {
			for (int q = 0; q < kinds[kk].n; q++) {
				const char *s = kinds[kk].q[q];
				size_t len = strlen(s);

				/* Each prefix of the query ends at a character boundary. */
				for (size_t c = 1; c <= len && i < MAXK; c++) {
					struct search_row rows[20];
					char typed[64];
					double t, tp, tc;
					int got;

					if (c < len && ((unsigned char)s[c] & 0xC0) == 0x80)
						continue;
					memcpy(typed, s, c);
					typed[c] = '\0';
					t = now_ms();
					got = db_search_page(db, typed, NULL, 1, 20, rows, &e);
					tp = now_ms();
					if (got < 0 || db_search_count(db, typed, 10000, &e) < 0) {
						fprintf(stderr, "bench_filter: %s\n", e.msg);
						return 1;
					}
					tc = now_ms() - tp;
					tp -= t;
					t = now_ms() - t;
					for (int r = 0; r < got; r++)
						db_search_row_clear(&rows[r]);
					if (getenv("BENCH_VERBOSE") && round == rounds - 1)
						printf(
						    "  %-20s page %6.3f  count %6.3f  (%d rows)\n",
						    typed, tp, tc, got);
					if (one_pass ? round == 1 : round == 0 || t < best[i]) {
						best[i] = t;
						bpage[i] = tp;
						bcount[i] = tc;
					}
					i++;
				}
			}
		}
		nk = i;
	}
	/* Per kind: the keystrokes are in kind order. */
	{
		int i = 0;

		for (int kk = 0; kk < 4; kk++) {
			int n = 0;

			for (int q = 0; q < kinds[kk].n; q++) {
				const char *s = kinds[kk].q[q];
				size_t len = strlen(s);

				for (size_t c = 1; c <= len && i < nk; c++) {
					if (c < len && ((unsigned char)s[c] & 0xC0) == 0x80)
						continue;
					tmp[n++] = best[i++];
				}
			}
			report(kinds[kk].name, tmp, n);
		}
	}
	memcpy(tmp, bpage, sizeof(double) * (size_t)nk);
	report("  of which the page (20 rows)", tmp, nk);
	memcpy(tmp, bcount, sizeof(double) * (size_t)nk);
	report("  of which the count", tmp, nk);
	memcpy(tmp, best, sizeof(double) * (size_t)nk);
	report("all keystrokes", tmp, nk);
	for (int kk = 0; kk < 4; kk++)
		for (int q = 0; q < kinds[kk].n; q++)
			free(kinds[kk].q[q]);
	print_plans(db);
	db_close(&db);
	return 0;
}
