/* test_checkpoints: the Checkpoints tab in a real terminal (issue 10).
 *
 * On the Rounds fixture (tests/screen/fixtures/round.sql: 郑洁 of 5-1-101 in
 * home isolation) with one checkpoint 东门卡点:
 * - roster: Monday's roster is filled by keys, an afternoon shift first
 *   planned with nobody: the gap is flagged ("a shift with nobody"); the
 *   shift given a person, Monday's gap goes; a name not on the staff list is
 *   asked about before it is added as a volunteer;
 * - passes: issued to every household from the passes view;
 * - gate: 3-2-501's first outing is allowed and recorded (one "out" row);
 *   5-1-101 (a member in isolation) is refused and nothing is written; the
 *   binary started again the next day refuses 3-2-501 with the next allowed
 *   date on screen, and writes nothing;
 * - print: `doorstep sheet passes` writes a PDF that pdfinfo opens and whose
 *   text holds 3-2-501's pass number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static char db[512];

static char *sql(const char *q)
{
	char *out = harness_sql(db, q);

	if (!out) {
		fprintf(stderr, "FAIL: sqlite3 failed on: %s\n", q);
		exit(1);
	}
	return out;
}

static void sql_is(struct harness *h, const char *q, const char *want)
{
	char *got = sql(q);

	HCHECK(h, !strcmp(got, want), "%s gave \"%s\", want \"%s\"", q, got, want);
	free(got);
}

static struct harness *start(const char *now)
{
	const char *env[] = {now, "NO_COLOR=1", NULL};
	static const char *args[] = {"--db", db, "--staff", "李强", NULL};
	struct harness_opts o = {.env = env, .args = args};
	struct harness *h = harness_start(&o);

	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "Households visited", 5000);
	harness_type(h, "8");
	HWAIT(h, "Gate: 东门卡点", 3000);
	return h;
}

static void quit(struct harness **h)
{
	int st;

	harness_key(*h, "Esc");
	harness_type(*h, "q");
	HCHECK(*h, harness_wait_exit(*h, 3000, &st), "did not quit");
	harness_free(h);
}

/* Fills the open shift form: hours and person (clearing what is there). */
static void shift_fields(struct harness *h, const char *from, const char *to, const char *who)
{
	HWAIT(h, "A new shift", 3000);
	harness_key(h, "Tab"); /* date → from */
	harness_key(h, "C-u");
	harness_type(h, from);
	harness_key(h, "Tab");
	harness_key(h, "C-u");
	harness_type(h, to);
	harness_key(h, "Tab");
	harness_key(h, "C-u");
	harness_type(h, who);
	harness_key(h, "F10");
	HGONE(h, "A new shift", 3000);
}

/* Types a pass number at the gate and looks it up. */
static void scan(struct harness *h, const char *pass_no)
{
	harness_type(h, pass_no);
	harness_key(h, "Enter");
}

int main(void)
{
	static const char *const env[] = {"DOORSTEP_NOW=2020-02-15 09:30:00", NULL};
	char *dir = harness_tmpdir();
	const char *init[] = {"--db", db, "init", "--community", "幸福里社区", NULL};
	char pdf[600], txt[600], cmd[1400], *out = NULL, *p501, *p101;
	struct harness *h;
	FILE *f;

	snprintf(db, sizeof db, "%s/cp.db", dir);
	HCHECK(NULL, harness_run(env, init, &out, 5000) == 0, "init failed: %s", out);
	free(out);
	free(sql(".read tests/screen/fixtures/round.sql"));
	free(sql("INSERT INTO checkpoints(uuid, created_at, updated_at, name, location, kind)"
		 " VALUES ('c-1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '东门卡点',"
		 " '小区东门', 'gate');"));

	/* ---- the roster: Monday 07-14 王芳, 14-21 planned with nobody ---- */
	h = start("DOORSTEP_NOW=2020-02-15 09:30:00");
	harness_type(h, "v");
	HWAIT(h, "Duty roster, week of 2020-02-10 to 2020-02-16", 3000);
	HWAIT(h, "gaps: 0  double-booked: 0", 3000);
	harness_type(h, "n");
	shift_fields(h, "7", "14", "王芳");
	HWAIT(h, "07-14王芳", 3000);
	harness_type(h, "n");
	shift_fields(h, "14", "21", "");
	HWAIT(h, "14-21--", 3000);
	HWAIT(h, "Gap: 2020-02-10 东门卡点 14:00-21:00, a shift with nobody", 3000);
	sql_is(
	    h,
	    "SELECT group_concat(start_time || '-' || end_time || ' ' || coalesce(staff_id, '-'),"
	    " ', ') FROM (SELECT * FROM shifts WHERE date = '2020-02-10' ORDER BY start_time)",
	    "07:00-14:00 1, 14:00-21:00 -");
	/* the planned shift is given a person: Monday's gap goes */
	harness_key(h, "Down");
	harness_key(h, "Enter");
	HWAIT(h, "Edit the shift", 3000);
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "C-u");
	harness_type(h, "李强");
	harness_key(h, "F10");
	HWAIT(h, "14-21李强", 3000);
	HGONE(h, "Gap: 2020-02-10", 3000);
	/* the other days of the week have no shift in the usual hours */
	HWAIT(h, "Gap: 2020-02-11 东门卡点 07:00-21:00, no shift", 3000);
	/* a name not on the staff list is asked about, not added silently: the
	 * first save refuses with the question, the second adds the volunteer */
	harness_type(h, "n");
	HWAIT(h, "A new shift", 3000);
	harness_key(h, "Tab");
	harness_key(h, "C-u");
	harness_type(h, "21");
	harness_key(h, "Tab");
	harness_key(h, "C-u");
	harness_type(h, "23");
	harness_key(h, "Tab");
	harness_key(h, "C-u");
	harness_type(h, "赵六");
	harness_key(h, "F10");
	HWAIT(h, "赵六 is not on the staff list: save again", 3000);
	HWAIT(h, "A new shift", 3000);
	sql_is(h, "SELECT count(*) FROM staff WHERE name = '赵六'", "0");
	sql_is(h, "SELECT count(*) FROM shifts WHERE start_time = '21:00'", "0");
	harness_key(h, "F10");
	HGONE(h, "A new shift", 3000);
	HWAIT(h, "赵六 added to the list as a volunteer.", 3000);
	sql_is(h, "SELECT role FROM staff WHERE name = '赵六'", "volunteer");

	/* ---- passes for every household ---- */
	harness_type(h, "v");
	HWAIT(h, "No pass issued yet", 3000);
	harness_type(h, "n");
	HWAIT(h, "Issue passes", 3000);
	harness_type(h, "*");
	harness_key(h, "F10");
	HWAIT(h, "7 passes issued", 3000);
	sql_is(h, "SELECT count(*) FROM passes", "7");
	p501 = sql("SELECT pass_no FROM passes p JOIN households h ON h.id = p.household_id"
		   " WHERE h.code = '3-2-501'");
	p101 = sql("SELECT pass_no FROM passes p JOIN households h ON h.id = p.household_id"
		   " WHERE h.code = '5-1-101'");
	HWAIT(h, p501, 3000);

	/* ---- the gate: a first outing allowed and recorded ---- */
	harness_type(h, "v");
	HWAIT(h, "Pass number:", 3000);
	scan(h, p501);
	HWAIT(h, "A L L O W E D", 3000);
	HWAIT(h, "Allowed: the first outing of this household.", 3000);
	HWAIT(h, "张伟", 3000);
	harness_type(h, "o");
	HWAIT(h, "3-2-501: going out recorded at 09:30.", 3000);
	sql_is(h,
	       "SELECT count(*), min(direction), min(at) FROM pass_events e JOIN passes p"
	       " ON p.id = e.pass_id JOIN households h ON h.id = p.household_id"
	       " WHERE h.code = '3-2-501'",
	       "1|out|2020-02-15 09:30:00");

	/* a household with a member in isolation is refused, nothing written */
	harness_key(h, "Esc");
	scan(h, p101);
	HWAIT(h, "N O T   A L L O W E D", 3000);
	HWAIT(h, "Not allowed: 郑洁 is under isolation", 3000);
	harness_type(h, "o");
	harness_settle(h, 150, 1000);
	sql_is(h, "SELECT count(*) FROM pass_events", "1");
	quit(&h);

	/* ---- the next day: 3-2-501 refused, the next allowed date shown ---- */
	h = start("DOORSTEP_NOW=2020-02-16 10:00:00");
	scan(h, p501);
	HWAIT(h, "N O T   A L L O W E D", 3000);
	HWAIT(h, "Not allowed: went out on 2020-02-15; next allowed on 2020-02-17.", 3000);
	harness_type(h, "o");
	harness_settle(h, 150, 1000);
	sql_is(h, "SELECT count(*) FROM pass_events", "1");
	quit(&h);

	/* ---- the pass cards: the PDF opens and holds the number ---- */
	snprintf(pdf, sizeof pdf, "%s/passes.pdf", dir);
	snprintf(txt, sizeof txt, "%s/passes.txt", dir);
	{
		const char *args[] = {"--db", db, "sheet", "passes", "-o", pdf, NULL};

		HCHECK(NULL, harness_run(env, args, &out, 10000) == 0, "sheet passes: %s", out);
		free(out);
	}
	HCHECK(NULL,
	       snprintf(cmd, sizeof cmd, "pdfinfo '%s' >/dev/null && pdftotext '%s' '%s'", pdf, pdf,
			txt) < (int)sizeof cmd,
	       "the command does not fit");
	HCHECK(NULL, system(cmd) == 0, "the passes PDF does not open: %s", cmd);
	f = fopen(txt, "r");
	HCHECK(NULL, f != NULL, "no text from the passes PDF");
	{
		char line[512];
		int found = 0;

		while (!found && fgets(line, sizeof line, f))
			found = strstr(line, p501) != NULL;
		fclose(f);
		HCHECK(NULL, found, "pass number %s is not in the passes PDF", p501);
	}
	free(p501);
	free(p101);
	harness_rmdir(dir);
	free(dir);
	return 0;
}
