/* test_import_tui: importing a roster from the Households tab with the keys
 * alone.  A good file (UTF-8 with BOM and CRLF, as Excel writes it) shows
 * its column mapping and the counts of a dry run, imports after the
 * confirmation, and its households appear in the list; the same file again
 * has nothing to import.  A file with bad rows shows every error line,
 * scrolls to the last one, refuses to import, and the database keeps what
 * it had. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"

static char *db;

/* Opens the import form from the list and submits path. */
static void open_file(struct harness *h, const char *path)
{
	harness_type(h, "i");
	HWAIT(h, "Import a roster (CSV, .xlsx, .xls)", 3000);
	harness_type(h, path);
	harness_key(h, "Enter"); /* to the sheet field */
	harness_key(h, "Enter"); /* the last field: submit */
	HWAIT(h, "Import roster:", 5000);
}

/* Waits (up to 5 s, no key pressed) for the search queue to be empty. */
static void wait_filed(struct harness *h)
{
	for (int i = 0; i < 100; i++) {
		char *n = harness_sql(db, "SELECT count(*) FROM search_dirty");
		int done = n && !strcmp(n, "0");

		free(n);
		if (done)
			return;
		usleep(50000);
	}
	HSQL_IS(h, db, "SELECT count(*) FROM search_dirty", "0");
}

int main(void)
{
	char *dir, buf[600], cwd[PATH_MAX], good[PATH_MAX + 64], bad[PATH_MAX + 64];
	char edge[PATH_MAX + 64];
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args, .cols = 100}; /* the hint line offers import whole */
	struct harness *h;

	HCHECK(NULL, getcwd(cwd, sizeof cwd) != NULL, "getcwd");
	snprintf(good, sizeof good, "%s/tests/fixtures/roster/excel_utf8_bom_crlf.csv", cwd);
	snprintf(bad, sizeof bad, "%s/tests/fixtures/roster/bad_rows.csv", cwd);
	snprintf(edge, sizeof edge, "%s/tests/fixtures/workbooks/edge.xlsx", cwd);
	db = harness_new_db(&dir);
	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HCHECK(h, h != NULL, "cannot start");
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2");
	HWAIT(h, "No household yet", 3000);
	HWAIT(h, "import", 3000); /* the hint line offers it */

	/* A good file: mapping, counts, confirm, the list. */
	open_file(h, good);
	HWAIT(h, "Households: 3 new, 0 updated, 0 unchanged", 3000);
	HWAIT(h, "Residents: 5 new, 0 updated, 0 unchanged", 3000);
	HWAIT(h, "户号 -> household code", 3000);
	HWAIT(h, "身份证号 -> ID number", 3000);
	HWAIT(h, "序号 -> ", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM residents", "0"); /* a dry run so far */
	harness_key(h, "Enter");
	HWAIT(h, "Import 5 rows (5 new residents, 0 updated)?", 3000);
	harness_type(h, "y");
	HWAIT(h, "Imported: households 3 new, 0 updated; residents 5 new, 0 updated", 5000);
	HGONE(h, "Import roster:", 3000);
	HWAIT(h, "3-2-501", 3000);
	HWAIT(h, "12-1-101", 3000);
	HWAIT(h, "Households: 3", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM residents", "5");
	/* The import left its households queued for the search index; the
	 * TUI files them while no key comes. */
	wait_filed(h);
	/* The filter finds an imported resident. */
	harness_type(h, "/");
	harness_type(h, "zxm");
	HWAIT(h, "Filter: zxm", 3000);
	HWAIT(h, "3-2-501", 3000);
	HGONE(h, "12-1-101", 3000);
	harness_key(h, "Esc");
	HWAIT(h, "12-1-101", 3000);

	/* The same file again: nothing to do. */
	open_file(h, good);
	HWAIT(h, "Residents: 0 new, 0 updated, 5 unchanged", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "Nothing to import", 3000);
	harness_key(h, "Esc");
	HGONE(h, "Import roster:", 3000);

	/* A file with bad rows: every error line, nothing imported. */
	open_file(h, bad);
	HWAIT(h, "14 problem(s): nothing can be imported", 3000);
	HWAIT(h, "Problems (14 errors", 3000);
	HWAIT(h, "2: 身份证号: check digit", 3000);
	harness_key(h, "End");
	HWAIT(h, "16: 姓名: 寅 is already on line 15", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "The file has 14 problem(s)", 3000);
	HCHECK(h, !harness_has_text(h, "Import 15 rows"), "a bad file asked to be imported");
	harness_key(h, "Esc");
	HGONE(h, "Import roster:", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM residents", "5");
	HSQL_IS(h, db, "SELECT count(*) FROM households WHERE code LIKE '1-1-1%'", "0");

	/* A missing file stays in the form with the reason. */
	harness_type(h, "i");
	HWAIT(h, "Import a roster (CSV, .xlsx, .xls)", 3000);
	harness_type(h, "/nonexistent/roster.csv");
	harness_key(h, "F10");
	HWAIT(h, "cannot read /nonexistent/roster.csv", 3000);
	harness_key(h, "Esc");
	HWAIT(h, "Discard what was typed", 3000);
	harness_type(h, "y");
	HGONE(h, "Import a roster", 3000);

	/* A workbook: the sheet typed in the form, cells named SHEET!CELL, the
	 * workbook's sheets listed. */
	harness_type(h, "i");
	HWAIT(h, "Import a roster (CSV, .xlsx, .xls)", 3000);
	harness_type(h, edge);
	harness_key(h, "Tab");
	harness_type(h, "名单");
	harness_key(h, "Enter");
	HWAIT(h, "Import roster:", 5000);
	HWAIT(h, "Sheet 名单, 2 rows, 1 households", 3000);
	HWAIT(h, "Sheets of the workbook: 填表说明, 名单", 3000);
	HWAIT(h, "名单!F2: warning: 已核实: unknown column", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "Import 2 rows (2 new residents, 0 updated)?", 3000);
	harness_type(h, "y");
	HWAIT(h, "Imported: households 1 new, 0 updated; residents 2 new, 0 updated", 5000);
	HSQL_IS(h, db, "SELECT birth_date FROM residents WHERE id_number = '110101199003074514'", "1990-03-07");

	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	printf("ok\n");
	return 0;
}
