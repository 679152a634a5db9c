/* test_bad_id: a wrong ID number keeps the resident form open with the
 * rule that failed in the status line, saving is refused, and nothing is
 * written; after the number is corrected the same form saves. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

int main(void)
{
	struct harness_fixture fx = {.staff = "李明"};
	struct harness *h = harness_fixture_open(&fx);
	const char *db = fx.db;
	char *s;

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
	harness_type(h, "110101199003074515"); /* check digit should be 4 */
	harness_key(h, "Tab");
	HWAIT(h, "check digit should be 4, not 5", 3000);
	/* Saving is refused: the form stays, the reason stays in view. */
	harness_key(h, "F10");
	harness_pump(h, 300);
	HCHECK(h, harness_has_text(h, "A new resident"), "the form closed on a wrong ID number");
	HCHECK(h, harness_has_text(h, "check digit should be 4"), "the reason is not shown");
	s = harness_sql(db, "SELECT count(*) FROM residents");
	HCHECK(h, s && !strcmp(s, "0"), "a resident was written: %s", s ? s : "(error)");
	free(s);
	s = harness_sql(db, "SELECT count(*) FROM audit_log WHERE table_name = 'residents'");
	HCHECK(h, s && !strcmp(s, "0"), "an audit row was written: %s", s ? s : "(error)");
	free(s);

	/* Corrected in place (the refused field keeps the focus), it saves. */
	harness_key(h, "C-u");
	harness_type(h, "110101199003074514");
	harness_key(h, "F10");
	HWAIT(h, "赵六 added", 3000);
	s = harness_sql(db, "SELECT id_number FROM residents");
	HCHECK(h, s && !strcmp(s, "110101199003074514"), "saved %s", s ? s : "(error)");
	free(s);
	harness_free(&h);
	harness_fixture_close(&fx);
	return 0;
}
