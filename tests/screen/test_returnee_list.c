/* test_returnee_list: the returnee list over the Isolation tab (`b`), in
 * English at 80x24.  刘䶮 (back from 武汉 five days ago by train G1234) is
 * "not isolated", 王五 (深圳) "not a key area", 赵六 (武汉, 26 days ago)
 * "window over"; Enter on 刘䶮 opens the decision, F10 isolates him from
 * the return date and the list says "isolated". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static const char *db;

static const char seed[] =
    "INSERT INTO households(uuid, created_at, updated_at, code, sort_key) VALUES"
    " ('h1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '3-2-501', '03-02-2501');"
    "INSERT INTO residents(uuid, created_at, updated_at, household_id, name, relation, pinyin,"
    " returned_from, return_date, travel) VALUES"
    " ('r1', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '刘䶮', 'head', 'ly',"
    " '湖北省武汉市', '2020-02-10', 'G1234'),"
    " ('r2', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '王五', 'child', 'ww',"
    " '广东深圳', '2020-02-12', NULL),"
    " ('r3', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '赵六', 'other', 'zl',"
    " '武汉', '2020-01-20', NULL);";

int main(void)
{
	struct harness_fixture fx = {.lang = "C", .staff = "王芳", .seed = seed};
	struct harness *h;
	char *got;
	int row, col;

	h = harness_fixture_open(&fx);
	db = fx.db;
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "4");
	HWAIT(h, "Isolation", 3000);
	harness_type(h, "b");
	HWAIT(h, "Returnees on 2020-02-15: 3, 1 from a key area inside the window, 1 not isolated",
	      3000);
	HWAIT(h, "window over", 3000); /* the rows, drawn after the title */
	harness_settle(h, 200, 3000);
	HCHECK(h, harness_find(h, "G1234", &row, &col), "the travel is not shown");
	got = harness_row_text(h, row);
	HCHECK(h, got && strstr(got, "刘䶮") && strstr(got, "not isolated"), "刘䶮's row: %s",
	       got ? got : "");
	free(got);
	HCHECK(h, harness_find(h, "王五", &row, &col), "王五 is not listed");
	got = harness_row_text(h, row);
	HCHECK(h, got && strstr(got, "not a key area"), "王五's row: %s", got ? got : "");
	free(got);
	HCHECK(h, harness_find(h, "赵六", &row, &col), "赵六 is not listed");
	got = harness_row_text(h, row);
	HCHECK(h, got && strstr(got, "window over") && strstr(got, "26"), "赵六's row: %s",
	       got ? got : "");
	free(got);

	/* Latest return first: 王五 (02-12), then 刘䶮; Down, Enter decides. */
	harness_key(h, "Down");
	harness_key(h, "Enter");
	HWAIT(h, "F10", 3000);
	harness_key(h, "F10");
	HWAIT(h, "0 not isolated", 3000);
	harness_settle(h, 200, 3000);
	HCHECK(h, harness_find(h, "G1234", &row, &col), "刘䶮 left the list");
	got = harness_row_text(h, row);
	HCHECK(h, got && strstr(got, "isolated") && !strstr(got, "not isolated"),
	       "刘䶮's row after the decision: %s", got ? got : "");
	free(got);
	got = harness_sql(db, "SELECT start_date FROM isolations");
	HCHECK(h, got && !strcmp(got, "2020-02-10"), "isolation from %s", got ? got : "(none)");
	free(got);
	harness_free(&h);
	harness_fixture_close(&fx);
	return 0;
}
