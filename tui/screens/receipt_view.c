/* receipt_view: a donation's receipt, previewed, saved and printed; see
 * receipt_view.h. */
#include "tui/screens/receipt_view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/sheet.h"
#include "core/xalloc.h"
#include "db/ledger.h"
#include "db/sheets.h"
#include "tui/app.h"
#include "tui/widgets/draw.h"
#include "tui/screens/history.h"
#include "tui/widgets/printflow.h"
#include "tui/widgets/screen.h"
#include "tui/widgets/scroll.h"

struct receipt_view {
	struct app *app;
	char receipt_no[DONATION_RECEIPT_MAX];
	char uuid[37];
	struct scroll_text body; /* the preview, or why there is none */
	int top;
};

static struct sheet *build(struct receipt_view *v, struct err *e)
{
	struct sheet *s = NULL;

	err_clear(e);
	if (db_sheet_receipt(app_db(v->app), v->receipt_no, app_staff(v->app), &s, e) < 0)
		return NULL;
	return s;
}

static void rebuild(struct receipt_view *v)
{
	struct ledger_row row = {0};
	struct sheet *s;
	struct err e;

	err_clear(&e);
	if (db_ledger_find_receipt(app_db(v->app), v->receipt_no, &row, &e) == 1)
		snprintf(v->uuid, sizeof v->uuid, "%s", row.uuid);
	db_ledger_row_clear(&row);
	s = build(v, &e);
	scroll_text_set_sheet(&v->body, s, &e);
}

static int rv_open(struct screen *s, void *arg, struct err *e)
{
	struct receipt_view *v = xcalloc(1, sizeof *v);

	(void)e;
	v->app = s->app;
	snprintf(v->receipt_no, sizeof v->receipt_no, "%s", (const char *)arg);
	s->state = v;
	rebuild(v);
	return 0;
}

static void rv_close(struct screen *s)
{
	struct receipt_view *v = s->state;

	scroll_text_free(&v->body);
	free(v);
}

static int rows_of(struct screen *s)
{
	return s->r.h - 2 > 1 ? s->r.h - 2 : 1;
}

static void rv_draw(struct screen *s)
{
	struct receipt_view *v = s->state;
	struct rect r = s->r;
	int rows = rows_of(s);
	char *head;

	draw_clear(r, THEME_NORMAL);
	head = xasprintf(_("Receipt %s"), v->receipt_no);
	draw_fit(r.y, r.x, r.w, head, THEME_TITLE);
	free(head);
	if (scroll_text_draw_error(&v->body, r))
		return;
	scroll_clamp(&v->top, rows, v->body.nlines);
	for (int i = 0; i < rows && v->top + i < v->body.nlines; i++)
		draw_fit(r.y + 1 + i, r.x, r.w, scroll_text_line(&v->body, v->top + i),
			 THEME_NORMAL);
	scroll_draw_position(r.y + r.h - 1, r, v->top, rows, v->body.nlines);
}

static int rv_event(struct screen *s, const struct event *ev)
{
	struct receipt_view *v = s->state;

	return scroll_event(&v->top, rows_of(s), ev) ? SCREEN_HANDLED : SCREEN_IGNORED;
}

static void rv_changed(struct screen *s)
{
	rebuild(s->state);
}

/* The receipt for printflow, saved as receipt-<number>.pdf. */
static struct sheet *build_for_print(void *ctx, struct db_sheet_request *rq, char **file,
				     struct err *e)
{
	struct receipt_view *v = ctx;
	struct sheet *s = build(v, e);

	if (!s)
		return NULL;
	memset(rq, 0, sizeof *rq);
	rq->kind = "receipt";
	rq->subject = v->receipt_no;
	clock_today_iso(rq->date);
	rq->staff = app_staff(v->app);
	*file = xasprintf("receipt-%s.pdf", v->receipt_no);
	return s;
}

/* s and p: the receipt saved as PDF or printed. */
static int rv_output(struct screen *s)
{
	return printflow_act(s, build_for_print);
}

static int rv_history(struct screen *s)
{
	struct receipt_view *v = s->state;
	char *title;

	if (!v->uuid[0])
		return SCREEN_HANDLED;
	title = xasprintf(_("donation %s"), v->receipt_no);
	history_push(v->app, v->uuid, title);
	free(title);
	return SCREEN_HANDLED;
}

static int rv_can(struct screen *s, enum action act)
{
	struct receipt_view *v = s->state;

	if (act == ACT_SAVE || act == ACT_PRINT)
		return v->body.text != NULL;
	if (act == ACT_HISTORY)
		return v->uuid[0] != '\0';
	return 1;
}

static const struct keybind rv_keys[] = {
    {0, 's', ACT_SAVE},
    {0, 'p', ACT_PRINT},
    {0, 'h', ACT_HISTORY},
    {0, 0, ACT_NONE},
};

static const struct screen_handler rv_handlers[] = {
    {ACT_SAVE, rv_output, N_("save PDF")},
    {ACT_PRINT, rv_output, NULL},
    {ACT_HISTORY, rv_history, NULL},
    {ACT_NONE, NULL, NULL},
};

static const struct screen_class receipt_screen = {
    .name = N_("Receipt"),
    .kind = SCREEN_KIND_SUBPAGE,
    .keys = rv_keys,
    .handlers = rv_handlers,
    .open = rv_open,
    .draw = rv_draw,
    .event = rv_event,
    .data_changed = rv_changed,
    .can = rv_can,
    .close = rv_close,
};

int receipt_view_push(struct app *app, const char *receipt_no)
{
	return app_push(app, &receipt_screen, (void *)receipt_no);
}
