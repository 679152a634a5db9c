/* textchart: a small chart of values drawn with ASCII characters only, for
 * a terminal (the Isolation tab's temperature chart): one column per value,
 * "*" for a value, "#" for one at or above the reference (a fever), a row
 * of "-" for the reference itself, the y labels on the left, the first and
 * last x labels under the axis.  ASCII only: every character is one column
 * on every terminal, CJK ones included. */
#ifndef DOORSTEP_TEXTCHART_H
#define DOORSTEP_TEXTCHART_H

#include "core/strbuf.h"

/* Appends the chart of the n values v (NAN: no value, a blank column) to
 * out as rows lines of plot, an axis line and a label line, each ending in
 * '\n'; at most width columns wide (the last values are kept when there
 * are more than fit).  labels[i] names value i (the first and last shown
 * are printed under the axis; may be NULL).  ref is the reference (a
 * fever threshold), drawn when has_ref.  Returns the lines written. */
int textchart_render(struct strbuf *out, const double *v, const char *const *labels, int n,
		     double ref, int has_ref, int width, int rows);

#endif
