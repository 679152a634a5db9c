/* test_first_start: the TUI on a path with no database offers to make one.
 * A new community with a Chinese name through the form (the file 0600 in a
 * 0700 folder, the settings row as typed, then the staff picker and the
 * tabs); a second machine from that file with its own station (the report,
 * then the program on the copy); a refusal (the same station) shown in full,
 * leaving the path absent; a database never set up gets the same screen and
 * stays without settings after a refusal; the Chinese first-start line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

static struct harness *start(const char *db, const char *lang)
{
	static char buf[600];
	const char *env[4];
	struct harness_opts o = {0};
	struct harness *h;

	harness_db_env(db, buf, env);
	env[2] = lang;
	env[3] = NULL;
	o.env = env;
	h = harness_start(&o);
	HCHECK(h, h != NULL, "cannot start");
	return h;
}

static void quit(struct harness *h)
{
	int st;

	HCHECK(h, harness_wait_exit(h, 5000, &st), "the program did not quit");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
}

static void expect_sql(const char *db, const char *sql, const char *want)
{
	char *got = harness_sql(db, sql);

	HCHECK(NULL, got && !strcmp(got, want), "%s: \"%s\", expected \"%s\"", sql,
	       got ? got : "(error)", want);
	free(got);
}

static void expect_mode(const char *path, unsigned want)
{
	struct stat sb;

	HCHECK(NULL, stat(path, &sb) == 0, "%s does not exist", path);
	HCHECK(NULL, (sb.st_mode & 0777) == want, "%s has mode %o, expected %o", path,
	       sb.st_mode & 0777, want);
}

/* The refusal under the form, its wrapped lines joined again, comes to
 * hold want within 2 s: the reason is there in full, not cut at the edge. */
static void expect_refusal(struct harness *h, const char *want)
{
	char joined[2000];

	for (int tries = 0; tries < 20; tries++, harness_pump(h, 100)) {
		int row, col;

		joined[0] = 0;
		if (!harness_find(h, "Not created:", &row, &col))
			continue;
		for (int i = row; i < row + 6 && i < 22; i++) {
			char *t = harness_row_text(h, i);
			const char *p = t;

			while (*p == ' ')
				p++;
			if (*p) {
				if (joined[0])
					strncat(joined, " ", sizeof joined - strlen(joined) - 1);
				strncat(joined, p, sizeof joined - strlen(joined) - 1);
			}
			free(t);
		}
		if (strstr(joined, want))
			return;
	}
	harness_fail(h, __FILE__, __LINE__, "the refusal reads \"%s\"", joined);
}

/* 1 a new community, typed in Chinese. */
static void new_community(const char *dir, const char *db)
{
	struct harness *h = start(db, NULL);
	char folder[600];

	HWAIT(h, "There is no database yet at", 5000);
	HWAIT(h, "A second machine of an existing community", 1000);
	harness_type(h, "1");
	HWAIT(h, "Street office", 2000);
	harness_type(h, "幸福里社区");
	harness_key(h, "Enter");
	harness_type(h, "城关街道");
	harness_key(h, "Enter");
	harness_type(h, "北区");
	harness_key(h, "Enter");
	harness_key(h, "Enter"); /* station A, the default: saves */
	HWAIT(h, "Who is on duty?", 5000);
	HWAIT(h, "1 Today", 1000);
	HWAIT(h, "Created the database of 幸福里社区 (station A)", 1000);
	harness_key(h, "End");
	harness_key(h, "Enter");
	HWAIT(h, "A new staff member", 3000);
	harness_type(h, "王芳");
	harness_key(h, "Enter");
	HWAIT(h, "On duty: 王芳", 3000);
	HWAIT(h, "幸福里社区", 1000); /* the Today tab's title */
	harness_type(h, "q");
	quit(h);
	harness_free(&h);

	snprintf(folder, sizeof folder, "%s/office", dir);
	expect_mode(folder, 0700);
	expect_mode(db, 0600);
	expect_sql(db, "SELECT community, street, district, station FROM settings",
		   "幸福里社区|城关街道|北区|A");
	expect_sql(db, "SELECT name FROM staff", "王芳");
}

/* 2 a second machine from the first one's file, station B. */
static void second_machine(const char *first, const char *db)
{
	struct harness *h = start(db, NULL);

	HWAIT(h, "There is no database yet at", 5000);
	harness_type(h, "2");
	HWAIT(h, "The other machine's file", 2000);
	harness_type(h, first);
	harness_key(h, "Enter");
	harness_type(h, "b"); /* lower case is taken as B */
	harness_key(h, "Enter");
	HWAIT(h, "This machine is set up", 5000);
	HWAIT(h, "Created the database of 幸福里社区 (station B)", 1000);
	HWAIT(h, "households", 1000); /* the report table */
	harness_key(h, "Enter");
	HWAIT(h, "Who is on duty?", 5000);
	HWAIT(h, "王芳", 1000); /* the staff came with the records */
	harness_key(h, "Enter");
	HWAIT(h, "On duty: 王芳", 3000);
	HWAIT(h, "1 Today", 1000);
	harness_type(h, "q");
	quit(h);
	harness_free(&h);

	expect_mode(db, 0600);
	expect_sql(db, "SELECT community, station FROM settings", "幸福里社区|B");
	expect_sql(db, "SELECT count(*) FROM staff WHERE name = '王芳'", "1");
	{
		char sql[1200];

		snprintf(sql, sizeof sql,
			 "ATTACH '%s' AS a; SELECT count(*) FROM settings s, a.settings t"
			 " WHERE s.uuid <> t.uuid",
			 first);
		expect_sql(db, sql, "1");
	}
}

/* 2 with the first file's own station: refused, the reason in full, and
 * nothing written at db.  fresh: db is absent (else a database never set
 * up). */
static void refused(const char *first, const char *db, int fresh)
{
	struct harness *h = start(db, NULL);

	HWAIT(h, fresh ? "There is no database yet at" : "holds no community yet", 5000);
	harness_type(h, "2");
	HWAIT(h, "The other machine's file", 2000);
	harness_type(h, first);
	harness_key(h, "Enter");
	harness_type(h, "A");
	harness_key(h, "Enter");
	HWAIT(h, "Not created:", 5000);
	expect_refusal(h, "is station A already: give this machine its own station code "
			  "(--station), so that receipt numbers stay unique");
	HCHECK(h, harness_has_text(h, "This machine's station code"), "the form closed");
	if (fresh)
		HCHECK(h, access(db, F_OK) != 0, "%s was left behind", db);
	else
		expect_sql(db, "SELECT count(*) FROM settings", "0");
	/* Esc, discard the typed form, then Quit from the menu */
	harness_key(h, "Esc");
	HWAIT(h, "Discard", 2000);
	harness_type(h, "y");
	HWAIT(h, "How do you want to begin?", 2000);
	harness_type(h, "3");
	quit(h);
	harness_free(&h);
	if (fresh)
		HCHECK(NULL, access(db, F_OK) != 0, "%s exists after quitting", db);
	else
		expect_sql(db, "SELECT count(*) FROM settings", "0");
}

int main(void)
{
	char *dir = harness_tmpdir();
	char first[600], second[600], third[600], empty[600];
	struct harness *h;
	FILE *f;

	snprintf(first, sizeof first, "%s/office/doorstep.db", dir);
	snprintf(second, sizeof second, "%s/laptop.db", dir);
	snprintf(third, sizeof third, "%s/gate.db", dir);
	snprintf(empty, sizeof empty, "%s/empty.db", dir);

	new_community(dir, first);
	second_machine(first, second);
	refused(first, third, 1);

	/* An empty file (never set up) gets the same screen. */
	f = fopen(empty, "w");
	HCHECK(NULL, f != NULL, "cannot make %s", empty);
	fclose(f);
	refused(first, empty, 0);

	/* Chinese: the first-start line and the menu. */
	h = start(third, "LANG=zh_CN.UTF-8");
	HWAIT(h, "处还没有数据库", 5000);
	HWAIT(h, "新建社区", 1000);
	harness_key(h, "Esc"); /* cancelling the menu quits */
	quit(h);
	harness_free(&h);
	HCHECK(NULL, access(third, F_OK) != 0, "%s exists after quitting", third);

	harness_rmdir(dir);
	free(dir);
	return 0;
}
