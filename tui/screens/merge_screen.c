/* merge_screen: the merge preview and report view; see merge_screen.h. */
#include "tui/screens/merge_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "db/merge.h"
#include "tui/app.h"
#include "tui/ops/merge.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/scroll.h"

struct mview {
	char *path;
	char *text; /* the report as shown */
	int merged; /* 0: a dry run is shown, 1: the merge was written */
	int top;    /* first line shown */
	int lines;  /* lines the text takes at the current width */
};

/* Runs the merge (dry or not) of v->path into db and replaces v->text with
 * the report.  Returns 0, or -1 with e filled (v->text unchanged). */
static int run(struct mview *v, struct db *db, int dry, struct err *e)
{
	struct merge_opts o = {dry, 0};
	struct merge_report r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	err_clear(e);
	rc = db_merge(db, v->path, &o, &r, e);
	if (rc == 0 && (f = open_memstream(&buf, &len))) {
		fprintf(f, _("%s (station %c) into this database (station %c); last met: %s\n\n"),
			v->path, r.other_station, r.this_station,
			r.last_met[0] ? r.last_met : _("never"));
		merge_print_report(f, &r);
		fprintf(f, "\n%s\n",
			dry ? _("This is a dry run: nothing was written yet. Enter merges, Esc "
				"cancels.")
			    : _("Merged. Esc closes."));
		fclose(f);
		free(v->text);
		v->text = buf;
		v->top = 0;
	}
	merge_report_free(&r);
	return rc;
}

static void mview_free(struct mview **pv)
{
	if (!*pv)
		return;
	free((*pv)->path);
	free((*pv)->text);
	free(*pv);
	*pv = NULL;
}

static void mv_draw(struct screen *s)
{
	struct mview *v = s->state;
	struct rect body = {s->r.y + 1, s->r.x + 1, s->r.h - 1, s->r.w - 2};

	draw_clear(s->r, THEME_NORMAL);
	draw_fit(s->r.y, s->r.x + 1, s->r.w - 2,
		 v->merged ? _("Merge: done") : _("Merge another machine's file: preview"),
		 THEME_TITLE);
	v->lines = draw_wrapped(body, v->text ? v->text : "", v->top, THEME_NORMAL);
}

/* Up/Down, PgUp/PgDn, Home/End and the wheel move the report. */
static int mv_event(struct screen *s, const struct event *ev)
{
	struct mview *v = s->state;

	return scroll_view_event(&v->top, s->r.h - 1, v->lines, ev);
}

static int mv_merge(struct screen *s)
{
	struct mview *v = s->state;
	struct err e;

	if (v->merged)
		return SCREEN_HANDLED;
	if (run(v, app_db(s->app), 0, &e) < 0) {
		app_error_err(s->app, &e);
		return SCREEN_HANDLED;
	}
	v->merged = 1;
	app_status(s->app, "%s", _("The other file's records were merged."));
	return SCREEN_HANDLED | SCREEN_CHANGED;
}

static int mv_can(struct screen *s, enum action act)
{
	struct mview *v = s->state;

	return act != ACT_OPEN || !v->merged;
}

static void mv_free(struct screen *s)
{
	struct mview *v = s->state;

	mview_free(&v);
	s->state = NULL;
}

static const struct screen_handler mv_handlers[] = {
    {ACT_OPEN, mv_merge, N_("merge now")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class merge_view = {
    .name = N_("Merge"),
    .kind = SCREEN_KIND_WINDOW,
    .handlers = mv_handlers,
    .open = screen_open_arg,
    .draw = mv_draw,
    .event = mv_event,
    .can = mv_can,
    .close = mv_free,
};

int merge_screen_push(struct app *app, const char *path, struct err *e)
{
	struct mview *v = xcalloc(1, sizeof *v);

	v->path = xstrdup(path);
	if (run(v, app_db(app), 1, e) < 0) {
		mview_free(&v);
		return -1;
	}
	if (app_push(app, &merge_view, v) < 0) {
		mview_free(&v);
		return err_set(e, "%s", _("the merge window could not open"));
	}
	return 0;
}
