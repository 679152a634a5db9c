/* Tests of core/sheet_glyphs: a text shaped by the cache has the size a
 * PangoLayout of it has and draws the same pixels as pango_cairo_show_layout
 * (Chinese, Latin with kerning, digits, mixed scripts, a character no font
 * has), condensed or not; a text is shaped once; a line break or a
 * right-to-left run is left to the layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/sheet_glyphs.h"
#include "core/sheet_pdf.h"

/* four pixels a point: a glyph a quarter point off shows */
#define PX 4
#define W  (720 * PX)
#define H  (32 * PX)

static const char *const texts[] = {
    "走访登记表",
    "社区：幸福里社区      网格：全部      日期：2020-02-15      制表：root",
    "1-1-101",
    "156****5325",
    "AVA Tom 张三 Ünïcode ﬁ WAVE",
    "第 1 页 共 86 页",
    "𪚥张",
    "体温达到 37.3℃ 即为发热（续）",
    "a\u0301e\u0308 x",
};

struct drawn {
	cairo_surface_t *surf;
	cairo_t *cr;
};

static void canvas(struct drawn *d, double k)
{
	d->surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H);
	cairo_surface_set_device_scale(d->surf, PX, PX);
	d->cr = cairo_create(d->surf);
	cairo_set_source_rgb(d->cr, 1, 1, 1);
	cairo_paint(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	/* an origin off the pixel grid, condensed as a cell too narrow is */
	cairo_translate(d->cr, 3.37, 5.61);
	cairo_scale(d->cr, k, 1);
	cairo_move_to(d->cr, 0, 0);
}

static int same_pixels(struct drawn *a, struct drawn *b)
{
	cairo_surface_flush(a->surf);
	cairo_surface_flush(b->surf);
	return !memcmp(cairo_image_surface_get_data(a->surf), cairo_image_surface_get_data(b->surf),
		       (size_t)cairo_image_surface_get_stride(a->surf) * H);
}

static void done(struct drawn *d)
{
	cairo_destroy(d->cr);
	cairo_surface_destroy(d->surf);
}

/* The runs of s are the glyphs of the layout's line, each glyph's offsets
 * carrying its run's start and the baseline. */
static void check_runs(const struct sheet_shaped *s, PangoLayout *layout)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(layout, 0);
	int baseline = pango_layout_get_baseline(layout), r = 0, x = 0;

	for (GSList *l = line->runs; l; l = l->next, r++) {
		PangoGlyphString *want = ((PangoGlyphItem *)l->data)->glyphs;
		PangoGlyphString *got;

		assert_true(r < s->nruns);
		got = s->runs[r]->glyphs;
		assert_int_equal(got->num_glyphs, want->num_glyphs);
		for (int i = 0; i < want->num_glyphs; i++) {
			PangoGlyphInfo *a = &got->glyphs[i], *b = &want->glyphs[i];

			assert_int_equal(a->glyph, b->glyph);
			assert_int_equal(a->geometry.width, b->geometry.width);
			assert_int_equal(a->geometry.x_offset, b->geometry.x_offset + x);
			assert_int_equal(a->geometry.y_offset, b->geometry.y_offset + baseline);
		}
		x += pango_glyph_string_get_width(want);
	}
	assert_int_equal(r, s->nruns);
}

/* One text in one face, drawn both ways at scale k. */
static void check_text(PangoFontMap *fm, const char *family, const char *text, double size,
		       int bold, double k)
{
	struct drawn a, b;
	struct sheet_glyphs *g;
	const struct sheet_shaped *s;
	PangoContext *ctx;
	PangoLayout *layout;
	int face, w, h;

	canvas(&a, k);
	canvas(&b, k);
	g = sheet_glyphs_new(fm, a.cr);
	face = sheet_glyphs_face(g, family, size, bold);
	s = sheet_glyphs_shape(g, face, text, strlen(text));
	assert_non_null(s);
	assert_ptr_equal(s, sheet_glyphs_shape(g, face, text, strlen(text)));
	ctx = pango_font_map_create_context(fm);
	pango_cairo_update_context(b.cr, ctx);
	layout = pango_layout_new(ctx);
	pango_layout_set_single_paragraph_mode(layout, TRUE);
	pango_layout_set_font_description(layout, sheet_glyphs_desc(g, face));
	pango_layout_set_text(layout, text, -1);
	pango_layout_get_size(layout, &w, &h);
	assert_int_equal(s->width, w);
	assert_int_equal(s->height, h);
	assert_int_equal(s->unknown, pango_layout_get_unknown_glyphs_count(layout));
	check_runs(s, layout);
	sheet_glyphs_show(a.cr, s);
	pango_cairo_show_layout(b.cr, layout);
	if (!same_pixels(&a, &b))
		fail_msg("\"%s\" at %.1f pt%s, scale %.2f: drawn otherwise than by its layout",
			 text, size, bold ? " bold" : "", k);
	g_object_unref(layout);
	g_object_unref(ctx);
	sheet_glyphs_free(&g);
	assert_null(g);
	done(&a);
	done(&b);
}

static void test_like_layout(void **state)
{
	char family[128];
	struct err e = {0};
	PangoFontMap *fm;

	(void)state;
	if (sheet_pdf_font(family, sizeof family, &e) < 0)
		skip();
	fm = pango_cairo_font_map_new();
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		check_text(fm, family, texts[i], 9, 0, 1);
		check_text(fm, family, texts[i], 10.5, 1, 1);
		check_text(fm, family, texts[i], 17, 1, 0.83);
	}
	g_object_unref(fm);
}

/* Queued texts are drawn as sheet_glyphs_show draws them, in the order
 * they were queued, whatever their fonts. */
static void test_queue(void **state)
{
	char family[128];
	struct err e = {0};
	PangoFontMap *fm;
	struct drawn a, b;
	struct sheet_glyphs *g;
	int faces[2];

	(void)state;
	if (sheet_pdf_font(family, sizeof family, &e) < 0)
		skip();
	fm = pango_cairo_font_map_new();
	canvas(&a, 1);
	canvas(&b, 1);
	g = sheet_glyphs_new(fm, a.cr);
	faces[0] = sheet_glyphs_face(g, family, 9, 0);
	faces[1] = sheet_glyphs_face(g, family, 10.5, 1);
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		const struct sheet_shaped *s =
		    sheet_glyphs_shape(g, faces[i % 2], texts[i], strlen(texts[i]));
		double y = 2 + 3.1 * (double)i;

		if (s->unknown)
			continue;
		sheet_glyphs_queue(g, a.cr, s, 1.3 + (double)i, y);
		cairo_save(b.cr);
		cairo_translate(b.cr, 1.3 + (double)i, y);
		cairo_move_to(b.cr, 0, 0);
		sheet_glyphs_show(b.cr, s);
		cairo_restore(b.cr);
	}
	sheet_glyphs_flush(g, a.cr);
	assert_true(same_pixels(&a, &b));
	sheet_glyphs_free(&g);
	done(&a);
	done(&b);
	g_object_unref(fm);
}

static void test_left_to_layout(void **state)
{
	char family[128];
	struct err e = {0};
	PangoFontMap *fm;
	struct drawn d;
	struct sheet_glyphs *g;
	int face;

	(void)state;
	if (sheet_pdf_font(family, sizeof family, &e) < 0)
		skip();
	fm = pango_cairo_font_map_new();
	canvas(&d, 1);
	g = sheet_glyphs_new(fm, d.cr);
	face = sheet_glyphs_face(g, family, 9, 0);
	assert_int_equal(face, sheet_glyphs_face(g, family, 9, 0));
	assert_int_not_equal(face, sheet_glyphs_face(g, family, 9, 1));
	assert_null(sheet_glyphs_shape(g, face, "一\n二", strlen("一\n二")));
	assert_null(sheet_glyphs_shape(g, face, "Tom محمد 12", strlen("Tom محمد 12")));
	/* asked again: still left to the layout */
	assert_null(sheet_glyphs_shape(g, face, "Tom محمد 12", strlen("Tom محمد 12")));
	/* a prefix is a text of its own */
	assert_non_null(sheet_glyphs_shape(g, face, "一\n二", 3));
	sheet_glyphs_free(&g);
	done(&d);
	g_object_unref(fm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_like_layout),
	    cmocka_unit_test(test_queue),
	    cmocka_unit_test(test_left_to_layout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
