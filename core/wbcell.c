/* wbcell: spreadsheet cell values as text, and a sheet's rows (wbcell.h). */
#include "core/wbcell.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/xalloc.h"

int wbcell_number(double v, char *out, size_t n)
{
	if (isfinite(v) && v == floor(v) && fabs(v) < 1e15) {
		snprintf(out, n, "%.0f", v);
		return CELL_NUMBER;
	}
	if (isfinite(v) && v == floor(v) && fabs(v) < 1e21) {
		/* Excel shows such a number as 4.11202E+17; its digits past the
		 * 15th were never stored. */
		snprintf(out, n, "%.6G", v);
		return CELL_LOST_DIGITS;
	}
	snprintf(out, n, "%.15g", v);
	return CELL_NUMBER;
}

int wbcell_date(double serial, int date1904, char *out, size_t n)
{
	/* Day 1 of the 1900 system is 1900-01-01, and Excel counts a
	 * 1900-02-29 that never was (day 60): from day 61 on, day 0 is
	 * 1899-12-30.  The 1904 system counts from 1904-01-01 = day 0. */
	struct date base = {1899, 12, 31};
	long days;

	if (!isfinite(serial) || serial < 1 || serial > 2958465.999)
		return -1;
	days = (long)floor(serial);
	if (date1904) {
		base = (struct date){1904, 1, 1};
	} else if (days >= 61) {
		base = (struct date){1899, 12, 30};
	} else if (days == 60) {
		return -1; /* 1900-02-29: no such day */
	}
	struct date d = date_add(&base, days);
	if (n < DATE_STR)
		return -1;
	date_format(&d, out);
	return CELL_DATE;
}

int wbcell_builtin_is_date(int id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

int wbcell_format_is_date(const char *code)
{
	int ymd = 0, m = 0;

	for (const char *p = code; *p; p++) {
		switch (*p) {
		case '"': /* quoted text */
			p++;
			while (*p && *p != '"')
				p++;
			if (!*p)
				return ymd > 0;
			break;
		case '\\': /* an escaped character */
		case '_':  /* the width of a character */
		case '*':  /* fill with a character */
			if (p[1])
				p++;
			break;
		case '[': /* [Red], [$-804], [h] */
			while (*p && *p != ']')
				p++;
			if (!*p)
				return ymd > 0;
			break;
		case ';': /* only the first section decides */
			return ymd > 0;
		case 'y': case 'Y': case 'd': case 'D': case 'e':
			ymd++;
			break;
		case 'm': case 'M':
			m++;
			break;
		default:
			if (!strncmp(p, "年", 3) || !strncmp(p, "月", 3) || !strncmp(p, "日", 3)) {
				ymd++;
				p += 2;
			}
			break;
		}
	}
	return ymd > 0 || (m > 0 && ymd > 0);
}

void wbcell_column_name(int col, char *out, size_t n)
{
	char tmp[8];
	int i = 0;

	col++;
	while (col > 0 && i < (int)sizeof tmp) {
		tmp[i++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	size_t k = 0;
	while (i > 0 && k + 1 < n)
		out[k++] = tmp[--i];
	if (n)
		out[k] = '\0';
}

int wbcell_parse_ref(const char *ref, long *row)
{
	long col = 0, r = 0;
	const char *p = ref;
	int letters = 0;

	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
		col = col * 26 + ((*p | 0x20) - 'a' + 1);
		if (++letters > 3)
			return -1;
		p++;
	}
	if (!letters || col > WB_MAX_COLS)
		return -1;
	while (*p >= '0' && *p <= '9') {
		r = r * 10 + (*p - '0');
		if (r > WB_MAX_ROWS)
			return -1;
		p++;
	}
	if (*p)
		return -1;
	if (row)
		*row = r;
	return (int)(col - 1);
}

/* ---- rows ---- */

struct wbrows {
	csvread_fn fn;
	void *ctx;
	char **text;	     /* per column, NULL when empty */
	unsigned char *kind; /* per column */
	int cap;	     /* columns allocated */
	int n;		     /* columns in use */
};

struct wbrows *wbrows_new(csvread_fn fn, void *ctx)
{
	struct wbrows *w = xcalloc(1, sizeof *w);

	w->fn = fn;
	w->ctx = ctx;
	return w;
}

static void clear_row(struct wbrows *w)
{
	for (int i = 0; i < w->n; i++) {
		free(w->text[i]);
		w->text[i] = NULL;
		w->kind[i] = CELL_TEXT;
	}
	w->n = 0;
}

void wbrows_free(struct wbrows **pw)
{
	struct wbrows *w = *pw;

	if (!w)
		return;
	clear_row(w);
	free(w->text);
	free(w->kind);
	free(w);
	*pw = NULL;
}

int wbrows_cell(struct wbrows *w, int col, const char *text, size_t len, int kind)
{
	if (col < 0 || col >= WB_MAX_COLS)
		return -1;
	if (col >= w->cap) {
		int cap = (int)xgrow_cap((size_t)w->cap, (size_t)col + 1, 16);

		w->text = xrealloc(w->text, (size_t)cap * sizeof *w->text);
		w->kind = xrealloc(w->kind, (size_t)cap);
		for (int i = w->cap; i < cap; i++) {
			w->text[i] = NULL;
			w->kind[i] = CELL_TEXT;
		}
		w->cap = cap;
	}
	free(w->text[col]);
	w->text[col] = len ? xstrndup(text, len) : NULL;
	w->kind[col] = (unsigned char)kind;
	if (col >= w->n)
		w->n = col + 1;
	return 0;
}

int wbrows_end_row(struct wbrows *w, long row)
{
	static char empty[] = "";
	struct csvread_row r;
	int n = w->n, rc = 0;

	while (n > 0 && !w->text[n - 1])
		n--;
	if (n > 0) {
		char **fields = xmalloc((size_t)n * sizeof *fields);

		for (int i = 0; i < n; i++)
			fields[i] = w->text[i] ? w->text[i] : empty;
		r.line = row;
		r.n = n;
		r.fields = fields;
		r.kinds = w->kind;
		rc = w->fn(&r, w->ctx);
		free(fields);
	}
	clear_row(w);
	return rc;
}
