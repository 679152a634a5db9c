/* csvout: the CSV writer of exports; see csvout.h.
 *
 * UTF-8 rows are built straight into the output buffer; GB18030 rows are
 * built in a row buffer and converted with iconv at the end of the row, so
 * that a character it cannot convert is traced back to its cell.  No
 * allocation per row: buffers grow to the largest row and stay. */
#include "core/csvout.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xalloc.h"

#define FLUSH_AT (64 * 1024)

struct buf {
	char *p;
	size_t len, cap;
};

struct csvout {
	int fd;
	enum csvout_encoding enc;
	iconv_t cd;        /* (iconv_t)-1 unless GB18030 */
	struct buf out;    /* bytes ready for fd */
	struct buf row;    /* GB18030: the current row in UTF-8 */
	struct buf tmp;    /* a neutralised cell before quoting */
	size_t *starts;    /* offsets of the current row's cells */
	int ncells, cap_cells;
	char **header; /* the first row's cells, for messages */
	int nheader;
	long rows;
	int failed;
};

static const char *const encoding_names[] = {
	[CSVOUT_UTF8_BOM] = "utf8-bom",
	[CSVOUT_UTF8] = "utf8",
	[CSVOUT_GB18030] = "gb18030",
};

int csvout_encoding_parse(const char *name, enum csvout_encoding *out, struct err *e)
{
	for (int i = 0; i < 3; i++) {
		if (name && !strcasecmp(name, encoding_names[i])) {
			*out = (enum csvout_encoding)i;
			return 0;
		}
	}
	return err_field(e, "encoding", _("unknown encoding \"%s\": use utf8-bom, utf8 or gb18030"),
			 name ? name : "");
}

const char *csvout_encoding_name(enum csvout_encoding enc)
{
	return (unsigned)enc < 3 ? encoding_names[enc] : "?";
}

static void buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;

	while (cap < b->len + extra)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

static inline void buf_add(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static inline void buf_putc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->p[b->len++] = c;
}

/* Writes all of the output buffer to fd. */
static int flush_out(struct csvout *w, struct err *e)
{
	size_t off = 0;

	while (off < w->out.len) {
		ssize_t n = write(w->fd, w->out.p + off, w->out.len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int err = n < 0 ? errno : ENOSPC;

			w->failed = 1;
			if (err == ENOSPC)
				return err_set(e, _("the disk is full"));
			if (err == EFBIG)
				return err_set(e,
					       _("the file is larger than this system allows (%s)"),
					       strerror(err));
			return err_set(e, _("cannot write: %s"), strerror(err));
		}
		off += (size_t)n;
	}
	w->out.len = 0;
	return 0;
}

int csvout_open(struct csvout **out, int fd, enum csvout_encoding enc, struct err *e)
{
	struct csvout *w = xcalloc(1, sizeof *w);

	*out = NULL;
	w->fd = fd;
	w->enc = enc;
	w->cd = (iconv_t)-1;
	if (enc == CSVOUT_GB18030) {
		w->cd = iconv_open("GB18030", "UTF-8");
		if (w->cd == (iconv_t)-1) {
			csvout_free(&w);
			return err_set(e, _("this system cannot convert to GB18030 (iconv: %s)"),
				       strerror(errno));
		}
	}
	buf_reserve(&w->out, FLUSH_AT + 4096);
	if (enc == CSVOUT_UTF8_BOM)
		buf_add(&w->out, "\xEF\xBB\xBF", 3);
	*out = w;
	return 0;
}

/* Bytes that force quoting anywhere in a field. */
static const unsigned char special[256] = {
	[','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1,
};

/* 1 when a spreadsheet would read s as a number, date or time: digits with
 * only number and date punctuation around them. */
static int looks_numeric(const char *s, size_t n)
{
	int digits = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= '0' && c <= '9')
			digits = 1;
		else if (c == '\0' || !strchr("-+./: ", c))
			return 0;
	}
	return digits;
}

int csvout_is_formula(const char *s, size_t n)
{
	while (n > 0 && s[0] == '\'')
		s++, n--;
	if (n == 0)
		return 0;
	switch (s[0]) {
	case '=':
	case '@':
	case '\t':
	case '\r':
		return 1;
	case '+':
	case '-':
		return n > 1;
	default:
		return 0;
	}
}

static void put_quoted(struct buf *b, const char *s, size_t n)
{
	size_t need = 2 * n + 2;

	buf_reserve(b, need);
	b->len += csv_write(b->p + b->len, need, s, n);
}

void csvout_cell(struct csvout *w, const char *s, size_t n, enum csvout_kind kind)
{
	struct buf *b = w->enc == CSVOUT_GB18030 ? &w->row : &w->out;
	int quote = 0, neutral = 0;

	if (!s)
		n = 0;
	if (w->ncells > 0)
		buf_putc(b, ',');
	if (w->ncells == w->cap_cells) {
		w->cap_cells = w->cap_cells ? 2 * w->cap_cells : 32;
		w->starts = xrealloc(w->starts, (size_t)w->cap_cells * sizeof *w->starts);
	}
	w->starts[w->ncells++] = b->len;
	if (w->rows == 0) {
		w->header = xrealloc(w->header, (size_t)(w->nheader + 1) * sizeof *w->header);
		w->header[w->nheader++] = xstrndup(n ? s : "", n);
	}
	if (n == 0)
		return;

	if (kind == CSVOUT_KEEP && w->enc != CSVOUT_UTF8 && looks_numeric(s, n)) {
		buf_reserve(b, n + 4);
		buf_putc(b, '"');
		buf_add(b, s, n);
		buf_add(b, "\t\"", 2);
		return;
	}
	if (kind != CSVOUT_NUMBER && csvout_is_formula(s, n))
		neutral = 1;
	if (neutral) {
		w->tmp.len = 0;
		buf_putc(&w->tmp, '\'');
		buf_add(&w->tmp, s, n);
		s = w->tmp.p;
		n = w->tmp.len;
	}
	/* libcsv readers trim spaces and tabs around unquoted fields. */
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		quote = 1;
	for (size_t i = 0; !quote && i < n; i++)
		quote = special[(unsigned char)s[i]];
	if (quote)
		put_quoted(b, s, n);
	else
		buf_add(b, s, n);
}

void csvout_cell_str(struct csvout *w, const char *s, enum csvout_kind kind)
{
	csvout_cell(w, s, s ? strlen(s) : 0, kind);
}

/* Describes the bytes at s (at most n) for a message: the character and its
 * code point when they are valid UTF-8, else the bytes in hex. */
static void describe_char(const unsigned char *s, size_t n, char *out, size_t outn)
{
	unsigned cp = 0;
	size_t len = 0;

	if (n > 0 && s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, cp = s[0] & 0x1F;
	else if (n > 0 && s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, cp = s[0] & 0x0F;
	else if (n > 0 && s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, cp = s[0] & 0x07;
	if (len && len <= n) {
		size_t i;

		for (i = 1; i < len && (s[i] & 0xC0) == 0x80; i++)
			cp = (cp << 6) | (s[i] & 0x3F);
		if (i == len && !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF &&
		    cp >= (len == 2 ? 0x80u : len == 3 ? 0x800u : 0x10000u)) {
			snprintf(out, outn, _("the character \"%.*s\" (U+%04X)"), (int)len,
				 (const char *)s, cp);
			return;
		}
	}
	snprintf(out, outn, _("the byte 0x%02X, which is not valid UTF-8"), n ? s[0] : 0);
}

/* Converts the row buffer into the output buffer. */
static int convert_row(struct csvout *w, struct err *e)
{
	char *in = w->row.p;
	size_t inleft = w->row.len;

	iconv(w->cd, NULL, NULL, NULL, NULL);
	while (inleft > 0) {
		char *outp;
		size_t outleft, r;

		buf_reserve(&w->out, inleft * 2 + 16);
		outp = w->out.p + w->out.len;
		outleft = w->out.cap - w->out.len;
		r = iconv(w->cd, &in, &inleft, &outp, &outleft);
		w->out.len = (size_t)(outp - w->out.p);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		{
			size_t off = (size_t)(in - w->row.p);
			int col = 0;
			char what[96];

			while (col + 1 < w->ncells && w->starts[col + 1] <= off)
				col++;
			describe_char((const unsigned char *)in, inleft, what, sizeof what);
			w->failed = 1;
			if (col < w->nheader && w->header[col][0])
				return err_set(
				    e, _("row %ld, column %s: %s cannot be written in GB18030"),
				    w->rows + 1, w->header[col], what);
			return err_set(e, _("row %ld, column %d: %s cannot be written in GB18030"),
				       w->rows + 1, col + 1, what);
		}
	}
	w->row.len = 0;
	return 0;
}

int csvout_row_end(struct csvout *w, struct err *e)
{
	struct buf *b = w->enc == CSVOUT_GB18030 ? &w->row : &w->out;

	if (w->failed)
		return err_set(e, "internal error: the CSV writer already failed");
	if (w->enc == CSVOUT_UTF8)
		buf_putc(b, '\n');
	else
		buf_add(b, "\r\n", 2);
	if (w->enc == CSVOUT_GB18030 && convert_row(w, e) < 0)
		return -1;
	w->rows++;
	w->ncells = 0;
	if (w->out.len >= FLUSH_AT)
		return flush_out(w, e);
	return 0;
}

long csvout_rows(const struct csvout *w)
{
	return w->rows;
}

int csvout_finish(struct csvout *w, struct err *e)
{
	if (w->failed)
		return err_set(e, "internal error: the CSV writer already failed");
	return flush_out(w, e);
}

void csvout_free(struct csvout **pw)
{
	struct csvout *w = *pw;

	if (!w)
		return;
	if (w->cd != (iconv_t)-1)
		iconv_close(w->cd);
	free(w->out.p);
	free(w->row.p);
	free(w->tmp.p);
	free(w->starts);
	for (int i = 0; i < w->nheader; i++)
		free(w->header[i]);
	free(w->header);
	free(w);
	*pw = NULL;
}
