/* test_dropdown: an enumeration field is chosen by typing its shown label
 * (issue 22): under zh_CN the pinyin initials (wc 外出) or a Chinese
 * character (迁 迁出), never the hidden English code (abc used to pick
 * 外出 through "away"); the pick-list (Space) the same; in English the
 * label's letters.  Saved and checked in the database.  Then a passport
 * holder's phone abroad is taken (issue 22). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static char *db;

/* Waits until the row showing label also shows want. */
static void field_is(struct harness *h, const char *label, const char *want)
{
	char *line = NULL;
	int row, col;

	for (int waited = 0; waited <= 3000; waited += 50) {
		free(line);
		line = NULL;
		if (harness_find(h, label, &row, &col)) {
			line = harness_row_text(h, row);
			if (strstr(line, want)) {
				free(line);
				return;
			}
		}
		harness_pump(h, 50);
	}
	HCHECK(h, 0, "field %s is \"%s\", want \"%s\"", label, line ? line : "(none)", want);
}

static struct harness *open_form(const char *lang, int rows, int cols, const char *edit_hint)
{
	char buf[600];
	const char *env[5];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.rows = rows, .cols = cols, .args = args, .env = env};
	struct harness *h;

	harness_db_env(db, buf, env);
	env[2] = lang;
	env[3] = NULL;
	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	harness_settle(h, 200, 5000);
	harness_type(h, "2");
	HWAIT(h, "6-1-101", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "钱九", 3000);
	harness_settle(h, 150, 2000);
	harness_type(h, "e");
	HWAIT(h, edit_hint, 3000);
	for (int i = 0; i < 7; i++)
		harness_key(h, "Tab");
	harness_settle(h, 150, 2000);
	return h;
}

static void status_is(struct harness *h, const char *want)
{
	char *got = harness_sql(db, "SELECT status FROM residents WHERE id = 1");

	HCHECK(h, got && !strcmp(got, want), "status is %s, want %s", got ? got : "?", want);
	free(got);
}

int main(void)
{
	char *dir, *s;
	struct harness *h;
	int st;

	db = harness_new_db(&dir);
	s = harness_sql(
	    db, "INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key)"
		" VALUES(1, 'h1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '6-1-101',"
		" '06-01-2101');"
		"INSERT INTO residents(id, uuid, created_at, updated_at, household_id, name,"
		" relation) VALUES(1, 'r1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', 1,"
		" '钱九', 'head');");
	HCHECK(NULL, s != NULL, "fixture");
	free(s);

	/* zh_CN at 80x24 */
	h = open_form("LANG=zh_CN.UTF-8", 24, 80, "与户主关系");
	field_is(h, "状态*", "在住");
	harness_type(h, "wc");
	field_is(h, "状态*", "外出");
	harness_type(h, "迁");
	field_is(h, "状态*", "迁出");
	harness_type(h, "abc"); /* no label begins so: the choice stays */
	harness_settle(h, 150, 2000);
	field_is(h, "状态*", "迁出");
	harness_key(h, "Space"); /* the pick-list: sw is 死亡 */
	HWAIT(h, "死亡", 3000);
	harness_type(h, "zz");
	harness_settle(h, 150, 2000);
	harness_key(h, "Enter");
	field_is(h, "状态*", "在住");
	harness_type(h, "wc");
	harness_key(h, "F10");
	HGONE(h, "与户主关系", 3000);
	status_is(h, "away");
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);

	/* English at 100x30 */
	h = open_form("LANG=C.UTF-8", 30, 100, "Relation to the head");
	field_is(h, "Status*", "away");
	harness_type(h, "mo");
	field_is(h, "Status*", "moved out");
	harness_type(h, "L");
	field_is(h, "Status*", "living here");
	harness_key(h, "F10");
	HGONE(h, "Relation to the head", 3000);
	status_is(h, "living");
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);

	/* A passport holder's number abroad (zh_CN, 80x24): 证件类型 chosen by
	 * its initials, the number canonical and masked in the list. */
	h = open_form("LANG=zh_CN.UTF-8", 24, 80, "与户主关系");
	for (int i = 0; i < 5; i++) /* back to 证件类型 from 状态 */
		harness_key(h, "BTab");
	harness_type(h, "hz");
	field_is(h, "证件类型*", "护照");
	harness_key(h, "Tab");
	harness_type(h, "E12345678");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_type(h, "0049-30-1234567");
	harness_key(h, "F10");
	HGONE(h, "与户主关系", 3000);
	HWAIT(h, "+49****4567", 3000);
	s = harness_sql(db, "SELECT id_type, id_number, phone FROM residents WHERE id = 1");
	HCHECK(h, s && !strcmp(s, "passport|E12345678|+49 30 1234567"), "saved %s", s ? s : "?");
	free(s);
	harness_send(h, "q", 1);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
	harness_free(&h);

	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
