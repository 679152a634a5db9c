/* textchart: ASCII charts; see textchart.h. */
#include "core/textchart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define YLABEL 6 /* "37.3 |" */

/* The row (0 at the top) of value x in rows rows over lo..hi. */
static int row_of(double x, double lo, double hi, int rows)
{
	int r = (int)lround((hi - x) / (hi - lo) * (rows - 1));

	return r < 0 ? 0 : r >= rows ? rows - 1 : r;
}

int textchart_render(struct strbuf *out, const double *v, const char *const *labels, int n,
		     double ref, int has_ref, int width, int rows)
{
	int cols = width - YLABEL, first, any = 0, lines = 0;
	double lo = ref, hi = ref;

	if (cols < 2 || rows < 3 || n <= 0)
		return 0;
	first = n > cols ? n - cols : 0;
	for (int i = first; i < n; i++) {
		if (isnan(v[i]))
			continue;
		if (!any && !has_ref)
			lo = hi = v[i];
		lo = v[i] < lo ? v[i] : lo;
		hi = v[i] > hi ? v[i] : hi;
		any = 1;
	}
	lo = floor(lo * 2 - 1) / 2; /* half a degree of room, on a half */
	hi = ceil(hi * 2 + 1) / 2;
	for (int r = 0; r < rows; r++, lines++) {
		char lab[16] = "";
		int ref_row = has_ref && row_of(ref, lo, hi, rows) == r;

		if (r == 0)
			snprintf(lab, sizeof lab, "%.1f", hi);
		else if (r == rows - 1)
			snprintf(lab, sizeof lab, "%.1f", lo);
		else if (ref_row)
			snprintf(lab, sizeof lab, "%.1f", ref);
		strbuf_printf(out, "%*s |", YLABEL - 2, lab);
		for (int i = first; i < n; i++) {
			int here = !isnan(v[i]) && row_of(v[i], lo, hi, rows) == r;

			strbuf_putc(out, here ? (has_ref && v[i] >= ref ? '#' : '*')
					      : ref_row ? '-' : ' ');
		}
		strbuf_putc(out, '\n');
	}
	strbuf_printf(out, "%*s +", YLABEL - 2, "");
	for (int i = first; i < n; i++)
		strbuf_putc(out, '-');
	strbuf_putc(out, '\n');
	lines++;
	if (labels && labels[first]) {
		const char *a = labels[first], *b = labels[n - 1] ? labels[n - 1] : "";
		int gap = (n - first) - (int)strlen(a) - (int)strlen(b);

		strbuf_printf(out, "%*s  %s", YLABEL - 2, "", a);
		if (gap > 0 && n - 1 > first)
			strbuf_printf(out, "%*s%s", gap, "", b);
		strbuf_putc(out, '\n');
		lines++;
	}
	return lines;
}
