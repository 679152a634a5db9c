/* test_date_field: a form's date field takes what the README promises
 * everywhere: t and 今 for today (typed as a letter and with a Chinese input
 * method), -1 for yesterday, 15 for a day of this month, full-width digits;
 * each becomes the ISO date when the field is left.  (Date fields took only
 * digits and - . : before, so t and 今 were dropped.) */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* Types v into the resident form's birth date field, leaves it, and waits
 * for want to show. */
static void birth(struct harness *h, const char *v, const char *want)
{
	harness_key(h, "C-u");
	harness_type(h, v);
	harness_key(h, "Tab");
	HWAIT(h, want, 3000);
	harness_key(h, "BTab");
}

int main(void)
{
	struct harness_fixture fx = {.staff = "李明"};
	struct harness *h = harness_fixture_open(&fx);
	const char *db = fx.db;

	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "4-4-404");
	harness_key(h, "F10");
	HWAIT(h, "Household 4-4-404 added", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "Residents (0)", 3000);
	harness_type(h, "n");
	HWAIT(h, "A new resident", 3000);
	harness_type(h, "钱九");
	/* Name, relation, document, ID number, sex: the birth date is the sixth. */
	for (int i = 0; i < 5; i++)
		harness_key(h, "Tab");
	birth(h, "t", "2020-02-15");
	birth(h, "今", "2020-02-15");
	birth(h, "-1", "2020-02-14");
	birth(h, "3", "2020-02-03");
	birth(h, "１９９０－０３－０７", "1990-03-07");
	harness_key(h, "F10");
	HWAIT(h, "钱九 added", 3000);
	{
		char *s = harness_sql(db, "SELECT birth_date FROM residents WHERE name = '钱九'");

		HCHECK(h, s && !strcmp(s, "1990-03-07"), "stored %s", s ? s : "(error)");
		free(s);
	}
	harness_free(&h);
	harness_fixture_close(&fx);
	return 0;
}
