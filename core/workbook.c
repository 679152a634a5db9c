/* workbook: telling spreadsheet files apart and reading their sheets
 * (workbook.h).  No library of its own: what needs libzip, expat or FreeXL
 * is in core/xlsx_read.c and core/xls_read.c (the formats plugin). */
#include "core/workbook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "core/xls_read.h"
#include "core/xlsx_read.h"

static const char formats_read[] = "CSV (UTF-8 or GB18030), .xlsx, .xls";

int workbook_sniff(const char *path, struct err *e)
{
	static const unsigned char zip_magic[4] = {'P', 'K', 3, 4};
	static const unsigned char ole_magic[8] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1};
	unsigned char head[8];
	size_t n;
	FILE *f;

	if (!strcmp(path, "-"))
		return WORKBOOK_NONE; /* standard input: CSV text */
	f = fopen(path, "rb");
	if (!f)
		return err_set(e, _("cannot read %s: %m"), path);
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	if (n >= 4 && !memcmp(head, zip_magic, 4))
		return xlsx_zip_check(path, formats_read, e) < 0 ? -1 : WORKBOOK_XLSX;
	if (n == 8 && !memcmp(head, ole_magic, 8))
		return WORKBOOK_XLS;
	return WORKBOOK_NONE;
}

int workbook_sheet_names(const char *path, int fmt, char ***names, int *n, struct err *e)
{
	*names = NULL;
	*n = 0;
	if (fmt == WORKBOOK_XLSX)
		return xlsx_sheet_names(path, names, n, e);
	if (fmt == WORKBOOK_XLS)
		return xls_sheet_names(path, names, n, e);
	return err_set(e, _("not a workbook"));
}

void workbook_names_free(char **names, int n)
{
	xfree_strv(names, (size_t)n);
}

int workbook_read(const char *path, int fmt, const char *sheet, csvread_fn fn, void *ctx,
		  char **used, struct err *e)
{
	char **names;
	int n, index = 0, rc;

	*used = NULL;
	if (workbook_sheet_names(path, fmt, &names, &n, e) < 0)
		return -1;
	if (sheet) {
		for (index = 0; index < n && strcmp(names[index], sheet); index++)
			;
		if (index == n) {
			struct strbuf list = STRBUF_INIT;

			for (int i = 0; i < n; i++)
				strbuf_printf(&list, "%s\"%s\"", i ? ", " : "", names[i]);
			err_set(e, _("the workbook has no sheet \"%s\"; its sheets: %s"), sheet,
				strbuf_str(&list));
			strbuf_free(&list);
			workbook_names_free(names, n);
			return -1;
		}
	}
	*used = xstrdup(names[index]);
	workbook_names_free(names, n);
	rc = fmt == WORKBOOK_XLSX ? xlsx_read_sheet(path, index, fn, ctx, e)
				  : xls_read_sheet(path, index, fn, ctx, e);
	if (rc < 0) {
		free(*used);
		*used = NULL;
	}
	return rc;
}
