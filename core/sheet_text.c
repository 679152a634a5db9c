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

static void pad(struct strbuf *b, int n)
{
	while (n-- > 0)
		strbuf_putc(b, ' ');
}

/* Appends s[0..len) in exactly cols columns, aligned; a value too wide is
 * cut and ends in "…" (core/textwidth does the cutting). */
static void put_fit(struct strbuf *b, const char *s, size_t len, int cols, enum sheet_align align)
{
	char *one = xstrndup(s, len), *fit;
	int w = textwidth_utf8(one);

	if (w > cols || align == SHEET_LEFT) {
		fit = textwidth_fit(one, cols, 1);
	} else if (align == SHEET_RIGHT) {
		fit = textwidth_pad_left(one, cols);
	} else {
		pad(b, (cols - w) / 2);
		fit = textwidth_fit(one, cols - (cols - w) / 2, 1);
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

static int table_width(const struct sheet_table *t)
{
	int w = 1;

	for (int c = 0; c < t->ncols; c++)
		w += t->cols[c].width + 3;
	return w;
}

static void rule(struct strbuf *b, const struct sheet_table *t, char ch)
{
	strbuf_putc(b, '+');
	for (int c = 0; c < t->ncols; c++) {
		for (int i = 0; i < t->cols[c].width + 2; i++)
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

static void row_text(struct strbuf *b, const struct sheet_table *t, const struct sheet_row *r)
{
	for (int i = 0; i < r->lines; i++) {
		strbuf_putc(b, '|');
		for (int c = 0; c < t->ncols; c++) {
			const struct sheet_cell *cell = &r->cells[c];
			const char *line;
			size_t len;

			strbuf_putc(b, ' ');
			if (cell->boxes > 0) {
				if (i < cell->boxes)
					put_box(b, t->cols[c].width);
				else
					pad(b, t->cols[c].width);
			} else {
				len = line_at(cell->text ? cell->text : "", i, &line);
				put_fit(b, line, len, t->cols[c].width, t->cols[c].align);
			}
			strbuf_puts(b, " |");
		}
		strbuf_putc(b, '\n');
	}
}

static void table_text(struct strbuf *b, const struct sheet_table *t)
{
	int form = t->flags & SHEET_TABLE_FORM;

	if (t->caption) {
		strbuf_puts(b, t->caption);
		strbuf_putc(b, '\n');
	}
	rule(b, t, '-');
	if (!(t->flags & SHEET_TABLE_NOHEAD)) {
		strbuf_putc(b, '|');
		for (int c = 0; c < t->ncols; c++) {
			const char *title = t->cols[c].title;

			strbuf_putc(b, ' ');
			put_fit(b, title, strlen(title), t->cols[c].width, SHEET_CENTER);
			strbuf_puts(b, " |");
		}
		strbuf_putc(b, '\n');
		rule(b, t, '=');
	}
	if (t->nrows == 0) {
		strbuf_putc(b, '|');
		strbuf_putc(b, ' ');
		put_fit(b, t->empty, strlen(t->empty), table_width(t) - 4, SHEET_CENTER);
		strbuf_puts(b, " |\n");
		rule(b, t, '-');
	}
	for (int r = 0; r < t->nrows; r++) {
		const struct sheet_row *row = &t->rows[r];

		if ((row->flags & SHEET_ROW_TOTAL) && !form && r > 0)
			rule(b, t, '-');
		row_text(b, t, row);
		if (form || r == t->nrows - 1)
			rule(b, t, '-');
	}
}

char *sheet_render_text(const struct sheet *s)
{
	struct strbuf b = STRBUF_INIT;
	int width = 60, tw;

	for (int i = 0; i < s->ntables; i++)
		if ((tw = table_width(s->tables[i])) > width)
			width = tw;
	pad(&b, (width - sheet_text_width(s->title)) / 2);
	strbuf_puts(&b, s->title);
	strbuf_puts(&b, "\n\n");
	for (int i = 0; i < s->nfields; i++)
		strbuf_printf(&b, "%s%s：%s", i ? "    " : "", s->fields[i].label,
			      s->fields[i].value);
	if (s->nfields)
		strbuf_puts(&b, "\n\n");
	for (int i = 0; i < s->ntables; i++) {
		if (i)
			strbuf_putc(&b, '\n');
		table_text(&b, s->tables[i]);
	}
	if (s->note)
		strbuf_printf(&b, "\n%s\n", s->note);
	if (s->nsignatures) {
		strbuf_putc(&b, '\n');
		for (int i = 0; i < s->nsignatures; i++)
			strbuf_printf(&b, "%s%s：________________", i ? "        " : "",
				      s->signatures[i]);
		strbuf_putc(&b, '\n');
	}
	return strbuf_detach(&b);
}
