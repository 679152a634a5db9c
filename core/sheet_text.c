/* sheet_text: sheets as aligned text; see sheet_text.h. */
#include "core/sheet_text.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/textwidth.h"
#include "core/xalloc.h"

int sheet_text_width(const char *s)
{
	return textwidth_utf8(s);
}

char *sheet_text_plain(const char *s)
{
	return textwidth_plain(s);
}

static void pad(struct strbuf *b, int n)
{
	while (n-- > 0)
		strbuf_putc(b, ' ');
}

/* Appends s[0..len) in exactly cols columns, aligned; the caller has
 * wrapped it to fit (sheet_wrap). */
static void put_fit(struct strbuf *b, const char *s, size_t len, int cols, enum sheet_align align)
{
	char *one = xstrndup(s, len), *fit;
	int w = textwidth_utf8(one);

	if (w > cols || align == SHEET_LEFT) {
		fit = textwidth_fit(one, cols, 0);
	} else if (align == SHEET_RIGHT) {
		fit = textwidth_pad_left(one, cols);
	} else {
		pad(b, (cols - w) / 2);
		fit = textwidth_fit(one, cols - (cols - w) / 2, 0);
	}
	strbuf_puts(b, fit);
	free(fit);
	free(one);
}

/* The i-th line of a cell's text: start in *line, length returned; an
 * absent line is "". */
static size_t line_at(const char *text, int i, const char **line)
{
	const char *p = text, *nl;

	for (; i > 0; i--) {
		nl = strchr(p, '\n');
		if (!nl) {
			*line = "";
			return 0;
		}
		p = nl + 1;
	}
	*line = p;
	nl = strchr(p, '\n');
	return nl ? (size_t)(nl - p) : strlen(p);
}

/* A table as the text form lays it out: each column as wide as its widest
 * line (title included), at least its declared width and at most
 * SHEET_TEXT_MAX_COLS unless declared wider; cells wrapped to that. */
struct layout {
	const struct sheet_table *t;
	int *w;	     /* the columns' widths */
	char **text; /* nrows * ncols wrapped cells */
	int *lines;  /* each row's height */
};

static int widest_line(const char *s)
{
	int w = 0;

	while (s && *s) {
		size_t n = strcspn(s, "\n");
		char *one = xstrndup(s, n);
		int lw = textwidth_utf8(one);

		free(one);
		if (lw > w)
			w = lw;
		s += n + (s[n] == '\n');
	}
	return w;
}

/* What a cell shows in text: a barcode's data on the first line, then
 * its text.  Malloc'd. */
static char *cell_source(const struct sheet_cell *cell)
{
	const char *text = cell->text ? cell->text : "";
	char *joined, *plain;

	if (!cell->barcode)
		return sheet_text_plain(text);
	joined = xasprintf("%s%s%s", cell->barcode, *text ? "\n" : "", text);
	plain = sheet_text_plain(joined);
	free(joined);
	return plain;
}

/* Appends s with the ambiguous characters replaced. */
static void put_plain(struct strbuf *b, const char *s)
{
	char *p = sheet_text_plain(s);

	strbuf_puts(b, p);
	free(p);
}

static void layout_make(struct layout *l, const struct sheet_table *t)
{
	l->t = t;
	l->w = xcalloc((size_t)t->ncols + 1, sizeof *l->w);
	l->text = xcalloc((size_t)t->nrows * (size_t)t->ncols + 1, sizeof *l->text);
	l->lines = xcalloc((size_t)t->nrows + 1, sizeof *l->lines);
	for (int c = 0; c < t->ncols; c++) {
		int cap = t->cols[c].width > SHEET_TEXT_MAX_COLS ? t->cols[c].width
								 : SHEET_TEXT_MAX_COLS;
		/* boxes to write in, and an empty table, keep the declared width */
		char *title = sheet_text_plain(t->cols[c].title);
		int w = t->nrows ? 1 : t->cols[c].width, tw = widest_line(title);

		free(title);
		if (tw > w)
			w = tw;
		for (int r = 0; r < t->nrows; r++) {
			char *src = cell_source(&t->rows[r].cells[c]);
			int cw = t->rows[r].cells[c].boxes ? t->cols[c].width : widest_line(src);

			free(src);
			if (cw > w)
				w = cw;
		}
		l->w[c] = w < cap ? w : cap;
	}
	for (int r = 0; r < t->nrows; r++) {
		l->lines[r] = 1;
		for (int c = 0; c < t->ncols; c++) {
			const struct sheet_cell *cell = &t->rows[r].cells[c];
			struct strbuf b = STRBUF_INIT;
			char *src = cell_source(cell);
			int n = cell->boxes;

			sheet_wrap(src, l->w[c], &b);
			l->text[r * t->ncols + c] = strbuf_detach(&b);
			if (sheet_text_lines(src, l->w[c]) > n)
				n = sheet_text_lines(src, l->w[c]);
			free(src);
			if (n > l->lines[r])
				l->lines[r] = n;
		}
	}
}

static void layout_free(struct layout *l)
{
	for (int i = 0; i < l->t->nrows * l->t->ncols; i++)
		free(l->text[i]);
	free(l->text);
	free(l->lines);
	free(l->w);
}

static int table_width(const struct layout *l)
{
	int w = 1;

	for (int c = 0; c < l->t->ncols; c++)
		w += l->w[c] + 3;
	return w;
}

static void rule(struct strbuf *b, const struct layout *l, char ch)
{
	strbuf_putc(b, '+');
	for (int c = 0; c < l->t->ncols; c++) {
		for (int i = 0; i < l->w[c] + 2; i++)
			strbuf_putc(b, ch);
		strbuf_putc(b, '+');
	}
	strbuf_putc(b, '\n');
}

static void put_box(struct strbuf *b, int cols)
{
	if (cols < 2) {
		pad(b, cols);
		return;
	}
	strbuf_putc(b, '[');
	pad(b, cols - 2);
	strbuf_putc(b, ']');
}

static void row_text(struct strbuf *b, const struct layout *l, int r)
{
	const struct sheet_table *t = l->t;

	for (int i = 0; i < l->lines[r]; i++) {
		strbuf_putc(b, '|');
		for (int c = 0; c < t->ncols; c++) {
			const struct sheet_cell *cell = &t->rows[r].cells[c];
			const char *line;
			size_t len;

			strbuf_putc(b, ' ');
			if (cell->boxes > 0) {
				if (i < cell->boxes)
					put_box(b, l->w[c]);
				else
					pad(b, l->w[c]);
			} else {
				len = line_at(l->text[r * t->ncols + c], i, &line);
				put_fit(b, line, len, l->w[c], t->cols[c].align);
			}
			strbuf_puts(b, " |");
		}
		strbuf_putc(b, '\n');
	}
}

/* A plain table: its cells' lines side by side, no rules. */
static void plain_text(struct strbuf *b, const struct layout *l)
{
	struct strbuf row = STRBUF_INIT;

	for (int r = 0; r < l->t->nrows; r++) {
		strbuf_reset(&row);
		row_text(&row, l, r);
		for (const char *p = strbuf_str(&row); *p; p++)
			strbuf_putc(b, *p == '|' ? ' ' : *p);
	}
	strbuf_free(&row);
}

static void table_text(struct strbuf *b, const struct layout *l)
{
	const struct sheet_table *t = l->t;
	int form = t->flags & SHEET_TABLE_FORM;

	if (t->flags & SHEET_TABLE_PLAIN) {
		plain_text(b, l);
		return;
	}

	if (t->caption) {
		put_plain(b, t->caption);
		strbuf_putc(b, '\n');
	}
	rule(b, l, '-');
	if (!(t->flags & SHEET_TABLE_NOHEAD)) {
		strbuf_putc(b, '|');
		for (int c = 0; c < t->ncols; c++) {
			char *title = sheet_text_plain(t->cols[c].title);

			strbuf_putc(b, ' ');
			put_fit(b, title, strlen(title), l->w[c], SHEET_CENTER);
			strbuf_puts(b, " |");
			free(title);
		}
		strbuf_putc(b, '\n');
		rule(b, l, '=');
	}
	if (t->nrows == 0) {
		char *empty = sheet_text_plain(t->empty);

		strbuf_putc(b, '|');
		strbuf_putc(b, ' ');
		put_fit(b, empty, strlen(empty), table_width(l) - 4, SHEET_CENTER);
		free(empty);
		strbuf_puts(b, " |\n");
		rule(b, l, '-');
	}
	for (int r = 0; r < t->nrows; r++) {
		const struct sheet_row *row = &t->rows[r];

		/* a rule under every row of more than one line keeps rows apart */
		if (r > 0 && !form &&
		    ((row->flags & SHEET_ROW_TOTAL) || l->lines[r] > 1 || l->lines[r - 1] > 1))
			rule(b, l, '-');
		row_text(b, l, r);
		if (form || r == t->nrows - 1)
			rule(b, l, '-');
	}
}

char *sheet_render_text(const struct sheet *s)
{
	struct strbuf b = STRBUF_INIT;
	struct layout *ls = xcalloc((size_t)s->ntables + 1, sizeof *ls);
	int width = 60, tw;

	for (int i = 0; i < s->ntables; i++) {
		layout_make(&ls[i], s->tables[i]);
		if ((tw = table_width(&ls[i])) > width)
			width = tw;
	}
	pad(&b, (width - sheet_text_width(s->title)) / 2);
	put_plain(&b, s->title);
	strbuf_puts(&b, "\n\n");
	for (int i = 0; i < s->nfields; i++) {
		strbuf_printf(&b, "%s%s：", i ? "    " : "", s->fields[i].label);
		put_plain(&b, s->fields[i].value);
	}
	if (s->nfields)
		strbuf_puts(&b, "\n\n");
	for (int i = 0; i < s->ntables; i++) {
		if (i)
			strbuf_putc(&b, '\n');
		table_text(&b, &ls[i]);
		layout_free(&ls[i]);
	}
	free(ls);
	if (s->note) {
		strbuf_putc(&b, '\n');
		put_plain(&b, s->note);
		strbuf_putc(&b, '\n');
	}
	if (s->nsignatures) {
		strbuf_putc(&b, '\n');
		for (int i = 0; i < s->nsignatures; i++) {
			strbuf_puts(&b, i ? "        " : "");
			put_plain(&b, s->signatures[i]);
			strbuf_puts(&b, "：________________");
		}
		strbuf_putc(&b, '\n');
	}
	return strbuf_detach(&b);
}
