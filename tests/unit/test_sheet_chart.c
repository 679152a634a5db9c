/* Tests of core/sheet_chart: a chart table drawn into a cairo image shows
 * each value's marker, in its series' colour, where the value is (a count
 * chart from 0, a temperature chart around its values), the reference line
 * where the threshold is, nothing where no value is, and a first series
 * far larger than the rest on its own axis, so that the others are not
 * flattened. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "core/sheet.h"
#include "core/sheet_chart.h"
#include "core/sheet_pdf.h"

#define W 480
#define H 200

struct img {
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoLayout *layout;
	char family[128];
};

static void draw(struct img *im, const struct sheet_table *t)
{
	struct err e = {0};

	assert_int_equal(sheet_pdf_font(im->family, sizeof im->family, &e), 0);
	im->surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	im->cr = cairo_create(im->surf);
	cairo_set_source_rgb(im->cr, 1, 1, 1);
	cairo_paint(im->cr);
	im->layout = pango_cairo_create_layout(im->cr);
	sheet_chart_draw(im->cr, im->layout, im->family, t, 0, 0, W, H);
	cairo_surface_flush(im->surf);
}

static void img_free(struct img *im)
{
	g_object_unref(im->layout);
	cairo_destroy(im->cr);
	cairo_surface_destroy(im->surf);
}

static void pixel(struct img *im, double x, double y, double rgb[3])
{
	const unsigned char *d = cairo_image_surface_get_data(im->surf);
	int stride = cairo_image_surface_get_stride(im->surf);
	uint32_t p = *(const uint32_t *)(d + (int)floor(y) * stride + (int)floor(x) * 4);

	rgb[0] = ((p >> 16) & 0xFF) / 255.0;
	rgb[1] = ((p >> 8) & 0xFF) / 255.0;
	rgb[2] = (p & 0xFF) / 255.0;
}

static int near(const double a[3], const double b[3])
{
	return fabs(a[0] - b[0]) < 0.12 && fabs(a[1] - b[1]) < 0.12 && fabs(a[2] - b[2]) < 0.12;
}

/* Every value of every series has its marker, in the series' colour. */
static void expect_markers(struct img *im, const struct sheet_table *t)
{
	for (int col = 1; col < t->ncols; col++) {
		double want[3], got[3], px, py;

		sheet_chart_colour(col, want);
		for (int r = 0; r < t->nrows; r++) {
			if (!sheet_chart_point(t, r, col, 0, 0, W, H, &px, &py))
				continue;
			pixel(im, px, py, got);
			if (!near(got, want))
				fail_msg("series %d row %d at %.0f,%.0f is %.2f %.2f %.2f", col, r, px,
					 py, got[0], got[1], got[2]);
		}
	}
}

static void row(struct sheet_table *t, const char *x, const char *a, const char *b)
{
	sheet_row_add(t, 0);
	sheet_cell(t, x);
	sheet_cell(t, a);
	if (t->ncols > 2)
		sheet_cell(t, b);
}

static void test_counts(void **state)
{
	struct sheet *s = sheet_new("t", SHEET_PORTRAIT);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_LIST);
	struct img im;
	double px, py, py2, got[3];

	(void)state;
	sheet_column_add(t, "日期", 10, SHEET_LEFT);
	sheet_column_add(t, "发热人数", 8, SHEET_RIGHT);
	sheet_column_add(t, "在隔离人数", 8, SHEET_RIGHT);
	sheet_table_chart(t, H, 0, NULL);
	row(t, "2020-02-13", "0", "10");
	row(t, "2020-02-14", "5", "");
	row(t, "2020-02-15", "10", "2");
	draw(&im, t);
	expect_markers(&im, t);
	/* 0 is at the bottom, 10 above it, 5 half way */
	assert_true(sheet_chart_point(t, 0, 1, 0, 0, W, H, &px, &py));
	assert_true(sheet_chart_point(t, 2, 1, 0, 0, W, H, &px, &py2));
	assert_true(py2 < py - H / 3);
	/* no value: no point, and the picture is blank there */
	assert_false(sheet_chart_point(t, 1, 2, 0, 0, W, H, &px, &py));
	assert_true(sheet_chart_point(t, 1, 1, 0, 0, W, H, &px, &py));
	assert_true(sheet_chart_point(t, 0, 2, 0, 0, W, H, &py, &py2)); /* 10: its y */
	pixel(&im, px, py2, got); /* white, or the grey grid line at 10 */
	assert_true(got[0] > 0.8 && got[1] > 0.8 && got[2] > 0.8);
	img_free(&im);
	sheet_free(&s);
}

static void test_temperatures(void **state)
{
	struct sheet *s = sheet_new("t", SHEET_PORTRAIT);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_LIST);
	struct img im;
	double px, lo, hi, ref, got[3];

	(void)state;
	sheet_column_add(t, "检测", 10, SHEET_LEFT);
	sheet_column_add(t, "体温", 8, SHEET_RIGHT);
	sheet_table_chart(t, H, 37.3, "37.3");
	row(t, "02-13 AM", "36.5", NULL);
	row(t, "02-13 PM", "36.8", NULL);
	row(t, "02-14 AM", "38.5", NULL);
	row(t, "02-14 PM", "37.0", NULL);
	draw(&im, t);
	expect_markers(&im, t);
	/* the range is the values', not from 0: 36.5 and 38.5 lie far apart */
	assert_true(sheet_chart_point(t, 0, 1, 0, 0, W, H, &px, &lo));
	assert_true(sheet_chart_point(t, 2, 1, 0, 0, W, H, &px, &hi));
	assert_true(lo - hi > H / 4);
	/* the threshold between them, drawn red and dashed */
	ref = sheet_chart_ref_y(t, 0, 0, W, H);
	assert_true(ref < lo && ref > hi);
	{
		int red = 0;

		for (int x = 60; x < W - 60; x++) {
			int hit = 0;

			for (int dy = -1; dy <= 1; dy++) {
				pixel(&im, x, ref + dy, got);
				hit |= got[0] - got[1] > 0.3 && got[0] - got[2] > 0.3;
			}
			red += hit;
		}
		assert_true(red > (W - 120) / 3); /* dashed: about 3 in 5 */
	}
	img_free(&im);
	sheet_free(&s);
}

static void test_right_axis(void **state)
{
	struct sheet *s = sheet_new("t", SHEET_PORTRAIT);
	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_LIST);
	struct img im;
	double px, big, small, zero;

	(void)state;
	sheet_column_add(t, "日期", 10, SHEET_LEFT);
	sheet_column_add(t, "已走访住户", 8, SHEET_RIGHT);
	sheet_column_add(t, "发热人数", 8, SHEET_RIGHT);
	sheet_table_chart(t, H, 0, NULL);
	row(t, "2020-02-14", "580", "0");
	row(t, "2020-02-15", "600", "6");
	draw(&im, t);
	expect_markers(&im, t);
	/* 6 fevers are read against their own axis, not against 600 */
	assert_true(sheet_chart_point(t, 1, 2, 0, 0, W, H, &px, &small));
	assert_true(sheet_chart_point(t, 0, 2, 0, 0, W, H, &px, &zero));
	assert_true(sheet_chart_point(t, 1, 1, 0, 0, W, H, &px, &big));
	assert_true(zero - small > H / 3);
	assert_true(big < H / 2);
	img_free(&im);
	sheet_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts),
	    cmocka_unit_test(test_temperatures),
	    cmocka_unit_test(test_right_axis),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
