/* Unit tests of core/textchart: a value lands on the row of its value, a
 * fever is "#", the threshold row is "-" with its label, a missing value is
 * a blank column, only the last values are kept when they do not fit, and
 * every character is ASCII. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/textchart.h"

/* Line i of the text (0-based) into buf. */
static const char *line_of(const char *s, int i, char *buf, size_t n)
{
	for (; i > 0 && s; i--) {
		s = strchr(s, '\n');
		s = s ? s + 1 : NULL;
	}
	if (!s)
		return NULL;
	snprintf(buf, n, "%.*s", (int)(strchr(s, '\n') - s), s);
	return buf;
}

static void test_chart(void **state)
{
	const double v[] = {36.5, NAN, 38.0, 36.5};
	const char *const lab[] = {"02-13", "02-13", "02-14", "02-14"};
	struct strbuf b = STRBUF_INIT;
	char l[200];
	int n, fever_row = -1, ref_row = -1, low_row = -1;

	(void)state;
	n = textchart_render(&b, v, lab, 4, 37.3, 1, 40, 9);
	assert_int_equal(n, 11); /* 9 rows, the axis, the labels */
	for (const unsigned char *p = (const unsigned char *)strbuf_str(&b); *p; p++)
		assert_true(*p < 0x80);
	for (int i = 0; i < 9; i++) {
		line_of(strbuf_str(&b), i, l, sizeof l);
		if (strchr(l, '#'))
			fever_row = i;
		if (strstr(l, "|-"))
			ref_row = i;
		if (strchr(l, '*'))
			low_row = i;
	}
	assert_true(fever_row >= 0 && ref_row > fever_row && low_row > ref_row);
	line_of(strbuf_str(&b), ref_row, l, sizeof l);
	assert_non_null(strstr(l, "37.3 |"));
	line_of(strbuf_str(&b), low_row, l, sizeof l);
	assert_string_equal(strchr(l, '|'), "|*  *"); /* both 36.5, the gap blank */
	line_of(strbuf_str(&b), fever_row, l, sizeof l);
	assert_string_equal(strchr(l, '|'), "|  # ");
	line_of(strbuf_str(&b), 9, l, sizeof l);
	assert_string_equal(strchr(l, '+'), "+----");
	strbuf_free(&b);
	/* narrower than the values: the last ones stay */
	n = textchart_render(&b, v, lab, 4, 37.3, 1, 8, 5);
	line_of(strbuf_str(&b), 5, l, sizeof l);
	assert_string_equal(strchr(l, '+'), "+--");
	strbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_chart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
