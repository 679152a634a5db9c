/* csvread: libcsv with line numbers, BOM and blank-row handling; see csvread.h.
 *
 * libcsv knows nothing of lines, so the text is fed to it one physical line
 * at a time: a record that is not open when a non-blank line starts begins on
 * that line.  Fields are copied into one growing buffer per record (no
 * allocation per field); the pointers are made when the record ends. */
#include "core/csvread.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"

struct reader {
	char *buf; /* the record's fields, each NUL-terminated */
	size_t len, cap;
	size_t *offs; /* start of each field in buf */
	char **ptrs;
	int nf, capf;
	long line;     /* line being fed */
	long rec_line; /* line on which the open record started */
	int open;      /* a record has started and not ended */
	int stop;      /* the callback asked to stop */
	csvread_fn fn;
	void *ctx;
};

static void on_field(void *s, size_t n, void *data)
{
	struct reader *r = data;
	const char *src = s;

	if (r->stop)
		return;
	if (r->nf == r->capf) {
		r->capf = xgrow_cap(r->capf, r->nf + 1, 32);
		r->offs = xrealloc(r->offs, (size_t)r->capf * sizeof *r->offs);
		r->ptrs = xrealloc(r->ptrs, (size_t)r->capf * sizeof *r->ptrs);
	}
	XGROW(r->buf, r->cap, r->len + n + 1, 1024);
	r->offs[r->nf++] = r->len;
	if (n && memchr(src, '\r', n)) {
		for (size_t i = 0; i < n; i++)
			if (!(src[i] == '\r' && i + 1 < n && src[i + 1] == '\n'))
				r->buf[r->len++] = src[i];
	} else if (n) {
		memcpy(r->buf + r->len, src, n);
		r->len += n;
	}
	r->buf[r->len++] = '\0';
}

static void on_record(int c, void *data)
{
	struct reader *r = data;
	struct csvread_row row;
	int n = r->nf;

	(void)c;
	r->open = 0;
	if (r->stop) {
		r->nf = 0;
		r->len = 0;
		return;
	}
	for (int i = 0; i < r->nf; i++)
		r->ptrs[i] = r->buf + r->offs[i];
	while (n > 0 && r->ptrs[n - 1][0] == '\0')
		n--;
	if (n > 0) {
		row.line = r->rec_line;
		row.n = n;
		row.fields = r->ptrs;
		row.kinds = NULL;
		if (r->fn(&row, r->ctx))
			r->stop = 1;
	}
	r->nf = 0;
	r->len = 0;
}

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

static int parse_error(struct csv_parser *p, struct reader *r, struct err *e)
{
	int code = csv_error(p);

	if (code == CSV_EPARSE) {
		if (r->open && r->rec_line != r->line) {
			e->line = r->rec_line;
			return err_set(
			    e, _("a quoted field that starts on this line is never closed"));
		}
		e->line = r->line;
		return err_set(e,
			       _("malformed CSV: a double quote inside an unquoted field or text "
				 "after a closing quote (a quote in a cell is written \"\" inside "
				 "quotes)"));
	}
	e->line = r->line;
	return err_set(e, _("CSV reader: %s"), csv_strerror(code));
}

int csvread_text(const char *text, size_t n, csvread_fn fn, void *ctx, struct err *e)
{
	struct csv_parser p;
	struct reader r = {.fn = fn, .ctx = ctx, .line = 0};
	const char *s = text, *end = text + n;
	int rc = 0;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return err_set(e, _("CSV reader: out of memory"));
	if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		s += 3;
	while (s < end && !r.stop) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);

		r.line++;
		if (!r.open) {
			if (is_blank(s, len)) {
				s += len;
				continue;
			}
			r.open = 1;
			r.rec_line = r.line;
		}
		if (csv_parse(&p, s, len, on_field, on_record, &r) != len) {
			rc = parse_error(&p, &r, e);
			goto out;
		}
		s += len;
	}
	if (r.stop) {
		rc = 1;
		goto out;
	}
	if (csv_fini(&p, on_field, on_record, &r) != 0) {
		rc = parse_error(&p, &r, e);
		goto out;
	}
	rc = r.stop ? 1 : 0;
out:
	csv_free(&p);
	free(r.buf);
	free(r.offs);
	free(r.ptrs);
	return rc;
}
