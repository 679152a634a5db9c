/* libFuzzer harness of the roster import's reading path: encoding detection
 * and conversion, CSV records with their lines, header mapping through the
 * synonym table, and every row and cross-row check.  Invariants: a roster
 * without errors has a code and a name on every row; no issue names a line
 * past the end of the text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/encoding.h"
#include "core/roster.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct roster_headers *headers;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct err e;

	(void)argc;
	(void)argv;
	err_clear(&e);
	if (roster_headers_load("data/roster_headers.txt", &headers, &e) < 0) {
		fprintf(stderr, "fuzz_roster: run from the project's top folder: %s\n", e.msg);
		exit(2);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct date today = {2020, 2, 15};
	char *text;
	size_t len;
	long lines = 1;
	struct err e;
	struct roster *r;

	/* The first byte picks the encoding, as --encoding would. */
	enum encoding want = size && data[0] % 3 == 1	? ENCODING_UTF8
			     : size && data[0] % 3 == 2 ? ENCODING_GB18030
							: ENCODING_AUTO;

	err_clear(&e);
	if (encoding_to_utf8((const char *)data, size, want, &text, &len, NULL, &e) < 0) {
		if (text || e.line < 1)
			abort();
		return 0;
	}
	if (strlen(text) != len)
		abort(); /* a NUL got through */
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	r = roster_new(headers, &today);
	int rc = roster_read(r, text, len);

	if ((rc == 0) != (roster_error_count(r) == 0))
		abort();
	for (size_t i = 0; i < roster_issue_count(r); i++) {
		const struct roster_issue *is = roster_issue_at(r, i);

		if (is->line < 0 || is->line > lines || !is->message || !is->column)
			abort();
	}
	if (rc == 0) {
		for (size_t i = 0; i < roster_row_count(r); i++) {
			if (!roster_row_value(r, i, ROSTER_CODE) ||
			    !roster_row_value(r, i, ROSTER_NAME) ||
			    roster_row_household(r, i) >= roster_household_count(r))
				abort();
		}
	}
	roster_free(&r);
	free(text);
	return 0;
}
