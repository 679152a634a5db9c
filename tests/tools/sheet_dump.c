/* sheet_dump: prints the cells of a CSV file or of a workbook's sheet the
 * way doorstep's readers see them, one row a line, cells separated by a tab,
 * so that a test can compare an .xlsx export with the CSV of the same
 * dataset and read a part of the zip as text.
 *
 *	sheet_dump [-k] FILE [SHEET]    rows (-k: each cell's kind before it:
 *	                                t text, n number, l lost digits,
 *	                                d date, b boolean)
 *	sheet_dump -p FILE PART         the raw bytes of a part of a zip
 *
 * A CSV cell that export neutralised as a formula loses its apostrophe (a
 * workbook's string cell needs none).  A cell that is a number is printed in one form (%.15g) whichever file it
 * comes from, a tab or line break in a cell as \t and \n.  Exits 1 with the
 * reader's message when the file cannot be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/csvout.h"
#include "core/csvread.h"
#include "core/err.h"
#include "core/strbuf.h"
#include "core/workbook.h"

static int kinds;

static void put_cell(const char *s, int kind)
{
	char *end;
	double v = strtod(s, &end);

	if (kinds)
		printf("%c:", "tnldb"[kind]);
	if (*s && !*end && s[strspn(s, "0123456789.-+eE")] == '\0' &&
	    !(s[0] == '0' && s[1] && s[1] != '.')) {
		printf("%.15g", v);
		return;
	}
	for (; *s; s++) {
		if (*s == '\t')
			fputs("\\t", stdout);
		else if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s != '\r')
			putchar(*s);
	}
}

static int on_row(const struct csvread_row *row, void *ctx)
{
	(void)ctx;
	for (int i = 0; i < row->n; i++) {
		const char *s = row->fields[i];

		if (i)
			putchar('\t');
		/* A CSV's neutralised formula ('=1+1) is the text =1+1, as the
		 * import reads it; a workbook's string cell needs no apostrophe. */
		if (!row->kinds && s[0] == '\'' && csvout_is_formula(s, strlen(s)))
			s++;
		put_cell(s, row->kinds ? row->kinds[i] : CELL_TEXT);
	}
	putchar('\n');
	return 0;
}

static int dump_part(const char *path, const char *part)
{
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
	zip_file_t *f = z ? zip_fopen(z, part, 0) : NULL;
	char buf[65536];
	zip_int64_t n;

	if (!f) {
		fprintf(stderr, "sheet_dump: %s: no part %s\n", path, part);
		return 1;
	}
	while ((n = zip_fread(f, buf, sizeof buf)) > 0)
		fwrite(buf, 1, (size_t)n, stdout);
	zip_fclose(f);
	zip_discard(z);
	return 0;
}

int main(int argc, char **argv)
{
	struct strbuf text = STRBUF_INIT;
	struct err e;
	char *used = NULL, buf[65536];
	int fmt, a = 1;
	size_t n;
	FILE *f;

	if (argc >= 4 && !strcmp(argv[1], "-p"))
		return dump_part(argv[2], argv[3]);
	if (argc > a && !strcmp(argv[a], "-k"))
		kinds = 1, a++;
	if (argc <= a) {
		fprintf(stderr, "usage: sheet_dump [-k] FILE [SHEET] | sheet_dump -p FILE PART\n");
		return 2;
	}
	err_clear(&e);
	fmt = workbook_sniff(argv[a], &e);
	if (fmt > 0) {
		if (workbook_read(argv[a], fmt, argc > a + 1 ? argv[a + 1] : NULL, on_row, NULL,
				  &used, &e) < 0) {
			fprintf(stderr, "sheet_dump: %s\n", e.msg);
			return 1;
		}
		fprintf(stderr, "sheet: %s\n", used);
		free(used);
		return 0;
	}
	if (fmt < 0 || !(f = fopen(argv[a], "rb"))) {
		fprintf(stderr, "sheet_dump: %s: %s\n", argv[a], e.msg[0] ? e.msg : "cannot read");
		return 1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&text, buf, n);
	fclose(f);
	if (csvread_text(strbuf_str(&text), text.len, on_row, NULL, &e) < 0) {
		fprintf(stderr, "sheet_dump: %s\n", e.msg);
		return 1;
	}
	strbuf_free(&text);
	return 0;
}
