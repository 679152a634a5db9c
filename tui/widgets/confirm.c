/* confirm: a yes/no dialog; see confirm.h. */
#include "tui/widgets/confirm.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "core/textwidth.h"
#include "core/xalloc.h"
#include "tui/app.h"
#include "tui/widgets/screen.h"

struct confirm {
	char *question;
	confirm_fn answer;
	void *ctx;
	int answered;
};

struct confirm_arg {
	const char *question;
	confirm_fn answer;
	void *ctx;
};

static int c_open(struct screen *s, void *arg, struct err *e)
{
	const struct confirm_arg *a = arg;
	struct confirm *c = xcalloc(1, sizeof *c);

	(void)e;
	c->question = xstrdup(a->question);
	c->answer = a->answer;
	c->ctx = a->ctx;
	s->state = c;
	return 0;
}

static struct rect c_rect(struct screen *s, int *lines)
{
	struct confirm *c = s->state;
	int w = textwidth_utf8(c->question) + 4;

	if (w > s->r.w - 4)
		w = s->r.w - 4;
	if (w < 36)
		w = 36;
	*lines = draw_wrapped((struct rect){0, 0, 0, w - 4}, c->question, 0, THEME_DIALOG);
	return draw_center_rect(s->r, *lines + 4, w);
}

static void c_draw(struct screen *s)
{
	struct confirm *c = s->state;
	int lines;
	struct rect r = c_rect(s, &lines);
	char buttons[128];

	draw_box(r, _("Please confirm"));
	draw_wrapped((struct rect){r.y + 1, r.x + 2, lines, r.w - 4}, c->question, 0, THEME_DIALOG);
	snprintf(buttons, sizeof buttons, "%s", _("[y] yes    [n] no"));
	draw_center(r.y + r.h - 2, r.x + 1, r.w - 2, buttons, THEME_TITLE);
}

static int finish(struct screen *s, int yes)
{
	struct confirm *c = s->state;
	int flags = 0;

	if (!c->answered) {
		c->answered = 1;
		flags = c->answer ? c->answer(c->ctx, yes) : 0;
	}
	return (flags & ~SCREEN_POP) | SCREEN_HANDLED | SCREEN_POP;
}

static int c_yes(struct screen *s)
{
	return finish(s, 1);
}

static int c_no(struct screen *s)
{
	return finish(s, 0);
}

static int c_event(struct screen *s, const struct event *ev)
{
	(void)s;
	/* every other key is swallowed: a question must be answered */
	if (ev->type == EVENT_KEY && ev->act != ACT_YES && ev->act != ACT_NO &&
	    ev->act != ACT_CANCEL && ev->act != ACT_HELP)
		return SCREEN_HANDLED;
	return SCREEN_IGNORED;
}

static void c_close(struct screen *s)
{
	struct confirm *c = s->state;

	if (!c->answered && c->answer) /* quitting: the answer is no */
		c->answer(c->ctx, 0);
	free(c->question);
	free(c);
}

static const struct screen_handler c_handlers[] = {
    {ACT_YES, c_yes, NULL},
    {ACT_NO, c_no, NULL},
    {ACT_CANCEL, c_no, N_("no")},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class confirm_screen = {
    .name = N_("Question"),
    .kind = SCREEN_KIND_DIALOG,
    .handlers = c_handlers,
    .open = c_open,
    .draw = c_draw,
    .event = c_event,
    .close = c_close,
};

int confirm_push(struct app *app, const char *question, confirm_fn answer, void *ctx)
{
	struct confirm_arg a = {question, answer, ctx};

	return app_push(app, &confirm_screen, &a);
}

/* What a delete asked for: the record and what to say once it is done. */
struct confirm_delete {
	struct app *app;
	confirm_delete_fn del;
	long long id;
	char *done;
};

static int delete_answer(void *ctx, int yes)
{
	struct confirm_delete *d = ctx;
	struct err e;
	int flags = 0;

	err_clear(&e);
	if (yes) {
		if (d->del(app_db(d->app), d->id, &e) < 0)
			app_error_err(d->app, &e);
		else if (d->done)
			app_status(d->app, "%s", d->done);
		flags = SCREEN_CHANGED;
	}
	free(d->done);
	free(d);
	return flags;
}

int confirm_delete_push(struct app *app, const char *question, confirm_delete_fn del,
			long long id, const char *done)
{
	struct confirm_delete *d = xcalloc(1, sizeof *d);

	d->app = app;
	d->del = del;
	d->id = id;
	d->done = done ? xstrdup(done) : NULL;
	if (confirm_push(app, question, delete_answer, d) < 0) {
		free(d->done);
		free(d);
		return -1;
	}
	return 0;
}
