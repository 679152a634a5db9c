/* sheet_glyphs: the texts of a PDF sheet shaped once and drawn as often as
 * they appear.
 *
 * A sheet draws the same texts on every page (the title, the column
 * titles, the note, the signatures) and many cells twice or more; shaping
 * a text (itemizing it, choosing its fonts, harfbuzz) cost more than
 * drawing it.  The cache keeps, for each face and text, the glyph runs
 * pango would lay out for one line of that text, with their logical width
 * and height, and draws them where pango_cairo_show_layout would: the
 * same glyphs at the same positions, the same text layer.  A text with a
 * line break or a right-to-left run (Arabic, Hebrew: the layout reorders
 * its runs) is not shaped here (sheet_glyphs_shape returns NULL): the
 * caller lays it out with a PangoLayout. */
#ifndef DOORSTEP_SHEET_GLYPHS_H
#define DOORSTEP_SHEET_GLYPHS_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stddef.h>

/* One line of text shaped in one face. */
struct sheet_shaped {
	char *text;	       /* the text the runs' items index */
	PangoGlyphItem **runs; /* left to right; the glyphs' offsets put
				* each on the line's baseline */
	int nruns;
	int width, height; /* logical size, Pango units */
	int unknown;	   /* glyphs no installed font has */
};

struct sheet_glyphs;

/* A cache shaping with fonts of fm for drawing on cr (its font options,
 * as pango_cairo_update_context gives them to a layout's context). */
struct sheet_glyphs *sheet_glyphs_new(PangoFontMap *fm, cairo_t *cr);

/* The face of family at size points (absolute), bold or not: a small
 * number for sheet_glyphs_shape, the same for the same arguments. */
int sheet_glyphs_face(struct sheet_glyphs *g, const char *family, double size, int bold);

/* The face's font description, owned by the cache. */
const PangoFontDescription *sheet_glyphs_desc(const struct sheet_glyphs *g, int face);

/* The n bytes of valid UTF-8 at text (no control character but newline)
 * shaped in face, from the cache or shaped now; owned by the cache.  NULL
 * when text has a line or paragraph break or a right-to-left run. */
const struct sheet_shaped *sheet_glyphs_shape(struct sheet_glyphs *g, int face, const char *text,
					      size_t n);

/* Draws s with the top left corner of its line at the current point, as
 * pango_cairo_show_layout draws a layout of that one line. */
void sheet_glyphs_show(cairo_t *cr, const struct sheet_shaped *s);

/* Queues s to be drawn on cr with the top left corner of its line at x, y
 * (user space of cr, which has no scale or rotation) where
 * sheet_glyphs_show would draw it, so that consecutive texts of one font
 * are drawn with one cairo operation (cairo's cost of writing a PDF page
 * was mostly per operation); a text of another font draws the queue
 * first, so that the PDF keeps the order of the texts.  s has no unknown
 * glyph (their boxes are drawn by pango). */
void sheet_glyphs_queue(struct sheet_glyphs *g, cairo_t *cr, const struct sheet_shaped *s, double x,
			double y);

/* Draws the queued texts on cr, in its source and its transformation as
 * they are now, and empties the queue: call it before changing either,
 * before drawing anything over the texts, and before the page ends. */
void sheet_glyphs_flush(struct sheet_glyphs *g, cairo_t *cr);

void sheet_glyphs_free(struct sheet_glyphs **g);

#endif
