/* test_today80: Today at 80x24 on a community of 2,000 households, in
 * zh_CN and in English (issue 22): every count line shows whole (the details
 * go on below when a large community's numbers do not fit beside their
 * label, as "away" and "new today" did not in English), the alert kinds
 * show whole ("follow-up: referred" was "follow-up: re~"), and the list
 * still starts below the counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define NOW "DOORSTEP_NOW=2020-02-15 09:30:00"

static char db[600];

/* Fails unless the screen shows each of want, no row from the title to the
 * list's column titles is cut, and no alert kind is cut. */
static void whole(struct harness *h, const char *titles, const char *const *want)
{
	int row, col, rows, cols;

	HWAIT(h, titles, 5000);
	harness_settle(h, 200, 3000);
	for (; *want; want++)
		HCHECK(h, harness_find(h, *want, &row, &col), "\"%s\" is not shown", *want);
	HCHECK(h, harness_find(h, titles, &row, &col), "no column titles");
	harness_size(h, &rows, &cols);
	for (int y = 1; y < row; y++) {
		char *t = harness_row_text(h, y);

		HCHECK(h, !strstr(t, "~"), "count row %d is cut: \"%s\"", y, t);
		free(t);
	}
	for (int y = row + 1; y < rows - 2; y++) {
		char *t = harness_row_text(h, y);
		char *gap = strstr(t, "  ");

		HCHECK(h, !gap || !memchr(t, '~', (size_t)(gap - t)), "alert row %d is cut: \"%s\"",
		       y, t);
		free(t);
	}
}

static void walk(const char *lang, const char *titles, const char *const *want)
{
	const char *const env[] = {NOW, "NO_COLOR=1", lang, NULL};
	const char *args[] = {"--db", db, "--staff", "李明", NULL};
	struct harness_opts o = {.rows = 24, .cols = 80, .env = env, .args = args};
	struct harness *h = harness_start(&o);
	int st;

	HCHECK(NULL, h != NULL, "harness_start failed");
	whole(h, titles, want);
	harness_send(h, "q", 1);
	harness_settle(h, 200, 2000);
	if (harness_running(h))
		harness_send(h, "y", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);
}

int main(void)
{
	static const char *const env[] = {NOW, NULL};
	static const char *const zh[] = {"外出 1", "今日新增 4", "发放 14", NULL};
	static const char *const en[] = {"away 1", "new today 4", "distributions 14", NULL};
	static const char *const zh_alerts[] = {"随访已送诊", NULL};
	static const char *const en_alerts[] = {"follow-up: referred", NULL};
	char *dir = harness_tmpdir(), *out = NULL;
	const char *dargs[] = {"--db",	db,  "demo", "--households", "2000", "--days",
			       "10",	"--seed", "5", NULL};

	snprintf(db, sizeof db, "%s/demo.db", dir);
	HCHECK(NULL, harness_run(env, dargs, &out, 120000) == 0, "demo failed: %s", out);
	free(out);
	walk("LANG=zh_CN.UTF-8", "提醒", zh);
	walk("LANG=C.UTF-8", "Alert", en);
	/* the follow-ups on the first page (the day's no-answer visits, which
	 * come first, answered), one of them referred */
	free(harness_sql(db, "UPDATE visits SET outcome = 'visited' WHERE date = '2020-02-15'"
			     " AND outcome = 'no_answer'"));
	free(harness_sql(db, "UPDATE followups SET referred_at = '2020-02-15 08:00:00',"
			     " clinic = '区人民医院发热门诊' WHERE id = (SELECT min(id) FROM followups"
			     " WHERE closed_at IS NULL AND deleted_at IS NULL)"));
	walk("LANG=zh_CN.UTF-8", "提醒", zh_alerts);
	walk("LANG=C.UTF-8", "Alert", en_alerts);
	harness_rmdir(dir);
	free(dir);
	return 0;
}
