/* test_tabs80: at 80x24 the tab bar shows every tab's title whole, in
 * English and in Chinese (issue 22), with the staff on duty at its right;
 * the community, which every screen's title line names, shows there only
 * when it fits whole, and is never cut. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define NOW "DOORSTEP_NOW=2020-02-15 09:30:00"

static char db[512];

static void sql(const char *q)
{
	char *out = harness_sql(db, q);

	if (!out) {
		fprintf(stderr, "FAIL: sqlite3 failed on: %s\n", q);
		exit(1);
	}
	free(out);
}

/* Fails unless the first row holds each of want, in order, and no "…" or "~". */
static void bar_has(struct harness *h, const char *const *want)
{
	char *row = NULL;
	const char *at;
	int ok = 0;

	for (int waited = 0; waited <= 3000 && !ok; waited += 50) {
		free(row);
		harness_pump(h, 50);
		row = harness_row_text(h, 0);
		at = row;
		ok = 1;
		for (int i = 0; want[i] && ok; i++) {
			at = strstr(at, want[i]);
			ok = at != NULL;
			if (ok)
				at += strlen(want[i]);
		}
	}
	HCHECK(h, ok, "the tab bar \"%s\" lacks a title or the staff", row);
	HCHECK(h, !strstr(row, "\u2026") && !strchr(row, '~'), "the tab bar \"%s\" is cut", row);
	free(row);
}

static void walk(const char *lang, const char *const *want)
{
	const char *const env[] = {NOW, "NO_COLOR=1", lang, NULL};
	const char *args[] = {"--db", db, "--staff", "王芳", NULL};
	struct harness_opts o = {.rows = 24, .cols = 80, .env = env, .args = args};
	struct harness *h = harness_start(&o);
	int st;

	HCHECK(NULL, h != NULL, "harness_start failed");
	harness_settle(h, 200, 5000);
	bar_has(h, want);
	for (int i = 0; i < 7; i++) { /* each tab active in turn */
		harness_key(h, "Tab");
		harness_settle(h, 100, 3000);
		bar_has(h, want);
	}
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);
}

int main(void)
{
	static const char *const env[] = {NOW, NULL};
	static const char *const en[] = {"1 Today ", "2 Homes ", "3 Rounds ", "4 Isolation ",
					 "5 Aid ",   "6 Sheets ", "7 Export ", "8 Gates ",
					 "王芳",     NULL};
	static const char *const zh[] = {"1 今日 ", "2 住户 ", "3 走访 ", "4 隔离 ",
					 "5 捐赠 ", "6 报表 ", "7 导出 ", "8 卡点 ",
					 "幸福里社区", "王芳",     NULL};
	static const char *const en_long[] = {"1 Today ", "8 Gates ", "王芳", NULL};
	static const char *const zh_long[] = {"1 今日 ", "8 卡点 ", "王芳", NULL};
	char *dir = harness_tmpdir();
	const char *init[] = {"--db", db, "init", "--community", "幸福里社区", NULL};
	char *out = NULL;

	snprintf(db, sizeof db, "%s/tabs.db", dir);
	HCHECK(NULL, harness_run(env, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	sql(".read tests/screen/fixtures/round.sql");
	walk("LANG=zh_CN.UTF-8", zh);
	walk("LANG=C.UTF-8", en);
	/* a community too long to fit: left out whole, the staff stays */
	sql("UPDATE settings SET community = 'Xingfuli Residents Community of Chengnan'");
	walk("LANG=C.UTF-8", en_long);
	walk("LANG=zh_CN.UTF-8", zh_long);
	harness_rmdir(dir);
	free(dir);
	return 0;
}
