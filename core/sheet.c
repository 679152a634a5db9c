/* sheet: the sheet model and its pagination; see sheet.h. */
#include "core/sheet.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/textwidth.h"
#include "core/utf8.h"
#include "core/xalloc.h"

#define MM (72.0 / 25.4)

struct sheet *sheet_new(const char *title, enum sheet_orientation orientation)
{
	struct sheet *s = xcalloc(1, sizeof *s);

	s->title = xstrdup(title ? title : "");
	s->orientation = orientation;
	sheet_signatures_set(s, "填表人", "审核人", (char *)NULL);
	return s;
}

static void table_free(struct sheet_table *t)
{
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			free(t->rows[r].cells[c].text);
			free(t->rows[r].cells[c].barcode);
		}
		free(t->rows[r].cells);
	}
	for (int c = 0; c < t->ncols; c++)
		free(t->cols[c].title);
	free(t->rows);
	free(t->cols);
	free(t->caption);
	free(t->empty);
	free(t->chart_ref_label);
	free(t);
}

static void signatures_clear(struct sheet *s)
{
	for (int i = 0; i < s->nsignatures; i++)
		free(s->signatures[i]);
	free(s->signatures);
	s->signatures = NULL;
	s->nsignatures = 0;
}

void sheet_free(struct sheet **sp)
{
	struct sheet *s = sp ? *sp : NULL;

	if (!s)
		return;
	for (int i = 0; i < s->nfields; i++) {
		free(s->fields[i].label);
		free(s->fields[i].value);
	}
	free(s->fields);
	for (int i = 0; i < s->ntables; i++)
		table_free(s->tables[i]);
	free(s->tables);
	signatures_clear(s);
	free(s->note);
	free(s->title);
	free(s);
	*sp = NULL;
}

void sheet_header_add(struct sheet *s, const char *label, const char *value)
{
	s->fields = xrealloc(s->fields, (size_t)(s->nfields + 1) * sizeof *s->fields);
	s->fields[s->nfields].label = xstrdup(label ? label : "");
	s->fields[s->nfields].value = xstrdup(value && *value ? value : "—");
	s->nfields++;
}

void sheet_note_set(struct sheet *s, const char *note)
{
	free(s->note);
	s->note = note && *note ? xstrdup(note) : NULL;
}

void sheet_signatures_set(struct sheet *s, ...)
{
	va_list ap;
	const char *label;

	signatures_clear(s);
	va_start(ap, s);
	while ((label = va_arg(ap, const char *)) != NULL) {
		s->signatures =
		    xrealloc(s->signatures, (size_t)(s->nsignatures + 1) * sizeof *s->signatures);
		s->signatures[s->nsignatures++] = xstrdup(label);
	}
	va_end(ap);
}

struct sheet_table *sheet_table_add(struct sheet *s, const char *caption, int flags)
{
	struct sheet_table *t = xcalloc(1, sizeof *t);

	t->caption = caption && *caption ? xstrdup(caption) : NULL;
	t->flags = flags;
	t->empty = xstrdup("（无）");
	s->tables = xrealloc(s->tables, (size_t)(s->ntables + 1) * sizeof *s->tables);
	s->tables[s->ntables++] = t;
	return t;
}

void sheet_table_chart(struct sheet_table *t, double h, double ref, const char *ref_label)
{
	t->flags |= SHEET_TABLE_CHART;
	t->chart_h = h;
	t->chart_ref = ref;
	free(t->chart_ref_label);
	t->chart_ref_label = ref_label ? xstrdup(ref_label) : NULL;
}

void sheet_table_empty_set(struct sheet_table *t, const char *text)
{
	free(t->empty);
	t->empty = xstrdup(text ? text : "");
}

void sheet_table_key_set(struct sheet_table *t, int col)
{
	t->key = col;
}

void sheet_column_add(struct sheet_table *t, const char *title, int width, enum sheet_align align)
{
	t->cols = xrealloc(t->cols, (size_t)(t->ncols + 1) * sizeof *t->cols);
	t->cols[t->ncols].title = xstrdup(title ? title : "");
	t->cols[t->ncols].width = width > 0 ? width : 1;
	t->cols[t->ncols].align = align;
	t->ncols++;
}

void sheet_row_add(struct sheet_table *t, int flags)
{
	struct sheet_row *r;

	XGROW(t->rows, t->cap, t->nrows + 1, 64);
	r = &t->rows[t->nrows++];
	r->cells = xcalloc((size_t)(t->ncols ? t->ncols : 1), sizeof *r->cells);
	r->lines = 1;
	r->flags = flags;
}

/* The next unfilled cell of the current row, or NULL when the row is full
 * (extra cells are dropped: a programming error that must not crash a print). */
static struct sheet_cell *next_cell(struct sheet_table *t)
{
	struct sheet_row *r;

	if (!t->nrows)
		sheet_row_add(t, 0);
	r = &t->rows[t->nrows - 1];
	for (int c = 0; c < t->ncols; c++)
		if (!r->cells[c].text)
			return &r->cells[c];
	return NULL;
}

/* Where a line of text that must be cut within its first n bytes is best
 * cut: after the last space or CJK punctuation in its second half, so that
 * "宏达物业 有限公司" breaks at the space; else at n. */
static size_t break_at(const char *s, size_t n)
{
	static const char *const after[] = {" ", "，", "、", "；", "：", "·", "）", "/", NULL};
	size_t best = 0;

	for (size_t i = n / 2; i < n; i++)
		for (int k = 0; after[k]; k++)
			if (!strncmp(s + i, after[k], strlen(after[k])) &&
			    i + strlen(after[k]) <= n && i + strlen(after[k]) > best)
				best = i + strlen(after[k]);
	return best ? best : n;
}

void sheet_wrap(const char *text, int cols, struct strbuf *out)
{
	const char *s = text ? text : "";

	if (cols < 2)
		cols = 2;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		char *line = xstrndup(s, len);
		const char *p = line;

		/* a line is cut only where it no longer fits, never inside a character */
		while (textwidth_utf8(p) > cols) {
			size_t n = textwidth_cut(p, cols, NULL);

			if (n == 0) { /* one character wider than the column: it stands alone */
				uint32_t cp;

				n = utf8_decode(p, &cp);
			}
			n = break_at(p, n);
			{
				size_t keep = n;

				while (keep > 1 && p[keep - 1] == ' ')
					keep--;
				strbuf_add(out, p, keep);
			}
			strbuf_putc(out, '\n');
			p += n;
			while (*p == ' ')
				p++;
		}
		strbuf_puts(out, p);
		free(line);
		if (!nl)
			break;
		strbuf_putc(out, '\n');
		s = nl + 1;
	}
}

int sheet_text_lines(const char *text, int cols)
{
	struct strbuf b = STRBUF_INIT;
	int n = 1;

	sheet_wrap(text, cols, &b);
	for (const char *p = strbuf_str(&b); *p; p++)
		n += *p == '\n';
	strbuf_free(&b);
	return n;
}

/* Fills the next cell; returns it, or NULL when the row was full. */
static struct sheet_cell *fill(struct sheet_table *t, char *text, int boxes)
{
	struct sheet_cell *c = next_cell(t);
	struct sheet_row *r = &t->rows[t->nrows - 1];
	int lines;

	if (!c) {
		free(text);
		return NULL;
	}
	c->text = text;
	c->boxes = boxes;
	lines = sheet_text_lines(text, t->cols[c - r->cells].width);
	if (boxes > lines)
		lines = boxes;
	if (lines > r->lines)
		r->lines = lines;
	return c;
}

void sheet_cell(struct sheet_table *t, const char *text)
{
	fill(t, xstrdup(text ? text : ""), 0);
}

void sheet_cellf(struct sheet_table *t, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	fill(t, n < 0 ? xstrdup("") : s, 0);
}

void sheet_cell_barcode(struct sheet_table *t, const char *data, const char *text)
{
	struct sheet_cell *c = fill(t, xstrdup(text ? text : ""), 0);
	struct sheet_row *r = &t->rows[t->nrows - 1];
	int lines;

	if (!c)
		return;
	c->barcode = xstrdup(data ? data : "");
	lines = SHEET_BARCODE_LINES + sheet_text_lines(c->text, t->cols[c - r->cells].width);
	if (lines > r->lines)
		r->lines = lines;
}

void sheet_cell_boxes(struct sheet_table *t, int n)
{
	fill(t, xstrdup(""), n > 0 ? n : 1);
}

void sheet_geometry_get(enum sheet_orientation o, struct sheet_geometry *g)
{
	double w = 210 * MM, h = 297 * MM;

	g->page_w = o == SHEET_LANDSCAPE ? h : w;
	g->page_h = o == SHEET_LANDSCAPE ? w : h;
	g->margin = 12 * MM;
	g->header_h = 50;
	g->caption_h = 20;
	g->colhead_h = 20;
	g->line_form = 20; /* about 7 mm: room for a handwritten 36.5 */
	g->line_list = 15;
	g->footer_h = 48;
	g->table_gap = 8;
}

void sheet_geometry_of(const struct sheet *s, struct sheet_geometry *g)
{
	sheet_geometry_get(s->orientation, g);
	if (!s->dense)
		return;
	g->caption_h = 16;
	g->colhead_h = 15;
	g->line_list = 12.5; /* the 9-point text still has room */
	g->table_gap = 5;
}

double sheet_row_height(const struct sheet_table *t, const struct sheet_row *r,
			const struct sheet_geometry *g)
{
	double line = t->flags & SHEET_TABLE_FORM ? g->line_form : g->line_list;

	return (r ? r->lines : 1) * line;
}

static void emit(struct sheet_pages *p, int *cap, const struct sheet_slice *sl)
{
	XGROW(p->slices, *cap, p->nslices + 1, 16);
	p->slices[p->nslices++] = *sl;
}

/* The pagination's state: the page being filled and how far down it is. */
struct pager {
	const struct sheet_geometry *g;
	struct sheet_pages *out;
	double avail, y;
	int page, cap;
};

static void new_page(struct pager *pg)
{
	pg->page++;
	pg->y = 0;
}

/* Lays out one table with rows, splitting a row at a line boundary only
 * when it is taller than a whole page (or than the room left, when at
 * least two lines of it fit there). */
static void paginate_rows(struct pager *pg, int ti, const struct sheet_table *t)
{
	const struct sheet_geometry *g = pg->g;
	double line = t->flags & SHEET_TABLE_FORM ? g->line_form : g->line_list;
	double head = t->flags & SHEET_TABLE_NOHEAD ? 0 : g->colhead_h;
	double cap_h = t->caption ? g->caption_h : 0;
	int r = 0, line0 = 0, first = 1;

	while (r < t->nrows) {
		struct sheet_slice sl = {pg->page, ti, r, 0, first && t->caption, line0, 0};
		double hdr = (first ? cap_h : 0) + head;
		double need = (t->rows[r].lines - line0) * line;

		if (pg->y > 0 && pg->y + hdr + need > pg->avail &&
		    (hdr + need <= pg->avail || pg->y + hdr + 2 * line > pg->avail)) {
			new_page(pg);
			sl.page = pg->page;
		}
		pg->y += hdr;
		while (r < t->nrows) {
			int left = t->rows[r].lines - (r == sl.first ? line0 : 0);
			int room = (int)((pg->avail - pg->y) / line + 1e-9);

			if (left * line <= pg->avail - pg->y + 1e-9) {
				pg->y += left * line;
				sl.count++;
				r++;
				line0 = 0;
				continue;
			}
			/* a row that would fit a fresh page waits for it */
			if (sl.count > 0 && left * line <= pg->avail - head)
				break;
			if (room < 1 && sl.count == 0)
				room = 1; /* never an empty slice: the page would repeat forever */
			if (room < 1 || (sl.count > 0 && room < 2))
				break;
			sl.count++;
			sl.line1 = (r == sl.first ? line0 : 0) + room;
			line0 = sl.line1;
			pg->y += room * line;
			break;
		}
		emit(pg->out, &pg->cap, &sl);
		first = 0;
		if (r < t->nrows)
			new_page(pg);
	}
	pg->y += g->table_gap;
}

void sheet_paginate(const struct sheet *s, const struct sheet_geometry *g, struct sheet_pages *out)
{
	struct pager pg = {g, out, g->page_h - 2 * g->margin - g->header_h - g->footer_h, 0, 0, 0};

	memset(out, 0, sizeof *out);
	for (int ti = 0; ti < s->ntables; ti++) {
		const struct sheet_table *t = s->tables[ti];

		if (t->nrows == 0 || (t->flags & SHEET_TABLE_CHART)) {
			int chart = (t->flags & SHEET_TABLE_CHART) != 0;
			double need = (t->caption ? g->caption_h : 0) +
				      (chart ? t->chart_h
					     : (t->flags & SHEET_TABLE_NOHEAD ? 0 : g->colhead_h) +
						   sheet_row_height(t, NULL, g));
			/* a chart is one block, never split */
			struct sheet_slice sl = {0, ti, 0, chart ? t->nrows : 0, t->caption != NULL,
						 0, 0};

			if (pg.y > 0 && pg.y + need > pg.avail)
				new_page(&pg);
			sl.page = pg.page;
			emit(out, &pg.cap, &sl);
			pg.y += need + g->table_gap;
			continue;
		}
		paginate_rows(&pg, ti, t);
	}
	out->npages = pg.page + 1;
}

void sheet_pages_free(struct sheet_pages *p)
{
	free(p->slices);
	p->slices = NULL;
	p->nslices = p->npages = 0;
}
