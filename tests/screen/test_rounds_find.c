/* test_rounds_find: finding a door on the round (issue 22), in zh_CN at
 * 80x24 and in English at 100x30.
 *
 * The round opens with the cursor on the first household not yet visited
 * (3-2-501 has a no answer already), the header says what "done" is made
 * of, `/` jumps by code prefix, head's name and pinyin initials (Down to
 * the next match, a miss said), after a saved visit the cursor goes back
 * to the first door not yet done, and a reading out of range says the
 * range in both languages; the grid picker lists grids in reading order.
 *
 * Typing a door without `/`, in zh_CN and in English at 80x24: digits on
 * a row stay temperatures; digits followed by `-` before any resident was
 * answered for are a code prefix (a temperature never holds a `-`) and
 * open the prompt of `/` holding them, the cursor on the first door they
 * find, nothing saved; a character no key means (a head's name typed
 * through an input method) opens it too.  After a reading was taken `-`
 * is "not met" as before, and the visit is saved.  The entry is an
 * overlay of its own: its help lists its keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define NOW "DOORSTEP_NOW=2020-02-15 09:30:00"

static char db[512];

static int row_of(struct harness *h, const char *text)
{
	int row, col;

	HCHECK(h, harness_wait_text(h, text, 3000) && harness_find(h, text, &row, &col),
	       "\"%s\" is not on the screen", text);
	return row;
}

/* Fails unless the cursor (reverse video, NO_COLOR) is on the row showing code. */
static void cursor_on(struct harness *h, const char *code)
{
	struct harness_cell c = {0};

	for (int waited = 0; waited <= 3000; waited += 50) {
		if (harness_cell(h, row_of(h, code), 0, &c) == 0 && c.reverse)
			return;
		harness_pump(h, 50);
	}
	HCHECK(h, 0, "the cursor is not on %s", code);
}

static struct harness *start(const char *lang, int rows, int cols)
{
	const char *const env[] = {NOW, "NO_COLOR=1", lang, NULL};
	const char *args[] = {"--db", db, "--staff", "王芳", NULL};
	struct harness_opts o = {.rows = rows, .cols = cols, .env = env, .args = args};
	struct harness *h = harness_start(&o);

	HCHECK(NULL, h != NULL, "harness_start failed");
	harness_settle(h, 200, 5000);
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	HWAIT(h, "第一网格 (王芳)", 3000);
	return h;
}

static void sql(const char *q)
{
	char *out = harness_sql(db, q);

	if (!out) {
		fprintf(stderr, "FAIL: sqlite3 failed on: %s\n", q);
		exit(1);
	}
	free(out);
}

/* The number of live visits in the database. */
static int visits(void)
{
	char *out = harness_sql(db, "SELECT count(*) FROM visits WHERE deleted_at IS NULL");
	int n;

	if (!out) {
		fprintf(stderr, "FAIL: sqlite3 failed counting visits\n");
		exit(1);
	}
	n = atoi(out);
	free(out);
	return n;
}

static void quit(struct harness **h)
{
	int st;

	harness_send(*h, "q", 1);
	HCHECK(*h, harness_wait_exit(*h, 3000, &st), "did not quit");
	harness_free(h);
}

/* Typing a door without /, on a fresh copy of the fixture (db). */
static void jump(void)
{
	struct harness *h;

	/* zh_CN at 80x24 */
	h = start("LANG=zh_CN.UTF-8", 24, 80);
	cursor_on(h, "3-2-501");
	HWAIT(h, "/ 或 3- 查找住户", 3000);
	harness_type(h, "12-"); /* a code prefix: digits, then - */
	HWAIT(h, "查找：", 3000);
	cursor_on(h, "12-1-101");
	harness_type(h, "1");
	cursor_on(h, "12-1-101");
	HCHECK(h, visits() == 0, "a code prefix saved a visit");
	harness_key(h, "Enter");
	HGONE(h, "查找：", 3000);
	harness_type(h, "365\r"); /* digits on the row found: a reading */
	HWAIT(h, "已测 1 / 5", 3000);
	HCHECK(h, visits() == 1, "the reading after the jump was not saved");
	cursor_on(h, "3-2-501"); /* back where the round was */
	harness_type(h, "孙"); /* a head's name, as an input method sends it */
	HWAIT(h, "查找：", 3000);
	cursor_on(h, "3-10-101");
	harness_key(h, "Esc");
	HGONE(h, "查找：", 3000);
	/* the entry is a screen of its own: its help lists its keys */
	harness_type(h, "3");
	HWAIT(h, "3-10-101 孙强 |", 3000);
	harness_key(h, "F1");
	HWAIT(h, "走访：录入一户的体温", 3000);
	HWAIT(h, "为这次体温记录添加症状", 3000);
	harness_key(h, "Esc");
	harness_key(h, "Esc");
	HGONE(h, "3-10-101 孙强 |", 3000);
	HCHECK(h, visits() == 1, "dropping the entry saved a visit");
	/* once a reading is taken, - is "not met" again */
	harness_key(h, "Up");
	harness_key(h, "Up");
	cursor_on(h, "3-2-502");
	harness_type(h, "366\r3-");
	HWAIT(h, "已测 2 / 5", 3000);
	HCHECK(h, visits() == 2, "- after a reading did not save the visit");
	quit(&h);

	/* English at 80x24 */
	h = start("LANG=C.UTF-8", 24, 80);
	HWAIT(h, "/ or 3- find a door", 3000);
	cursor_on(h, "3-2-501");
	harness_type(h, "3-2-6");
	HWAIT(h, "Find:", 3000);
	cursor_on(h, "3-2-601");
	harness_type(h, "9");
	HWAIT(h, "No household of this round matches \"3-2-69\"", 3000);
	harness_key(h, "Esc");
	HGONE(h, "Find:", 3000);
	HCHECK(h, visits() == 2, "a code prefix saved a visit");
	quit(&h);

}

int main(void)
{
	static const char *const env[] = {NOW, NULL};
	char *dir = harness_tmpdir();
	const char *init[] = {"--db", db, "init", "--community", "幸福里社区", NULL};
	struct harness *h;
	char *out = NULL;

	snprintf(db, sizeof db, "%s/round.db", dir);
	HCHECK(NULL, harness_run(env, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	sql(".read tests/screen/fixtures/round.sql");
	sql("INSERT INTO grids(uuid, created_at, updated_at, name) VALUES"
	    " ('g-3', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '第十一网格'),"
	    " ('g-4', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '第三网格')");
	sql("INSERT INTO visits(uuid, created_at, updated_at, household_id, at, date, outcome)"
	    " VALUES ('v-1', '2020-02-15 08:00:00', '2020-02-15 08:00:00', 2,"
	    " '2020-02-15 08:00:00', '2020-02-15', 'no_answer')");

	/* zh_CN at 80x24 */
	h = start("LANG=zh_CN.UTF-8", 24, 80);
	HWAIT(h, "已测 1 / 5", 3000);
	HWAIT(h, "(无人应答 1)", 3000);
	cursor_on(h, "3-2-502");
	harness_type(h, "/");
	HWAIT(h, "查找：", 3000);
	harness_type(h, "sq"); /* 孙强's initials */
	cursor_on(h, "3-10-101");
	harness_key(h, "Backspace");
	harness_key(h, "Backspace");
	harness_type(h, "吴军"); /* a head's name */
	cursor_on(h, "12-1-101");
	harness_key(h, "C-u");
	harness_type(h, "3-2"); /* a code prefix: the first of three, Down the next */
	cursor_on(h, "3-2-501");
	harness_key(h, "Down");
	cursor_on(h, "3-2-502");
	harness_key(h, "Down");
	cursor_on(h, "3-2-601");
	harness_key(h, "C-u");
	harness_type(h, "qq");
	HWAIT(h, "没有与「qq」相符的住户", 3000);
	harness_key(h, "Enter");
	HGONE(h, "查找：", 3000);
	/* a visit on the door found; then back to the first not yet done */
	harness_type(h, "/12");
	cursor_on(h, "12-1-101");
	harness_key(h, "Enter");
	harness_type(h, "45\r");
	HWAIT(h, "45.0 度 超出 34.0-43.0 度", 3000);
	harness_key(h, "Backspace");
	harness_key(h, "Backspace");
	harness_type(h, "3650\r");
	HWAIT(h, "34.0 到 43.0 度", 3000);
	harness_key(h, "C-u");
	harness_type(h, "365\r");
	HWAIT(h, "已测 2 / 5", 3000);
	HWAIT(h, "(已走访 1 | 无人应答 1)", 3000);
	cursor_on(h, "3-2-502");
	quit(&h);

	/* English at 100x30 */
	h = start("LANG=C.UTF-8", 30, 100);
	HWAIT(h, "done 2 / 5", 3000);
	HWAIT(h, "(visited 1 | no answer 1)", 3000);
	cursor_on(h, "3-2-502");
	harness_type(h, "/zm");
	HWAIT(h, "Find:", 3000);
	cursor_on(h, "3-2-601");
	harness_key(h, "Enter");
	harness_type(h, "30.0\r");
	HWAIT(h, "30.0 C is outside 34.0-43.0 C", 3000);
	harness_key(h, "Esc");
	harness_type(h, "x");
	HWAIT(h, "(visited 1 | no answer 1 | refused 1)", 3000);
	cursor_on(h, "3-2-502");
	/* the grid picker reads 第一, 第二, 第三, 第十一 (numerals by value) */
	harness_type(h, "g");
	HWAIT(h, "第十一网格", 3000);
	HCHECK(h,
	       row_of(h, "第一网格 (王芳)") < row_of(h, "第二网格 (李强)") &&
		   row_of(h, "第二网格 (李强)") < row_of(h, "第三网格") &&
		   row_of(h, "第三网格") < row_of(h, "第十一网格"),
	       "grids are not in reading order");
	harness_key(h, "Esc");
	quit(&h);

	snprintf(db, sizeof db, "%s/jump.db", dir);
	HCHECK(NULL, harness_run(env, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	sql(".read tests/screen/fixtures/round.sql");
	jump();

	harness_rmdir(dir);
	free(dir);
	return 0;
}
