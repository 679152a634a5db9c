/* Tests of core/sheet_pdf: the CJK font is found, the file is a PDF with the
 * pages the pagination promised, written 0600 under its final name only when
 * complete, and a failure leaves nothing behind. */
#include <dirent.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/sheet.h"
#include "core/sheet_pdf.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/doorstep-pdf-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char *cmd;

	(void)state;
	if (asprintf(&cmd, "rm -rf '%s'", dir) < 0)
		return -1;
	(void)!system(cmd);
	free(cmd);
	return 0;
}

static int files_in(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int n = 0;

	while (d && (de = readdir(d)) != NULL)
		n += de->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static struct sheet *rounds(int n)
{
	struct sheet *s = sheet_new("走访登记表", SHEET_PORTRAIT);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_FORM);

	sheet_header_add(s, "社区", "幸福里社区");
	sheet_note_set(s, "体温达到 37.3℃ 即为发热");
	sheet_column_add(t, "户号", 10, SHEET_LEFT);
	sheet_column_add(t, "居民", 8, SHEET_LEFT);
	sheet_column_add(t, "体温", 8, SHEET_CENTER);
	for (int i = 0; i < n; i++) {
		sheet_row_add(t, 0);
		sheet_cellf(t, "%d-1-101", i + 1);
		sheet_cell(t, "张三\n欧阳娜娜");
		sheet_cell_boxes(t, 2);
	}
	return s;
}

static void test_font(void **state)
{
	char family[128] = "";
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sheet_pdf_font(family, sizeof family, &e), 0);
	assert_non_null(strstr(family, "CJK")); /* fonts-noto-cjk is a build dependency */
}

static void test_write(void **state)
{
	struct sheet *s = rounds(100);
	char path[128], head[5] = "";
	struct stat st;
	struct err e;
	FILE *f;
	int pages = 0;

	(void)state;
	err_clear(&e);
	snprintf(path, sizeof path, "%s/rounds.pdf", dir);
	assert_int_equal(sheet_pdf_write(s, path, &pages, &e), 0);
	assert_int_equal(pages, 7); /* 16 two-line rows a page */
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(files_in(dir), 1); /* no temporary left */
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(head, 1, 4, f), 4);
	fclose(f);
	assert_string_equal(head, "%PDF");

	/* an empty sheet is one page, not zero */
	sheet_free(&s);
	s = rounds(0);
	assert_int_equal(sheet_pdf_write(s, path, &pages, &e), 0);
	assert_int_equal(pages, 1);
	sheet_free(&s);
}

static void test_write_fails_cleanly(void **state)
{
	struct sheet *s = rounds(3);
	char path[128];
	struct err e;

	(void)state;
	err_clear(&e);
	snprintf(path, sizeof path, "%s/no/such/folder/x.pdf", dir);
	assert_int_equal(sheet_pdf_write(s, path, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "cannot write"));
	assert_non_null(strstr(e.msg, path));
	sheet_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_font),
	    cmocka_unit_test(test_write),
	    cmocka_unit_test(test_write_fails_cleanly),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
