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
#include "core/utf8.h"
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
	struct buf fix;	   /* a cell with invalid UTF-8 made valid */
	char **warnings;   /* the first CSVOUT_MAX_WARNINGS warnings */
	size_t nwarnings;  /* all of them, listed or not */
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
	XGROW(b->p, b->cap, b->len + extra, 256);
}

static inline void buf_add(struct buf *b, const char *s, size_t n)
{
	if (n == 0)
		return; /* b->p may still be NULL: no pointer arithmetic on it */
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

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* The month names (and their three-letter forms) a spreadsheet reads. */
static int month_word(const char *s, size_t n)
{
	static const char *const months[] = {"january", "february", "march",	 "april",
					     "may",	"june",	    "july",	 "august",
					     "september", "october", "november", "december"};

	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		if ((n == 3 || n == strlen(months[i]) || (n == 4 && i == 8)) &&
		    !strncasecmp(s, months[i], n))
			return 1;
	return 0;
}

/* 1 when s (n bytes) is a number as a spreadsheet reads one: a sign or
 * parentheses, a currency sign, digits with thousands commas and a decimal
 * point, an exponent, a percent sign: -12, (12), ¥1,234.50, 1E5,
 * 1.10105E+17, 12%, 0001234. */
static int spreadsheet_number(const char *s, size_t n)
{
	size_t i = 0, end = n;
	int digits = 0;

	if (end > 0 && s[end - 1] == '%')
		end--;
	if (i < end && s[i] == '(' && end > 0 && s[end - 1] == ')')
		i++, end--;
	if (i < end && (s[i] == '-' || s[i] == '+'))
		i++;
	if (i < end && s[i] == '$')
		i++;
	else if (end - i >= 2 && !memcmp(s + i, "\xc2\xa5", 2)) /* ¥ */
		i += 2;
	else if (end - i >= 3 && !memcmp(s + i, "\xef\xbf\xa5", 3)) /* ￥ */
		i += 3;
	for (; i < end && (is_digit((unsigned char)s[i]) || s[i] == ',' || s[i] == '.'); i++)
		digits += is_digit((unsigned char)s[i]);
	if (!digits)
		return 0;
	if (i < end && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < end && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i == end || !is_digit((unsigned char)s[i]))
			return 0;
		while (i < end && is_digit((unsigned char)s[i]))
			i++;
	}
	return i == end;
}

/* 1 when s is a date or a time as a spreadsheet reads one: digits joined by
 * - / . : and spaces (3/4, 2020-1-2, 12:30, 1 1/2), or a month name with a
 * number (Jan-1, 1-Jan, March 2020). */
static int spreadsheet_date(const char *s, size_t n)
{
	int digits = 0, words = 0;

	for (size_t i = 0; i < n;) {
		if (is_digit((unsigned char)s[i])) {
			digits = 1;
			i++;
		} else if (strchr("-/.: ,", s[i]) && s[i]) {
			i++;
		} else {
			size_t j = i;

			while (j < n && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z'))
				j++;
			if (j == i || !month_word(s + i, j - i))
				return 0;
			words++;
			i = j;
		}
	}
	return digits && words <= 1;
}

/* 1 when a spreadsheet that opens the CSV would turn the text s into a
 * number, a date, a time, a percentage or a boolean. */
int csvout_looks_like_value(const char *s, size_t n)
{
	while (n > 0 && s[0] == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return 0;
	if ((n == 4 && !strncasecmp(s, "true", 4)) || (n == 5 && !strncasecmp(s, "false", 5)))
		return 1;
	return spreadsheet_number(s, n) || spreadsheet_date(s, n);
}

static void add_warning(struct csvout *w, const char *msg)
{
	if (w->nwarnings < CSVOUT_MAX_WARNINGS) {
		w->warnings = xrealloc(w->warnings, (w->nwarnings + 1) * sizeof *w->warnings);
		w->warnings[w->nwarnings] = xstrdup(msg);
	}
	w->nwarnings++;
}

/* A cell that is not valid UTF-8 (a value stored by another program) is
 * written into a UTF-8 file with U+FFFD for each bad byte, and a warning
 * names its place: no file doorstep writes carries bytes its reader cannot
 * decode.  (GB18030 refuses the row instead, naming the byte.) */
static const char *fix_utf8(struct csvout *w, const char *s, size_t *n)
{
	size_t ok = utf8_valid_len(s, *n);
	char msg[256];
	int col = w->ncells - 1;

	if (ok == *n)
		return s;
	w->fix.len = 0;
	while (*n > 0) {
		buf_add(&w->fix, s, ok);
		if (ok == *n)
			break;
		buf_add(&w->fix, "\xEF\xBF\xBD", 3);
		s += ok + 1;
		*n -= ok + 1;
		ok = utf8_valid_len(s, *n);
	}
	if (col < w->nheader && w->rows > 0 && w->header[col][0])
		snprintf(msg, sizeof msg, _("row %ld, column %s: a stored value is not valid UTF-8; "
					    "its bad bytes were written as U+FFFD"),
			 w->rows + 1, w->header[col]);
	else
		snprintf(msg, sizeof msg, _("row %ld, column %d: a stored value is not valid UTF-8; "
					    "its bad bytes were written as U+FFFD"),
			 w->rows + 1, col + 1);
	add_warning(w, msg);
	*n = w->fix.len;
	return w->fix.p;
}

size_t csvout_warning_count(const struct csvout *w)
{
	return w->nwarnings;
}

const char *csvout_warning(const struct csvout *w, size_t i)
{
	return i < w->nwarnings && i < CSVOUT_MAX_WARNINGS ? w->warnings[i] : NULL;
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
	XGROW(w->starts, w->cap_cells, w->ncells + 1, 32);
	w->starts[w->ncells++] = b->len;
	if (w->rows == 0) {
		w->header = xrealloc(w->header, (size_t)(w->nheader + 1) * sizeof *w->header);
		w->header[w->nheader++] = xstrndup(n ? s : "", n);
	}
	if (n == 0)
		return;

	if (w->enc != CSVOUT_GB18030)
		s = fix_utf8(w, s, &n);
	/* In the spreadsheet encodings a text that Excel, WPS or Calc would take
	 * for a number, date, percentage or boolean (room 1E5, notes 3/4) keeps
	 * its text through the tab after it. */
	if (kind != CSVOUT_NUMBER && w->enc != CSVOUT_UTF8 && !csvout_is_formula(s, n) &&
	    csvout_looks_like_value(s, n)) {
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
	/* The comma closes the clause before "cannot be written in GB18030". */
	snprintf(out, outn, _("the byte 0x%02X, which is not valid UTF-8,"), n ? s[0] : 0);
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
	free(w->fix.p);
	xfree_strv(w->warnings,
		   w->nwarnings < CSVOUT_MAX_WARNINGS ? w->nwarnings : CSVOUT_MAX_WARNINGS);
	free(w->starts);
	xfree_strv(w->header, (size_t)w->nheader);
	free(w);
	*pw = NULL;
}
