/* printflow: `s` and `p` on a sheet; see printflow.h. */
#include "tui/widgets/printflow.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/outdir.h"
#include "core/settings.h"
#include "core/sheet.h"
#include "core/sheet_pdf.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/sheets.h"
#include "tui/app.h"
#include "tui/widgets/picklist.h"
#include "tui/ops/print.h"
#include "tui/ops/sheet.h"
#include "tui/widgets/screen.h"

/* What a pending pick-list needs once a queue is chosen. */
struct pending {
	struct app *app;
	printflow_build_fn build;
	void *ctx;
	struct print_queue *queues;
	int nqueues;
};

/* Writes the PDF; the malloc'd file name, or NULL after showing the error. */
static char *write_pdf(struct app *app, printflow_build_fn build, void *ctx,
		       struct db_sheet_request *rq, int *pages)
{
	struct strbuf missing = STRBUF_INIT;
	struct sheet *s;
	struct err e;
	char *file = NULL;

	err_clear(&e);
	s = build(ctx, rq, &file, &e);
	if (!s) {
		app_error_err(app, &e);
		free(file);
		return NULL;
	}
	{ /* the default name, in the output folder (core/outdir.h) */
		char *in = outdir_path(app_settings(app)->output_dir, getenv("HOME"), file, file);

		free(file);
		file = in;
	}
	if (sheet_pdf_write_checked(s, file, pages, &missing, &e) < 0) {
		app_error_err(app, &e);
		free(file);
		file = NULL;
	} else if (strbuf_str(&missing)[0]) {
		app_error(app, _("No installed font has a character of %.*s: it prints as a box."),
			  (int)strcspn(strbuf_str(&missing), "\n"), strbuf_str(&missing));
	}
	strbuf_free(&missing);
	sheet_free(&s);
	return file;
}

/* The file's absolute path for a message (malloc'd). */
static char *full_path(const char *file)
{
	char *abs = realpath(file, NULL);

	return abs ? abs : xstrdup(file);
}

int printflow_save(struct app *app, printflow_build_fn build, void *ctx)
{
	struct db_sheet_request rq;
	int pages = 0;
	char *file = write_pdf(app, build, ctx, &rq, &pages), *abs;

	if (!file)
		return SCREEN_HANDLED;
	abs = full_path(file);
	app_status(app, _("Saved %s (%d page(s))"), abs, pages);
	free(abs);
	free(file);
	return SCREEN_HANDLED;
}

static int queue_done(void *arg, int index)
{
	struct pending *p = arg;
	struct db_sheet_request rq;
	char job[64], *file = NULL, *abs;
	const char *queue;
	struct err e;
	int pages = 0, flags = SCREEN_HANDLED, sent;

	if (index < 0 || index >= p->nqueues)
		goto out;
	queue = p->queues[index].name;
	file = write_pdf(p->app, p->build, p->ctx, &rq, &pages);
	if (!file)
		goto out;
	abs = full_path(file);
	err_clear(&e);
	sent = sheet_file_print(app_db(p->app), &rq, file, queue, job, sizeof job, &e);
	if (sent == SHEET_PRINT_NOT_SENT) {
		app_error(p->app, _("%s; the PDF is kept at %s"), e.msg, abs);
	} else {
		app_status(p->app, _("Sent to %s as job %s (%d page(s)); the PDF is at %s"), queue,
			   job, pages, abs);
		if (sent == SHEET_PRINT_NOT_RECORDED)
			app_error_err(p->app, &e);
		else
			flags |= SCREEN_CHANGED;
	}
	free(abs);
out:
	free(file);
	free(p->queues);
	free(p);
	return flags;
}

int printflow_print(struct app *app, printflow_build_fn build, void *ctx)
{
	struct pending *p = xcalloc(1, sizeof *p);
	char **labels;
	int current = 0;
	struct err e;

	p->app = app;
	p->build = build;
	p->ctx = ctx;
	err_clear(&e);
	if (print_list_queues(&p->queues, &p->nqueues, &e) < 0 || p->nqueues == 0) {
		if (p->nqueues == 0 && !e.msg[0])
			app_error(
			    app, "%s",
			    _("No printer queue is set up in CUPS (add one with lpadmin or at "
			      "http://localhost:631); save the PDF with s instead."));
		else
			app_error_err(app, &e);
		free(p->queues);
		free(p);
		return SCREEN_HANDLED;
	}
	labels = xcalloc((size_t)p->nqueues, sizeof *labels);
	for (int i = 0; i < p->nqueues; i++) {
		if (p->queues[i].is_default) {
			labels[i] = xasprintf(_("%s (default)"), p->queues[i].name);
			current = i;
		} else {
			labels[i] = xstrdup(p->queues[i].name);
		}
	}
	if (picklist_push_owned(app, _("Print on"), labels, p->nqueues, current, queue_done, p) <
	    0) {
		free(p->queues);
		free(p);
	}
	return SCREEN_HANDLED;
}

int printflow_act(struct screen *s, printflow_build_fn build)
{
	if (screen_action(s) == ACT_PRINT)
		return printflow_print(s->app, build, s->state);
	return printflow_save(s->app, build, s->state);
}
