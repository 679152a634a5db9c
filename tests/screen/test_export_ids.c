/* test_export_ids: the Export form shows the profile's real ID policy
 * (issue 18 §3).  Choosing 返乡人员登记表 (ids = full) shows "full (recorded
 * in the audit log)" and asks once before full numbers are written; "no"
 * puts the field back to masked; once agreed, another full profile does
 * not ask again.  The file then holds full ID numbers and one export row is
 * in the audit log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define QUESTION "Please confirm"

int main(void)
{
	char *dir, *db = harness_new_db(&dir), buf[600], *s, path[700], csv[4096];
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args, .rows = 30, .cols = 100};
	struct harness *h;
	FILE *f;
	size_t n;

	s = harness_sql(
	    db, "INSERT INTO households(id, uuid, created_at, updated_at, code, sort_key)"
		" VALUES(1, 'h1', '2020-02-01 08:00:00', '2020-02-01 08:00:00', '6-1-101', "
		"'06-01-2101');"
		"INSERT INTO residents(uuid, created_at, updated_at, household_id, name, relation,"
		" id_number, returned_from, return_date) VALUES('r1', '2020-02-01 08:00:00',"
		" '2020-02-01 08:00:00', 1, '钱九', 'head', '411202195001010010', '武汉',"
		" '2020-02-01');");
	HCHECK(NULL, s != NULL, "fixture rows refused");
	free(s);
	snprintf(path, sizeof path, "%s/out.csv", dir);
	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "7");
	HWAIT(h, "Press Enter", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "masked (411202", 3000);
	for (int i = 0; i < 3; i++)
		harness_key(h, "Tab");
	harness_settle(h, 100, 1000);
	harness_type(h, "r"); /* returnee-register: ids = full */
	HWAIT(h, QUESTION, 3000);
	harness_type(h, "n");
	HGONE(h, QUESTION, 3000);
	HWAIT(h, "returnee-register", 1000);
	HWAIT(h, "masked (411202", 3000); /* no puts the policy back to masked */
	harness_type(h, "i"); /* isolation-roster: ids = full too, asked again */
	HWAIT(h, QUESTION, 3000);
	harness_type(h, "y");
	HGONE(h, QUESTION, 3000);
	HWAIT(h, "full (recorded in the audit log)", 3000);
	harness_type(h, "r"); /* agreed once: not asked again */
	HWAIT(h, "returnee-register", 3000);
	harness_settle(h, 200, 1000);
	HCHECK(h, !harness_has_text(h, QUESTION), "asked twice");
	HCHECK(h, harness_has_text(h, "full (recorded in the audit log)"), "policy not shown");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_key(h, "Tab");
	harness_type(h, path);
	harness_key(h, "F10");
	HWAIT(h, "with full ID numbers", 5000);
	harness_free(&h);

	f = fopen(path, "rb");
	HCHECK(NULL, f != NULL, "no file %s", path);
	n = fread(csv, 1, sizeof csv - 1, f);
	csv[n] = 0;
	fclose(f);
	HCHECK(NULL, strstr(csv, "411202195001010010") != NULL, "no full ID number in: %s", csv);
	s = harness_sql(db, "SELECT count(*) FROM audit_log WHERE action = 'export'");
	HCHECK(NULL, s && !strcmp(s, "1"), "export audit rows: %s", s ? s : "?");
	free(s);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
