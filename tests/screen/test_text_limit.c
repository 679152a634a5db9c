/* test_text_limit: a form field shows its column's limit (core/limits.h) and
 * refuses more with a message instead of cutting without a word (issue 22: a
 * 120-character household code was stored as 60).  Typing past 64 characters
 * in the household code is refused at the 65th with "holds at most 64
 * characters", the counter shows 64/64 and the 64 characters are saved
 * whole; a code already longer than the limit (an older row) is shown whole
 * with its count in red and saving it is refused, leaving the row as it
 * was. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static void expect_sql(struct harness *h, const char *db, const char *sql, const char *want)
{
	char *got = harness_sql(db, sql);

	HCHECK(h, got && !strcmp(got, want), "%s\n  gave \"%s\", want \"%s\"", sql,
	       got ? got : "(error)", want);
	free(got);
}

int main(void)
{
	struct harness_fixture fx = {.staff = "李明"};
	struct harness *h = harness_fixture_open(&fx);
	const char *db = fx.db;
	char code[80], *s;

	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2n");
	HWAIT(h, "A new household", 3000);
	HWAIT(h, "0/64", 3000); /* the limit is shown before anything is typed */
	memset(code, 'x', 70);
	code[70] = '\0';
	harness_type(h, code);
	HWAIT(h, "holds at most 64 characters", 3000);
	HWAIT(h, "64/64", 3000);
	harness_key(h, "F10");
	HGONE(h, "A new household", 3000);
	expect_sql(h, db, "SELECT length(code) FROM households", "64");

	/* An older row over the limit: shown whole, saving refused, kept. */
	s = harness_sql(db, "UPDATE households SET code = code || code || 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'"
			    " RETURNING length(code)");
	HCHECK(h, s && !strcmp(s, "167"), "could not lengthen the code: %s", s ? s : "(error)");
	free(s);
	harness_pump(h, 300);
	harness_type(h, "e");
	HWAIT(h, "167/64", 3000);
	harness_key(h, "F10");
	HWAIT(h, "is too long: 167 characters; it holds at most 64", 3000);
	HCHECK(h, harness_has_text(h, "167/64"), "the form closed on a code over its limit");
	expect_sql(h, db, "SELECT length(code) FROM households", "167");
	harness_free(&h);
	harness_fixture_close(&fx);
	return 0;
}
