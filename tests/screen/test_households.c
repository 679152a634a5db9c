/* test_households: the Households tab from the keyboard alone.  Adds two
 * households and a resident with a Chinese name through the forms (the ID
 * number typed in full-width digits with a lower-case x), finds them in
 * the list, filters by pinyin initials, by name, by code and by the ID
 * number's tail, reveals a phone (audited), moves and deletes a resident
 * (soft), and checks the database behind each step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixture.h"

static char *db;

static void add_household(struct harness *h, const char *code, const char *phone)
{
	harness_type(h, "n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, code);
	if (phone) {
		for (int i = 0; i < 7; i++)
			harness_key(h, "Tab"); /* to Phone */
		harness_type(h, phone);
	}
	harness_key(h, "F10");
	HGONE(h, "A new household", 3000);
}

/* Replaces the filter's text and waits until the list shows `want` and not
 * `unwanted`. */
static void filter(struct harness *h, const char *text, const char *want, const char *unwanted)
{
	char shown[80];

	harness_key(h, "C-u");
	harness_type(h, text);
	/* The filter and the list it selects are drawn in one refresh. */
	snprintf(shown, sizeof shown, "Filter: %s", text);
	HWAIT(h, shown, 3000);
	HWAIT(h, want, 3000);
	HGONE(h, unwanted, 3000);
}

int main(void)
{
	char *dir, buf[600];
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args};
	struct harness *h;
	int row, col, st;

	db = harness_new_db(&dir);
	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HCHECK(h, h != NULL, "cannot start");
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2");
	HWAIT(h, "No household yet", 3000);

	add_household(h, "3-2-501", "１３８１２３４５６７８");
	HWAIT(h, "Household 3-2-501 added", 3000);
	add_household(h, "12-1-101", NULL);
	add_household(h, "3-10-101", NULL);
	HWAIT(h, "Households: 3", 3000);
	/* Natural order: 3-2-501, 3-10-101, 12-1-101. */
	HCHECK(h, harness_find(h, "3-2-501", &row, &col) && row == 3, "3-2-501 not first");
	HCHECK(h, harness_find(h, "3-10-101", &row, &col) && row == 4, "3-10-101 not second");
	HCHECK(h, harness_find(h, "12-1-101", &row, &col) && row == 5, "12-1-101 not third");
	HWAIT(h, "138****5678", 1000); /* the phone folded and masked */
	HSQL_IS(h, db, "SELECT phone FROM households WHERE code = '3-2-501'", "13812345678");

	/* Open 3-2-501 and add 张三 with a full-width ID number and a lower x. */
	harness_key(h, "Home");
	harness_key(h, "Enter");
	HWAIT(h, "Residents (0)", 3000);
	harness_type(h, "n");
	HWAIT(h, "A new resident of household 3-2-501", 3000);
	harness_type(h, "张三");
	harness_key(h, "Tab"); /* relation */
	harness_key(h, "Tab"); /* document */
	harness_key(h, "Tab"); /* ID number */
	harness_type(h, "１１０１０１１９９００３０７１０９x");
	harness_key(h, "Tab");
	HWAIT(h, "11010119900307109X", 3000); /* normalised in the field */
	HWAIT(h, "1990-03-07", 1000);	      /* birth date derived */
	harness_key(h, "F10");
	HWAIT(h, "张三 added", 3000);
	HWAIT(h, "Residents (1)", 3000);
	HWAIT(h, "110101********109X", 1000); /* masked in the list */
	HSQL_IS(h, db, "SELECT name, id_number, sex, birth_date, relation, pinyin FROM residents",
		   "张三|11010119900307109X|M|1990-03-07|head|zs");

	/* Reveal: the whole number shows, and the audit log has it. */
	harness_type(h, "r");
	HWAIT(h, "11010119900307109X", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM audit_log WHERE action = 'reveal'", "1");

	/* A second resident, then back to the list. */
	harness_type(h, "n");
	HWAIT(h, "A new resident", 3000);
	harness_type(h, "王小明");
	harness_key(h, "F10");
	HWAIT(h, "王小明 added", 3000);
	harness_key(h, "Esc");
	HWAIT(h, "Households: 3", 3000);
	HWAIT(h, "张三", 1000); /* head of household in the list */

	/* Filters: each shows exactly the households named. */
	harness_type(h, "/");
	filter(h, "zs", "3-2-501", "12-1-101");
	filter(h, "wxm", "3-2-501", "3-10-101");
	filter(h, "小明", "3-2-501", "12-1-101");
	filter(h, "3-1", "3-10-101", "3-2-501");
	filter(h, "109x", "3-2-501", "3-10-101"); /* the ID number's tail */
	filter(h, "5678", "3-2-501", "12-1-101"); /* the phone's tail */
	filter(h, "qqq", "No household matches", "3-2-501");
	/* Enter keeps the filter and gives the keys back to the list. */
	filter(h, "12", "12-1-101", "3-2-501");
	harness_key(h, "Enter");
	harness_key(h, "Esc"); /* clears the filter */
	HWAIT(h, "Households: 3", 3000);

	/* Move 王小明 to 12-1-101, then delete 张三 (soft, confirmed). */
	harness_key(h, "Home");
	harness_key(h, "Enter");
	HWAIT(h, "Residents (2)", 3000);
	harness_key(h, "Down");
	harness_type(h, "m");
	HWAIT(h, "To household", 3000);
	harness_type(h, "12-1-101");
	harness_key(h, "F10");
	HWAIT(h, "Moved to household 12-1-101", 3000);
	HWAIT(h, "Residents (1)", 3000);
	harness_type(h, "d");
	HWAIT(h, "Delete 张三 from household 3-2-501?", 3000);
	harness_type(h, "y");
	HWAIT(h, "Residents (0)", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM residents WHERE deleted_at IS NOT NULL", "1");
	HSQL_IS(h, db,
		   "SELECT h.code FROM residents r JOIN households h ON h.id = r.household_id"
		   " WHERE r.name = '王小明'",
		   "12-1-101");
	harness_key(h, "Esc");
	harness_type(h, "/zs");
	HWAIT(h, "No household matches", 3000);
	harness_key(h, "Esc");
	HWAIT(h, "Households: 3", 3000);

	/* The household's history, from the audit log. */
	harness_key(h, "Home");
	harness_type(h, "h");
	HWAIT(h, "History of household 3-2-501", 3000);
	HWAIT(h, "added", 1000);
	harness_key(h, "Esc");
	HWAIT(h, "Households: 3", 3000);

	/* Reveal a household's phone from the list (audited).  The history
	 * showed the number whole (from the audit log): wait for the list to
	 * be drawn again, masked, first. */
	HWAIT(h, "138****5678", 3000);
	harness_type(h, "r");
	HWAIT(h, "13812345678", 3000);
	HSQL_IS(h, db, "SELECT count(*) FROM audit_log WHERE action = 'reveal'", "2");

	/* Delete a household: asked first, "n" keeps it, "y" deletes it. */
	harness_key(h, "End");
	harness_type(h, "d");
	HWAIT(h, "Delete household 12-1-101 and its 1 residents?", 3000);
	harness_type(h, "n");
	HGONE(h, "Delete household", 3000);
	HWAIT(h, "Households: 3", 1000);
	harness_type(h, "d");
	HWAIT(h, "Delete household 12-1-101", 3000);
	harness_type(h, "y");
	HWAIT(h, "Households: 2", 3000);
	HWAIT(h, "Household 12-1-101 deleted", 3000); /* the status line */
	{
		char *r5 = harness_row_text(h, 5);

		HCHECK(h, !*r5, "a third row is still listed: %s", r5);
		free(r5);
	}
	HSQL_IS(h, db, "SELECT count(*) FROM households WHERE deleted_at IS NOT NULL", "1");
	HSQL_IS(h, db, "SELECT count(*) FROM residents WHERE deleted_at IS NULL", "0");
	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "q did not quit");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
