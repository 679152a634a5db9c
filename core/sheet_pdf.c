/* sheet_pdf: A4 PDF sheets with pango-cairo; see sheet_pdf.h. */
#include "core/sheet_pdf.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomicfile.h"
#include "core/barcode.h"
#include "core/sheet_chart.h"
#include "core/sheet_glyphs.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/textsafe.h"
#include "core/xalloc.h"

#define PREFERRED_FONT "Noto Sans CJK SC"
#define PAD	       3.0 /* inner padding of a cell, points */
#define RULE	       0.6 /* line width of the rules */

static int has_chinese(PangoFont *f)
{
	/* 中 and 表: any font with both has the common Han characters. */
	return f && pango_font_has_char(f, 0x4e2d) && pango_font_has_char(f, 0x8868);
}

static int family_ok(PangoFontMap *fm, PangoContext *ctx, const char *family)
{
	PangoFontDescription *d = pango_font_description_new();
	PangoFont *f;
	int ok = 0;

	pango_font_description_set_family(d, family);
	pango_font_description_set_size(d, 10 * PANGO_SCALE);
	f = pango_font_map_load_font(fm, ctx, d);
	if (f) {
		PangoFontDescription *got = pango_font_describe(f);
		const char *name = pango_font_description_get_family(got);

		/* fontconfig substitutes a missing family: only the family itself counts */
		ok = name && !strcasecmp(name, family) && has_chinese(f);
		pango_font_description_free(got);
		g_object_unref(f);
	}
	pango_font_description_free(d);
	return ok;
}

/* The font search of sheet_pdf_font on a given font map. */
static int find_font(PangoFontMap *fm, char *family, size_t n, struct err *e)
{
	PangoContext *ctx = pango_font_map_create_context(fm);
	PangoFontFamily **fams = NULL;
	const char *found = NULL;
	int nfams = 0, r = -1;

	if (family_ok(fm, ctx, PREFERRED_FONT)) {
		found = PREFERRED_FONT;
	} else {
		pango_font_map_list_families(fm, &fams, &nfams);
		/* a sans face reads better in small table cells: try those first */
		for (int pass = 0; pass < 2 && !found; pass++) {
			for (int i = 0; i < nfams && !found; i++) {
				const char *name = pango_font_family_get_name(fams[i]);
				int sans = strstr(name, "Sans") || strstr(name, "Hei") ||
					   strstr(name, "Gothic");

				if (pango_font_family_is_monospace(fams[i]) || (pass == 0 && !sans))
					continue;
				if (family_ok(fm, ctx, name))
					found = name;
			}
		}
	}
	if (found) {
		if (family && n)
			snprintf(family, n, "%s", found);
		r = 0;
	} else {
		err_set(e, _("no font with Chinese characters is installed: the sheets need one "
			     "(install the Debian package fonts-noto-cjk: apt-get install "
			     "fonts-noto-cjk)"));
	}
	g_free(fams);
	g_object_unref(ctx);
	return r;
}

/* A font map of our own for each use, released afterwards, rather than
 * pango's process-wide default that lives until exit (and that a leak
 * checker reports). */
int sheet_pdf_font(char *family, size_t n, struct err *e)
{
	PangoFontMap *fm = pango_cairo_font_map_new();
	int r = find_font(fm, family, n, e);

	g_object_unref(fm);
	return r;
}

struct box {
	double x, y, w, h;
};

struct pdf {
	cairo_t *cr;
	PangoLayout *layout; /* texts with a line break, and the charts */
	struct sheet_glyphs *glyphs;
	int face;	 /* of the texts drawn next (sheet_glyphs_face) */
	struct box *box; /* the current slice's boxes to fill by hand */
	int nbox, capbox;
	const struct sheet *s;
	struct sheet_geometry g;
	char family[128];
	double x0, content_w;
	double *colx; /* scratch: column edges of the current table */
	int ncolx;
	struct err *e; /* the first barcode that could not be made, if any */
	int failed;
	struct strbuf *warn; /* texts with characters no font has, or NULL */
	const char *row_key; /* the row being drawn, named in a warning */
};

static void set_font(struct pdf *p, double size, int bold)
{
	p->face = sheet_glyphs_face(p->glyphs, p->family, size, bold);
}

/* Draws the queued texts: before what may be painted over them. */
static void ink(struct pdf *p)
{
	sheet_glyphs_flush(p->glyphs, p->cr);
}

/* Draws text (len bytes, -1 for all) in the box x,y,w,h, vertically
 * centred; text wider than w (w > 0) is condensed to fit, never cut. */
static void text_in(struct pdf *p, const char *text, int len, double x, double y, double w,
		    double h, enum sheet_align align)
{
	const struct sheet_shaped *shaped;
	int tw, th, unknown;
	struct strbuf safe = STRBUF_INIT;
	double nat, dx = 0, k = 1;

	if (len == 0 || !*text)
		return;
	/* the text layer keeps what is drawn: no control character for a
	 * pdftotext to replay */
	strbuf_add(&safe, "", 0);
	textsafe_filter(&safe, text, len < 0 ? strlen(text) : (size_t)len, TEXTSAFE_KEEP_NEWLINE,
			0);
	shaped = sheet_glyphs_shape(p->glyphs, p->face, safe.s, safe.len);
	if (shaped) {
		tw = shaped->width;
		th = shaped->height;
		unknown = shaped->unknown;
	} else {
		pango_layout_set_font_description(p->layout, sheet_glyphs_desc(p->glyphs, p->face));
		pango_layout_set_text(p->layout, safe.s, (int)safe.len);
		pango_layout_set_width(p->layout, -1);
		pango_layout_get_size(p->layout, &tw, &th);
		unknown = pango_layout_get_unknown_glyphs_count(p->layout);
	}
	/* no installed font has a character: pango draws a box with its code */
	if (p->warn && unknown > 0)
		strbuf_printf(p->warn, "%s%s\"%s\"\n", p->row_key ? p->row_key : "",
			      p->row_key ? ": " : "", safe.s);
	strbuf_free(&safe);
	nat = (double)tw / PANGO_SCALE;
	if (w > 0 && nat > w)
		k = w / nat;
	else if (w > 0 && align == SHEET_RIGHT)
		dx = w - nat;
	else if (w > 0 && align == SHEET_CENTER)
		dx = (w - nat) / 2;
	if (shaped && k == 1 && !unknown) {
		sheet_glyphs_queue(p->glyphs, p->cr, shaped, x + dx,
				   y + (h - (double)th / PANGO_SCALE) / 2);
		return;
	}
	ink(p); /* the texts keep their order in the PDF */
	cairo_save(p->cr);
	cairo_translate(p->cr, x + dx, y + (h - (double)th / PANGO_SCALE) / 2);
	cairo_scale(p->cr, k, 1);
	cairo_move_to(p->cr, 0, 0);
	if (shaped)
		sheet_glyphs_show(p->cr, shaped);
	else
		pango_cairo_show_layout(p->cr, p->layout);
	cairo_restore(p->cr);
}

static void hline(struct pdf *p, double x1, double x2, double y)
{
	cairo_move_to(p->cr, x1, y);
	cairo_line_to(p->cr, x2, y);
}

static void column_edges(struct pdf *p, const struct sheet_table *t)
{
	int total = 0, acc = 0;

	if (p->ncolx < t->ncols + 1) {
		p->colx = xrealloc(p->colx, (size_t)(t->ncols + 1) * sizeof *p->colx);
		p->ncolx = t->ncols + 1;
	}
	for (int c = 0; c < t->ncols; c++)
		total += t->cols[c].width;
	for (int c = 0; c <= t->ncols; c++) {
		p->colx[c] = p->x0 + p->content_w * acc / (total ? total : 1);
		if (c < t->ncols)
			acc += t->cols[c].width;
	}
}

static void draw_header(struct pdf *p)
{
	const struct sheet *s = p->s;
	double y = p->g.margin;
	char *line = NULL;
	size_t len = 0;
	FILE *f;

	set_font(p, 17, 1);
	text_in(p, s->title, -1, p->x0, y, p->content_w, 26, SHEET_CENTER);
	f = open_memstream(&line, &len);
	for (int i = 0; f && i < s->nfields; i++)
		fprintf(f, "%s%s：%s", i ? "      " : "", s->fields[i].label, s->fields[i].value);
	if (f)
		fclose(f);
	set_font(p, 9.5, 0);
	if (line)
		text_in(p, line, -1, p->x0, y + 28, p->content_w, 16, SHEET_LEFT);
	free(line);
}

static void draw_footer(struct pdf *p, int page, int npages)
{
	const struct sheet *s = p->s;
	double bottom = p->g.page_h - p->g.margin;
	double y = bottom - p->g.footer_h + 4;
	char buf[64];

	set_font(p, 8.5, 0);
	if (s->note)
		text_in(p, s->note, -1, p->x0, y, p->content_w, 12, SHEET_LEFT);
	set_font(p, 10, 0);
	if (s->nsignatures) {
		double slot = p->content_w / s->nsignatures;

		for (int i = 0; i < s->nsignatures; i++) {
			double x = p->x0 + i * slot;
			char *label = xasprintf("%s：", s->signatures[i]);

			text_in(p, label, -1, x, y + 14, 0, 16, SHEET_LEFT);
			free(label);
			hline(p, x + 48, x + slot - 24, y + 28);
		}
		cairo_set_line_width(p->cr, RULE);
		ink(p);
		cairo_stroke(p->cr);
	}
	snprintf(buf, sizeof buf, "第 %d 页 共 %d 页", page + 1, npages);
	set_font(p, 8.5, 0);
	text_in(p, buf, -1, p->x0, bottom - 12, p->content_w, 12, SHEET_CENTER);
}

/* The lines of text of one cell as the PDF draws them: wrapped to the
 * column's width as the pagination counted them. */
static char *cell_lines(const struct sheet_table *t, int c, const char *text)
{
	struct strbuf b = STRBUF_INIT;

	sheet_wrap(text, t->cols[c].width, &b);
	return strbuf_detach(&b);
}

/* Draws lines [from, to) of a cell's wrapped text, the first at y. */
static void cell_text(struct pdf *p, const char *text, int from, int to, double x, double y,
		      double w, double line, enum sheet_align align)
{
	const char *s = text;

	for (int i = 0; s && i < to; i++) {
		const char *nl = strchr(s, '\n');

		if (i >= from)
			text_in(p, s, nl ? (int)(nl - s) : -1, x, y + (i - from) * line, w, line,
				align);
		s = nl ? nl + 1 : NULL;
	}
}

static void box_add(struct pdf *p, double x, double y, double w, double h)
{
	if (p->nbox == p->capbox) {
		p->capbox = p->capbox ? 2 * p->capbox : 64;
		p->box = xrealloc(p->box, (size_t)p->capbox * sizeof *p->box);
	}
	p->box[p->nbox++] = (struct box){x, y, w, h};
}

/* Strokes the boxes of the slice, each a path of its own: cairo writes a
 * lone rectangle as one `re` of four numbers, a rectangle among other
 * lines as a move, three lines and a close of eight, and the numbers'
 * formatting was the largest part of writing a page. */
static void boxes_stroke(struct pdf *p)
{
	cairo_set_line_width(p->cr, RULE);
	for (int i = 0; i < p->nbox; i++) {
		cairo_rectangle(p->cr, p->box[i].x, p->box[i].y, p->box[i].w, p->box[i].h);
		ink(p);
		cairo_stroke(p->cr);
	}
	p->nbox = 0;
}

/* Draws the Code 128 symbol of data in the box x,y,w,h: black bars on
 * white, the quiet zones included in w. */
static void draw_barcode(struct pdf *p, const char *data, double x, double y, double w, double h)
{
	struct barcode b;

	if (barcode_code128(data, &b, p->failed ? NULL : p->e) < 0) {
		p->failed = 1;
		return;
	}
	cairo_save(p->cr);
	cairo_new_path(p->cr);
	for (int i = 0; i < b.nbars; i++)
		cairo_rectangle(p->cr, x + b.bars[i].x * w, y, b.bars[i].w * w, h);
	ink(p);
	cairo_fill(p->cr);
	cairo_restore(p->cr);
	barcode_free(&b);
}

/* Draws lines [from, to) of row r at y.  Where the row continues from an
 * earlier page (from > 0), a one-line cell already drawn shows again (the
 * number, the code, the phone) and the key cell says （续）; a longer one,
 * whole on the page before, stays empty rather than show a part. */
static void draw_row(struct pdf *p, const struct sheet_table *t, const struct sheet_row *row,
		     int from, int to, double y, double line)
{
	for (int c = 0; c < t->ncols; c++) {
		const struct sheet_cell *cell = &row->cells[c];
		double cx = p->colx[c], cw = p->colx[c + 1] - cx;
		char *text;
		int n;

		for (int i = from; i < cell->boxes && i < to; i++)
			box_add(p, cx + PAD, y + (i - from) * line + 2.5, cw - 2 * PAD, line - 5);
		if (cell->barcode) {
			int bars = SHEET_BARCODE_LINES - 1;

			if (from == 0) {
				draw_barcode(p, cell->barcode, cx + PAD, y + 4, cw - 2 * PAD,
					     bars * line - 6);
				text_in(p, cell->barcode, -1, cx + PAD, y + bars * line,
					cw - 2 * PAD, line, SHEET_CENTER);
			}
			/* text line i is the row's line SHEET_BARCODE_LINES + i */
			int f = from > SHEET_BARCODE_LINES ? from - SHEET_BARCODE_LINES : 0;

			text = cell_lines(t, c, cell->text);
			cell_text(p, text, f, to - SHEET_BARCODE_LINES, cx + PAD,
				  y + (SHEET_BARCODE_LINES + f - from) * line, cw - 2 * PAD, line,
				  t->cols[c].align);
			free(text);
			continue;
		}
		if (!cell->text || !*cell->text)
			continue;
		text = cell_lines(t, c, cell->text);
		n = 1;
		for (const char *q = text; *q; q++)
			n += *q == '\n';
		if (from > 0 && n <= from) {
			char *mark = c == t->key ? xasprintf("%s（续）", text) : xstrdup(text);

			if (n == 1)
				text_in(p, mark, -1, cx + PAD, y, cw - 2 * PAD, line,
					t->cols[c].align);
			free(mark);
		} else {
			cell_text(p, text, from, to, cx + PAD, y, cw - 2 * PAD, line,
				  t->cols[c].align);
		}
		free(text);
	}
}

/* Draws the slice of t from y; returns the new y. */
static double draw_slice(struct pdf *p, const struct sheet_table *t, const struct sheet_slice *sl,
			 double y)
{
	const struct sheet_geometry *g = &p->g;
	double line = t->flags & SHEET_TABLE_FORM ? g->line_form : g->line_list;
	double size = t->flags & SHEET_TABLE_FORM ? 10 : 9;
	double top, x1 = p->x0 + p->content_w;

	column_edges(p, t);
	if (sl->caption) {
		set_font(p, 10.5, 1);
		text_in(p, t->caption, -1, p->x0, y, p->content_w, g->caption_h, SHEET_LEFT);
		y += g->caption_h;
	}
	if (t->flags & SHEET_TABLE_CHART) {
		ink(p);
		sheet_chart_draw(p->cr, p->layout, p->family, t, p->x0, y, p->content_w,
				 t->chart_h);
		return y + t->chart_h;
	}
	top = y;
	if (!(t->flags & SHEET_TABLE_NOHEAD)) {
		ink(p); /* in the colour they were queued in */
		cairo_set_source_rgb(p->cr, 0.9, 0.9, 0.9);
		cairo_rectangle(p->cr, p->x0, y, p->content_w, g->colhead_h);
		ink(p);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		set_font(p, size - 0.5, 1);
		for (int c = 0; c < t->ncols; c++)
			text_in(p, t->cols[c].title, -1, p->colx[c] + PAD, y,
				p->colx[c + 1] - p->colx[c] - 2 * PAD, g->colhead_h, SHEET_CENTER);
		y += g->colhead_h;
		hline(p, p->x0, x1, y);
	}
	if (sl->count == 0) {
		set_font(p, size, 0);
		text_in(p, t->empty, -1, p->x0, y, p->content_w, line, SHEET_CENTER);
		y += line;
	}
	for (int r = sl->first; r < sl->first + sl->count; r++) {
		const struct sheet_row *row = &t->rows[r];
		int from = r == sl->first ? sl->line0 : 0;
		int to = r == sl->first + sl->count - 1 && sl->line1 ? sl->line1 : row->lines;

		set_font(p, size, row->flags & SHEET_ROW_TOTAL);
		p->row_key = row->cells[t->key < t->ncols ? t->key : 0].text;
		draw_row(p, t, row, from, to, y, line);
		p->row_key = NULL;
		y += (to - from) * line;
		if (!(t->flags & SHEET_TABLE_PLAIN))
			hline(p, p->x0, x1, y);
	}
	if (t->flags & SHEET_TABLE_PLAIN) {
		/* an unruled table draws no boxes either */
		cairo_new_path(p->cr);
		p->nbox = 0;
		return y;
	}
	/* the frame and the column rules */
	cairo_rectangle(p->cr, p->x0, top, p->content_w, y - top);
	for (int c = 1; c < t->ncols; c++) {
		if (sl->count == 0 && !(t->flags & SHEET_TABLE_NOHEAD)) {
			cairo_move_to(p->cr, p->colx[c], top);
			cairo_line_to(p->cr, p->colx[c], top + g->colhead_h);
		} else if (sl->count > 0) {
			cairo_move_to(p->cr, p->colx[c], top);
			cairo_line_to(p->cr, p->colx[c], y);
		}
	}
	cairo_set_line_width(p->cr, RULE);
	ink(p);
	cairo_stroke(p->cr);
	boxes_stroke(p);
	return y;
}

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
						    : CAIRO_STATUS_WRITE_ERROR;
}

static void render(struct pdf *p, const struct sheet_pages *pg)
{
	const struct sheet_geometry *g = &p->g;
	double y = 0;
	int page = -1;

	for (int i = 0; i <= pg->nslices; i++) {
		const struct sheet_slice *sl = i < pg->nslices ? &pg->slices[i] : NULL;
		int next = sl ? sl->page : pg->npages;

		while (page < next) {
			if (page >= 0) {
				draw_footer(p, page, pg->npages);
				ink(p);
				cairo_show_page(p->cr);
			}
			if (++page < pg->npages)
				draw_header(p);
			y = g->margin + g->header_h;
			if (page >= pg->npages)
				return;
		}
		if (!sl)
			break;
		const struct sheet_table *t = p->s->tables[sl->table];

		y = draw_slice(p, t, sl, y);
		if (sl->first + sl->count >= t->nrows)
			y += g->table_gap;
	}
}

int sheet_pdf_write(const struct sheet *s, const char *path, int *pages, struct err *e)
{
	return sheet_pdf_write_checked(s, path, pages, NULL, e);
}

int sheet_pdf_write_checked(const struct sheet *s, const char *path, int *pages,
			    struct strbuf *missing, struct err *e)
{
	struct pdf p;
	struct sheet_pages pg;
	PangoFontMap *fm = pango_cairo_font_map_new();
	PangoContext *ctx = NULL;
	cairo_surface_t *surf = NULL;
	cairo_status_t st;
	struct atomic_file f = {.fd = -1};
	FILE *out = NULL;
	int r = -1;

	memset(&p, 0, sizeof p);
	memset(&pg, 0, sizeof pg);
	if (find_font(fm, p.family, sizeof p.family, e) < 0)
		goto out;
	if (atomic_file_open(&f, path, e) < 0)
		goto out;
	/* cairo writes in small pieces: a stdio buffer on a copy of the fd. */
	out = fdopen(dup(f.fd), "wb");
	if (!out) {
		err_set(e, _("cannot write %s: %s"), path, strerror(errno));
		atomic_file_abort(&f);
		goto out;
	}
	p.s = s;
	sheet_geometry_of(s, &p.g);
	p.x0 = p.g.margin;
	p.content_w = p.g.page_w - 2 * p.g.margin;
	sheet_paginate(s, &p.g, &pg);
	surf = cairo_pdf_surface_create_for_stream(write_stream, out, p.g.page_w, p.g.page_h);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, s->title);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "doorstep");
	p.cr = cairo_create(surf);
	ctx = pango_font_map_create_context(fm);
	pango_cairo_update_context(p.cr, ctx);
	p.layout = pango_layout_new(ctx);
	pango_layout_set_single_paragraph_mode(p.layout, TRUE);
	p.glyphs = sheet_glyphs_new(fm, p.cr);
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	p.e = e;
	p.warn = missing;
	render(&p, &pg);
	sheet_glyphs_free(&p.glyphs);
	g_object_unref(p.layout);
	cairo_destroy(p.cr);
	cairo_surface_finish(surf);
	st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (p.failed || st != CAIRO_STATUS_SUCCESS) {
		/* a failed barcode left its message in e already */
		fclose(out);
		if (!p.failed)
			err_set(e, _("cannot write %s: %s"), path, cairo_status_to_string(st));
		atomic_file_abort(&f);
		goto out;
	}
	if (fclose(out) != 0) {
		err_set(e, _("cannot write %s: %s"), path, strerror(errno));
		atomic_file_abort(&f);
		goto out;
	}
	if (atomic_file_commit(&f, e) < 0)
		goto out;
	if (pages)
		*pages = pg.npages;
	r = 0;
out:
	if (ctx)
		g_object_unref(ctx);
	g_object_unref(fm);
	sheet_pages_free(&pg);
	free(p.colx);
	free(p.box);
	return r;
}
