/* test_zh_walk: every screen under zh_CN at 80x24 is Chinese (issue 22).
 *
 * The walk opens each tab, its forms, pickers, views and dialogs, and on
 * each screen fails on an ASCII word of three or more letters that is not
 * a key name (Tab, Esc, Enter, PgUp, PgDn, Bksp, Home, End, Space, Del, the
 * arrows), a
 * format name (PDF, CSV, UTF, BOM, xlsx, Excel, WPS) or the program's own
 * name: such a word is English a translation left out; a path the user
 * typed or the system gave (the database's, the other machine's file) is
 * not the program's text and is left out of the check.  It also fails on
 * text cut at 80 columns (a "~" ending a word below the tab bar).  Besides
 * the tabs, it walks the merge report (Settings, "Merge another machine's
 * file") and the first start on a path with no database, its forms too. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harness.h"

static const char *const allowed[] = {
    "Tab", "Esc",   "Enter", "PgUp",  "PgDn",  "Bksp",	   "Home", "End", "Space",
    "Del", "Shift", "Down",  "Left",  "Right", "Ins",	   "PDF",  "CSV", "UTF",
    "BOM", "xlsx",  "xls",   "Excel", "WPS",   "doorstep", NULL,
};

static int is_allowed(const char *w, size_t n)
{
	for (int i = 0; allowed[i]; i++)
		if (strlen(allowed[i]) == n && !strncasecmp(allowed[i], w, n))
			return 1;
	return 0;
}

/* Paths the user typed or the system gave, shown as they are: blanked
 * before the check (NULL-terminated; set by main). */
static const char *given[4];

static void blank_given(char *text)
{
	for (int i = 0; given[i]; i++) {
		size_t n = strlen(given[i]);

		for (char *p = strstr(text, given[i]); p; p = strstr(p + n, given[i]))
			memset(p, ' ', n);
	}
}

/* Fails when the screen shows an English word; where names the screen. */
static void scan(struct harness *h, const char *where, int zh)
{
	char *text, bad[600] = "";
	size_t used = 0;

	harness_settle(h, 150, 3000);
	text = harness_screen_text(h);
	blank_given(text);
	for (const char *p = text; *p;) {
		const char *q = p;

		while (*q && isalpha((unsigned char)*q) && !((unsigned char)*q & 0x80))
			q++;
		if (q - p >= 3 && (p == text || !isalnum((unsigned char)p[-1])) &&
		    !isdigit((unsigned char)*q) && !is_allowed(p, (size_t)(q - p)) &&
		    used + (size_t)(q - p) + 2 < sizeof bad)
			used += (size_t)snprintf(bad + used, sizeof bad - used, "%.*s ",
						 (int)(q - p), p);
		p = q > p ? q : p + 1;
	}
	free(text);
	HCHECK(h, !zh || !used, "English on the %s screen: %s", where, bad);
	/* 80x24: nothing cut below the tab bar (core/textwidth ends a cut value
	 * in "~" right after its last character; "~", the home folder, follows
	 * a space, "(" or "（") */
	{
		int rows, cols;

		harness_size(h, &rows, &cols);
		for (int r = 1; r < rows; r++) {
			char *line = harness_row_text(h, r);
			const char *cut = strchr(line, '~');

			while (cut &&
			       (cut == line || cut[-1] == ' ' || cut[-1] == '(' || cut[1] == '/' ||
				(cut - line >= 3 && !strncmp(cut - 3, "（", 3))))
				cut = strchr(cut + 1, '~');
			if (cut)
				HCHECK(h, 0, "cut on the %s screen, row %d: %s", where, r, line);
			free(line);
		}
	}
}

static void keys(struct harness *h, const char *const *names)
{
	for (; *names; names++) {
		if (**names == '=')
			harness_type(h, *names + 1);
		else
			harness_key(h, *names);
		harness_settle(h, 100, 2000);
	}
}

struct step {
	const char *where;
	const char *keys[12]; /* "=text" types text, else a key name; NULL ends */
	const char *back[4];  /* what closes it again */
	const char *want;     /* text the screen must show, or NULL */
};

static const struct step walk[] = {
    {"Today", {NULL}, {NULL}, NULL},
    {"follow-up form", {"Enter", NULL}, {"Esc", NULL}, "发热送诊随访"},
    {"returnee form from Today", {"Down", "Enter", NULL}, {"Esc", NULL}, NULL},
    {"help", {"=?", NULL}, {"Esc", NULL}, NULL},
    {"Settings", {"F2", NULL}, {"Esc", NULL}, NULL},
    {"staff picker", {"F3", NULL}, {"Esc", NULL}, NULL},
    {"Households", {"=2", NULL}, {NULL}, NULL},
    {"Households filter", {"=/", NULL}, {"Esc", NULL}, NULL},
    {"import", {"=i", NULL}, {"Esc", "Esc", NULL}, NULL},
    {"household form", {"=n", NULL}, {"Esc", NULL}, NULL},
    {"household history", {"=h", NULL}, {"Esc", NULL}, NULL},
    {"household detail", {"Enter", NULL}, {NULL}, NULL},
    {"resident form", {"=e", NULL}, {"Esc", NULL}, NULL},
    {"detail visits", {"=v", NULL}, {NULL}, NULL},
    {"detail isolations", {"=v", NULL}, {"=v", NULL}, NULL},
    {"a saved edit",
     {"=e", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "=wc", "F10", NULL},
     {NULL},
     NULL},
    {"history of changes", {"=h", NULL}, {NULL}, "状态: 在住 -> 外出"},
    {"a change in the history", {"Enter", NULL}, {"Esc", "Esc", "Esc", NULL}, "修改 (居民)"},
    {"Rounds", {"=3", NULL}, {NULL}, NULL},
    {"Rounds date", {"=d", NULL}, {"Esc", NULL}, NULL},
    {"Rounds find", {"=/", NULL}, {"Esc", NULL}, NULL},
    {"grid picker", {"=g", NULL}, {"Esc", NULL}, NULL},
    {"Rounds entry", {"=3", NULL}, {"Esc", NULL}, NULL},
    {"Isolation", {"Tab", NULL}, {NULL}, NULL},
    {"isolation check", {"=c", NULL}, {"Esc", NULL}, "登记健康监测"},
    {"isolation extend", {"=e", NULL}, {"Esc", NULL}, "延长隔离"},
    {"isolation end", {"=x", NULL}, {"Esc", NULL}, "结束隔离"},
    {"returnees", {"=b", NULL}, {NULL}, "张小明"},
    {"returnee form", {"Enter", NULL}, {"Esc", "Esc", NULL}, NULL},
    {"new isolation", {"=n", NULL}, {"Esc", "Esc", NULL}, NULL},
    {"Donations", {"Tab", NULL}, {NULL}, NULL},
    {"donation form", {"=n", NULL}, {"Esc", NULL}, NULL},
    {"stock view", {"=v", NULL}, {NULL}, NULL},
    {"given out view", {"=v", NULL}, {NULL}, NULL},
    {"spent view", {"=v", NULL}, {"=v", NULL}, NULL},
    {"Sheets", {"=6", NULL}, {NULL}, NULL},
    {"sheet picker", {"Enter", NULL}, {"Esc", NULL}, NULL},
    {"Export", {"=7", NULL}, {NULL}, NULL},
    {"export form", {"Enter", NULL}, {"Esc", NULL}, NULL},
    {"Checkpoints", {"=8", NULL}, {NULL}, "东门"},
    {"gate temperature", {"=t", NULL}, {"Esc", NULL}, NULL},
    {"checkpoint form", {"=c", NULL}, {"Esc", NULL}, NULL},
    {"visitors", {"=n", NULL}, {NULL}, NULL},
    {"visitor form", {"=n", NULL}, {"Esc", "Esc", NULL}, NULL},
    {"roster view", {"=v", NULL}, {NULL}, NULL},
    {"shift form", {"=n", NULL}, {"Esc", NULL}, NULL},
    {"passes view", {"=v", NULL}, {NULL}, NULL},
    {"pass form", {"=n", NULL}, {"Esc", NULL}, NULL},
    {"gate again", {"=v", NULL}, {NULL}, NULL},
    {NULL, {NULL}, {NULL}, NULL},
};

/* The merge report of the other machine's file, from the Settings form
 * (its last field). */
static void walk_merge(struct harness *h, const char *other, int zh)
{
	harness_key(h, "F2");
	HWAIT(h, zh ? "合并另一台电脑的文件" : "Merge another machine's file", 3000);
	for (int i = 0; i < 30; i++)
		harness_key(h, "Down");
	harness_type(h, other);
	harness_key(h, "F10");
	HWAIT(h, zh ? "住户" : "households", 5000);
	scan(h, "merge report", zh);
	harness_key(h, "Esc");
	harness_settle(h, 100, 2000);
}

/* Esc on a form, saying yes to discarding what was typed if asked; back
 * on the first start's menu. */
static void close_form(struct harness *h, int zh)
{
	harness_key(h, "Esc");
	harness_settle(h, 150, 2000);
	if (harness_has_text(h, zh ? "放弃此表单" : "Discard what was typed")) {
		harness_type(h, "y");
		harness_settle(h, 150, 2000);
	}
	HWAIT(h, zh ? "如何开始？" : "How do you want to begin?", 3000);
}

/* The first start on fresh, a path with no database: the menu, the form
 * of a new community and that of a second machine (its file typed), then
 * Quit from the menu; nothing is created. */
static void walk_first_start(const char *fresh, const char *other, int zh)
{
	const char *env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00",
			     zh ? "LANG=zh_CN.UTF-8" : "LANG=C.UTF-8", "NO_COLOR=1", NULL};
	const char *args[] = {"--db", fresh, NULL};
	struct harness_opts o = {.env = env, .args = args};
	struct harness *h = harness_start(&o);
	int st;

	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, fresh, 5000);
	scan(h, "first start", zh);
	harness_type(h, "1");
	harness_settle(h, 150, 2000);
	scan(h, "first start: a new community", zh);
	close_form(h, zh);
	harness_type(h, "2");
	harness_settle(h, 150, 2000);
	harness_type(h, other);
	harness_settle(h, 150, 2000);
	scan(h, "first start: a second machine", zh);
	close_form(h, zh);
	harness_type(h, "3");
	HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit from the first start");
	harness_free(&h);
}

int main(void)
{
	static const char *const init_env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", NULL};
	char *dir = harness_tmpdir(), db[512], other[600], fresh[600], *out = NULL, *s;
	const char *init[] = {"--db", db, "init", "--community", "幸福里社区", NULL};
	const char *from[] = {"--db", other, "init", "--from", db, "--station", "B", NULL};
	const char *env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", "LANG=zh_CN.UTF-8", "NO_COLOR=1",
			     NULL};
	const char *args[] = {"--db", db, "--staff", "王芳", NULL};
	struct harness_opts o = {.env = env, .args = args};
	struct harness *h;
	int st;

	snprintf(db, sizeof db, "%s/walk.db", dir);
	HCHECK(NULL, harness_run(init_env, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	s = harness_sql(db, ".read tests/screen/fixtures/round.sql");
	HCHECK(NULL, s != NULL, "fixture");
	free(s);
	/* a checkpoint, a returnee from a key area and an open follow-up, so that
	 * the gate, the returnee and the follow-up forms open */
	s = harness_sql(db, "INSERT INTO checkpoints(uuid, created_at, updated_at, name) VALUES"
			    " ('c-1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '东门');"
			    " UPDATE residents SET returned_from = '湖北武汉',"
			    " return_date = '2020-02-12' WHERE id = 3;"
			    " INSERT INTO followups(uuid, created_at, updated_at, resident_id,"
			    " opened_at, source, temperature) VALUES ('f-1', '2020-02-15 08:00:00',"
			    " '2020-02-15 08:00:00', 4, '2020-02-15 08:00:00', 'round', 385);");
	HCHECK(NULL, s != NULL, "walk data");
	free(s);
	/* another machine's file to merge: a copy of this one, station B */
	snprintf(other, sizeof other, "%s/other.db", dir);
	snprintf(fresh, sizeof fresh, "%s/new/duty.db", dir);
	HCHECK(NULL, harness_run(init_env, from, &out, 10000) == 0, "init --from failed: %s", out);
	free(out);
	given[0] = other;
	given[1] = fresh;
	given[2] = dir;
	/* zh_CN, then the same walk in English for what 80 columns cut */
	for (int zh = 1; zh >= 0; zh--) {
		env[1] = zh ? "LANG=zh_CN.UTF-8" : "LANG=C.UTF-8";
		h = harness_start(&o);
		HCHECK(NULL, h != NULL, "harness_start failed");
		HWAIT(h, zh ? "今日" : "Today", 5000);
		for (const struct step *w = walk; w->where; w++) {
			keys(h, w->keys);
			if (w->want && zh)
				HWAIT(h, w->want, 3000);
			scan(h, w->where, zh);
			keys(h, w->back);
		}
		walk_merge(h, other, zh);
		harness_send(h, "q", 1);
		harness_settle(h, 200, 2000);
		if (harness_running(h))
			harness_send(h, "y", 1);
		HCHECK(h, harness_wait_exit(h, 3000, &st), "did not quit");
		harness_free(&h);
		walk_first_start(fresh, other, zh);
	}
	harness_rmdir(dir);
	free(dir);
	return 0;
}
