/* listpage: keyset paging of the list widget; see listpage.h.
 *
 * Everything is built on two steps: append the rows after the last one
 * (dropping rows off the top when the page overflows) and prepend the rows
 * before the first one (dropping off the bottom).  The cursor index follows
 * the rows it points at; callers then clip it. */
#include "core/listpage.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

void listpage_init(struct listpage *p, const struct listpage_ops *ops, void *ctx)
{
	memset(p, 0, sizeof *p);
	p->ops = ops;
	p->ctx = ctx;
}

static void free_rows(struct listpage *p, int from, int to)
{
	for (int i = from; i < to; i++) {
		p->ops->row_free(p->ctx, p->rows[i]);
		p->rows[i] = NULL;
	}
}

void listpage_free(struct listpage *p)
{
	if (p->rows)
		free_rows(p, 0, p->count);
	free(p->rows);
	p->rows = NULL;
	p->count = 0;
	p->cursor = 0;
}

static void clip_cursor(struct listpage *p)
{
	if (p->cursor >= p->count)
		p->cursor = p->count - 1;
	if (p->cursor < 0)
		p->cursor = 0;
}

/* Fetches up to n rows on side dir of anchor into a fresh array *out. */
static int fetch(struct listpage *p, const void *anchor, int dir, int n, void ***out, struct err *e)
{
	int m;

	*out = xcalloc(n > 0 ? (size_t)n : 1, sizeof **out);
	if (n <= 0)
		return 0;
	m = p->ops->fetch(p->ctx, anchor, dir, n, *out, e);
	if (m < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return m > n ? n : m;
}

/* Adds up to n rows after the last one; returns how many or -1. */
static int append(struct listpage *p, int n, struct err *e)
{
	void **tmp;
	int m, drop;

	if (p->height <= 0)
		return 0;
	m = fetch(p, p->count ? p->rows[p->count - 1] : NULL, 1, n, &tmp, e);
	if (m < 0)
		return -1;
	if (m > p->height) {
		for (int i = 0; i < m - p->height; i++)
			p->ops->row_free(p->ctx, tmp[i]);
		memmove(tmp, tmp + (m - p->height), (size_t)p->height * sizeof *tmp);
		m = p->height;
	}
	drop = p->count + m - p->height;
	if (drop > 0) {
		free_rows(p, 0, drop);
		memmove(p->rows, p->rows + drop, (size_t)(p->count - drop) * sizeof *p->rows);
		p->count -= drop;
		p->cursor -= drop;
	}
	memcpy(p->rows + p->count, tmp, (size_t)m * sizeof *tmp);
	p->count += m;
	free(tmp);
	return m;
}

/* Adds up to n rows before the first one; returns how many or -1. */
static int prepend(struct listpage *p, int n, struct err *e)
{
	void **tmp;
	int m, drop;

	if (p->height <= 0)
		return 0;
	if (!p->count)
		return append(p, n, e);
	m = fetch(p, p->rows[0], -1, n, &tmp, e);
	if (m < 0)
		return -1;
	if (m > p->height) {
		for (int i = p->height; i < m; i++)
			p->ops->row_free(p->ctx, tmp[i]);
		m = p->height;
	}
	drop = p->count + m - p->height;
	if (drop > 0) {
		free_rows(p, p->count - drop, p->count);
		p->count -= drop;
	}
	memmove(p->rows + m, p->rows, (size_t)p->count * sizeof *p->rows);
	for (int i = 0; i < m; i++)
		p->rows[m - 1 - i] = tmp[i];
	p->count += m;
	p->cursor += m;
	free(tmp);
	return m;
}

static void clear(struct listpage *p)
{
	free_rows(p, 0, p->count);
	p->count = 0;
	p->cursor = 0;
}

int listpage_resize(struct listpage *p, int height, struct err *e)
{
	if (height < 0)
		height = 0;
	if (height < p->count) {
		int top = p->cursor >= height ? p->cursor - height + 1 : 0;

		free_rows(p, 0, top);
		memmove(p->rows, p->rows + top, (size_t)(p->count - top) * sizeof *p->rows);
		p->count -= top;
		p->cursor -= top;
		free_rows(p, height, p->count);
		p->count = height;
	}
	p->rows = xrealloc(p->rows, (size_t)(height > 0 ? height : 1) * sizeof *p->rows);
	p->height = height;
	if (p->count < height && p->count > 0) {
		if (append(p, height - p->count, e) < 0)
			return -1;
		if (p->count < height && prepend(p, height - p->count, e) < 0)
			return -1;
	}
	clip_cursor(p);
	return 0;
}

int listpage_first(struct listpage *p, struct err *e)
{
	void **tmp;
	int m;

	m = fetch(p, NULL, 1, p->height, &tmp, e);
	if (m < 0)
		return -1;
	clear(p);
	memcpy(p->rows, tmp, (size_t)m * sizeof *tmp);
	p->count = m;
	free(tmp);
	return 0;
}

int listpage_last(struct listpage *p, struct err *e)
{
	void **tmp;
	int m;

	m = fetch(p, NULL, -1, p->height, &tmp, e);
	if (m < 0)
		return -1;
	clear(p);
	for (int i = 0; i < m; i++)
		p->rows[m - 1 - i] = tmp[i];
	p->count = m;
	p->cursor = m - 1;
	clip_cursor(p);
	free(tmp);
	return 0;
}

int listpage_move(struct listpage *p, int delta, struct err *e)
{
	int target = p->cursor + delta;

	if (!p->count)
		return 0;
	if (target >= p->count) {
		p->cursor = target;
		if (append(p, target - (p->count - 1), e) < 0) {
			p->cursor = target - delta;
			return -1;
		}
	} else if (target < 0) {
		p->cursor = target;
		if (prepend(p, -target, e) < 0) {
			p->cursor = target - delta;
			return -1;
		}
	} else {
		p->cursor = target;
	}
	clip_cursor(p);
	return 0;
}

int listpage_page(struct listpage *p, int dir, struct err *e)
{
	int keep = p->cursor, m;

	if (!p->count)
		return 0;
	if (dir > 0) {
		/* a page that is not full is the end of the list */
		m = p->count < p->height ? 0 : append(p, p->height, e);
		if (m < 0)
			return -1;
		p->cursor = m ? keep : p->count - 1;
	} else {
		m = prepend(p, p->height, e);
		if (m < 0)
			return -1;
		p->cursor = m ? keep : 0;
	}
	clip_cursor(p);
	return 0;
}

int listpage_scroll(struct listpage *p, int delta, struct err *e)
{
	if (!p->count || !delta)
		return 0;
	if (delta > 0 && p->count == p->height) {
		if (append(p, delta, e) < 0)
			return -1;
	} else if (delta < 0) {
		if (prepend(p, -delta, e) < 0)
			return -1;
	}
	clip_cursor(p);
	return 0;
}

/* Loads the page that starts right after the row before `anchor`. */
static int load_at(struct listpage *p, const void *anchor, int cursor, struct err *e)
{
	void **prev = NULL, **tmp;
	int np, m;

	np = fetch(p, anchor, -1, 1, &prev, e);
	if (np < 0)
		return -1;
	m = fetch(p, np ? prev[0] : NULL, 1, p->height, &tmp, e);
	if (np)
		p->ops->row_free(p->ctx, prev[0]);
	free(prev);
	if (m < 0)
		return -1;
	clear(p);
	memcpy(p->rows, tmp, (size_t)m * sizeof *tmp);
	p->count = m;
	p->cursor = cursor;
	free(tmp);
	if (!p->count)
		return listpage_last(p, e);
	if (p->count < p->height && prepend(p, p->height - p->count, e) < 0)
		return -1;
	clip_cursor(p);
	return 0;
}

int listpage_reload(struct listpage *p, struct err *e)
{
	void *top;
	int r;

	if (p->height <= 0)
		return 0;
	if (!p->count)
		return listpage_first(p, e);
	/* the old top row is the anchor: keep it alive until the fetch is done */
	top = p->rows[0];
	p->rows[0] = NULL;
	memmove(p->rows, p->rows + 1, (size_t)(p->count - 1) * sizeof *p->rows);
	p->count--;
	r = load_at(p, top, p->cursor, e);
	p->ops->row_free(p->ctx, top);
	return r;
}

int listpage_goto(struct listpage *p, const void *anchor, struct err *e)
{
	if (p->height <= 0)
		return 0;
	if (load_at(p, anchor, 0, e) < 0)
		return -1;
	return 0;
}

void *listpage_current(const struct listpage *p)
{
	return p->count ? p->rows[p->cursor] : NULL;
}
