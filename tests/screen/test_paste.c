/* test_paste: bracketed paste (issue 18 §1).  Text pasted into a resident's
 * form goes into the focused field only: notes keep the line break, the
 * name gets a space, a date field takes a date, an enumeration and the
 * confirm dialog drop it, and on the households and rounds lists it is
 * dropped with a message.  Pastes split over several writes, pastes whose
 * end never comes and pastes too long are never read as keys.  The
 * database is compared before and after: only the saved notes changed. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define BEGIN "\033[200~"
#define END   "\033[201~"

static void paste(struct harness *h, const char *text)
{
	harness_send(h, BEGIN, strlen(BEGIN));
	harness_send(h, text, strlen(text));
	harness_send(h, END, strlen(END));
}

/* Sends the pieces with a pause between them: a paste split over reads. */
static void send_split(struct harness *h, const char *const *pieces)
{
	for (; *pieces; pieces++) {
		harness_send(h, *pieces, strlen(*pieces));
		harness_pump(h, 150);
	}
}

static char *snapshot(const char *db)
{
	return harness_sql(db, "SELECT group_concat(x, '|') FROM (SELECT id || name || coalesce(notes, '') || "
			       "coalesce(deleted_at, '-') || coalesce(birth_date, '-') AS x FROM "
			       "residents UNION ALL SELECT count(*) FROM audit_log UNION ALL SELECT "
			       "count(*) FROM households WHERE deleted_at IS NULL)");
}

static void tab(struct harness *h, const char *key, int n)
{
	for (int i = 0; i < n; i++)
		harness_key(h, key);
	harness_settle(h, 100, 1000);
}

int main(void)
{
	char *dir, *db = harness_new_db(&dir), buf[600], *s, *before, *after, *big;
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args, .rows = 30, .cols = 100};
	struct harness *h;
	const char *split_body[] = {BEGIN "Visited", " 2/15\r", "dy3" END, NULL};
	const char *split_marks[] = {"\033[2", "00~ a", "b\rq\033[20", "1~", NULL};

	s = harness_sql(
	    db, "INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key)"
		" VALUES(1, 'h1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '6-1-101', "
		"'06-01-2101');"
		"INSERT INTO residents(id, uuid, created_at, updated_at, household_id, name, relation)"
		" VALUES(1, 'r1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', 1, '钱九', 'head');");
	HCHECK(NULL, s != NULL, "fixture rows refused");
	free(s);
	before = snapshot(db);
	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HWAIT(h, "1 Today", 5000);

	/* on the households list: dropped with a message, no key of it runs */
	harness_type(h, "2");
	HWAIT(h, "6-1-101", 3000);
	paste(h, "d\ny3");
	HWAIT(h, "only into a text field", 3000);
	HCHECK(h, harness_has_text(h, "6-1-101"), "the list changed under a paste");

	/* the blocker: a two-line paste into the notes of a resident */
	harness_key(h, "Enter");
	HWAIT(h, "Residents (1)", 3000);
	harness_type(h, "e");
	HWAIT(h, "Notes", 3000);
	tab(h, "Tab", 11);
	paste(h, "Visited 2/15\ndy3");
	HWAIT(h, "Visited 2/15↵dy3", 3000);
	HCHECK(h, harness_has_text(h, "Notes"), "the form closed under a paste");
	/* the same, split over several reads, body and markers */
	harness_key(h, "C-u");
	send_split(h, split_body);
	HWAIT(h, "Visited 2/15↵dy3", 3000);
	send_split(h, split_marks);
	HWAIT(h, "dy3 ab↵q", 3000);
	HCHECK(h, harness_has_text(h, "Notes"), "a split paste was read as keys");
	/* a paste whose end never comes: dropped after a second of silence */
	harness_send(h, BEGIN "zz\rdy3", strlen(BEGIN "zz\rdy3"));
	HWAIT(h, "did not end", 4000);
	HCHECK(h, !harness_has_text(h, "zz"), "a broken paste was kept");
	/* one too long: dropped whole */
	big = malloc(9001);
	memset(big, 'x', 9000);
	big[9000] = 0;
	paste(h, big);
	free(big);
	HWAIT(h, "longer than 8192", 5000);
	HCHECK(h, !harness_has_text(h, "xxxx"), "a paste too long was kept");

	/* the name (one line): the line break becomes a space */
	tab(h, "BTab", 11);
	paste(h, "\n张\n三");
	HWAIT(h, "钱九 张 三", 3000);
	harness_key(h, "C-u");
	harness_type(h, "钱九");
	/* Sex (a pick-list): dropped */
	tab(h, "Tab", 4);
	paste(h, "f");
	HWAIT(h, "only into a text field", 3000);
	HCHECK(h, harness_has_text(h, "-  ▾"), "a paste chose a value");
	/* Birth date: a date goes in, a word does not */
	tab(h, "Tab", 1);
	paste(h, "1950-01-01\n");
	HWAIT(h, "1950-01-01", 3000);
	paste(h, "yes");
	HWAIT(h, "not a number or date", 3000);
	harness_key(h, "C-u");

	/* the discard dialog takes no paste: "y" pasted there does not answer */
	harness_key(h, "Esc");
	HWAIT(h, "Discard", 3000);
	paste(h, "y");
	HWAIT(h, "only into a text field", 3000);
	HCHECK(h, harness_has_text(h, "Discard"), "a pasted y answered the dialog");
	harness_type(h, "n");
	HGONE(h, "Discard", 3000);
	harness_key(h, "Esc");
	HWAIT(h, "Discard", 3000);
	harness_type(h, "y");
	HGONE(h, "Discard", 3000);
	HWAIT(h, "Residents (1)", 3000);
	after = snapshot(db);
	HCHECK(h, before && after && !strcmp(before, after), "the database changed: %s / %s",
	       before, after);
	free(after);

	/* saved: the notes hold the line break, nothing else changed */
	harness_type(h, "e");
	HWAIT(h, "Notes", 3000);
	tab(h, "Tab", 11);
	paste(h, "Visited 2/15\r\ndy3");
	HWAIT(h, "Visited 2/15↵dy3", 3000);
	harness_key(h, "F10");
	HGONE(h, "Notes", 3000);
	s = harness_sql(db, "SELECT quote(notes) || (deleted_at IS NULL) || (SELECT count(*) FROM "
			    "audit_log WHERE action = 'delete') FROM residents");
	HCHECK(h, s && !strcmp(s, "'Visited 2/15\ndy3'10"), "saved notes: %s", s ? s : "?");
	free(s);

	/* on the rounds list: dropped, no household marked */
	harness_type(h, "3");
	HWAIT(h, "done 0 / 1", 3000);
	paste(h, "2\nd");
	HWAIT(h, "only into a text field", 3000);
	HCHECK(h, harness_has_text(h, "done 0 / 1"), "a paste marked a household");
	harness_free(&h);
	s = harness_sql(db, "SELECT count(*) FROM visits");
	HCHECK(NULL, s && !strcmp(s, "0"), "a paste wrote a visit");
	free(s);
	free(before);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
