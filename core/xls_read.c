/* xls_read: .xls workbooks through FreeXL (xls_read.h). */
#include "core/xls_read.h"

#include <freexl.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/wbcell.h"
#include "core/xalloc.h"

static int open_xls(const char *path, const void **h, struct err *e)
{
	unsigned int info = 0;
	int rc = freexl_open(path, h);

	if (rc != FREEXL_OK) {
		if (*h)
			freexl_close(*h);
		*h = NULL;
		return err_set(e, _("not an Excel 97-2003 workbook that can be read (FreeXL error "
				    "%d): a WPS .et file or a damaged one? Save it as .xlsx"),
			       rc);
	}
	if (freexl_get_info(*h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
	    info == FREEXL_BIFF_OBFUSCATED) {
		freexl_close(*h);
		*h = NULL;
		return err_set(e, _("the workbook is protected by a password: save a copy "
				    "without one"));
	}
	return 0;
}

int xls_sheet_names(const char *path, char ***names, int *n, struct err *e)
{
	const void *h = NULL;
	unsigned int count = 0;

	if (open_xls(path, &h, e) < 0)
		return -1;
	if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || !count) {
		freexl_close(h);
		return err_set(e, _("the workbook has no sheets"));
	}
	*names = xcalloc(count, sizeof **names);
	for (unsigned i = 0; i < count; i++) {
		const char *name = NULL;

		if (freexl_get_worksheet_name(h, (unsigned short)i, &name) != FREEXL_OK || !name)
			name = "";
		(*names)[i] = xstrdup(name);
	}
	*n = (int)count;
	freexl_close(h);
	return 0;
}

/* The text and kind of one cell; 0 when empty. */
static int cell_text(const FreeXL_CellValue *v, char *buf, size_t n, const char **text)
{
	switch (v->type) {
	case FREEXL_CELL_INT:
		snprintf(buf, n, "%d", v->value.int_value);
		*text = buf;
		return CELL_NUMBER;
	case FREEXL_CELL_DOUBLE:
		*text = buf;
		return wbcell_number(v->value.double_value, buf, n);
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
		*text = v->value.text_value ? v->value.text_value : "";
		return CELL_TEXT;
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
		/* YYYY-MM-DD, maybe with a time: the date is what a roster reads. */
		snprintf(buf, n, "%.10s", v->value.text_value ? v->value.text_value : "");
		*text = buf;
		return CELL_DATE;
	case FREEXL_CELL_TIME:
		*text = v->value.text_value ? v->value.text_value : "";
		return CELL_TEXT;
	default:
		*text = "";
		return CELL_TEXT;
	}
}

int xls_read_sheet(const char *path, int index, csvread_fn fn, void *ctx, struct err *e)
{
	const void *h = NULL;
	unsigned int rows = 0;
	unsigned short cols = 0;
	struct wbrows *w;
	int rc = 0;

	if (open_xls(path, &h, e) < 0)
		return -1;
	if (freexl_select_active_worksheet(h, (unsigned short)index) != FREEXL_OK ||
	    freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK) {
		freexl_close(h);
		return err_set(e, _("the workbook is damaged: sheet %d cannot be read"), index + 1);
	}
	w = wbrows_new(fn, ctx);
	for (unsigned r = 0; r < rows && !rc; r++) {
		for (unsigned short c = 0; c < cols; c++) {
			FreeXL_CellValue v;
			char buf[64];
			const char *text;
			int kind;

			if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
				continue;
			kind = cell_text(&v, buf, sizeof buf, &text);
			if (*text)
				wbrows_cell(w, c, text, strlen(text), kind);
		}
		rc = wbrows_end_row(w, (long)r + 1) ? 1 : 0;
	}
	wbrows_free(&w);
	freexl_close(h);
	return rc;
}
