/* iso_chart: an isolation's check temperatures as a chart of ASCII
 * characters (core/textchart), from the Isolation tab (`t`): every AM and
 * PM slot from the start to today (or the end), "*" a reading, "#" one at
 * or above the fever threshold, the threshold a row of "-", a blank column
 * a slot with no reading.  The readings are db/sheet_trend's, the same as
 * the curves of the isolation sheet and the release certificate.  Esc goes
 * back. */
#ifndef DOORSTEP_ISO_CHART_H
#define DOORSTEP_ISO_CHART_H

struct app;

/* Pushes the chart of isolation id, titled with name (copied).  Returns 0,
 * or -1 (the reason in the status line). */
int iso_chart_push(struct app *app, long long id, const char *name);

#endif
