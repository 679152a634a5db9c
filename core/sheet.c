/* sheet: the sheet model and its pagination; see sheet.h. */
#include "core/sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		for (int c = 0; c < t->ncols; c++)
			free(t->rows[r].cells[c].text);
		free(t->rows[r].cells);
	}
	for (int c = 0; c < t->ncols; c++)
		free(t->cols[c].title);
	free(t->rows);
	free(t->cols);
	free(t->caption);
	free(t->empty);
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

void sheet_table_empty_set(struct sheet_table *t, const char *text)
{
	free(t->empty);
	t->empty = xstrdup(text ? text : "");
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

	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->rows = xrealloc(t->rows, (size_t)t->cap * sizeof *t->rows);
	}
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

static int count_lines(const char *s)
{
	int n = 1;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void fill(struct sheet_table *t, char *text, int boxes)
{
	struct sheet_cell *c = next_cell(t);
	struct sheet_row *r = &t->rows[t->nrows - 1];
	int lines;

	if (!c) {
		free(text);
		return;
	}
	c->text = text;
	c->boxes = boxes;
	lines = count_lines(text);
	if (boxes > lines)
		lines = boxes;
	if (lines > r->lines)
		r->lines = lines;
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

double sheet_row_height(const struct sheet_table *t, const struct sheet_row *r,
			const struct sheet_geometry *g)
{
	double line = t->flags & SHEET_TABLE_FORM ? g->line_form : g->line_list;

	return (r ? r->lines : 1) * line;
}

static void emit(struct sheet_pages *p, int *cap, int page, int table, int first, int count,
		 int caption)
{
	if (p->nslices == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		p->slices = xrealloc(p->slices, (size_t)*cap * sizeof *p->slices);
	}
	p->slices[p->nslices++] = (struct sheet_slice){page, table, first, count, caption};
}

void sheet_paginate(const struct sheet *s, const struct sheet_geometry *g, struct sheet_pages *out)
{
	double avail = g->page_h - 2 * g->margin - g->header_h - g->footer_h;
	double y = 0;
	int page = 0, cap = 0;

	memset(out, 0, sizeof *out);
	for (int ti = 0; ti < s->ntables; ti++) {
		const struct sheet_table *t = s->tables[ti];
		double head = t->flags & SHEET_TABLE_NOHEAD ? 0 : g->colhead_h;
		double cap_h = t->caption ? g->caption_h : 0;
		int r = 0, first = 1;

		if (t->nrows == 0) {
			double need = cap_h + head + sheet_row_height(t, NULL, g);

			if (y > 0 && y + need > avail) {
				page++;
				y = 0;
			}
			emit(out, &cap, page, ti, 0, 0, t->caption != NULL);
			y += need + g->table_gap;
			continue;
		}
		while (r < t->nrows) {
			double hdr = (first ? cap_h : 0) + head;
			int start = r;

			if (y > 0 && y + hdr + sheet_row_height(t, &t->rows[r], g) > avail) {
				page++;
				y = 0;
			}
			y += hdr;
			while (r < t->nrows) {
				double h = sheet_row_height(t, &t->rows[r], g);

				if (r > start && y + h > avail)
					break;
				y += h;
				r++;
			}
			emit(out, &cap, page, ti, start, r - start, first && t->caption);
			first = 0;
			if (r < t->nrows) {
				page++;
				y = 0;
			}
		}
		y += g->table_gap;
	}
	out->npages = page + 1;
}

void sheet_pages_free(struct sheet_pages *p)
{
	free(p->slices);
	p->slices = NULL;
	p->nslices = p->npages = 0;
}
