/* test_qa: what a working day in the TUI found wrong, kept fixed.
 *
 * - A new community: Today says to add households instead of "no alert";
 *   the empty Rounds tab wraps its advice instead of cutting it, and lets a
 *   digit switch tabs (it used to swallow every digit with no row to type a
 *   temperature on).
 * - A resident's tags typed with commas ("慢性病, 独居老人") are saved; the
 *   comma used to hang the program when the field was left.
 * - A household's grid typed that is no grid yet is named and needs a second
 *   F10 (a typo used to make a grid of its own without a word).
 * - Gate: after a pass number that fails its check digit, the previous
 *   household's verdict is gone and `o` records nothing for it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static void sql_is(struct harness *h, const char *db, const char *q, const char *want)
{
	char *got = harness_sql(db, q);

	HCHECK(h, got && !strcmp(got, want), "%s gave \"%s\", want \"%s\"", q,
	       got ? got : "(error)", want);
	free(got);
}

static struct harness *start(const char *db)
{
	static const char *env[] = {"DOORSTEP_NOW=" HARNESS_NOW, NULL};
	const char *args[] = {"--db", db, "--staff", "李明", NULL};
	struct harness_opts o = {.env = env, .args = args};
	struct harness *h = harness_start(&o);

	HCHECK(NULL, h != NULL, "cannot start");
	HWAIT(h, "Households visited", 5000);
	return h;
}

static void quit(struct harness **h)
{
	int st;

	harness_key(*h, "Esc");
	harness_type(*h, "q");
	HCHECK(*h, harness_wait_exit(*h, 3000, &st), "did not quit");
	harness_free(h);
}

static void new_community(const char *db)
{
	struct harness *h = start(db);

	HWAIT(h, "No household yet: add or import them on the Households tab", 3000);
	harness_type(h, "3");
	HWAIT(h, "No household in this grid", 3000);
	HWAIT(h, "grid (g).", 3000); /* the wrapped end of the advice */
	harness_type(h, "4");
	HWAIT(h, "Nobody is in isolation", 3000);

	/* tags with commas */
	harness_type(h, "2");
	HWAIT(h, "No household yet", 3000);
	harness_type(h, "n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "1-1-101");
	harness_key(h, "F10");
	HWAIT(h, "Household 1-1-101 added", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "Nobody is registered here yet", 3000);
	harness_type(h, "n");
	HWAIT(h, "A new resident", 3000);
	harness_type(h, "张三");
	for (int i = 0; i < 8; i++)
		harness_key(h, "Tab"); /* to Tags */
	harness_type(h, "慢性病, 独居老人");
	harness_key(h, "Tab");
	HWAIT(h, "chronic illness, elderly living a", 3000); /* from its start */
	harness_key(h, "F10");
	HWAIT(h, "张三 added", 3000);
	sql_is(h, db, "SELECT tags FROM residents WHERE name = '张三'", "chronic,elderly_alone");

	/* a grid that does not exist yet is named before it is made */
	harness_key(h, "Esc");
	HWAIT(h, "Households: 1", 3000);
	harness_type(h, "n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "1-1-102");
	for (int i = 0; i < 6; i++)
		harness_key(h, "Tab"); /* to Grid */
	harness_type(h, "第一网格");
	harness_key(h, "F10");
	HWAIT(h, "第一网格 is not a grid yet: F10 again creates it", 3000);
	sql_is(h, db, "SELECT count(*) FROM households", "1");
	harness_key(h, "F10");
	HWAIT(h, "Household 1-1-102 added", 3000);
	sql_is(h, db, "SELECT g.name FROM households h JOIN grids g ON g.id = h.grid_id",
	       "第一网格");
	quit(&h);
}

static void gate(const char *db)
{
	struct harness *h;
	char *pass = harness_sql(db, "SELECT pass_no FROM passes ORDER BY id LIMIT 1");
	char *events, bad[16];

	HCHECK(NULL, pass && strlen(pass) == 8, "no pass in the demo");
	snprintf(bad, sizeof bad, "%.7s%c", pass, pass[7] == '9' ? '0' : pass[7] + 1);
	events = harness_sql(db, "SELECT count(*) FROM pass_events");
	h = start(db);
	harness_type(h, "8");
	HWAIT(h, "Pass number:", 3000);
	harness_type(h, pass);
	harness_key(h, "Enter");
	HWAIT(h, "valid until", 3000);
	harness_type(h, bad);
	harness_key(h, "Enter");
	HWAIT(h, "not a valid pass number", 3000);
	HGONE(h, "valid until", 3000);
	harness_type(h, "o");
	HWAIT(h, "Type or scan a pass number first", 3000);
	sql_is(h, db, "SELECT count(*) FROM pass_events", events);
	quit(&h);
	free(events);
	free(pass);
}

int main(void)
{
	char *dir, demo[600], *out = NULL;
	char *db = harness_new_db(&dir);
	static const char *env[] = {"DOORSTEP_NOW=" HARNESS_NOW, NULL};
	const char *args[] = {"--db", demo, "demo", "--households", "20", "--days", "2", NULL};

	new_community(db);
	snprintf(demo, sizeof demo, "%s/demo.db", dir);
	HCHECK(NULL, harness_run(env, args, &out, 10000) == 0, "demo failed: %s", out);
	free(out);
	gate(demo);
	harness_rmdir(dir);
	free(dir);
	free(db);
	puts("ok");
	return 0;
}
