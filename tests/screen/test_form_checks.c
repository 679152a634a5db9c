/* test_form_checks: the field checks the forms share (tui/widgets/formcheck),
 * in the Settings form (F2): a whole number out of its range is refused
 * with the field's message and nothing is saved; a bad time is refused
 * with the time's message, one typed as 800 is put back as 08:00 and saved
 * so.  English, 80x24. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixture.h"

/* Moves the form's focus to the field labelled label (Tab from where it
 * is), at most 20 steps: the focused field's value is drawn in reverse
 * (no colours), in the column where the community's name stands. */
static void focus_on(struct harness *h, const char *label)
{
	struct harness_cell c;
	int row, col, vrow, vcol;

	for (int i = 0; i < 20; i++) {
		harness_settle(h, 50, 1000);
		HCHECK(h, harness_find(h, "幸福里社区", &vrow, &vcol), "no community field");
		HCHECK(h, harness_find(h, label, &row, &col), "no field %s", label);
		if (harness_cell(h, row, vcol, &c) == 0 && c.reverse)
			return;
		harness_key(h, "Tab");
	}
	HCHECK(h, 0, "the focus never reached %s", label);
}

/* Replaces the focused field's text with text. */
static void retype(struct harness *h, const char *text)
{
	harness_key(h, "C-u");
	harness_type(h, text);
}

int main(void)
{
	struct harness_fixture fx = {.lang = "C", .staff = "Li Ming"};
	struct harness *h = harness_fixture_open(&fx);
	int st;

	HWAIT(h, "Today", 5000);
	harness_key(h, "F2");
	HWAIT(h, "Isolation days", 3000);

	/* 0 days: refused by the range check, with its message; not saved. */
	focus_on(h, "Isolation days");
	retype(h, "0");
	harness_key(h, "F10");
	HWAIT(h, "a whole number of days or hours, 1 to 365", 3000);
	HSQL_IS(h, fx.db, "SELECT isolation_days FROM settings", "14");
	retype(h, "366");
	harness_key(h, "F10");
	HWAIT(h, "a whole number of days or hours, 1 to 365", 3000);
	retype(h, "21");

	/* A time as 800: put back as 08:00.  A bad one: the time's message. */
	focus_on(h, "AM check cut-off");
	retype(h, "25:00");
	harness_key(h, "F10");
	HWAIT(h, "a time is HH:MM, e.g. 08:00 (or 8, 800)", 3000);
	retype(h, "800");
	harness_key(h, "Tab");
	HWAIT(h, "08:00", 3000);

	harness_key(h, "F10");
	HWAIT(h, "Settings saved.", 3000);
	HSQL_IS(h, fx.db, "SELECT isolation_days, am_cutoff FROM settings", "21|08:00");

	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "did not quit");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(&h);
	harness_fixture_close(&fx);
	return 0;
}
