/* test_concurrent: two other programs add 1,000 visits each to the database
 * while the TUI has it open and itself saves a household (docs/design.md#quality-bars: two
 * processes writing at once lose nothing).  Neither writer sees an error,
 * the TUI shows none, all 2,000 visits are there, and the open Households
 * list shows them in its Last visit column without a key press. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define DAY "2020-02-13"

/* Starts build/tests/tools/visit_writer with its stderr in errfile. */
static pid_t writer(const char *db, const char *staff, const char *errfile)
{
	const char *b = getenv("DOORSTEP_BUILD");
	char path[600];
	pid_t pid;

	snprintf(path, sizeof path, "%s/tests/tools/visit_writer", b ? b : "build");
	pid = fork();
	if (pid == 0) {
		int fd = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execl(path, path, db, staff, "1000", "5", DAY, (char *)NULL);
		_exit(127);
	}
	return pid;
}

static int occurrences(struct harness *h, const char *text)
{
	char *s = harness_screen_text(h), *p = s;
	int n = 0;

	while ((p = strstr(p, text))) {
		n++;
		p += strlen(text);
	}
	free(s);
	return n;
}

static char *slurp(const char *path)
{
	static char buf[2000];
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;

	if (f)
		fclose(f);
	buf[n] = '\0';
	return buf;
}

int main(void)
{
	static const char *const codes[] = {"1-1-101", "1-1-102", "1-2-201", "2-1-101", "2-2-202"};
	char *dir, *db = harness_new_db(&dir), buf[600], *s, *out = NULL, e1[700], e2[700];
	const char *env[3];
	const char *args[] = {"--staff", "李明", NULL};
	const char *check[] = {"check", NULL};
	struct harness_opts o = {.rows = 30, .cols = 110, .args = args};
	struct harness *h;
	pid_t w[2];
	int st[2], done = 0, r;
	time_t t0;

	harness_db_env(db, buf, env);
	o.env = env;
	h = harness_start(&o);
	HWAIT(h, "1 Today", 5000);
	harness_type(h, "2");
	HWAIT(h, "Households: 0", 3000);
	for (int i = 0; i < 5; i++) {
		char want[40];

		harness_type(h, "n");
		HWAIT(h, "A new household", 3000);
		harness_type(h, codes[i]);
		harness_key(h, "F10");
		snprintf(want, sizeof want, "Households: %d", i + 1);
		HWAIT(h, want, 3000);
	}
	HCHECK(h, occurrences(h, DAY) == 0, "a visit shown before any was made");

	snprintf(e1, sizeof e1, "%s/w1.err", dir);
	snprintf(e2, sizeof e2, "%s/w2.err", dir);
	w[0] = writer(db, "王芳", e1);
	w[1] = writer(db, "张伟", e2);
	HCHECK(h, w[0] > 0 && w[1] > 0, "fork failed");

	/* The TUI writes too while they run. */
	harness_pump(h, 200);
	harness_type(h, "n");
	HWAIT(h, "A new household", 5000);
	harness_type(h, "3-3-303");
	harness_key(h, "F10");
	HWAIT(h, "Household 3-3-303 added", 15000);

	t0 = time(NULL);
	st[0] = st[1] = -1;
	while (done < 2 && time(NULL) - t0 < 60) {
		for (int i = 0; i < 2; i++)
			if (st[i] == -1 && waitpid(w[i], &st[i], WNOHANG) == w[i])
				done++;
		harness_pump(h, 50);
	}
	for (int i = 0; i < 2; i++)
		if (st[i] == -1) {
			kill(w[i], SIGKILL);
			HCHECK(h, 0, "writer %d did not finish in 60 s", i + 1);
		}
	HCHECK(h, WIFEXITED(st[0]) && WEXITSTATUS(st[0]) == 0, "writer 1 failed (0x%x): %s", st[0],
	       slurp(e1));
	HCHECK(h, WIFEXITED(st[1]) && WEXITSTATUS(st[1]) == 0, "writer 2 failed (0x%x): %s", st[1],
	       slurp(e2));
	HCHECK(h, !*slurp(e1) && !*slurp(e2), "a writer printed: %s%s", slurp(e1), slurp(e2));

	s = harness_sql(db, "SELECT count(*) FROM visits WHERE date = '" DAY "'");
	HCHECK(h, s && !strcmp(s, "2000"), "visits: %s", s ? s : "(error)");
	free(s);
	s = harness_sql(db, "SELECT count(DISTINCT staff_id) || ' ' || count(DISTINCT at) FROM visits");
	HCHECK(h, s && !strcmp(s, "2 1000"), "staff and times of the visits: %s", s ? s : "(error)");
	free(s);

	/* The open list picks the change up by itself: each of the five
	 * households shows the day in its Last visit column. */
	for (int i = 0; i < 100 && occurrences(h, DAY) < 5; i++)
		harness_pump(h, 50);
	HCHECK(h, occurrences(h, DAY) == 5, "the list shows %d last visits on " DAY ", want 5",
	       occurrences(h, DAY));
	HCHECK(h, harness_running(h), "the TUI exited");
	HCHECK(h, !harness_has_text(h, "busy") && !harness_has_text(h, "rror"),
	       "the TUI shows an error");
	harness_free(&h);

	r = harness_run(env, check, &out, 10000);
	HCHECK(NULL, r == 0, "doorstep check failed (%d): %s", r, out ? out : "");
	free(out);
	s = harness_sql(db, "SELECT count(*) FROM households");
	HCHECK(NULL, s && !strcmp(s, "6"), "households: %s", s ? s : "(error)");
	free(s);
	harness_rmdir(dir);
	free(dir);
	free(db);
	return 0;
}
