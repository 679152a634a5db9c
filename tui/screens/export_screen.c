/* export_screen: the Export tab; see export_screen.h.
 *
 * The choices are enumeration fields of a form: the datasets and encodings
 * come from fixed tables, the profiles from the files found in
 * paths_data_dir()/profiles when the form opens.  The export itself runs in
 * the form's submit callback and draws its own progress box between rows
 * (the main loop is not running meanwhile). */
#include "tui/screens/export_screen.h"

#include <curses.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/export.h"
#include "core/i18n.h"
#include "core/outdir.h"
#include "core/settings.h"
#include "core/profile.h"
#include "core/xalloc.h"
#include "tui/app.h"
#include "tui/widgets/confirm.h"
#include "tui/ops/export.h"
#include "tui/widgets/form.h"
#include "tui/widgets/formcheck.h"
#include "tui/paths.h"

/* What the tab shows: the last export. */
struct state {
	char *last_path;
	char *last_dataset;
	long long last_rows;
	struct enum_entry *datasets; /* {NULL}-terminated; built once */
};

/* One open form's context, freed when it closes. */
struct form_ctx {
	struct screen *s;
	struct form *form;
	struct enum_entry *profiles; /* {NULL}-terminated; codes and labels malloc'd */
	int nprofiles;
	int full_agreed; /* the user said yes to full numbers in this form */
	struct rect box;
	long long shown; /* rows drawn last in the progress box */
};

static const char *dataset_label(const char *name);

static const struct enum_entry encodings[] = {
	{"utf8-bom", N_("UTF-8 with BOM (Excel, WPS)"), "UTF-8 BOM"},
	{"utf8", N_("UTF-8 (other programs)"), "UTF-8"},
	{"gb18030", N_("GB18030 (old software)"), "GB18030"},
	{"xlsx", N_("Excel workbook (.xlsx)"), "Excel 工作簿（.xlsx）"},
	{NULL, NULL, NULL},
};

static const struct enum_entry id_modes[] = {
	{"masked", N_("masked (411202********1234)"), "隐藏"},
	{"full", N_("full (recorded in the audit log)"), "完整"},
	{NULL, NULL, NULL},
};

#define NO_PROFILE "-"

static int has_ini_suffix(const char *s)
{
	size_t n = strlen(s);

	return n > 4 && !strcmp(s + n - 4, ".ini");
}

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct enum_entry *)a)->code, ((const struct enum_entry *)b)->code);
}

/* Reads the profiles folder: each loadable profile becomes an entry whose
 * label is its name and title.  Entry 0 is "none". */
static void load_profiles(struct form_ctx *c)
{
	char *dir = xasprintf("%s/profiles", paths_data_dir());
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 1;

	c->profiles = xcalloc(2, sizeof *c->profiles);
	c->profiles[0].code = xstrdup(NO_PROFILE);
	c->profiles[0].label = xstrdup(_("none: the default columns"));
	c->profiles[0].zh = "";
	while (d && (de = readdir(d)) != NULL) {
		struct profile *p = NULL;
		char *path;
		struct err e;

		if (de->d_name[0] == '.' || !has_ini_suffix(de->d_name))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		err_clear(&e);
		if (profile_load(path, &p, &e) == 0) {
			c->profiles = xrealloc(c->profiles, (size_t)(n + 2) * sizeof *c->profiles);
			c->profiles[n].code = xstrndup(de->d_name, strlen(de->d_name) - 4);
			/* TRANSLATORS: a profile: its code, its title, its dataset */
			c->profiles[n].label = xasprintf(
			    _("%s  %s (%s)"), c->profiles[n].code, p->title ? p->title : "",
			    _(dataset_label(p->dataset->name)));
			c->profiles[n].zh = "";
			n++;
			memset(&c->profiles[n], 0, sizeof c->profiles[n]);
			profile_free(&p);
		}
		free(path);
	}
	if (d)
		closedir(d);
	qsort(c->profiles + 1, (size_t)(n - 1), sizeof *c->profiles, by_code);
	c->nprofiles = n;
	free(dir);
}

static void form_ctx_free(void *ctx, int saved)
{
	struct form_ctx *c = ctx;

	(void)saved;
	for (int i = 0; i < c->nprofiles; i++) {
		free((char *)c->profiles[i].code);
		free((char *)c->profiles[i].label);
	}
	free(c->profiles);
	free(c);
}

/* The file to write (core/outdir.h): empty → <dataset>-<today>.<suffix>
 * in the output folder.  Malloc'd. */
static char *resolve_path(const char *folder, const char *v, const char *dataset,
			  const char *suffix)
{
	char today[DATE_STR], *name, *path;

	clock_today_iso(today);
	name = xasprintf("%s-%s.%s", dataset, today, suffix);
	path = outdir_path(folder, getenv("HOME"), v, name);
	free(name);
	return path;
}

/* Draws the progress box over the form and shows it at once. */
static void progress(void *ctx, long long done, long long total)
{
	struct form_ctx *c = ctx;
	struct rect b = c->box;
	char line[160];
	int barw = b.w - 4, fill;

	if (done == c->shown && done != total)
		return;
	c->shown = done;
	draw_box(b, _("Exporting"));
	if (total > 0)
		snprintf(line, sizeof line, _("%lld of %lld rows"), done, total);
	else
		snprintf(line, sizeof line, _("%lld rows"), done);
	draw_center(b.y + 1, b.x + 1, b.w - 2, line, THEME_DIALOG);
	fill = total > 0 ? (int)(done * barw / (total ? total : 1)) : 0;
	if (fill > barw)
		fill = barw;
	/* Characters, not only colours, so that it shows under NO_COLOR too. */
	for (int i = 0; i < barw; i++)
		draw_text(b.y + 2, b.x + 2 + i, 1, i < fill ? "█" : "░",
			  i < fill ? THEME_OK : THEME_DIM);
	refresh();
}

static int submit(void *ctx, struct form *f, struct err *e)
{
	struct form_ctx *c = ctx;
	struct state *st = c->s->state;
	struct export_request rq = {0};
	struct profile *pf = NULL;
	char *pf_path = NULL, *path = NULL;
	const char *pname = form_value(f, "profile");
	char from[DATE_STR] = "", to[DATE_STR] = "";
	struct date today, d;
	long long rows;
	int r = -1;

	rq.ds = export_dataset_find(form_value(f, "dataset"));
	if (!rq.ds)
		return err_field(e, "dataset", "%s", _("choose a dataset"));
	if (*pname && strcmp(pname, NO_PROFILE)) {
		int found = export_find_profile(pname, &pf, &pf_path, e);

		if (found == 0)
			err_set(e, _("the profile %s is gone"), pname);
		else if (found < 0 && e->line > 0)
			err_prefix(e, "%s:%ld", pf_path, e->line);
		if (found != 1) {
			snprintf(e->field, sizeof e->field, "profile");
			goto out;
		}
		if (pf->dataset != rq.ds) {
			err_field(e, "dataset", _("the profile %s is for the dataset %s"), pname,
				  pf->dataset->name);
			goto out;
		}
	}
	/* Dates: the form's, else the profile's defaults. */
	clock_today(&today);
	snprintf(from, sizeof from, "%s", form_value(f, "from"));
	snprintf(to, sizeof to, "%s", form_value(f, "to"));
	if (!from[0] && pf && pf->from && date_parse_input(pf->from, &today, &d, e) == 0)
		date_format(&d, from);
	if (!to[0] && pf && pf->to && date_parse_input(pf->to, &today, &d, e) == 0)
		date_format(&d, to);
	err_clear(e);
	if ((from[0] || to[0]) && !rq.ds->date_rule) {
		err_field(e, "from", _("%s have no date: leave the dates empty"), rq.ds->name);
		goto out;
	}
	if (from[0] && to[0] && strcmp(from, to) > 0) {
		err_field(e, "to", "%s", _("the end date is before the start date"));
		goto out;
	}
	/* The format field holds the CSV encodings and the workbook. */
	if (export_format_parse(form_value(f, "encoding"), &rq.format, NULL) < 0) {
		rq.format = pf && pf->has_format ? pf->format : EXPORT_CSV;
		csvout_encoding_parse(form_value(f, "encoding"), &rq.encoding, NULL);
	}
	path = resolve_path(app_settings(c->s->app)->output_dir, form_value(f, "path"), rq.ds->name,
			    rq.format == EXPORT_XLSX ? "xlsx" : "csv");
	rq.profile = pf;
	rq.from = from[0] ? from : NULL;
	rq.to = to[0] ? to : NULL;
	/* the form shows the profile's policy and may have been changed from it */
	rq.full_ids = !strcmp(form_value(f, "ids"), "full");
	rq.path = path;
	rq.progress = progress;
	rq.progress_ctx = c;
	c->box = draw_center_rect(c->s->r, 5, 50);
	c->shown = -1;
	rows = export_run(app_db(c->s->app), &rq, e);
	if (rows < 0) {
		e->field[0] = '\0';
		goto out;
	}
	free(st->last_path);
	free(st->last_dataset);
	st->last_path = xstrdup(path);
	st->last_dataset = xstrdup(rq.ds->name);
	st->last_rows = rows;
	if (rq.full_ids)
		app_status(c->s->app,
			   _("%lld rows of %s written to %s, with full ID numbers (recorded in the audit log)"),
			   rows, rq.ds->name, path);
	else
		app_status(c->s->app, _("%lld rows of %s written to %s"), rows, rq.ds->name, path);
	r = 0;
out:
	profile_free(&pf);
	free(pf_path);
	free(path);
	return r;
}

static int full_answer(void *ctx, int yes)
{
	struct form_ctx *c = ctx;

	c->full_agreed = yes;
	if (!yes)
		form_set(c->form, "ids", "masked");
	return 0;
}

/* The profile's policy for ID numbers shows in the form; full numbers are
 * asked about once, whether the profile or the user chose them. */
static void changed(void *ctx, struct form *f, const char *name)
{
	struct form_ctx *c = ctx;
	const char *pname = form_value(f, "profile");
	struct profile *pf = NULL;
	char *pf_path = NULL;
	struct err e;

	if (!strcmp(name, "profile")) {
		err_clear(&e);
		if (*pname && strcmp(pname, NO_PROFILE) &&
		    export_find_profile(pname, &pf, &pf_path, &e) == 1)
			form_set(f, "ids", pf->full_ids ? "full" : "masked");
		else
			form_set(f, "ids", "masked");
		profile_free(&pf);
		free(pf_path);
	}
	if (strcmp(form_value(f, "ids"), "full")) {
		c->full_agreed = 0;
		return;
	}
	if (!c->full_agreed)
		confirm_push(c->s->app,
			     _("This export writes full ID numbers and phones (recorded in the "
			       "audit log). Write full numbers?"),
			     full_answer, c);
}

static int open_form(struct screen *s)
{
	struct state *st = s->state;
	struct form_ctx *c = xcalloc(1, sizeof *c);
	struct form *f;

	c->s = s;
	load_profiles(c);
	f = form_new(_("Export"), c);
	form_add_enum(f, "dataset", N_("Dataset"), st->datasets,
		      st->last_dataset ? st->last_dataset : "residents", FORM_REQUIRED);
	form_add_date(f, "from", N_("From"), NULL, 0, NULL);
	form_add_date(f, "to", N_("To"), NULL, 0, NULL);
	form_add_enum(f, "profile", N_("Profile"), c->profiles, NO_PROFILE, 0);
	form_add_enum(f, "encoding", N_("File format"), encodings, "utf8-bom", FORM_REQUIRED);
	form_add_enum(f, "ids", N_("ID numbers, phones"), id_modes, "masked", FORM_REQUIRED);
	form_add_readonly(f, "folder", N_("Output folder (Settings)"),
			  app_settings(s->app)->output_dir);
	form_add_text(f, "path", N_("File"), NULL, 0, 0, formcheck_file_name);
	form_on_change(f, changed);
	c->form = f;
	form_push(s->app, f, submit, form_ctx_free);
	return SCREEN_HANDLED;
}

/* The datasets' names as the form shows them: msgids, so that a Chinese
 * form says 居民, not residents (the name stays the code). */
static const char *const dataset_labels[] = {
    N_("households"), N_("residents"), N_("visits"),	   N_("readings"),
    N_("isolations"), N_("checks"),    N_("donations"),	   N_("distributions"),
    N_("shifts"),     N_("pass_events"), N_("followups"), N_("visitors"),
    N_("daily"),
};

static const char *dataset_label(const char *name)
{
	for (size_t i = 0; i < sizeof dataset_labels / sizeof dataset_labels[0]; i++)
		if (!strcmp(dataset_labels[i], name))
			return dataset_labels[i];
	return name;
}

static int ex_open(struct screen *s, void *arg, struct err *e)
{
	struct state *st = xcalloc(1, sizeof *st);
	const struct export_dataset *ds;
	int n;

	(void)arg;
	(void)e;
	ds = export_datasets(&n);
	st->datasets = xcalloc((size_t)n + 1, sizeof *st->datasets);
	for (int i = 0; i < n; i++) {
		st->datasets[i].code = ds[i].name;
		st->datasets[i].label = dataset_label(ds[i].name);
		st->datasets[i].zh = ds[i].zh;
	}
	st->last_rows = -1;
	s->state = st;
	return 0;
}

static void ex_draw(struct screen *s)
{
	struct state *st = s->state;
	struct rect r = s->r;
	int y = r.y + 1, x = r.x + 2, w = r.w - 4;
	char line[512];
	int n;

	draw_clear(r, THEME_NORMAL);
	draw_text(y++, x, w, _("Export"), THEME_TITLE);
	y++;
	n = draw_wrapped((struct rect){y, x, 5, w},
			  _("Writes a dataset as a CSV file or an Excel workbook for the district "
			    "office: UTF-8 with BOM for Excel and WPS, UTF-8 for other programs, "
			    "GB18030 for old software, .xlsx with numbers, dates and ID numbers as "
			    "Excel keeps them. "
			    "A profile gives an office's own columns and headers. ID numbers and "
			    "phones are masked unless you choose full values (recorded in the audit "
			    "log)."),
			  0, THEME_NORMAL);
	y += (n < 5 ? n : 5) + 1;
	if (st->last_path) {
		snprintf(line, sizeof line, _("Last export: %lld rows of %s"), st->last_rows,
			 st->last_dataset);
		draw_text(y++, x, w, line, THEME_OK);
		draw_text(y++, x + 2, w - 2, st->last_path, THEME_NORMAL);
		y++;
	}
	draw_text(y, x, w, _("Press Enter to choose what to export."), THEME_DIM);
}

static void ex_close(struct screen *s)
{
	struct state *st = s->state;

	free(st->last_path);
	free(st->last_dataset);
	free(st->datasets);
	free(st);
}

static const struct screen_handler handlers[] = {
	{ACT_OPEN, open_form, N_("export")},
	{ACT_NEW, open_form, NULL},
	{0, NULL, NULL},
};

const struct screen_class export_screen = {
	.name = N_("Export"),
	.kind = SCREEN_KIND_LIST,
	.handlers = handlers,
	.open = ex_open,
	.draw = ex_draw,
	.close = ex_close,
};
