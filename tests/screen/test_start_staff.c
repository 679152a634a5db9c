/* test_start_staff: the TUI starts on a fresh database by asking who is on
 * duty; a new name is added there, the program records changes under it,
 * quits with q, and preselects the same person at the next start. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "harness.h"

int main(void)
{
	char *dir, *db = harness_new_db(&dir), buf[600], *s;
	const char *env[3];
	struct harness_opts o = {0};
	struct harness *h;
	int st;

	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HCHECK(h, h != NULL, "cannot start");
	HWAIT(h, "Who is on duty?", 5000);
	HWAIT(h, "a new name", 1000);
	/* The new-name entry is the last (and only) item. */
	harness_key(h, "End");
	harness_key(h, "Enter");
	HWAIT(h, "A new staff member", 3000);
	harness_type(h, "王芳");
	harness_key(h, "Enter");
	HWAIT(h, "On duty: 王芳", 3000);
	HWAIT(h, "1 Today", 1000);
	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "q did not quit");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(&h);

	s = harness_sql(db, "SELECT name FROM staff WHERE deleted_at IS NULL");
	HCHECK(NULL, s && !strcmp(s, "王芳"), "staff table holds \"%s\"", s ? s : "(error)");
	free(s);

	/* Remembered: the picker opens on 王芳, Enter takes her. */
	h = harness_start(&o);
	HWAIT(h, "Who is on duty?", 5000);
	harness_key(h, "Enter");
	HWAIT(h, "On duty: 王芳", 3000);
	harness_type(h, "q");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "q did not quit");
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
