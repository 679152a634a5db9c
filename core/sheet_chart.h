/* sheet_chart: a chart table (SHEET_TABLE_CHART, core/sheet.h) drawn in a
 * PDF with cairo: one line per series over the x labels, each series in
 * its own colour and marker shape (so that it reads in black and white
 * too), a legend above, the y axis with round steps, and the reference
 * line dashed and named.  A count chart starts at 0; one whose values lie
 * far from 0 (temperatures) spans its values and the reference. */
#ifndef DOORSTEP_SHEET_CHART_H
#define DOORSTEP_SHEET_CHART_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/sheet.h"

/* Where sheet_chart_draw puts the point of row's value in column col
 * (a series) in the box (x, y, w, h): 1 with *px, *py set, or 0 when the
 * cell holds no value. */
int sheet_chart_point(const struct sheet_table *t, int row, int col, double x, double y, double w,
		      double h, double *px, double *py);

/* The y of the reference line of t's chart in that box. */
double sheet_chart_ref_y(const struct sheet_table *t, double x, double y, double w, double h);

/* The colour of series col (1, 2, ...) as red, green, blue in 0..1. */
void sheet_chart_colour(int col, double rgb[3]);

/* Draws the chart of t in the box (x, y, w, h) with layout and font
 * family for its labels.  Leaves the source colour black. */
void sheet_chart_draw(cairo_t *cr, PangoLayout *layout, const char *family,
		      const struct sheet_table *t, double x, double y, double w, double h);

#endif
