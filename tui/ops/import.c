/* ops/import: reading a roster file (CSV or workbook) for `doorstep import
 * roster` and the Import tab; see import.h.  The import itself, one
 * transaction with its audit row, is db/roster's db_roster_apply. */
#include "tui/ops/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/roster.h"
#include "core/strbuf.h"
#include "core/workbook.h"
#include "core/xalloc.h"
#include "tui/paths.h"

static int read_file(const char *path, struct strbuf *b, struct err *e)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char chunk[65536];
	size_t n;
	int bad;

	if (!f)
		return err_set(e, _("cannot read %s: %m"), path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_add(b, chunk, n);
	bad = ferror(f);
	if (f != stdin)
		fclose(f);
	if (bad)
		return err_set(e, _("cannot read %s"), path);
	return 0;
}

/* Reads the rows of a workbook's sheet into r. */
static int read_workbook(const char *path, int fmt, const char *sheet, struct roster *r,
			 char **sheet_used, struct err *e)
{
	if (workbook_read(path, fmt, sheet, roster_feed, r, sheet_used, e) < 0) {
		err_prefix(e, "%s", path);
		return -1;
	}
	roster_finish(r);
	return 0;
}

int import_roster_read(const char *path, enum encoding want, const char *sheet,
		       struct roster **out, struct roster_headers **headers, enum encoding *found,
		       char **sheet_used, struct err *e)
{
	struct strbuf raw = STRBUF_INIT;
	char *text = NULL, *table;
	size_t len;
	struct date today;
	int rc = -1, fmt;

	*out = NULL;
	*headers = NULL;
	*sheet_used = NULL;
	table = xasprintf("%s/roster_headers.txt", paths_data_dir());
	if (roster_headers_load(table, headers, e) < 0)
		goto out;
	fmt = workbook_sniff(path, e);
	if (fmt < 0) {
		err_prefix(e, "%s", path);
		goto out;
	}
	clock_today(&today);
	if (fmt != WORKBOOK_NONE) {
		*out = roster_new(*headers, &today);
		if (read_workbook(path, fmt, sheet, *out, sheet_used, e) < 0) {
			roster_free(out);
			goto out;
		}
		*found = ENCODING_UTF8;
		rc = 0;
		goto out;
	}
	if (sheet) {
		err_set(e, _("--sheet is for workbooks (.xlsx, .xls); %s is a text file"), path);
		goto out;
	}
	if (read_file(path, &raw, e) < 0)
		goto out;
	if (encoding_to_utf8(strbuf_str(&raw), raw.len, want, &text, &len, found, e) < 0)
		goto out;
	strbuf_free(&raw);
	*out = roster_new(*headers, &today);
	roster_read(*out, text, len);
	rc = 0;
out:
	if (rc < 0)
		roster_headers_free(headers);
	free(text);
	free(table);
	strbuf_free(&raw);
	return rc;
}
