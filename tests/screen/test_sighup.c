/* test_sighup: the terminal goes away (SIGHUP), or the system stops the
 * program (SIGTERM), while a form holds unsaved input.  The program restores
 * the terminal and exits; the database passes `doorstep check` and holds
 * every row committed before, and nothing of the half-typed form. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "harness.h"

static void run(int sig)
{
	char *dir, *db = harness_new_db(&dir), buf[600], *s, *out = NULL;
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	const char *check[] = {"check", NULL};
	struct harness_opts o = {.args = args};
	struct harness *h;
	int st, r;

	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2n");
	HWAIT(h, "A new household", 3000);
	harness_type(h, "2-2-202");
	harness_key(h, "F10");
	HWAIT(h, "Household 2-2-202 added", 3000);
	harness_key(h, "Enter");
	HWAIT(h, "Residents (0)", 3000);
	harness_type(h, "n");
	HWAIT(h, "A new resident", 3000);
	harness_type(h, "孙七");
	harness_key(h, "F10");
	HWAIT(h, "孙七 added", 3000);

	/* A form with input, then the hang-up. */
	harness_type(h, "n");
	HWAIT(h, "A new resident", 3000);
	harness_type(h, "周八");
	harness_pump(h, 100);
	harness_signal(h, sig);
	HCHECK(h, harness_wait_exit(h, 5000, &st), "the program did not exit on signal %d", sig);
	HCHECK(h,
	       (WIFEXITED(st) && WEXITSTATUS(st) == 128 + sig) ||
		   (WIFSIGNALED(st) && WTERMSIG(st) == sig),
	       "signal %d: exit status 0x%x", sig, st);
	/* The terminal is restored: the full-screen page is gone. */
	HCHECK(h, !harness_has_text(h, "A new resident"), "the screen was not restored");
	harness_free(&h);

	r = harness_run(env, check, &out, 10000);
	HCHECK(NULL, r == 0, "doorstep check failed (%d): %s", r, out ? out : "");
	free(out);
	s = harness_sql(db, "SELECT group_concat(name) FROM residents");
	HCHECK(NULL, s && !strcmp(s, "孙七"), "residents: %s", s ? s : "(error)");
	free(s);
	s = harness_sql(db, "SELECT code FROM households");
	HCHECK(NULL, s && !strcmp(s, "2-2-202"), "households: %s", s ? s : "(error)");
	free(s);
	harness_rmdir(dir);
	free(dir);
	free(db);
}

int main(void)
{
	run(SIGHUP);
	run(SIGTERM);
	return 0;
}
