/* widget_list: a paged list with columns cut by display width; see
 * widget_list.h.  The paging itself is core/listpage. */
#include "tui/widgets/widget_list.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/listpage.h"
#include "core/textwidth.h"
#include "core/xalloc.h"
#include "tui/app.h"

struct list {
	struct app *app;
	struct list_spec spec;
	const struct list_ops *ops; /* list_new's fetch and row_free, or NULL */
	void *ctx;
	struct list_field *cols; /* the list's own copy */
	int ncols;
	struct listpage page;
	struct listpage_ops pops;
	struct rect r;
	int titled;
	int loaded;
	int double_clicked;
	char *empty;
	int *colw; /* computed widths */
	/* list_set_array: the owner's elements; rows are struct arow */
	int array;
	const char *base;
	int n;
	size_t size;
};

/* A row of an array list: the element's index (the list's own anchor). */
struct arow {
	int idx;
};

static int array_fetch(struct list *l, const void *anchor, int dir, int n, void **out)
{
	const struct arow *a = anchor;
	int m = 0, i = dir > 0 ? (a ? a->idx + 1 : 0) : (a && a->idx < l->n ? a->idx : l->n) - 1;

	for (; m < n && i >= 0 && i<l->n; i += dir> 0 ? 1 : -1) {
		struct arow *r = xmalloc(sizeof *r);

		r->idx = i;
		out[m++] = r;
	}
	return m;
}

static int l_fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	struct list *l = ctx;
	void *rows;
	int m;

	if (l->array)
		return array_fetch(l, anchor, dir, n, out);
	if (l->ops)
		return l->ops->fetch(l->ctx, anchor, dir, n, out, e);
	rows = xcalloc((size_t)n, l->spec.row_size);
	m = l->spec.page(l->ctx, anchor, dir, n, rows, e);
	if (m < 0) {
		free(rows);
		return m;
	}
	return list_box_rows(out, rows, m, l->spec.row_size);
}

static void l_row_free(void *ctx, void *row)
{
	struct list *l = ctx;

	if (l->ops) {
		l->ops->row_free(l->ctx, row);
		return;
	}
	if (!l->array && l->spec.clear)
		l->spec.clear(row);
	free(row);
}

/* What the owner's callbacks and the columns are given for a row: the row,
 * or an array list's element (NULL when the array has shrunk under it). */
static const void *row_data(const struct list *l, const void *row)
{
	int idx;

	if (!l->array || !row)
		return row;
	idx = ((const struct arow *)row)->idx;
	return idx < l->n ? l->base + (size_t)idx * l->size : NULL;
}

static void cell_text(struct list *l, const void *row, int c, struct strbuf *out)
{
	const struct list_field *col = &l->cols[c];
	const char *at = (const char *)row + col->off;
	const char *text;
	int v;

	switch (col->kind) {
	case LIST_CELL_TEXT:
		memcpy(&text, at, sizeof text);
		strbuf_puts(out, text ? text : "");
		break;
	case LIST_CELL_CHARS:
		strbuf_puts(out, at);
		break;
	case LIST_CELL_INT:
		memcpy(&v, at, sizeof v);
		strbuf_printf(out, "%d", v);
		break;
	default:
		l->spec.cell(l->ctx, row, c, out);
		break;
	}
}

struct list *list_new_spec(struct app *app, const struct list_spec *spec, void *ctx)
{
	struct list *l = xcalloc(1, sizeof *l);
	const struct list_field *f = spec->fields;

	l->app = app;
	l->spec = *spec;
	l->array = !spec->page; /* empty until list_set_array */
	l->ctx = ctx;
	while (f[l->ncols].title || f[l->ncols].width || f[l->ncols].flex)
		l->ncols++;
	l->cols = xcalloc((size_t)(l->ncols ? l->ncols : 1), sizeof *l->cols);
	for (int i = 0; i < l->ncols; i++) {
		l->cols[i] = f[i];
		if (f[i].title)
			l->titled = 1;
	}
	l->colw = xcalloc((size_t)(l->ncols ? l->ncols : 1), sizeof *l->colw);
	l->pops.fetch = l_fetch;
	l->pops.row_free = l_row_free;
	listpage_init(&l->page, &l->pops, l);
	l->empty = xstrdup(_("Nothing to show."));
	return l;
}

struct list *list_new(struct app *app, const struct list_ops *ops, void *ctx,
		      const struct list_column *cols)
{
	struct list_spec spec = {NULL, ops->cell, ops->row_role, NULL, 0, NULL};
	struct list_field *f;
	struct list *l;
	int n = 0;

	while (cols[n].title || cols[n].width || cols[n].flex)
		n++;
	f = xcalloc((size_t)n + 1, sizeof *f);
	for (int i = 0; i < n; i++)
		f[i] = (struct list_field){cols[i].title, cols[i].width, cols[i].flex,
					   cols[i].right, LIST_OWN};
	spec.fields = f;
	l = list_new_spec(app, &spec, ctx);
	l->ops = ops;
	l->array = 0;
	l->spec.fields = NULL; /* f was copied: not kept */
	free(f);
	return l;
}

void list_free(struct list **lp)
{
	struct list *l = *lp;

	if (!l)
		return;
	listpage_free(&l->page);
	free(l->cols);
	free(l->colw);
	free(l->empty);
	free(l);
	*lp = NULL;
}

static void report(struct list *l, int r, struct err *e)
{
	if (r < 0)
		app_error_err(l->app, e);
}

/* The columns column c needs to show whole its title (in the language
 * shown) and the cells of the rows on the page. */
static int content_width(struct list *l, int c)
{
	struct strbuf cell = STRBUF_INIT;
	int w = l->cols[c].title ? textwidth_utf8(_(l->cols[c].title)) : 0;

	for (int i = 0; i < l->page.count; i++) {
		const void *row = row_data(l, l->page.rows[i]);
		int cw;

		if (!row)
			continue;
		strbuf_reset(&cell);
		cell_text(l, row, c, &cell);
		cw = textwidth_utf8(strbuf_str(&cell));
		if (cw > w)
			w = cw;
	}
	strbuf_free(&cell);
	return w;
}

/* The first two columns (what tells one row from another: a code and a
 * name, a date and who) are as wide as their title and the page's cells
 * need, up to two thirds of the list between them; the others get their
 * stated width and the flex share of what is left, and when the list is
 * too narrow the last ones shrink first. */
static void widths(struct list *l)
{
	int fixed = 0, flex = 0, left, cap = l->r.w * 2 / 3;

	for (int i = 0; i < l->ncols; i++) {
		l->colw[i] = l->cols[i].width;
		if (i < 2 && l->ncols > 2) {
			int need = content_width(l, i);

			if (need > cap - (i ? l->colw[0] + 1 : l->cols[1].width + 1))
				need = cap - (i ? l->colw[0] + 1 : l->cols[1].width + 1);
			if (need > l->colw[i])
				l->colw[i] = need;
		}
		fixed += l->colw[i] + (i ? 1 : 0);
		flex += l->cols[i].flex;
	}
	left = l->r.w - fixed;
	for (int i = 0; i < l->ncols; i++) {
		int extra = left > 0 && flex > 0 ? left * l->cols[i].flex / flex : 0;

		/* a widened column keeps only what its share adds beyond that */
		if (l->colw[i] > l->cols[i].width) {
			int grown = l->colw[i] - l->cols[i].width;

			extra = extra > grown ? extra - grown : 0;
		}
		l->colw[i] += extra;
	}
	/* too narrow: the last columns shrink first */
	for (int i = l->ncols - 1; i >= 0 && left < 0; i--) {
		int give = l->colw[i] - 1 < -left ? l->colw[i] - 1 : -left;

		l->colw[i] -= give;
		left += give;
	}
}

static int rows_h(const struct list *l)
{
	int h = l->r.h - (l->titled ? 1 : 0);

	return h > 0 ? h : 0;
}

void list_layout(struct list *l, struct rect r)
{
	struct err e;

	l->r = r;
	err_clear(&e);
	report(l, listpage_resize(&l->page, rows_h(l), &e), &e);
	if (!l->loaded) {
		l->loaded = 1;
		report(l, listpage_first(&l->page, &e), &e);
	}
}

void list_draw(struct list *l, int focused)
{
	int y = l->r.y;
	struct strbuf cell = STRBUF_INIT;

	widths(l); /* from the rows shown */
	if (l->titled) {
		int x = l->r.x;

		draw_fill(y, x, l->r.w, THEME_HEADER);
		for (int c = 0; c < l->ncols; c++) {
			const char *t = l->cols[c].title ? _(l->cols[c].title) : "";

			if (l->cols[c].right)
				draw_fit_right(y, x, l->colw[c], t, THEME_HEADER);
			else
				draw_fit(y, x, l->colw[c], t, THEME_HEADER);
			x += l->colw[c] + 1;
		}
		y++;
	}
	if (!l->page.count) {
		struct rect er = {y + 1, l->r.x + 2, l->r.y + l->r.h - y - 1, l->r.w - 3};

		/* wrapped: an empty text says what to do, and must be read whole */
		if (er.h > 0 && er.w > 0)
			draw_wrapped(er, l->empty, 0, THEME_DIM);
		strbuf_free(&cell);
		return;
	}
	for (int i = 0; i < l->page.count; i++, y++) {
		const void *row = row_data(l, l->page.rows[i]);
		int role = row && l->spec.row_role ? l->spec.row_role(l->ctx, row) : THEME_NORMAL;
		int x = l->r.x;

		if (i == l->page.cursor)
			role = focused ? THEME_CURSOR : THEME_CURSOR_DIM;
		draw_fill(y, x, l->r.w, (enum theme_role)role);
		for (int c = 0; row && c < l->ncols; c++) {
			strbuf_reset(&cell);
			cell_text(l, row, c, &cell);
			if (l->cols[c].right)
				draw_fit_right(y, x, l->colw[c], strbuf_str(&cell),
					       (enum theme_role)role);
			else
				draw_fit(y, x, l->colw[c], strbuf_str(&cell),
					 (enum theme_role)role);
			x += l->colw[c] + 1;
		}
	}
	strbuf_free(&cell);
}

int list_event(struct list *l, const struct event *ev)
{
	struct err e;
	int r;

	err_clear(&e);
	if (ev->type == EVENT_MOUSE) {
		int first = l->r.y + (l->titled ? 1 : 0);

		if (ev->mouse_y < l->r.y || ev->mouse_y >= l->r.y + l->r.h ||
		    ev->mouse_x < l->r.x || ev->mouse_x >= l->r.x + l->r.w)
			return SCREEN_IGNORED;
		switch (ev->mouse_kind) {
		case MOUSE_WHEEL_UP:
			report(l, listpage_scroll(&l->page, -3, &e), &e);
			return SCREEN_HANDLED;
		case MOUSE_WHEEL_DOWN:
			report(l, listpage_scroll(&l->page, 3, &e), &e);
			return SCREEN_HANDLED;
		case MOUSE_CLICK:
		case MOUSE_DOUBLE:
			if (ev->mouse_y >= first && ev->mouse_y - first < l->page.count)
				l->page.cursor = ev->mouse_y - first;
			else
				return SCREEN_HANDLED;
			if (ev->mouse_kind == MOUSE_DOUBLE) {
				l->double_clicked = 1;
				return SCREEN_IGNORED;
			}
			return SCREEN_HANDLED;
		default:
			return SCREEN_IGNORED;
		}
	}
	switch (ev->act) {
	case ACT_UP:
	case ACT_DOWN:
		r = listpage_move(&l->page, ev->act == ACT_UP ? -1 : 1, &e);
		break;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		r = listpage_page(&l->page, ev->act == ACT_PAGE_UP ? -1 : 1, &e);
		break;
	case ACT_FIRST:
		r = listpage_first(&l->page, &e);
		break;
	case ACT_LAST:
		r = listpage_last(&l->page, &e);
		break;
	default:
		return SCREEN_IGNORED;
	}
	report(l, r, &e);
	return SCREEN_HANDLED;
}

int list_double_clicked(struct list *l)
{
	int d = l->double_clicked;

	l->double_clicked = 0;
	return d;
}

int list_event_act(struct list *l, struct screen *s, const struct event *ev, enum action act)
{
	int f = list_event(l, ev);

	if (ev->type == EVENT_MOUSE && list_double_clicked(l)) {
		struct event open = {.type = EVENT_KEY, .act = act};

		return screen_dispatch(s, &open);
	}
	return f;
}

int list_event_open(struct list *l, struct screen *s, const struct event *ev)
{
	return list_event_act(l, s, ev, ACT_OPEN);
}

void list_reload(struct list *l)
{
	struct err e;

	err_clear(&e);
	if (l->loaded)
		report(l, listpage_reload(&l->page, &e), &e);
}

void list_reset(struct list *l)
{
	struct err e;

	err_clear(&e);
	if (l->loaded)
		report(l, listpage_first(&l->page, &e), &e);
}

void list_goto(struct list *l, const void *anchor)
{
	struct err e;

	err_clear(&e);
	if (l->page.height <= 0)
		return; /* not laid out yet: the first page comes with list_layout */
	l->loaded = 1;
	report(l, listpage_goto(&l->page, anchor, &e), &e);
}

const void *list_current(const struct list *l)
{
	return row_data(l, listpage_current(&l->page));
}

const void *list_selected(const struct list *l, const char *none)
{
	const void *row = list_current(l);

	if (!row)
		app_status(l->app, "%s", none);
	return row;
}

void list_set_array(struct list *l, const void *base, int n, size_t size)
{
	l->array = 1;
	l->base = base;
	l->n = base ? n : 0;
	l->size = size;
}

void list_set_empty(struct list *l, const char *text)
{
	free(l->empty);
	l->empty = xstrdup(text ? text : "");
}

struct rect list_rect(const struct list *l)
{
	return l->r;
}

struct rect list_cell_rect(const struct list *l, int col)
{
	struct rect c = {0, 0, 0, 0};

	if (!l->page.count || col < 0 || col >= l->ncols)
		return c;
	c.y = l->r.y + (l->titled ? 1 : 0) + l->page.cursor;
	c.x = l->r.x;
	for (int i = 0; i < col; i++)
		c.x += l->colw[i] + 1;
	c.w = l->colw[col];
	c.h = 1;
	return c;
}

int list_box_rows(void **out, void *rows, int m, size_t size)
{
	for (int i = 0; i < m; i++) {
		out[i] = xmalloc(size);
		memcpy(out[i], (char *)rows + (size_t)i * size, size);
	}
	free(rows);
	return m;
}
