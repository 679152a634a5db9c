/* libFuzzer harness of the CSV writer against the CSV reader: cells written
 * by core/csvout (UTF-8 with or without BOM, text or keep cells) and read
 * back by core/csvread must come back as they were, with what the writer
 * documents it adds: U+FFFD for bytes that are not UTF-8, the neutralising
 * apostrophe (csvout_is_formula), the tab after a text a spreadsheet would
 * take for a value (csvout_looks_like_value).
 * What the reader documents it changes is expected: CRLF inside a cell
 * reads as LF, rows whose cells are all empty are skipped and trailing
 * empty cells are dropped.
 *
 * Input: one selector byte (bit 0: BOM and CRLF; bit 1: keep cells), then
 * cells separated by 0x00 and rows by 0x01. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/csvout.h"
#include "core/csvread.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_CELLS 4096

struct want {
	char *cell[MAX_CELLS]; /* expected cells, rows ended by a NULL */
	int n;		       /* entries in cell */
	int at;		       /* next entry to compare */
};

/* The cell as the reader should give it back: each byte that is not part of
 * valid UTF-8 as U+FFFD; the neutralising apostrophe first when the writer
 * adds one, or, in the spreadsheet encodings, the tab after a text that a
 * spreadsheet would take for a value; CRLF as LF. */
static char *expected(const char *s, size_t n, enum csvout_kind kind, enum csvout_encoding enc)
{
	char *u = malloc(3 * n + 1), *o = malloc(3 * n + 3);
	size_t un = 0, j = 0, ok;
	int formula, tab;

	while (n > 0) { /* as csvout does */
		ok = utf8_valid_len(s, n);
		memcpy(u + un, s, ok);
		un += ok;
		if (ok == n)
			break;
		memcpy(u + un, "\xEF\xBF\xBD", 3);
		un += 3;
		s += ok + 1;
		n -= ok + 1;
	}
	formula = kind != CSVOUT_NUMBER && csvout_is_formula(u, un);
	tab = kind != CSVOUT_NUMBER && enc != CSVOUT_UTF8 && !formula && csvout_looks_like_value(u, un);
	if (formula)
		o[j++] = '\'';
	for (size_t i = 0; i < un; i++) {
		if (u[i] == '\r' && i + 1 < un && u[i + 1] == '\n')
			continue;
		o[j++] = u[i];
	}
	if (tab)
		o[j++] = '\t';
	o[j] = '\0';
	free(u);
	return o;
}

static int on_row(const struct csvread_row *row, void *ctx)
{
	struct want *w = ctx;

	for (int i = 0; i < row->n; i++) {
		const char *got = row->fields[i];

		if (w->at >= w->n || !w->cell[w->at] || strcmp(w->cell[w->at], got) != 0) {
			fprintf(stderr, "cell %d read back as \"%s\", written \"%s\"\n", i, got,
				w->at < w->n && w->cell[w->at] ? w->cell[w->at] : "(end of row)");
			abort();
		}
		w->at++;
	}
	/* the trailing empty cells the reader drops */
	while (w->at < w->n && w->cell[w->at] && !w->cell[w->at][0])
		w->at++;
	if (w->at >= w->n || w->cell[w->at]) {
		fprintf(stderr, "row of %d cells read back, more were written\n", row->n);
		abort();
	}
	w->at++;
	return 0;
}

/* Drops the rows whose cells are all empty from w (the reader skips them). */
static void drop_empty_rows(struct want *w)
{
	int o = 0, start = 0;

	for (int i = 0; i < w->n; i++) {
		if (w->cell[i])
			continue;
		int empty = 1;
		for (int k = start; k < i; k++)
			empty &= !w->cell[k][0];
		for (int k = start; k <= i; k++) {
			if (empty)
				free(w->cell[k]);
			else
				w->cell[o++] = w->cell[k];
		}
		start = i + 1;
	}
	w->n = o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct want w = {.n = 0, .at = 0};
	struct csvout *out = NULL;
	struct err e = {0};
	enum csvout_encoding enc;
	enum csvout_kind kind;
	size_t i, start;
	int fd, bad = 0;

	/* a file that starts with a byte order mark loses it to the reader, by
	 * design; the first cell of an export is a header of ours */
	if (size < 1 || (size >= 4 && !memcmp(data + 1, "\xEF\xBB\xBF", 3)))
		return 0;
	enc = (data[0] & 1) ? CSVOUT_UTF8_BOM : CSVOUT_UTF8;
	kind = (data[0] & 2) ? CSVOUT_KEEP : CSVOUT_TEXT;
	/* keep cells get a tab in the spreadsheet encodings: not a round trip */
	if (kind == CSVOUT_KEEP)
		enc = CSVOUT_UTF8;
	fd = memfd_create("fuzz_csvout", 0);
	if (fd < 0 || csvout_open(&out, fd, enc, &e) < 0)
		abort();
	for (i = 1, start = 1; i <= size && w.n < MAX_CELLS - 2; i++) {
		if (i < size && data[i] != 0 && data[i] != 1)
			continue;
		csvout_cell(out, (const char *)data + start, i - start, kind);
		w.cell[w.n++] = expected((const char *)data + start, i - start, kind, enc);
		if (i == size || data[i] == 1) {
			if (csvout_row_end(out, &e) < 0)
				bad = 1;
			w.cell[w.n++] = NULL;
		}
		start = i + 1;
	}
	if (w.n && w.cell[w.n - 1]) { /* cut short by MAX_CELLS */
		if (csvout_row_end(out, &e) < 0)
			bad = 1;
		w.cell[w.n++] = NULL;
	}
	if (!bad && csvout_finish(out, &e) == 0) {
		off_t len = lseek(fd, 0, SEEK_END);
		char *text = malloc((size_t)len + 1);

		if (pread(fd, text, (size_t)len, 0) != len)
			abort();
		drop_empty_rows(&w);
		if (csvread_text(text, (size_t)len, on_row, &w, &e) != 0) {
			fprintf(stderr, "the reader refused what the writer wrote: %s\n", e.msg);
			abort();
		}
		if (w.at != w.n) {
			fprintf(stderr, "%d cells written were not read back\n", w.n - w.at);
			abort();
		}
		free(text);
	}
	csvout_free(&out);
	close(fd);
	for (int k = 0; k < w.n; k++)
		free(w.cell[k]);
	return 0;
}
