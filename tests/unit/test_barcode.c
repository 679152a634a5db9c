/* Tests of core/barcode: Code 128 through libzint, as bars for cairo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/barcode.h"

static void test_pass_number(void **state)
{
	struct barcode b;
	struct err e;
	double dark = 0, last = 0;

	(void)state;
	err_clear(&e);
	assert_int_equal(barcode_code128("01000015", &b, &e), 0);
	/* code set C: start, four digit pairs, check, stop = 6 × 11 + 13 modules,
	 * and ten modules of quiet zone on each side */
	assert_int_equal(b.modules, 79 + 20);
	assert_true(b.nbars > 10);
	for (int i = 0; i < b.nbars; i++) {
		assert_true(b.bars[i].x >= last); /* left to right, no overlap */
		assert_true(b.bars[i].w > 0);
		last = b.bars[i].x + b.bars[i].w;
		dark += b.bars[i].w;
	}
	assert_true(b.bars[0].x >= 10.0 / b.modules - 1e-6); /* the quiet zone is white */
	assert_true(last <= 1 - 10.0 / b.modules + 1e-6);
	assert_true(dark > 0.2 && dark < 0.8);
	barcode_free(&b);
	assert_null(b.bars);
	barcode_free(&b);
}

static void test_refused(void **state)
{
	struct barcode b;
	struct err e;

	(void)state;
	err_clear(&e);
	/* a Chinese character is not in Code 128's character set */
	assert_int_equal(barcode_code128("出入证", &b, &e), -1);
	assert_non_null(strstr(e.msg, "出入证"));
	assert_null(b.bars);
	assert_int_equal(b.nbars, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pass_number),
	    cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
