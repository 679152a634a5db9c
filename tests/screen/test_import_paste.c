/* test_import_paste: a paste that arrives while the import screen works (its
 * progress box reads input without waiting, issue 18) is dropped whole and
 * told: none of it is taken as keys, not even the part that arrives after
 * the work would have ended.  The paste "d" ... "y" would otherwise delete
 * the first household from the list the import returns to. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"

#define BEGIN "\033[200~"
#define END   "\033[201~"
#define ROWS  "1500"

static char *db;

int main(void)
{
	char *dir, buf[600], path[PATH_MAX + 64], cmd[2 * PATH_MAX + 128];
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args};
	struct harness *h;

	db = harness_new_db(&dir);
	snprintf(path, sizeof path, "%s/roster.csv", dir);
	snprintf(cmd, sizeof cmd, "awk -v n=%s -f tests/bench/gen_roster.awk > '%s'", ROWS, path);
	HCHECK(NULL, system(cmd) == 0, "cannot write %s", path);
	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HCHECK(h, h != NULL, "cannot start");
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2");
	HWAIT(h, "No household yet", 3000);
	harness_type(h, "i");
	HWAIT(h, "Import a roster (CSV, .xlsx, .xls)", 3000);
	harness_type(h, path);
	harness_key(h, "Enter");
	harness_key(h, "Enter");
	HWAIT(h, "Import roster:", 10000);
	harness_key(h, "Enter");
	HWAIT(h, "Import " ROWS " rows", 3000);

	/* Yes, and at once a paste split in two: its first part reaches the
	 * progress box, its second comes when the import alone would be over. */
	harness_type(h, "y");
	harness_send(h, BEGIN "d", strlen(BEGIN "d"));
	harness_pump(h, 700);
	harness_send(h, "y" END, strlen("y" END));
	HWAIT(h, "Paste dropped. Imported: households 500 new", 10000);
	harness_settle(h, 300, 2000);
	HCHECK(h, !harness_has_text(h, "Delete household"), "a paste was taken as keys");
	HSQL_IS(h, db, "SELECT count(*) FROM households WHERE deleted_at IS NULL", "500");
	HSQL_IS(h, db, "SELECT count(*) FROM residents WHERE deleted_at IS NULL", ROWS);

	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	printf("ok\n");
	return 0;
}
