/* ops/import: reading a roster file for `doorstep import roster` and the
 * Import tab; see import.h.  The import itself, one transaction with its
 * audit row, is db/roster's db_roster_apply. */
#include "tui/ops/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/roster.h"
#include "core/strbuf.h"
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

int import_roster_read(const char *path, enum encoding want, struct roster **out,
		       struct roster_headers **headers, enum encoding *found, struct err *e)
{
	struct strbuf raw = STRBUF_INIT;
	char *text = NULL, *table;
	size_t len;
	struct date today;
	int rc = -1;

	*out = NULL;
	*headers = NULL;
	table = xasprintf("%s/roster_headers.txt", paths_data_dir());
	if (roster_headers_load(table, headers, e) < 0)
		goto out;
	if (read_file(path, &raw, e) < 0)
		goto out;
	if (encoding_to_utf8(strbuf_str(&raw), raw.len, want, &text, &len, found, e) < 0)
		goto out;
	strbuf_free(&raw);
	clock_today(&today);
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
