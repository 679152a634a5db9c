/* sheet_text: sheets as aligned text; see sheet_text.h. */
#include "core/sheet_text.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/strbuf.h"
#include "core/xalloc.h"

/* Decodes one UTF-8 character at *p and advances; a malformed byte gives
 * U+FFFD and advances by one. */
static wchar_t decode(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	unsigned c = s[0], n, need;
	wchar_t w;

	if (c < 0x80) {
		*p += 1;
		return (wchar_t)c;
	}
	if (c >= 0xc2 && c <= 0xdf)
		need = 1, w = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		need = 2, w = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 3, w = c & 0x07;
	else {
		*p += 1;
		return 0xfffd;
	}
	for (n = 1; n <= need; n++) {
		if ((s[n] & 0xc0) != 0x80) {
			*p += 1;
			return 0xfffd;
		}
		w = (w << 6) | (s[n] & 0x3f);
	}
	*p += need + 1;
	return w;
}

/* Columns of one character: wcwidth() under a UTF-8 locale (what the TUI
 * uses), else the East Asian wide ranges, so that a file written under
 * LANG=C still lines up. */
static int char_width(wchar_t c)
{
	int w = wcwidth(c);

	if (w >= 0)
		return w;
	if (c < 0x20 || c == 0x7f)
		return 1; /* printed as a space */
	if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

static int width_n(const char *s, size_t len)
{
	const char *end = s + len;
	int w = 0;

	while (s < end && *s)
		w += char_width(decode(&s));
	return w;
}

int sheet_text_width(const char *s)
{
	return width_n(s, strlen(s));
}

static void pad(struct strbuf *b, int n)
{
	while (n-- > 0)
		strbuf_putc(b, ' ');
}

/* Appends s[0..len) in exactly cols columns, aligned; a value too wide is
 * cut and ends in "…"; control characters print as spaces. */
static void put_fit(struct strbuf *b, const char *s, size_t len, int cols,
		    enum sheet_align align)
{
	const char *end = s + len, *p = s;
	int w = width_n(s, len), used = 0, budget;

	if (w > cols) {
		budget = cols - 1;
		while (p < end) {
			const char *q = p;
			wchar_t c = decode(&q);
			int cw = char_width(c);

			if (used + cw > budget)
				break;
			if (c < 0x20 || c == 0x7f)
				strbuf_putc(b, ' ');
			else
				strbuf_add(b, p, (size_t)(q - p));
			used += cw;
			p = q;
		}
		pad(b, budget - used);
		strbuf_puts(b, "…");
		return;
	}
	if (align == SHEET_RIGHT)
		pad(b, cols - w);
	else if (align == SHEET_CENTER)
		pad(b, (cols - w) / 2);
	while (p < end) {
		const char *q = p;
		wchar_t c = decode(&q);

		if (c < 0x20 || c == 0x7f)
			strbuf_putc(b, ' ');
		else
			strbuf_add(b, p, (size_t)(q - p));
		p = q;
	}
	if (align == SHEET_LEFT)
		pad(b, cols - w);
	else if (align == SHEET_CENTER)
		pad(b, cols - w - (cols - w) / 2);
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
