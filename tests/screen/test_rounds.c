/* test_rounds: the Rounds tab driven by keys in a real terminal (issue 5).
 *
 * A round of five households of grid 第一网格 is entered by keys from a
 * paper sheet, counting every key sent: three residents with normal
 * temperatures take at most 12 keys including the move to the next
 * household, a no answer 1.  Then: the statuses on screen and in the
 * database, a fever highlighted and counted, `45` refused with the reason
 * and nothing written, undo (asked first), a visit saved in one running TUI
 * showing in a second one without a key press, the Today counts after the
 * round, and Enter on the fever alert jumping back to the household. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define NOW "DOORSTEP_NOW=2020-02-15 09:30:00"

static char db[512];

/* Types keys one by one (\r is Enter) and returns how many were sent. */
static int keys(struct harness *h, const char *s)
{
	int n = 0;

	for (; *s; s++, n++)
		harness_send(h, s, 1);
	return n;
}

static char *sql(const char *q)
{
	char *out = harness_sql(db, q);

	if (!out) {
		fprintf(stderr, "FAIL: sqlite3 failed on: %s\n", q);
		exit(1);
	}
	return out;
}

static void sql_is(struct harness *h, const char *q, const char *want)
{
	char *got = sql(q);

	HCHECK(h, !strcmp(got, want), "%s gave \"%s\", want \"%s\"", q, got, want);
	free(got);
}

/* The row showing text, or fails. */
static int row_of(struct harness *h, const char *text)
{
	int row, col;

	HCHECK(h, harness_wait_text(h, text, 3000) && harness_find(h, text, &row, &col),
	       "\"%s\" is not on the screen", text);
	return row;
}

/* Waits (3 s at most) until the row showing key also shows want. */
static void row_has(struct harness *h, const char *key, const char *want)
{
	char *line = NULL;
	int row, col;

	for (int waited = 0; waited <= 3000; waited += 50) {
		free(line);
		line = NULL;
		if (harness_find(h, key, &row, &col)) {
			line = harness_row_text(h, row);
			if (strstr(line, want)) {
				free(line);
				return;
			}
		}
		harness_pump(h, 50);
	}
	HCHECK(h, 0, "row of %s is \"%s\", want \"%s\" in it", key, line ? line : "(none)", want);
}

static struct harness *start(void)
{
	static const char *const env[] = {NOW, "NO_COLOR=1", NULL};
	static const char *args[] = {"--db", db, "--staff", "王芳", NULL};
	struct harness_opts o = {.env = env, .args = args};
	struct harness *h = harness_start(&o);

	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "Households visited", 5000);
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	HWAIT(h, "第一网格 (王芳)", 3000);
	return h;
}

int main(void)
{
	static const char *const env[] = {NOW, NULL};
	char *dir = harness_tmpdir();
	const char *init[] = {"--db", db, "init", "--community", "幸福里社区", NULL};
	struct harness *h, *h2;
	struct harness_cell c;
	char *out = NULL;
	int n, row;

	snprintf(db, sizeof db, "%s/round.db", dir);
	HCHECK(NULL, harness_run(env, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	free(sql(".read tests/screen/fixtures/round.sql"));

	h = start();
	HWAIT(h, "done 0 / 5", 3000);
	/* natural order: 3-2-501 < 3-2-502 < 3-2-601 < 3-10-101 < 12-1-101 */
	HCHECK(h, row_of(h, "3-2-501") < row_of(h, "3-2-502"), "order");
	HCHECK(h, row_of(h, "3-2-601") < row_of(h, "3-10-101"), "order");
	HCHECK(h, row_of(h, "3-10-101") < row_of(h, "12-1-101"), "order");

	/* 1. 3-2-501, three residents with normal temperatures */
	n = keys(h, "365\r366\r364\r");
	HCHECK(h, n <= 12, "three normal readings took %d keys", n);
	HWAIT(h, "done 1 / 5", 3000);
	row_has(h, "3-2-501", "36.5 36.6 36.4");
	sql_is(h,
	       "SELECT group_concat(temperature) FROM (SELECT temperature FROM readings"
	       " ORDER BY id)",
	       "365,366,364");

	/* 2. 3-2-502: the cursor moved there by itself; a fever */
	keys(h, "385\r");
	HWAIT(h, "FEVER: 陈静 38.5", 3000); /* marked at once, before the visit is saved */
	keys(h, "36.6\r");
	HWAIT(h, "fevers 1", 3000);
	row_has(h, "3-2-502", "FEVER 38.5");
	HWAIT(h, "done 2 / 5", 3000);
	harness_key(h, "Down"); /* the fever row without the cursor: its highlight */
	harness_settle(h, 150, 2000);
	HCHECK(h, harness_cell(h, row_of(h, "3-2-502"), 0, &c) == 0 && c.bold && !c.reverse,
	       "the fever row is not highlighted (bold %d reverse %d)", c.bold, c.reverse);
	harness_key(h, "Up");

	/* 3. 3-2-601: 45 is refused in place, nothing written */
	harness_settle(h, 150, 2000);
	keys(h, "45\r");
	HWAIT(h, "45.0 C is outside 34.0-43.0 C", 3000);
	HWAIT(h, "nothing saved", 1000);
	sql_is(h, "SELECT count(*) FROM visits WHERE household_id = 5", "0");
	sql_is(h, "SELECT count(*) FROM readings WHERE temperature = 450", "0");
	harness_key(h, "Esc"); /* drop the entry; then no answer */
	HWAIT(h, "nothing saved", 1000);
	n = keys(h, "n");
	HCHECK(h, n == 1, "a no answer took %d keys", n);
	HWAIT(h, "done 3 / 5", 3000);
	row_has(h, "3-2-601", "no answer");

	/* 4. 3-10-101: one met, one not met */
	keys(h, "37\r-");
	HWAIT(h, "done 4 / 5", 3000);
	row_has(h, "3-10-101", "37.0");

	/* 5. 12-1-101: refused */
	keys(h, "x");
	HWAIT(h, "done 5 / 5", 3000);
	row_has(h, "12-1-101", "refused");
	HWAIT(h, "no answer 1", 1000);
	sql_is(h,
	       "SELECT group_concat(h.code || ':' || v.outcome, ' ') FROM (SELECT * FROM visits"
	       " ORDER BY id) v JOIN households h ON h.id = v.household_id",
	       "3-2-501:visited 3-2-502:visited 3-2-601:no_answer 3-10-101:visited"
	       " 12-1-101:refused");
	sql_is(h, "SELECT count(*) FROM audit_log WHERE table_name IN ('visits','readings')", "11");

	/* undo the last visit (12-1-101), asked first */
	keys(h, "u");
	HWAIT(h, "Undo the visit of 12-1-101", 3000);
	keys(h, "y");
	HWAIT(h, "done 4 / 5", 3000);
	row_has(h, "12-1-101", "not yet");
	sql_is(h, "SELECT count(*) FROM visits WHERE deleted_at IS NOT NULL AND household_id = 3",
	       "1");

	/* a second TUI on the same file sees a visit of the first without a key */
	h2 = start();
	HWAIT(h2, "done 4 / 5", 3000);
	keys(h, "365\r"); /* the cursor is on 12-1-101 after the undo */
	HWAIT(h, "done 5 / 5", 3000);
	HCHECK(h2, harness_wait_text(h2, "done 5 / 5", 3000),
	       "the second TUI did not show the new visit");
	row = row_of(h2, "12-1-101");
	free(harness_row_text(h2, row));
	row_has(h2, "12-1-101", "36.5");
	harness_free(&h2);

	/* Today after the round */
	harness_key(h, "BTab");
	harness_key(h, "BTab");
	HWAIT(h, "Households visited", 3000);
	HWAIT(h, "5 / 7", 3000);
	row_has(h, "Residents checked", "7");
	row_has(h, "Residents checked", "fevers found today 1");
	row_has(h, "Households visited", "no answer 1");
	row_has(h, "FEVER", "陈静");
	row_has(h, "no answer  ", "3-2-601");
	/* Enter on the fever alert: the Rounds tab on that household */
	harness_key(h, "Home");
	harness_settle(h, 150, 2000);
	row = row_of(h, "陈静");
	HCHECK(h, harness_cell(h, row, 0, &c) == 0 && c.reverse, "the first alert is not selected");
	harness_key(h, "Enter");
	HWAIT(h, "第一网格 (王芳)", 3000);
	harness_settle(h, 150, 2000);
	HCHECK(h, harness_cell(h, row_of(h, "3-2-502"), 0, &c) == 0 && c.reverse,
	       "Enter on the fever did not select 3-2-502");

	keys(h, "q");
	HCHECK(h, harness_wait_exit(h, 3000, &n), "did not quit");
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	return 0;
}
