/* sheet_glyphs: texts shaped once, drawn many times; see sheet_glyphs.h.
 *
 * What PangoLayout does for one line of text with no width, no wrapping
 * and no attributes, without the layout: itemize with the context (the
 * face as its font description), shape each item with the context's
 * rounding, the line's logical rectangle as the union of the runs'.  The
 * drawing goes through pango_cairo_show_glyph_item, so that the glyphs,
 * their clusters (the PDF's text layer) and the boxes of unknown
 * characters are pango's own; the baseline and each run's start are
 * folded into the glyphs' offsets, where pango's renderer adds them as
 * the layout's renderer does. */
#include "core/sheet_glyphs.h"

#include <math.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"

struct face {
	char *family;
	double size;
	int bold;
	PangoFontDescription *desc;
};

/* Queued glyphs of one font, with their text and clusters. */
struct batch {
	PangoFont *font;
	GArray *glyphs;	  /* cairo_glyph_t */
	GArray *clusters; /* cairo_text_cluster_t */
	GString *text;
};

struct sheet_glyphs {
	PangoContext *ctx;    /* its own: its font description is the face shaped */
	PangoAttrList *attrs; /* empty: the face is the context's */
	struct face *faces;
	int nfaces, ctx_face;
	GHashTable *cache;  /* face byte + text -> struct sheet_shaped */
	struct batch batch; /* texts queued, all of one font */
	struct strbuf key;
};

static void shaped_free(gpointer data)
{
	struct sheet_shaped *s = data;

	for (int i = 0; i < s->nruns; i++) /* none when -1 */
		pango_glyph_item_free(s->runs[i]);
	free(s->runs);
	free(s->text);
	free(s);
}

struct sheet_glyphs *sheet_glyphs_new(PangoFontMap *fm, cairo_t *cr)
{
	struct sheet_glyphs *g = xcalloc(1, sizeof *g);

	g->ctx = pango_font_map_create_context(fm);
	pango_cairo_update_context(cr, g->ctx);
	g->attrs = pango_attr_list_new();
	g->ctx_face = -1;
	g->cache = g_hash_table_new_full(g_str_hash, g_str_equal, free, shaped_free);
	g->batch.glyphs = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
	g->batch.clusters = g_array_new(FALSE, FALSE, sizeof(cairo_text_cluster_t));
	g->batch.text = g_string_new(NULL);
	return g;
}

int sheet_glyphs_face(struct sheet_glyphs *g, const char *family, double size, int bold)
{
	struct face *f;

	for (int i = 0; i < g->nfaces; i++)
		if (g->faces[i].size == size && g->faces[i].bold == !!bold &&
		    !strcmp(g->faces[i].family, family))
			return i;
	g->faces = xrealloc(g->faces, (size_t)(g->nfaces + 1) * sizeof *g->faces);
	f = &g->faces[g->nfaces];
	f->family = xstrdup(family);
	f->size = size;
	f->bold = !!bold;
	f->desc = pango_font_description_new();
	pango_font_description_set_family(f->desc, family);
	pango_font_description_set_absolute_size(f->desc, size * PANGO_SCALE);
	pango_font_description_set_weight(f->desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	return g->nfaces++;
}

const PangoFontDescription *sheet_glyphs_desc(const struct sheet_glyphs *g, int face)
{
	return g->faces[face].desc;
}

/* A line or paragraph break: newline, CR, U+0085, U+2028, U+2029. */
static int has_break(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n' || c == '\r' || c == '\v' || c == '\f')
			return 1;
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0x85)
			return 1;
		if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9))
			return 1;
	}
	return 0;
}

/* Shapes s->text (n bytes) in the context's face into s->runs and its
 * logical size, as one line of a PangoLayout; s->nruns -1 for a text
 * with right-to-left runs. */
static void shape_line(struct sheet_glyphs *g, struct sheet_shaped *s, size_t n)
{
	GList *items = pango_itemize(g->ctx, s->text, 0, (int)n, g->attrs, NULL);
	PangoShapeFlags flags = PANGO_SHAPE_NONE;
	int *run_x, x = 0, top = 0, bottom = 0, unknown = 0;

	if (pango_context_get_round_glyph_positions(g->ctx))
		flags = PANGO_SHAPE_ROUND_POSITIONS;
	/* right-to-left text: its runs would need the layout's reordering */
	for (GList *l = items; l; l = l->next) {
		if (((PangoItem *)l->data)->analysis.level != 0) {
			g_list_free_full(items, (GDestroyNotify)pango_item_free);
			s->nruns = -1;
			return;
		}
	}
	s->nruns = (int)g_list_length(items);
	s->runs = xcalloc((size_t)s->nruns + 1, sizeof *s->runs);
	run_x = xcalloc((size_t)s->nruns + 1, sizeof *run_x);
	s->nruns = 0;
	for (GList *l = items; l; l = l->next) {
		PangoGlyphItem *run = g_slice_new0(PangoGlyphItem);
		PangoRectangle logical;

		run->item = l->data;
		run->glyphs = pango_glyph_string_new();
		pango_shape_item(run->item, s->text, (int)n, NULL, run->glyphs, flags);
		for (int i = 0; i < run->glyphs->num_glyphs; i++)
			unknown += (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0;
		/* a pango-cairo font gives every glyph but an unknown one the
		 * font's logical height: one glyph's extents are the run's */
		if (unknown > s->unknown) {
			pango_glyph_string_extents(run->glyphs, run->item->analysis.font, NULL,
						   &logical);
			s->unknown = unknown;
		} else {
			pango_font_get_glyph_extents(run->item->analysis.font, PANGO_GLYPH_EMPTY,
						     NULL, &logical);
			logical.width = pango_glyph_string_get_width(run->glyphs);
		}
		/* the line's rectangle is the union of its runs' and of its origin */
		if (logical.y < top)
			top = logical.y;
		if (logical.y + logical.height > bottom)
			bottom = logical.y + logical.height;
		run_x[s->nruns] = x;
		x += logical.width;
		s->runs[s->nruns++] = run;
	}
	g_list_free(items);
	s->width = x;
	s->height = bottom - top;
	/* the layout's renderer draws a run at its start on the baseline, -top
	 * below the line's top: the same offsets, carried by each glyph */
	for (int r = 0; r < s->nruns; r++) {
		PangoGlyphString *gs = s->runs[r]->glyphs;

		for (int i = 0; i < gs->num_glyphs; i++) {
			gs->glyphs[i].geometry.x_offset += run_x[r];
			gs->glyphs[i].geometry.y_offset += -top;
		}
	}
	free(run_x);
}

const struct sheet_shaped *sheet_glyphs_shape(struct sheet_glyphs *g, int face, const char *text,
					      size_t n)
{
	struct sheet_shaped *s;

	if (has_break(text, n))
		return NULL;
	strbuf_reset(&g->key);
	strbuf_putc(&g->key, (char)('A' + face));
	strbuf_add(&g->key, text, n);
	s = g_hash_table_lookup(g->cache, strbuf_str(&g->key));
	if (s)
		return s->nruns < 0 ? NULL : s;
	if (g->ctx_face != face) {
		pango_context_set_font_description(g->ctx, g->faces[face].desc);
		g->ctx_face = face;
	}
	s = xcalloc(1, sizeof *s);
	s->text = xmalloc(n + 1);
	memcpy(s->text, text, n);
	s->text[n] = '\0';
	shape_line(g, s, n);
	g_hash_table_insert(g->cache, xstrdup(strbuf_str(&g->key)), s);
	return s->nruns < 0 ? NULL : s;
}

void sheet_glyphs_show(cairo_t *cr, const struct sheet_shaped *s)
{
	for (int r = 0; r < s->nruns; r++)
		pango_cairo_show_glyph_item(cr, s->text, s->runs[r]);
}

/* Draws the batch on cr and empties it. */
static void batch_show(struct batch *b, cairo_t *cr)
{
	if (!b->glyphs->len)
		return;
	cairo_save(cr);
	cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font((PangoCairoFont *)b->font));
	cairo_show_text_glyphs(cr, b->text->str, (int)b->text->len,
			       (cairo_glyph_t *)(void *)b->glyphs->data, (int)b->glyphs->len,
			       (cairo_text_cluster_t *)(void *)b->clusters->data,
			       (int)b->clusters->len, 0);
	cairo_restore(cr);
	g_array_set_size(b->glyphs, 0);
	g_array_set_size(b->clusters, 0);
	g_string_truncate(b->text, 0);
}

/* One run's glyphs at the line origin x, y, and its clusters, as pango's
 * cairo renderer passes them to cairo_show_text_glyphs. */
static void queue_run(struct batch *b, const char *text, PangoGlyphItem *run, double x, double y)
{
	PangoGlyphString *gs = run->glyphs;
	PangoGlyphItemIter iter;
	int pos = 0;

	for (int i = 0; i < gs->num_glyphs; i++) {
		PangoGlyphInfo *gi = &gs->glyphs[i];
		cairo_glyph_t cg;

		if (gi->glyph != PANGO_GLYPH_EMPTY) {
			cg.index = gi->glyph;
			cg.x = x + (double)(pos + gi->geometry.x_offset) / PANGO_SCALE;
			cg.y = y + (double)gi->geometry.y_offset / PANGO_SCALE;
			g_array_append_val(b->glyphs, cg);
		}
		pos += gi->geometry.width;
	}
	g_string_append_len(b->text, text + run->item->offset, run->item->length);
	if (!pango_glyph_item_iter_init_start(&iter, run, text))
		return;
	do {
		cairo_text_cluster_t c = {iter.end_index - iter.start_index,
					  iter.end_glyph - iter.start_glyph};

		for (int i = iter.start_glyph; i < iter.end_glyph; i++)
			c.num_glyphs -= gs->glyphs[i].glyph == PANGO_GLYPH_EMPTY;
		g_array_append_val(b->clusters, c);
	} while (pango_glyph_item_iter_next_cluster(&iter));
}

void sheet_glyphs_queue(struct sheet_glyphs *g, cairo_t *cr, const struct sheet_shaped *s, double x,
			double y)
{
	struct batch *b = &g->batch;

	/* pango starts from cairo's current point, which cairo keeps in
	 * 1/256 of a unit */
	x = nearbyint(x * 256) / 256;
	y = nearbyint(y * 256) / 256;
	for (int r = 0; r < s->nruns; r++) {
		PangoFont *font = s->runs[r]->item->analysis.font;

		/* one batch at a time: the PDF keeps the order of the texts */
		if (b->font != font) {
			batch_show(b, cr);
			if (b->font)
				g_object_unref(b->font);
			b->font = g_object_ref(font);
		}
		queue_run(b, s->text, s->runs[r], x, y);
	}
}

void sheet_glyphs_flush(struct sheet_glyphs *g, cairo_t *cr)
{
	batch_show(&g->batch, cr);
}

void sheet_glyphs_free(struct sheet_glyphs **g)
{
	struct sheet_glyphs *c = *g;

	if (!c)
		return;
	if (c->batch.font)
		g_object_unref(c->batch.font);
	g_array_free(c->batch.glyphs, TRUE);
	g_array_free(c->batch.clusters, TRUE);
	g_string_free(c->batch.text, TRUE);
	g_hash_table_destroy(c->cache);
	for (int i = 0; i < c->nfaces; i++) {
		free(c->faces[i].family);
		pango_font_description_free(c->faces[i].desc);
	}
	free(c->faces);
	pango_attr_list_unref(c->attrs);
	g_object_unref(c->ctx);
	strbuf_free(&c->key);
	free(c);
	*g = NULL;
}
