/* sheet_chart: chart tables drawn with cairo; see sheet_chart.h. */
#include "core/sheet_chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/textsafe.h"

#define LABEL_PT 7.0  /* axis labels and legend */
#define LEFT	 28.0 /* room for the y labels */
#define BOTTOM	 13.0 /* room for the x labels */
#define TOP	 14.0 /* room for the legend */
#define MARK	 2.2  /* a marker's half size */

/* Series colours, dark enough for a grey printer; the markers differ too. */
static const double colours[][3] = {
    {0.10, 0.30, 0.70}, {0.80, 0.10, 0.10}, {0.10, 0.55, 0.20},
    {0.85, 0.45, 0.00}, {0.45, 0.20, 0.60},
};
#define NCOLOURS (sizeof colours / sizeof colours[0])

void sheet_chart_colour(int col, double rgb[3])
{
	const double *c = colours[(col - 1) % NCOLOURS];

	rgb[0] = c[0], rgb[1] = c[1], rgb[2] = c[2];
}

struct chart {
	cairo_t *cr;
	PangoLayout *layout;
	double x, y, w, h; /* the plot area */
	double lo, hi;	   /* the y range (left axis) */
	double rlo, rhi;   /* the right axis's, when the first series has its own */
	int right;	   /* 1: the first series is read on the right axis */
};

/* Draws text with its left edge at x (right edge when right != 0) and its
 * middle at y. */
static double label(struct chart *c, const char *text, double x, double y, int right)
{
	struct strbuf safe = STRBUF_INIT;
	int tw, th;

	strbuf_add(&safe, "", 0);
	textsafe_filter(&safe, text, strlen(text), 0, 0);
	pango_layout_set_text(c->layout, safe.s, (int)safe.len);
	strbuf_free(&safe);
	pango_layout_get_size(c->layout, &tw, &th);
	cairo_move_to(c->cr, right ? x - (double)tw / PANGO_SCALE : x,
		      y - (double)th / PANGO_SCALE / 2);
	pango_cairo_show_layout(c->cr, c->layout);
	return (double)tw / PANGO_SCALE;
}

/* The value of a cell, 0 with *ok = 0 for an empty or non-numeric one. */
static double value(const struct sheet_table *t, int r, int col, int *ok)
{
	const char *s = t->rows[r].cells[col].text;
	char *end;
	double v;

	*ok = 0;
	if (!s || !*s)
		return 0;
	v = strtod(s, &end);
	*ok = end != s;
	return v;
}

/* The y range of columns from..to-1: from 0 for counts; around the values
 * (and the reference) when they lie far from 0, as temperatures do. */
static void y_range(const struct sheet_table *t, int from, int to, double *lo, double *hi)
{
	int any = 0, ok;

	*lo = 0;
	*hi = 1;
	for (int r = 0; r < t->nrows; r++)
		for (int col = from; col < to; col++) {
			double v = value(t, r, col, &ok);

			if (!ok)
				continue;
			*lo = any && *lo < v ? *lo : v;
			*hi = any && *hi > v ? *hi : v;
			any = 1;
		}
	if (t->chart_ref_label) {
		*lo = any && *lo < t->chart_ref ? *lo : t->chart_ref;
		*hi = any && *hi > t->chart_ref ? *hi : t->chart_ref;
	}
	if (*lo >= 0 && *lo < (*hi - *lo) * 2) {
		*lo = 0; /* counts */
		*hi = *hi < 4 ? 4 : *hi * 1.1;
	} else {
		*lo = floor(*lo - 0.5);
		*hi = ceil(*hi + 0.5);
	}
}

/* A round step for about 4 intervals over span: 1, 2 or 5 times 10^k. */
static double step_for(double span)
{
	double raw = span / 4, p = pow(10, floor(log10(raw))), m = raw / p;

	return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

static double ypos(const struct chart *c, double v)
{
	return c->y + c->h - (v - c->lo) / (c->hi - c->lo) * c->h;
}

/* ypos for a value of column col. */
static double ypos_of(const struct chart *c, int col, double v)
{
	if (c->right && col == 1)
		return c->y + c->h - (v - c->rlo) / (c->rhi - c->rlo) * c->h;
	return ypos(c, v);
}

static double xpos(const struct chart *c, int i, int n)
{
	return n > 1 ? c->x + c->w * i / (n - 1) : c->x + c->w / 2;
}

/* Row r's x label as drawn: a date loses its year (2020-02-15 → 02-15). */
static const char *x_label(const struct sheet_table *t, int r)
{
	const char *s = t->rows[r].cells[0].text;

	return strlen(s) >= 10 && s[4] == '-' ? s + 5 : s;
}

/* The widest x label, in points. */
static double x_label_width(struct chart *c, const struct sheet_table *t)
{
	int most = 0;

	for (int r = 0; r < t->nrows; r++) {
		int tw, th;

		pango_layout_set_text(c->layout, x_label(t, r), -1);
		pango_layout_get_size(c->layout, &tw, &th);
		most = tw > most ? tw : most;
	}
	return (double)most / PANGO_SCALE;
}

static void axes(struct chart *c, const struct sheet_table *t)
{
	double step = step_for(c->hi - c->lo);
	int every;
	char num[32];

	cairo_set_source_rgb(c->cr, 0.85, 0.85, 0.85);
	cairo_set_line_width(c->cr, 0.4);
	for (double v = ceil(c->lo / step) * step; v <= c->hi + 1e-9; v += step) {
		cairo_move_to(c->cr, c->x, ypos(c, v));
		cairo_line_to(c->cr, c->x + c->w, ypos(c, v));
	}
	cairo_stroke(c->cr);
	cairo_set_source_rgb(c->cr, 0, 0, 0);
	for (double v = ceil(c->lo / step) * step; v <= c->hi + 1e-9; v += step) {
		snprintf(num, sizeof num, step < 1 ? "%.1f" : "%.0f", v);
		label(c, num, c->x - 3, ypos(c, v), 1);
	}
	if (c->right) {
		double rstep = step_for(c->rhi - c->rlo);
		const double *rgb = colours[0];

		cairo_set_source_rgb(c->cr, rgb[0], rgb[1], rgb[2]);
		for (double v = ceil(c->rlo / rstep) * rstep; v <= c->rhi + 1e-9; v += rstep) {
			snprintf(num, sizeof num, rstep < 1 ? "%.1f" : "%.0f", v);
			label(c, num, c->x + c->w + 3, ypos_of(c, 1, v), 0);
		}
		cairo_set_source_rgb(c->cr, 0, 0, 0);
	}
	cairo_set_line_width(c->cr, 0.6);
	cairo_rectangle(c->cr, c->x, c->y, c->w, c->h);
	cairo_stroke(c->cr);
	/* x labels: as many as fit beside each other, the last one always */
	every = t->nrows > 1 ? (int)ceil((x_label_width(c, t) + 6) * (t->nrows - 1) / c->w) : 1;
	if (every < 1)
		every = 1;
	for (int r = 0; r < t->nrows; r++) {
		int tw, th;

		if (r % every && r != t->nrows - 1)
			continue;
		if (r != t->nrows - 1 && t->nrows - 1 - r < every)
			continue; /* too close to the last */
		pango_layout_set_text(c->layout, x_label(t, r), -1);
		pango_layout_get_size(c->layout, &tw, &th);
		label(c, x_label(t, r), xpos(c, r, t->nrows) - (double)tw / PANGO_SCALE / 2,
		      c->y + c->h + BOTTOM / 2 + 1, 0);
	}
}

static void marker(cairo_t *cr, int shape, double x, double y)
{
	switch (shape % 4) {
	case 0:
		cairo_arc(cr, x, y, MARK, 0, 2 * M_PI);
		cairo_fill(cr);
		break;
	case 1:
		cairo_rectangle(cr, x - MARK, y - MARK, 2 * MARK, 2 * MARK);
		cairo_fill(cr);
		break;
	case 2:
		cairo_move_to(cr, x, y - MARK - 0.5);
		cairo_line_to(cr, x + MARK + 0.5, y + MARK);
		cairo_line_to(cr, x - MARK - 0.5, y + MARK);
		cairo_close_path(cr);
		cairo_fill(cr);
		break;
	default:
		cairo_move_to(cr, x - MARK, y - MARK);
		cairo_line_to(cr, x + MARK, y + MARK);
		cairo_move_to(cr, x + MARK, y - MARK);
		cairo_line_to(cr, x - MARK, y + MARK);
		cairo_stroke(cr);
		break;
	}
}

static void series(struct chart *c, const struct sheet_table *t, int col)
{
	const double *rgb = colours[(col - 1) % NCOLOURS];
	int ok, pen = 0;

	cairo_set_source_rgb(c->cr, rgb[0], rgb[1], rgb[2]);
	cairo_set_line_width(c->cr, 1.1);
	for (int r = 0; r < t->nrows; r++) {
		double v = value(t, r, col, &ok);

		if (!ok) {
			pen = 0; /* a gap: no value that day */
			continue;
		}
		if (pen)
			cairo_line_to(c->cr, xpos(c, r, t->nrows), ypos_of(c, col, v));
		else
			cairo_move_to(c->cr, xpos(c, r, t->nrows), ypos_of(c, col, v));
		pen = 1;
	}
	cairo_stroke(c->cr);
	cairo_set_line_width(c->cr, 0.8);
	for (int r = 0; r < t->nrows; r++) {
		double v = value(t, r, col, &ok);

		if (ok)
			marker(c->cr, col - 1, xpos(c, r, t->nrows), ypos_of(c, col, v));
	}
}

static void legend(struct chart *c, const struct sheet_table *t)
{
	double x = c->x, y = c->y - TOP / 2;

	for (int col = 1; col < t->ncols; col++) {
		const double *rgb = colours[(col - 1) % NCOLOURS];

		cairo_set_source_rgb(c->cr, rgb[0], rgb[1], rgb[2]);
		cairo_set_line_width(c->cr, 1.1);
		cairo_move_to(c->cr, x, y);
		cairo_line_to(c->cr, x + 14, y);
		cairo_stroke(c->cr);
		marker(c->cr, col - 1, x + 7, y);
		cairo_set_source_rgb(c->cr, 0, 0, 0);
		x += 18 + label(c, t->cols[col].title, x + 17, y, 0);
		if (c->right && col == 1)
			x += label(c, "（右轴）", x + 18, y, 0);
		x += 10;
	}
}

/* The plot area and the ranges of t's chart in the box (x, y, w, h). */
static void chart_layout(struct chart *c, const struct sheet_table *t, double x, double y, double w,
			 double h)
{
	c->x = x + LEFT;
	c->y = y + TOP;
	c->w = w - 2 * LEFT;
	c->h = h - TOP - BOTTOM;
	c->right = 0;
	y_range(t, 1, t->ncols, &c->lo, &c->hi);
	/* a first series far larger than the rest (households visited beside
	 * fevers) would flatten them: it gets the right axis */
	if (t->ncols > 2 && !t->chart_ref_label) {
		double lo1, hi1, lo2, hi2;

		y_range(t, 1, 2, &lo1, &hi1);
		y_range(t, 2, t->ncols, &lo2, &hi2);
		if (hi1 > 4 * hi2) {
			c->right = 1;
			c->lo = lo2, c->hi = hi2, c->rlo = lo1, c->rhi = hi1;
		}
	}
}

int sheet_chart_point(const struct sheet_table *t, int row, int col, double x, double y, double w,
		      double h, double *px, double *py)
{
	struct chart c;
	int ok;
	double v;

	if (row < 0 || row >= t->nrows || col < 1 || col >= t->ncols)
		return 0;
	v = value(t, row, col, &ok);
	if (!ok)
		return 0;
	chart_layout(&c, t, x, y, w, h);
	*px = xpos(&c, row, t->nrows);
	*py = ypos_of(&c, col, v);
	return 1;
}

double sheet_chart_ref_y(const struct sheet_table *t, double x, double y, double w, double h)
{
	struct chart c;

	chart_layout(&c, t, x, y, w, h);
	return ypos(&c, t->chart_ref);
}

void sheet_chart_draw(cairo_t *cr, PangoLayout *layout, const char *family,
		      const struct sheet_table *t, double x, double y, double w, double h)
{
	PangoFontDescription *d = pango_font_description_new();
	struct chart c = {cr, layout, 0, 0, 0, 0, 0, 1, 0, 1, 0};

	pango_font_description_set_family(d, family);
	pango_font_description_set_absolute_size(d, LABEL_PT * PANGO_SCALE);
	pango_layout_set_font_description(layout, d);
	pango_font_description_free(d);
	pango_layout_set_width(layout, -1);
	cairo_save(cr);
	chart_layout(&c, t, x, y, w, h);
	axes(&c, t);
	if (t->chart_ref_label) {
		const double dash[] = {3, 2};

		cairo_set_source_rgb(cr, 0.8, 0.1, 0.1);
		cairo_set_line_width(cr, 0.8);
		cairo_set_dash(cr, dash, 2, 0);
		cairo_move_to(cr, c.x, ypos(&c, t->chart_ref));
		cairo_line_to(cr, c.x + c.w, ypos(&c, t->chart_ref));
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		label(&c, t->chart_ref_label, c.x + c.w - 2, ypos(&c, t->chart_ref) - 5, 1);
	}
	for (int col = 1; col < t->ncols; col++)
		series(&c, t, col);
	cairo_set_source_rgb(cr, 0, 0, 0);
	legend(&c, t);
	cairo_restore(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_new_path(cr);
}
