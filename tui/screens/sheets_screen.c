/* sheets_screen: the Sheets tab; see sheets_screen.h.
 *
 * The preview is the sheet's text form (core/sheet_text), the same one
 * `doorstep sheet --text` prints, rebuilt whenever the sheet, date or grid
 * changes or the data does.  Save and print write the PDF with the same
 * default name as the command line (tui/cli/cmd_sheet.h) in the current folder;
 * print then sends that file to the queue picked from lpstat's list, and
 * the file stays either way. */
#include "tui/screens/sheets_screen.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/sheet.h"
#include "core/textwidth.h"
#include "core/xalloc.h"
#include "db/sheets.h"
#include "tui/app.h"
#include "tui/ops/sheet.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/picklist.h"
#include "tui/widgets/printflow.h"
#include "tui/widgets/scroll.h"

/* The kinds the tab offers, in db_sheet_kinds order. */
#define KINDS 9

struct sheets_view {
	struct app *app;
	int kind; /* index into db_sheet_kinds */
	struct date date;
	char *grid;		 /* NULL: every grid */
	struct scroll_text body; /* the preview, or why the sheet could not be built */
	int top, left;		 /* scroll: first line, first column */
	char **grids;
	int ngrids;
};

static void fill_request(struct sheets_view *v, struct db_sheet_request *rq)
{
	memset(rq, 0, sizeof *rq);
	rq->kind = db_sheet_kinds[v->kind];
	date_format(&v->date, rq->date);
	rq->grid = v->grid;
	rq->staff = app_staff(v->app);
}

/* Builds the sheet asked for; NULL with e filled on failure. */
static struct sheet *build(struct sheets_view *v, struct db_sheet_request *rq, struct err *e)
{
	struct sheet *s = NULL;
	const char *kind;

	fill_request(v, rq);
	kind = rq->kind;
	/* a grid narrows only the sheets that have one */
	if (strcmp(kind, "rounds") && strcmp(kind, "isolation"))
		rq->grid = NULL;
	err_clear(e);
	if (db_sheet_build(app_db(v->app), rq, &s, e) < 0)
		return NULL;
	return s;
}

static void rebuild(struct sheets_view *v)
{
	struct db_sheet_request rq;
	struct sheet *s;
	struct err e;

	s = build(v, &rq, &e);
	scroll_text_set_sheet(&v->body, s, &e);
}

static int sh_open(struct screen *s, void *arg, struct err *e)
{
	struct sheets_view *v = xcalloc(1, sizeof *v);

	(void)arg;
	v->app = s->app;
	clock_today(&v->date);
	if (db_sheet_grids(app_db(s->app), &v->grids, &v->ngrids, e) < 0) {
		free(v);
		return -1;
	}
	s->state = v;
	rebuild(v);
	return 0;
}

static void free_grids(struct sheets_view *v)
{
	xfree_strv(v->grids, (size_t)v->ngrids);
	v->grids = NULL;
	v->ngrids = 0;
}

static void sh_close(struct screen *s)
{
	struct sheets_view *v = s->state;

	free_grids(v);
	free(v->grid);
	scroll_text_free(&v->body);
	free(v);
}

static int body_rows(struct screen *s)
{
	return s->r.h - 3 > 1 ? s->r.h - 3 : 1;
}

/* Draws line text from display column `left` on, in cols columns; a line
 * that goes on past the right edge ends in ">" (the view's edge, as an
 * editor marks it; Right scrolls there), so the preview never hides the
 * sheet's right part without a sign. */
static void draw_from(int y, int x, int cols, const char *text, int left)
{
	int used = 0;
	size_t skip = textwidth_cut(text, left, &used);

	draw_fill(y, x, cols, THEME_NORMAL);
	if (used < left && text[skip]) {
		/* a wide character straddles the left edge: its right half is a space */
		size_t one = 1;

		while ((text[skip + one] & 0xc0) == 0x80)
			one++;
		skip += one;
		x++;
		cols--;
	}
	if (cols > 1 && textwidth_utf8(text + skip) > cols) {
		draw_text(y, x, cols - 1, text + skip, THEME_NORMAL);
		draw_text(y, x + cols - 1, 1, ">", THEME_DIM);
		return;
	}
	draw_text(y, x, cols, text + skip, THEME_NORMAL);
}

static void sh_draw(struct screen *s)
{
	struct sheets_view *v = s->state;
	struct rect r = s->r;
	char date[DATE_STR], *head;
	int rows = body_rows(s);
	const char *kind = db_sheet_kinds[v->kind];

	draw_clear(r, THEME_NORMAL);
	date_format(&v->date, date);
	head = xasprintf(_("Sheet: %s   Date: %s   Grid: %s"), db_sheet_title(kind), date,
			 strcmp(kind, "rounds") && strcmp(kind, "isolation") ? "—"
			 : v->grid					     ? v->grid
									     : _("all"));
	draw_fit(r.y, r.x, r.w, head, THEME_TITLE);
	free(head);
	head = xasprintf(_("PDF files go to %s (the output folder of Settings)"),
			 app_settings(s->app)->output_dir);
	draw_fit(r.y + 1, r.x, r.w, head, THEME_DIM);
	free(head);
	if (scroll_text_draw_error(&v->body, r))
		return;
	scroll_clamp(&v->top, rows, v->body.nlines);
	for (int i = 0; i < rows && v->top + i < v->body.nlines; i++)
		draw_from(r.y + 2 + i, r.x, r.w, scroll_text_line(&v->body, v->top + i), v->left);
	scroll_draw_position(r.y + r.h - 1, r, v->top, rows, v->body.nlines);
}

static int sh_event(struct screen *s, const struct event *ev)
{
	struct sheets_view *v = s->state;

	if (ev->type == EVENT_KEY && ev->act == ACT_FIRST)
		v->left = 0;
	if (scroll_event(&v->top, body_rows(s), ev))
		return SCREEN_HANDLED;
	/* The preview is as wide as the sheet: Left/Right scroll across. */
	if (ev->act == ACT_CHAR_LEFT)
		v->left = v->left > 8 ? v->left - 8 : 0;
	else if (ev->act == ACT_CHAR_RIGHT)
		v->left += 8;
	else
		return SCREEN_IGNORED;
	return SCREEN_HANDLED;
}

static void sh_data_changed(struct screen *s)
{
	struct sheets_view *v = s->state;
	struct err e;

	free_grids(v);
	err_clear(&e);
	if (db_sheet_grids(app_db(v->app), &v->grids, &v->ngrids, &e) < 0)
		app_error_err(v->app, &e);
	rebuild(v);
}

/* ---- choosing the sheet, the day, the grid ---- */

static int kind_done(void *ctx, int index)
{
	struct sheets_view *v = ctx;

	if (index >= 0 && index < KINDS) {
		v->kind = index;
		v->top = v->left = 0;
		rebuild(v);
	}
	return SCREEN_HANDLED;
}

static int sh_pick_kind(struct screen *s)
{
	struct sheets_view *v = s->state;
	char **labels = xcalloc(KINDS, sizeof *labels);

	/* the sheets' own Chinese titles; the command line's names are in
	 * `doorstep sheet --help` */
	for (int i = 0; i < KINDS; i++)
		labels[i] = xstrdup(db_sheet_title(db_sheet_kinds[i]));
	picklist_push_owned(v->app, _("Sheet"), labels, KINDS, v->kind, kind_done, v);
	return SCREEN_HANDLED;
}

static int move_day(struct screen *s, int by)
{
	struct sheets_view *v = s->state;

	v->date = date_add(&v->date, by);
	rebuild(v);
	return SCREEN_HANDLED;
}

/* A day back or forward. */
static int sh_day(struct screen *s)
{
	return move_day(s, screen_action(s) == ACT_NEXT_DAY ? 1 : -1);
}

static int grid_done(void *ctx, int index)
{
	struct sheets_view *v = ctx;

	if (index < 0)
		return SCREEN_HANDLED;
	free(v->grid);
	v->grid = index == 0 || index > v->ngrids ? NULL : xstrdup(v->grids[index - 1]);
	v->top = 0;
	rebuild(v);
	return SCREEN_HANDLED;
}

static int sh_pick_grid(struct screen *s)
{
	struct sheets_view *v = s->state;
	const char **labels = xcalloc((size_t)v->ngrids + 1, sizeof *labels);
	int current = 0;

	labels[0] = _("all grids");
	for (int i = 0; i < v->ngrids; i++) {
		labels[i + 1] = v->grids[i];
		if (v->grid && !strcmp(v->grid, v->grids[i]))
			current = i + 1;
	}
	picklist_push(v->app, _("Grid"), labels, v->ngrids + 1, current, grid_done, v);
	free(labels);
	return SCREEN_HANDLED;
}

/* ---- saving and printing ---- */

/* The sheet as it is shown, for printflow: named as `doorstep sheet` names it. */
static struct sheet *build_for_print(void *ctx, struct db_sheet_request *rq, char **file,
				     struct err *e)
{
	struct sheet *s = build(ctx, rq, e);

	if (s)
		*file = sheet_file_default_name(rq);
	return s;
}

/* s and p: the sheet saved as PDF or printed. */
static int sh_output(struct screen *s)
{
	return printflow_act(s, build_for_print);
}

static int sh_can(struct screen *s, enum action act)
{
	struct sheets_view *v = s->state;
	const char *kind = db_sheet_kinds[v->kind];

	if (act == ACT_GRID)
		return !strcmp(kind, "rounds") || !strcmp(kind, "isolation");
	if (act == ACT_SAVE || act == ACT_PRINT)
		return v->body.text != NULL;
	return 1;
}

static const struct keybind sh_keys[] = {
    {0, 's', ACT_SAVE},
    {0, 'p', ACT_PRINT},
    {0, 'g', ACT_GRID},
    {0, '-', ACT_PREV_DAY},
    {0, '+', ACT_NEXT_DAY},
    {0, '=', ACT_NEXT_DAY},
    {0, KEYS_FN(KEY_LEFT), ACT_CHAR_LEFT},
    {0, KEYS_FN(KEY_RIGHT), ACT_CHAR_RIGHT},
    {0, KEYS_CTRL('R'), ACT_REFRESH},
    {0, 0, ACT_NONE},
};

static const struct screen_handler sh_handlers[] = {
    {ACT_OPEN, sh_pick_kind, N_("sheet")},
    {ACT_PREV_DAY, sh_day, NULL},
    {ACT_NEXT_DAY, sh_day, NULL},
    {ACT_GRID, sh_pick_grid, NULL},
    {ACT_SAVE, sh_output, N_("save PDF")},
    {ACT_PRINT, sh_output, NULL},
    {ACT_REFRESH, screen_act_refresh, NULL},
    {ACT_NONE, NULL, NULL},
};

const struct screen_class sheets_screen = {
    .name = N_("Sheets"),
    .kind = SCREEN_KIND_PAGE,
    .keys = sh_keys,
    .handlers = sh_handlers,
    .open = sh_open,
    .draw = sh_draw,
    .event = sh_event,
    .data_changed = sh_data_changed,
    .can = sh_can,
    .close = sh_close,
};
