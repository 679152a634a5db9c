/* xlsxout: exports as .xlsx through libxlsxwriter (xlsxout.h). */
#include "core/xlsxout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

#define MAX_WIDTH 60 /* the widest a column is made, in character widths */

struct xlsxout {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *fmt_date;
	lxw_format *fmt[XLSXOUT_DATE + 1]; /* the number format of each numeric type */
	enum xlsxout_type *types;
	int *widths;
	char **titles; /* the header's cells, for messages */
	int cap, ncols; /* columns allocated; columns of the header */
	int col;	/* the next cell's column */
	long row;	/* the current row, 0 the header */
	struct strbuf cell;
	char **warnings;
	size_t nwarnings;
	int closed;
};

static lxw_format *number_format(lxw_workbook *wb, const char *code)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_num_format(f, code);
	return f;
}

/* Excel's sheet names: 31 characters at most, none of []:*?/\ . */
static void sheet_name(const char *want, char *out, size_t n)
{
	size_t o = 0;
	int chars = 0;

	for (const char *p = want; *p && chars < 31;) {
		uint32_t cp;
		size_t len = utf8_decode(p, &cp);

		if (o + len + 1 > n)
			break;
		if (strchr("[]:*?/\\", *p) && len == 1)
			out[o++] = '_';
		else {
			memcpy(out + o, p, len);
			o += len;
		}
		p += len;
		chars++;
	}
	out[o] = '\0';
	if (!o)
		snprintf(out, n, "Sheet1");
}

int xlsxout_open(struct xlsxout **out, const char *path, const char *sheet, struct err *e)
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	struct xlsxout *w = xcalloc(1, sizeof *w);
	char name[128];

	*out = NULL;
	w->wb = workbook_new_opt(path, &opt);
	if (!w->wb) {
		free(w);
		return err_set(e, _("cannot start the workbook %s"), path);
	}
	sheet_name(sheet, name, sizeof name);
	w->ws = workbook_add_worksheet(w->wb, name);
	if (!w->ws) {
		xlsxout_free(&w);
		return err_set(e, _("cannot start the workbook %s"), path);
	}
	w->bold = workbook_add_format(w->wb);
	format_set_bold(w->bold);
	w->fmt[XLSXOUT_INT] = number_format(w->wb, "0");
	w->fmt[XLSXOUT_TENTHS] = number_format(w->wb, "0.0");
	w->fmt[XLSXOUT_MONEY] = number_format(w->wb, "#,##0.00");
	w->fmt_date = number_format(w->wb, "yyyy-mm-dd");
	*out = w;
	return 0;
}

static void grow(struct xlsxout *w, int col)
{
	if (col < w->cap)
		return;
	int cap = (int)xgrow_cap((size_t)w->cap, (size_t)col + 1, 16);

	w->types = xrealloc(w->types, (size_t)cap * sizeof *w->types);
	w->widths = xrealloc(w->widths, (size_t)cap * sizeof *w->widths);
	w->titles = xrealloc(w->titles, (size_t)cap * sizeof *w->titles);
	for (int i = w->cap; i < cap; i++) {
		w->types[i] = XLSXOUT_TEXT;
		w->widths[i] = 0;
		w->titles[i] = NULL;
	}
	w->cap = cap;
}

void xlsxout_column(struct xlsxout *w, int col, enum xlsxout_type type)
{
	grow(w, col);
	w->types[col] = type;
}

/* The width of s in character widths: a CJK or other wide character 2. */
static int text_width(const char *s)
{
	int width = 0;

	while (*s) {
		uint32_t cp;

		s += utf8_decode(s, &cp);
		width += cp >= 0x1100 && (cp < 0x2000 || cp >= 0x2e80) ? 2 : 1;
		if (cp == '\n')
			width = 0; /* a multi-line note: its widest line counts */
	}
	return width;
}

static void add_warning(struct xlsxout *w, const char *msg)
{
	if (w->nwarnings < 100) {
		w->warnings = xrealloc(w->warnings, (w->nwarnings + 1) * sizeof *w->warnings);
		w->warnings[w->nwarnings] = xstrdup(msg);
	}
	w->nwarnings++;
}

/* The cell's text as a valid UTF-8 string (bad bytes as U+FFFD, warned). */
static const char *cell_text(struct xlsxout *w, const char *s, size_t n)
{
	size_t ok = utf8_valid_len(s, n);

	strbuf_reset(&w->cell);
	strbuf_add(&w->cell, "", 0);
	if (ok == n) {
		strbuf_add(&w->cell, s, n);
		return strbuf_str(&w->cell);
	}
	while (n > 0) {
		strbuf_add(&w->cell, s, ok);
		if (ok == n)
			break;
		strbuf_add(&w->cell, "\xEF\xBF\xBD", 3);
		s += ok + 1;
		n -= ok + 1;
		ok = utf8_valid_len(s, n);
	}
	char msg[256];

	if (w->row > 0 && w->titles[w->col])
		snprintf(msg, sizeof msg,
			 _("row %ld, column %s: a stored value is not valid UTF-8; its bad bytes "
			   "were written as U+FFFD"),
			 w->row + 1, w->titles[w->col]);
	else
		snprintf(msg, sizeof msg,
			 _("row %ld, column %d: a stored value is not valid UTF-8; its bad bytes "
			   "were written as U+FFFD"),
			 w->row + 1, w->col + 1);
	add_warning(w, msg);
	return strbuf_str(&w->cell);
}

static int write_number(struct xlsxout *w, const char *s, lxw_format *f)
{
	char *end;
	double v;

	if (!*s)
		return -1;
	v = strtod(s, &end);
	if (*end)
		return -1;
	worksheet_write_number(w->ws, (lxw_row_t)w->row, (lxw_col_t)w->col, v, f);
	return 0;
}

static int write_date(struct xlsxout *w, const char *s)
{
	struct date d;
	lxw_datetime dt = {0};

	if (strlen(s) != 10 || date_parse_iso(s, &d, NULL) < 0)
		return -1;
	dt.year = d.y;
	dt.month = d.m;
	dt.day = d.d;
	worksheet_write_datetime(w->ws, (lxw_row_t)w->row, (lxw_col_t)w->col, &dt, w->fmt_date);
	return 0;
}

void xlsxout_cell(struct xlsxout *w, const char *s, size_t n)
{
	const char *text;
	int rc = -1, width;

	grow(w, w->col);
	if (w->row == 0)
		w->ncols = w->col + 1;
	if (!s || !n) {
		w->col++;
		return;
	}
	text = cell_text(w, s, n);
	if (w->row == 0)
		w->titles[w->col] = xstrdup(text);
	if (w->row > 0 && w->types[w->col] == XLSXOUT_DATE)
		rc = write_date(w, text);
	else if (w->row > 0 && w->types[w->col] != XLSXOUT_TEXT)
		rc = write_number(w, text, w->fmt[w->types[w->col]]);
	if (rc < 0)
		worksheet_write_string(w->ws, (lxw_row_t)w->row, (lxw_col_t)w->col, text,
				       w->row == 0 ? w->bold : NULL);
	width = w->types[w->col] == XLSXOUT_MONEY ? text_width(text) + 2 : text_width(text);
	if (w->row == 0)
		width += 2; /* the autofilter's button */
	if (width > w->widths[w->col])
		w->widths[w->col] = width;
	w->col++;
}

int xlsxout_row_end(struct xlsxout *w, struct err *e)
{
	w->col = 0;
	if (++w->row >= XLSXOUT_MAX_ROWS)
		return err_set(e, _("more than %ld rows: a worksheet holds no more; export a "
				    "shorter period or as CSV"),
			       XLSXOUT_MAX_ROWS - 1);
	return 0;
}

int xlsxout_finish(struct xlsxout *w, struct err *e)
{
	lxw_error rc;

	for (int i = 0; i < w->ncols; i++) {
		double width = w->widths[i] + 1;

		if (width > MAX_WIDTH)
			width = MAX_WIDTH;
		if (width < 6)
			width = 6;
		worksheet_set_column(w->ws, (lxw_col_t)i, (lxw_col_t)i, width, NULL);
	}
	worksheet_freeze_panes(w->ws, 1, 0);
	if (w->ncols > 0)
		worksheet_autofilter(w->ws, 0, 0, (lxw_row_t)(w->row > 1 ? w->row - 1 : 1),
				     (lxw_col_t)(w->ncols - 1));
	rc = workbook_close(w->wb);
	w->closed = 1;
	w->wb = NULL;
	if (rc != LXW_NO_ERROR)
		return err_set(e, _("the workbook could not be written: %s"), lxw_strerror(rc));
	return 0;
}

size_t xlsxout_warning_count(const struct xlsxout *w)
{
	return w->nwarnings;
}

const char *xlsxout_warning(const struct xlsxout *w, size_t i)
{
	return i < w->nwarnings && i < 100 ? w->warnings[i] : NULL;
}

void xlsxout_free(struct xlsxout **pw)
{
	struct xlsxout *w = *pw;

	if (!w)
		return;
	if (w->wb && !w->closed)
		lxw_workbook_free(w->wb);
	xfree_strv(w->titles, (size_t)w->cap);
	free(w->types);
	free(w->widths);
	strbuf_free(&w->cell);
	xfree_strv(w->warnings, w->nwarnings < 100 ? w->nwarnings : 100);
	free(w);
	*pw = NULL;
}
