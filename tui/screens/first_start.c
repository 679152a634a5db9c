/* first_start: the screens of a start without a database; see
 * first_start.h.
 *
 * The base screen (the only one of the tab until the database exists)
 * draws the one-line explanation at the top of the body and, after a
 * refusal, the full reason at its bottom, below the centred menu or form.
 * After `init --from` it shows the merge report until Enter.
 *
 * The forms' callbacks get the base screen's state as ctx.  app_begin
 * closes the base screen before the form that called it, so a form's close
 * callback reads ctx only when the form was cancelled. */
#include "tui/screens/first_start.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/limits.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/merge.h"
#include "tui/app.h"
#include "tui/cli/cli.h"
#include "tui/ops/merge.h"
#include "tui/widgets/form.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/scroll.h"
#include "tui/ops/setup.h"

#define REFUSAL_LINES 5

struct first {
	struct app *app;
	int fresh;     /* 1: no file at the path; 0: a database never set up */
	char *refusal; /* the last attempt's reason, shown in full; NULL none */
	char *report;  /* after init --from: the merge report; Enter continues */
	int top;       /* first report line shown */
	int lines;     /* lines the report takes at the current width */
};

static int menu_push(struct first *fs);

static void set_refusal(struct first *fs, const char *msg)
{
	free(fs->refusal);
	fs->refusal = msg && *msg ? xstrdup(msg) : NULL;
}

/* ---- the forms ---- */

static int check_station(void *ctx, struct form *f, const char *name, const char *value,
			 struct err *e)
{
	char c = setup_station(value), up[2] = {c, 0};

	(void)ctx;
	if (!c)
		return err_field(e, name, "%s", _("the station code is one letter A-Z"));
	form_set(f, name, up);
	return 0;
}

static int check_file(void *ctx, struct form *f, const char *name, const char *value, struct err *e)
{
	const char *home = getenv("HOME");

	(void)ctx;
	if (value[0] == '~' && value[1] == '/' && home && *home) {
		char *p = xasprintf("%s%s", home, value + 1);

		form_set(f, name, p);
		free(p);
		value = form_value(f, name);
	}
	if (access(value, R_OK) < 0)
		return err_field(e, name, _("cannot read %s: %s"), value, strerror(errno));
	return 0;
}

/* A cancelled form goes back to the menu; a saved one has moved on. */
static void form_closed(void *ctx, int saved)
{
	if (!saved)
		menu_push(ctx);
}

static int community_submit(void *ctx, struct form *f, struct err *e)
{
	struct first *fs = ctx;
	struct app *app = fs->app;
	struct cli *cli = app_cli(app);
	struct settings s;

	settings_defaults(&s);
	xstrset(&s.community, form_value(f, "community"));
	xstrset(&s.street, form_value(f, "street"));
	xstrset(&s.district, form_value(f, "district"));
	s.station = setup_station(form_value(f, "station"));
	set_refusal(fs, NULL);
	if (setup_new_community(cli, &s, e) < 0) {
		set_refusal(fs, e->msg);
		settings_clear(&s);
		return -1;
	}
	if (app_begin(app, e) < 0) {
		settings_clear(&s);
		return -1;
	}
	/* fs goes with its screen, which app_begin closed */
	app_status(app, _("Created the database of %s (station %c): %s"), s.community, s.station,
		   cli->db_path);
	settings_clear(&s);
	return 0;
}

static void push_community_form(struct first *fs)
{
	struct form *f = form_new(_("A new community"), fs);

	form_add_text(f, "community", N_("Community"), "", limits_max("settings", "community"), FORM_REQUIRED, NULL);
	form_add_text(f, "street", N_("Street office"), "", limits_max("settings", "street"), 0, NULL);
	form_add_text(f, "district", N_("District"), "", limits_max("settings", "district"), 0, NULL);
	form_add_text(f, "station", N_("Station code"), "A", 0, FORM_REQUIRED, check_station);
	form_push(fs->app, f, community_submit, form_closed);
}

/* The report of init --from as text (malloc'd). */
static char *report_text(const char *path, const char *from, char station,
			 const struct merge_report *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return xstrdup("");
	fprintf(f, _("Created the database of %s (station %c): %s, from %s (station %c).\n\n"),
		r->other_community, station, path, from, r->other_station);
	merge_print_report(f, r);
	fprintf(f, "\n%s\n", _("Enter continues: who is on duty, then the tabs."));
	fclose(f);
	return buf;
}

static int from_submit(void *ctx, struct form *f, struct err *e)
{
	struct first *fs = ctx;
	struct cli *cli = app_cli(fs->app);
	struct merge_report r;
	const char *from = form_value(f, "from");
	char station = setup_station(form_value(f, "station"));

	set_refusal(fs, NULL);
	if (setup_from(cli, from, station, &r, e) < 0) {
		/* the other file has this very station code: mark the field */
		if (r.other_station && r.other_station == station)
			snprintf(e->field, sizeof e->field, "station");
		set_refusal(fs, e->msg);
		merge_report_free(&r);
		return -1;
	}
	fs->report = report_text(cli->db_path, from, station, &r);
	fs->top = 0;
	merge_report_free(&r);
	app_status(fs->app, "%s", _("This machine's database is ready."));
	return 0;
}

static void push_from_form(struct first *fs)
{
	struct form *f = form_new(_("A second machine of an existing community"), fs);

	form_add_text(f, "from", N_("The other machine's file"), "", 0, FORM_REQUIRED, check_file);
	form_add_text(f, "station", N_("This machine's station code"), "", 0, FORM_REQUIRED,
		      check_station);
	form_push(fs->app, f, from_submit, form_closed);
}

/* ---- the menu ---- */

static int menu_done(void *ctx, int index)
{
	struct first *fs = ctx;

	switch (index) {
	case 0:
		push_community_form(fs);
		return SCREEN_HANDLED;
	case 1:
		push_from_form(fs);
		return SCREEN_HANDLED;
	default:
		return SCREEN_QUIT;
	}
}

static int menu_push(struct first *fs)
{
	const char *labels[] = {
	    _("A new community"),
	    _("A second machine of an existing community"),
	    _("Quit"),
	};

	return picklist_push(fs->app, _("How do you want to begin?"), labels, 3, 0, menu_done, fs);
}

/* ---- the base screen ---- */

static void fs_draw(struct screen *s)
{
	struct first *fs = s->state;
	const char *path = app_cli(s->app)->db_path;
	struct rect r = s->r;
	char *line;

	draw_clear(r, THEME_NORMAL);
	if (fs->report) {
		struct rect body = {r.y + 3, r.x + 2, r.h - 3, r.w - 4};

		draw_fit(r.y + 1, r.x + 2, r.w - 4, _("This machine is set up"), THEME_TITLE);
		fs->lines = draw_wrapped(body, fs->report, fs->top, THEME_NORMAL);
		if (fs->top > 0)
			draw_text(body.y, r.x + r.w - 2, 1, "▲", THEME_DIM);
		if (fs->top + body.h < fs->lines)
			draw_text(body.y + body.h - 1, r.x + r.w - 2, 1, "▼", THEME_DIM);
		return;
	}
	if (fs->fresh)
		line = xasprintf(_("There is no database yet at %s."), path);
	else
		line = xasprintf(_("The database %s holds no community yet."), path);
	draw_wrapped((struct rect){r.y + 1, r.x + 2, 2, r.w - 4}, line, 0, THEME_TITLE);
	free(line);
	if (fs->refusal) {
		struct rect b = {r.y + r.h - REFUSAL_LINES, r.x + 2, REFUSAL_LINES, r.w - 4};

		line = xasprintf(_("Not created: %s"), fs->refusal);
		draw_wrapped(b, line, 0, THEME_ERROR);
		free(line);
	}
}

/* Once the report is shown: Up/Down, PgUp/PgDn, Home/End and the wheel
 * move it. */
static int fs_event(struct screen *s, const struct event *ev)
{
	struct first *fs = s->state;

	if (!fs->report)
		return SCREEN_IGNORED;
	return scroll_view_event(&fs->top, s->r.h - 3, fs->lines, ev);
}

/* Enter: after the report, on to the program; before, the menu again. */
static int fs_enter(struct screen *s)
{
	struct first *fs = s->state;
	struct err e;

	if (!fs->report) {
		menu_push(fs);
		return SCREEN_HANDLED;
	}
	err_clear(&e);
	if (app_begin(s->app, &e) < 0) {
		app_error_err(s->app, &e);
		return SCREEN_HANDLED;
	}
	return SCREEN_HANDLED | SCREEN_CHANGED;
}

static int fs_can(struct screen *s, enum action act)
{
	struct first *fs = s->state;

	return act == ACT_OPEN || fs->report;
}

static void fs_close(struct screen *s)
{
	struct first *fs = s->state;

	free(fs->refusal);
	free(fs->report);
	free(fs);
	s->state = NULL;
}

static const struct screen_handler fs_handlers[] = {
    {ACT_OPEN, fs_enter, N_("continue")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class first_start_screen = {
    .name = N_("First start"),
    .kind = SCREEN_KIND_PAGE,
    .handlers = fs_handlers,
    .open = screen_open_arg,
    .draw = fs_draw,
    .event = fs_event,
    .can = fs_can,
    .close = fs_close,
};

int first_start_push(struct app *app)
{
	struct first *fs = xcalloc(1, sizeof *fs);

	fs->app = app;
	fs->fresh = app_cli(app)->db == NULL;
	if (app_push(app, &first_start_screen, fs) < 0) {
		free(fs);
		return -1;
	}
	return menu_push(fs);
}
