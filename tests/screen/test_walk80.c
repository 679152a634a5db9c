/* test_walk80: at 80x24, on a realistic community, every screen shows in
 * full its title, its counts, the keys of its hint line and the first two
 * columns of its list, in English and in zh_CN (issue 22).
 *
 * A demo of 2,000 households (so counts have four digits) gets a few long
 * values (a head's name, a donor, a checkpoint, a visitor, the community);
 * two programs run on it side by side, one at 80x24 and one at 160x24, and
 * get the same keys.  On each screen of the walk (every tab, their
 * views, forms, pickers and dialogs) the 80-column one fails when:
 * - a title or count row (those above the list's header, the underlined
 *   row; the first row when there is no list) shows text cut ("~" right
 *   after a character, as core/textwidth ends a cut value);
 * - a number of the wide screen's title rows is missing from its own;
 * - a key of the wide screen's hint line is missing from its own;
 * - a list row shows a cut in its first two columns (up to where the
 *   header's third label starts);
 * - the rows of totals or help over the hint line (as many as the step
 *   says) show a cut. */
#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "harness.h"

#define WIDE 160

struct step {
	const char *where;
	const char *keys[8]; /* "=text" types text, else a key name; NULL ends */
	const char *back[4]; /* what closes it again */
	int foot;	     /* rows of totals or help over the hint line */
};

static const struct step walk[] = {
    {"Today", {NULL}, {NULL}, 0},
    {"Households", {"=2", NULL}, {NULL}, 0},
    {"Households filter", {"=/", NULL}, {"Esc", NULL}, 0},
    {"import", {"=i", NULL}, {"Esc", "Esc", NULL}, 0},
    {"household form", {"=n", NULL}, {"Esc", NULL}, 0},
    {"household history", {"=h", NULL}, {"Esc", NULL}, 0},
    {"household detail", {"Enter", NULL}, {NULL}, 0},
    {"resident form", {"=e", NULL}, {"Esc", NULL}, 0},
    {"detail visits", {"=v", NULL}, {NULL}, 0},
    {"detail isolations", {"=v", NULL}, {"=v", "Esc", NULL}, 0},
    {"help", {"=?", NULL}, {"Esc", NULL}, 0},
    {"Settings", {"F2", NULL}, {"Esc", NULL}, 0},
    {"staff picker", {"F3", NULL}, {"Esc", NULL}, 0},
    {"Rounds", {"=3", NULL}, {NULL}, 1},
    {"Rounds date", {"=d", NULL}, {"Esc", NULL}, 0},
    {"Rounds find", {"=/", NULL}, {"Esc", NULL}, 0},
    {"grid picker", {"=g", NULL}, {"Esc", NULL}, 0},
    {"Isolation", {"Tab", NULL}, {NULL}, 0},
    {"isolation check", {"=c", NULL}, {"Esc", NULL}, 0},
    {"isolation extend", {"=e", NULL}, {"Esc", NULL}, 0},
    {"isolation history", {"=h", NULL}, {"Esc", NULL}, 0},
    {"returnees", {"=b", NULL}, {NULL}, 0},
    {"returnee form", {"Enter", NULL}, {"Esc", "Esc", NULL}, 0},
    {"new isolation", {"=n", NULL}, {"Esc", "Esc", NULL}, 0},
    {"Donations", {"Tab", NULL}, {NULL}, 4},
    {"donation form", {"=n", NULL}, {"Esc", NULL}, 0},
    {"receipt", {"Enter", NULL}, {"Esc", NULL}, 0},
    {"stock view", {"=v", NULL}, {NULL}, 0},
    {"given out view", {"=v", NULL}, {NULL}, 0},
    {"spent view", {"=v", NULL}, {"=v", NULL}, 0},
    {"Sheets", {"=6", NULL}, {NULL}, 0},
    {"sheet picker", {"Enter", NULL}, {"Esc", NULL}, 0},
    {"Export", {"=7", NULL}, {NULL}, 0},
    {"export form", {"Enter", NULL}, {"Esc", NULL}, 0},
    {"Checkpoints", {"=8", NULL}, {NULL}, 0},
    {"checkpoint form", {"=c", NULL}, {"Esc", NULL}, 0},
    {"visitors", {"=n", NULL}, {NULL}, 0},
    {"visitor form", {"=n", NULL}, {"Esc", "Esc", NULL}, 0},
    {"roster view", {"=v", NULL}, {NULL}, 0},
    {"shift form", {"=n", NULL}, {"Esc", NULL}, 0},
    {"passes view", {"=v", NULL}, {NULL}, 0},
    {"pass form", {"=n", NULL}, {"Esc", NULL}, 0},
    {NULL, {NULL}, {NULL}, 0},
};

static int failures;

static void fail(const char *lang, const char *where, const char *fmt, const char *what)
{
	fprintf(stderr, "FAIL [%s] %s: ", lang, where);
	fprintf(stderr, fmt, what);
	fputc('\n', stderr);
	failures++;
}

static void keys(struct harness *const hs[2], const char *const *names)
{
	for (; *names; names++)
		for (int i = 0; i < 2; i++) {
			if (**names == '=')
				harness_type(hs[i], *names + 1);
			else
				harness_key(hs[i], *names);
			harness_settle(hs[i], 100, 2000);
		}
}

/* The display column where the first cut in line starts, counting only
 * columns [from, to), or -1.  A cut is a "~" right after a character, or
 * after a space that follows a wide character (the half column left when
 * a wide one did not fit) unless "（" comes next; "~" the home folder
 * otherwise follows a space or "(" or comes before "/".  A "~" in the
 * last column is a cut, whatever comes before. */
static int screen_cols;

static int cut_at(const char *line, int from, int to)
{
	mbstate_t st = {0};
	const char *p = line;
	wchar_t prev2 = L' ', prev = L' ', wc;
	int col = 0;

	while (*p) {
		size_t n = mbrtowc(&wc, p, strlen(p), &st);

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			break;
		if (wc == L'~' && col >= from && col < to && p[1] != '/' &&
		    (col == screen_cols - 1 || (prev != L' ' && prev != L'(' && prev != L'（') ||
		     (prev == L' ' && wcwidth(prev2) == 2 && strncmp(p + 1, "（", 3))))
			return col;
		col += wcwidth(wc) > 0 ? wcwidth(wc) : 0;
		prev2 = prev;
		prev = wc;
		p += n;
	}
	return -1;
}

/* The display column of at, a place in line. */
static int col_of(const char *line, const char *at)
{
	mbstate_t st = {0};
	wchar_t wc;
	int col = 0;

	for (const char *p = line; p < at;) {
		size_t n = mbrtowc(&wc, p, strlen(p), &st);

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			break;
		col += wcwidth(wc) > 0 ? wcwidth(wc) : 0;
		p += n;
	}
	return col;
}

/* The display column where the third label of a header row starts, or
 * the row's width when it has fewer.  Labels are separated by spaces; a
 * word after a single space that starts with a small letter or a digit
 * goes on the label before ("ID number", "Mon 10"). */
static int third_label(const char *line)
{
	mbstate_t st = {0};
	const char *p = line;
	wchar_t wc, prev = L' ', prev2 = L' ';
	int col = 0, labels = 0;

	while (*p) {
		size_t n = mbrtowc(&wc, p, strlen(p), &st);

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			break;
		if (wc != L' ' && prev == L' ' &&
		    !(labels && prev2 != L' ' && (iswlower(wc) || iswdigit(wc))) && ++labels == 3)
			return col;
		col += wcwidth(wc) > 0 ? wcwidth(wc) : 0;
		prev2 = prev;
		prev = wc;
		p += n;
	}
	return col;
}

/* The list's header row (underlined from its first column), or 0. */
static int header_row(struct harness *h)
{
	int rows, cols;

	harness_size(h, &rows, &cols);
	for (int r = 1; r < rows - 1; r++) {
		struct harness_cell c;

		if (!harness_cell(h, r, 0, &c) && c.underline && !c.reverse)
			return r;
	}
	return 0;
}

/* Rows 1 .. last of h joined with newlines (malloc'd). */
static char *rows_text(struct harness *h, int last)
{
	size_t len = 0;
	char *all = calloc(1, 1);

	for (int r = 1; r <= last; r++) {
		char *line = harness_row_text(h, r);
		size_t n = strlen(line);

		all = realloc(all, len + n + 2);
		memcpy(all + len, line, n);
		len += n;
		all[len++] = '\n';
		all[len] = 0;
		free(line);
	}
	return all;
}

/* The numbers of text (runs of digits, "," and "." between digits), each
 * followed by a space, into out. */
static void numbers(const char *text, char *out, size_t size)
{
	size_t used = 0;

	out[0] = 0;
	for (const char *p = text; *p;) {
		size_t n = 0;

		if (!isdigit((unsigned char)*p) || (p > text && isalnum((unsigned char)p[-1]))) {
			p++;
			continue;
		}
		while (isdigit((unsigned char)p[n]) ||
		       ((p[n] == ',' || p[n] == '.') && isdigit((unsigned char)p[n + 1])))
			n++;
		if (!isalpha((unsigned char)p[n]) && used + n + 2 < size) {
			memcpy(out + used, p, n);
			used += n;
			out[used++] = ' ';
			out[used] = 0;
		}
		p += n;
	}
}

/* Each number of the wide screen's title rows is in the narrow one's, as
 * many times. */
static void check_numbers(const char *lang, const char *where, const char *wide, const char *narrow)
{
	char w[2048], nb[2048 + 1] = " ";

	numbers(wide, w, sizeof w);
	numbers(narrow, nb + 1, sizeof nb - 1);
	for (const char *p = w; *p;) {
		char tok[40] = " ";
		size_t n = strcspn(p, " ");
		char *at;

		if (n + 3 < sizeof tok) {
			memcpy(tok + 1, p, n);
			tok[n + 1] = ' ';
			tok[n + 2] = 0;
			at = strstr(nb, tok);
			if (!at)
				fail(lang, where, "the count%sof the title rows is missing", tok);
			else
				memset(at + 1, '#', n); /* used: counted once */
		}
		p += n + (p[n] == ' ');
	}
}

/* The keys of h's hint line (its bold runs), each followed by a space,
 * into buf. */
static void hint_keys(struct harness *h, char *buf, size_t size)
{
	int rows, cols, col = 0, in_key = 0;
	char *line;
	const char *p;
	mbstate_t st = {0};
	size_t used = 0;

	harness_size(h, &rows, &cols);
	line = harness_row_text(h, rows - 1);
	buf[0] = 0;
	for (p = line; *p;) {
		struct harness_cell c;
		wchar_t wc;
		size_t n = mbrtowc(&wc, p, strlen(p), &st);
		int bold;

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			break;
		bold = !harness_cell(h, rows - 1, col, &c) && c.bold && wc != L' ';
		if (in_key && !bold && used + 1 < size)
			buf[used++] = ' ';
		if (bold && used + n + 1 < size) {
			memcpy(buf + used, p, n);
			used += n;
		}
		in_key = bold;
		col += wcwidth(wc) > 0 ? wcwidth(wc) : 0;
		p += n;
	}
	if (in_key && used + 1 < size)
		buf[used++] = ' ';
	buf[used] = 0;
	free(line);
}

/* Each key of the wide hint line is on the narrow one. */
static void check_hints(const char *lang, const char *where, struct harness *narrow_h,
			struct harness *wide_h)
{
	char wide[512], narrow[512 + 1] = " ";

	hint_keys(wide_h, wide, sizeof wide);
	hint_keys(narrow_h, narrow + 1, sizeof narrow - 1);
	for (const char *p = wide; *p;) {
		char key[64] = " ";
		size_t n = strcspn(p, " ");

		if (n + 3 < sizeof key) {
			memcpy(key + 1, p, n);
			key[n + 1] = ' ';
			key[n + 2] = 0;
			if (!strstr(narrow, key))
				fail(lang, where, "the hint key \"%s\" is missing", key + 1);
		}
		p += n + (p[n] == ' ');
	}
}

/* The row of a framed box's top edge ("+-- title ---+"), or 0. */
static int box_row(struct harness *h)
{
	int rows, cols;

	harness_size(h, &rows, &cols);
	for (int r = 1; r < rows - 1; r++) {
		char *line = harness_row_text(h, r);
		int box = strstr(line, "+-") && strstr(line, "-+");

		free(line);
		if (box)
			return r;
	}
	return 0;
}

static void check(struct harness *const hs[2], const char *lang, const char *where, int foot)
{
	struct harness *h = hs[0];
	int rows, cols, hdr, hdr_w, title_last;
	char *line, *wide, *narrow;

	for (int i = 0; i < 2; i++)
		harness_settle(hs[i], 150, 3000);
	harness_size(h, &rows, &cols);
	screen_cols = cols;
	check_hints(lang, where, h, hs[1]);
	/* a form or dialog over the screen: its title (on the frame) */
	if (box_row(h)) {
		line = harness_row_text(h, box_row(h));
		if (cut_at(line, col_of(line, strstr(line, "+-")),
			   col_of(line, strstr(line, "-+"))) >= 0)
			fail(lang, where, "title cut: %s", line);
		free(line);
		return;
	}
	hdr = header_row(h);
	hdr_w = header_row(hs[1]);
	title_last = hdr ? hdr - 1 : 1;
	for (int r = 1; r <= title_last; r++) {
		line = harness_row_text(h, r);
		if (cut_at(line, 0, cols) >= 0)
			fail(lang, where, "title or count row cut: %s", line);
		free(line);
	}
	wide = rows_text(hs[1], hdr_w ? hdr_w - 1 : 1);
	narrow = rows_text(h, hdr ? hdr - 1 : 3);
	check_numbers(lang, where, wide, narrow);
	free(wide);
	free(narrow);
	for (int r = rows - 1 - foot; r < rows - 1; r++) {
		line = harness_row_text(h, r);
		if (cut_at(line, 0, cols) >= 0)
			fail(lang, where, "totals or help cut: %s", line);
		free(line);
	}
	if (!hdr)
		return;
	line = harness_row_text(h, hdr);
	int two = third_label(line);

	free(line);
	for (int r = hdr + 1; r < rows - 1; r++) {
		line = harness_row_text(h, r);
		if (cut_at(line, 0, two) >= 0)
			fail(lang, where, "first two columns cut: %s", line);
		free(line);
	}
}

/* Long values where the first screens show them. */
static const char long_values[] =
    "UPDATE settings SET community = '幸福里社区第一居民委员会';"
    "UPDATE residents SET name = '欧阳建国东方明' WHERE id = (SELECT head.id FROM"
    " residents head JOIN households hh ON hh.id = head.household_id"
    " ORDER BY hh.code, head.id LIMIT 1);"
    "UPDATE donations SET donor_name = '北京市朝阳区幸福里爱心人士联谊会'"
    " WHERE id = (SELECT max(id) FROM donations);"
    "UPDATE checkpoints SET name = '幸福里社区东门一号临时检查卡点' WHERE id = 1;"
    "UPDATE visitors SET name = '快递员欧阳小明' WHERE id = (SELECT max(id) FROM visitors);";

int main(void)
{
	const char *env_init[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", NULL};
	char *dir = harness_tmpdir(), db[512], *out = NULL, *s;
	const char *demo[] = {"--db",	db,  "demo", "--households", "2000", "--days", "20",
			      "--seed", "3", NULL};
	const char *env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", "LANG=C.UTF-8", "NO_COLOR=1",
			     NULL};
	const char *args[] = {"--db", db, "--staff", "王芳", NULL};

	setlocale(LC_ALL, "C.UTF-8");
	snprintf(db, sizeof db, "%s/walk80.db", dir);
	HCHECK(NULL, harness_run(env_init, demo, &out, 30000) == 0, "demo failed: %s", out);
	free(out);
	s = harness_sql(db, long_values);
	HCHECK(NULL, s != NULL, "long values");
	free(s);
	for (int zh = 0; zh < 2; zh++) {
		const char *lang = zh ? "zh_CN" : "en";
		struct harness_opts o = {.rows = 24, .cols = 80, .env = env, .args = args};
		struct harness *hs[2];

		env[1] = zh ? "LANG=zh_CN.UTF-8" : "LANG=C.UTF-8";
		hs[0] = harness_start(&o);
		o.cols = WIDE;
		hs[1] = harness_start(&o);
		HCHECK(NULL, hs[0] && hs[1], "harness_start failed");
		for (int i = 0; i < 2; i++)
			HWAIT(hs[i], zh ? "今日" : "Today", 5000);
		for (const struct step *w = walk; w->where; w++) {
			keys(hs, w->keys);
			check(hs, lang, w->where, w->foot);
			keys(hs, w->back);
		}
		for (int i = 0; i < 2; i++)
			harness_free(&hs[i]);
	}
	harness_rmdir(dir);
	free(dir);
	HCHECK(NULL, failures == 0, "%d screens cut at 80x24 (listed above)", failures);
	return 0;
}
