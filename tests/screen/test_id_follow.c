/* test_id_follow: the resident form keeps sex and birth date with the ID
 * number.  Typed into an empty form the number fills both; replacing it
 * with another person's number moves both to the new one; a sex typed
 * against the number is refused on save, naming both, and nothing is
 * written. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static void expect_sql(struct harness *h, const char *db, const char *sql, const char *want)
{
	char *s = harness_sql(db, sql);

	HCHECK(h, s && !strcmp(s, want), "%s: %s, wanted %s", sql, s ? s : "(error)", want);
	free(s);
}

int main(void)
{
	struct harness_fixture fx = {.staff = "李明"};
	struct harness *h = harness_fixture_open(&fx);
	const char *db = fx.db;

	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "5-1-101");
	harness_key(h, "F10");
	HWAIT(h, "Household 5-1-101 added", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "Residents (0)", 3000);
	harness_type(h, "n");
	HWAIT(h, "A new resident", 3000);
	harness_type(h, "赵六");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_type(h, "420102850312123");
	harness_key(h, "Tab");
	HWAIT(h, "1985-03-12", 3000);
	harness_key(h, "F10");
	HWAIT(h, "赵六 added", 3000);
	expect_sql(h, db, "SELECT id_number || sex || birth_date FROM residents",
		   "420102198503121238M1985-03-12");

	/* Another number: sex and birth date follow it. */
	harness_key(h, "Enter");
	HWAIT(h, "赵六 of household", 3000);
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "C-u");
	harness_type(h, "420102880515224");
	harness_key(h, "Tab");
	HWAIT(h, "follow the new ID number", 3000);
	HWAIT(h, "1988-05-15", 3000); /* the birth date followed */
	harness_key(h, "F10");
	HWAIT(h, "赵六 saved", 3000);
	expect_sql(h, db, "SELECT id_number || sex || birth_date FROM residents",
		   "420102198805152240F1988-05-15");

	/* A sex typed against the number: refused, naming both. */
	harness_key(h, "Enter");
	HWAIT(h, "赵六 of household", 3000);
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Left");
	harness_key(h, "F10");
	HWAIT(h, "contradicts the ID number, which gives female", 3000);
	HCHECK(h, harness_has_text(h, "赵六 of household"), "the form closed");
	expect_sql(h, db, "SELECT sex FROM residents", "F");
	harness_free(&h);
	harness_fixture_close(&fx);
	return 0;
}
