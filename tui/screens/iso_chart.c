/* iso_chart: the temperature chart of an isolation; see iso_chart.h. */
#include "tui/screens/iso_chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/sheet.h"
#include "core/strbuf.h"
#include "core/textchart.h"
#include "core/xalloc.h"
#include "db/sheet_trend.h"
#include "tui/app.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/screen.h"

#define CHART_ROWS 9

struct iso_chart {
	struct app *app;
	long long id;
	char *name;
	struct sheet *curve; /* db_sheet_temp_curve's table: the slots and readings */
	char *error;
};

struct iso_chart_arg {
	long long id;
	const char *name;
};

static void rebuild(struct iso_chart *c)
{
	struct err e;
	char today[DATE_STR];

	err_clear(&e);
	sheet_free(&c->curve);
	free(c->error);
	c->error = NULL;
	clock_today_iso(today);
	c->curve = sheet_new("", SHEET_PORTRAIT);
	if (db_sheet_temp_curve(app_db(c->app), c->id, "", today,
				app_settings(c->app)->fever_threshold, 0, c->curve, &e) < 0)
		c->error = xstrdup(e.msg);
}

static int ic_open(struct screen *s, void *arg, struct err *e)
{
	const struct iso_chart_arg *a = arg;
	struct iso_chart *c = xcalloc(1, sizeof *c);

	(void)e;
	c->app = s->app;
	c->id = a->id;
	c->name = xstrdup(a->name);
	s->state = c;
	rebuild(c);
	return 0;
}

static void ic_close(struct screen *s)
{
	struct iso_chart *c = s->state;

	sheet_free(&c->curve);
	free(c->name);
	free(c->error);
	free(c);
}

/* The chart of the curve's table as lines of ASCII. */
static void chart_text(const struct sheet_table *t, int width, double ref, struct strbuf *out)
{
	double *v = xcalloc((size_t)t->nrows + 1, sizeof *v);
	char **lab = xcalloc((size_t)t->nrows + 1, sizeof *lab);

	for (int r = 0; r < t->nrows; r++) {
		const char *x = t->rows[r].cells[0].text, *y = t->rows[r].cells[1].text;

		v[r] = y && *y ? strtod(y, NULL) : NAN;
		/* "2020-02-13 上午" → "02-13" (ASCII: the chart's labels are) */
		lab[r] = xasprintf("%.5s", strlen(x) >= 10 ? x + 5 : x);
	}
	textchart_render(out, v, (const char *const *)lab, t->nrows, ref, 1, width, CHART_ROWS);
	for (int r = 0; r < t->nrows; r++)
		free(lab[r]);
	free(lab);
	free(v);
}

static void ic_draw(struct screen *s)
{
	struct iso_chart *c = s->state;
	struct rect r = s->r;
	const struct settings *set = app_settings(c->app);
	struct strbuf b = STRBUF_INIT;
	char *head;
	int y = r.y + 2;

	draw_clear(r, THEME_NORMAL);
	head = xasprintf(_("Temperatures of %s, AM and PM"), c->name);
	draw_fit(r.y, r.x, r.w, head, THEME_TITLE);
	free(head);
	if (c->error || !c->curve || c->curve->ntables == 0) {
		draw_wrapped((struct rect){r.y + 2, r.x + 1, r.h - 2, r.w - 2},
			     c->error ? c->error : _("This isolation has no checks yet."), 0,
			     c->error ? THEME_ERROR : THEME_DIM);
		return;
	}
	chart_text(c->curve->tables[0], r.w - 2, set->fever_threshold / 10.0, &b);
	for (const char *p = strbuf_str(&b); *p && y < r.y + r.h - 1; y++) {
		const char *nl = strchr(p, '\n');
		char *line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));

		draw_fit(y, r.x + 1, r.w - 2, line, THEME_NORMAL);
		free(line);
		p = nl ? nl + 1 : p + strlen(p);
	}
	strbuf_free(&b);
	head = xasprintf(_("* reading  # fever (>= %d.%d)  - threshold  blank: none"),
			 set->fever_threshold / 10, set->fever_threshold % 10);
	draw_fit(y + 1 < r.y + r.h ? y + 1 : y, r.x + 1, r.w - 2, head, THEME_DIM);
	free(head);
}

static void ic_changed(struct screen *s)
{
	rebuild(s->state);
}

static const struct screen_class iso_chart_screen = {
    .name = N_("Temperature chart"),
    .kind = SCREEN_KIND_SUBPAGE,
    .open = ic_open,
    .draw = ic_draw,
    .data_changed = ic_changed,
    .close = ic_close,
};

int iso_chart_push(struct app *app, long long id, const char *name)
{
	struct iso_chart_arg a = {id, name};

	return app_push(app, &iso_chart_screen, &a);
}
