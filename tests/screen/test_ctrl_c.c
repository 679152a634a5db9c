/* test_ctrl_c: Ctrl-C is a quit that asks first, as q does: with a form
 * holding unsaved input it asks, "n" keeps the form and what was typed, "y"
 * quits; with nothing typed it quits at once.  Either way the program exits
 * 0 with the terminal restored and the database unchanged by the form. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "harness.h"

int main(void)
{
	char *dir, *db = harness_new_db(&dir), buf[600], *s;
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	struct harness_opts o = {.args = args};
	struct harness *h;
	int st;

	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "3-3-303");
	harness_pump(h, 100);
	harness_key(h, "C-c");
	HWAIT(h, "A form holds input that is not saved", 3000);
	harness_type(h, "n");
	HGONE(h, "A form holds input that is not saved", 3000);
	HCHECK(h, harness_has_text(h, "3-3-303"), "answering n lost what was typed");
	harness_key(h, "C-c");
	HWAIT(h, "A form holds input that is not saved", 3000);
	harness_type(h, "y");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "the program did not quit after y");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(&h);
	s = harness_sql(db, "SELECT count(*) FROM households");
	HCHECK(NULL, s && !strcmp(s, "0"), "households: %s", s ? s : "(error)");
	free(s);

	/* Nothing typed: Ctrl-C quits at once. */
	h = harness_start(&o);
	HWAIT(h, "1 Today", 5000);
	harness_key(h, "C-c");
	HCHECK(h, harness_wait_exit(h, 5000, &st), "the program did not quit on Ctrl-C");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(&h);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
