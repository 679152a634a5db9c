/* test_harness: the screen-test harness itself.  Against a small shell
 * script: wide characters come back once and in the right columns, typed
 * UTF-8 and named keys arrive, a resize reaches the child as SIGWINCH with
 * the new size, a signal is delivered and the exit status seen.  Against the
 * real binary: output in the pty and a run without a terminal. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "harness.h"

static const char script[] = "trap 'echo \"size $(stty size)\"' WINCH\n"
			     "trap 'echo got-hup; exit 3' HUP\n"
			     "printf '张三|ab\\n'\n"
			     "stty -echo\n"
			     "echo ready\n"
			     "read line\n"
			     "echo \"read=[$line]\"\n"
			     "while :; do sleep 0.05; done\n";

int main(void)
{
	const char *sh_args[] = {"-c", script, NULL};
	struct harness_opts so = {.rows = 10, .cols = 40, .args = sh_args, .bin = "/bin/sh"};
	const char *args[] = {"--version", NULL};
	const char *env[] = {"LANG=zh_CN.UTF-8", NULL};
	struct harness_opts o = {.rows = 10, .cols = 40, .env = env, .args = args};
	struct harness *h;
	char *out = NULL, *s;
	int st = -1, rows, cols, row, col;

	h = harness_start(&so);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "ready", 3000);
	HCHECK(h, harness_find(h, "|ab", &row, &col), "no |ab");
	HCHECK(h, row == 0 && col == 4, "|ab at row %d col %d, want 0,4 (two wide chars)", row,
	       col);
	s = harness_row_text(h, 0);
	HCHECK(h, !strcmp(s, "张三|ab"), "row 0 is \"%s\"", s);
	free(s);
	harness_type(h, "王小明 x");
	harness_key(h, "Enter");
	HWAIT(h, "read=[王小明 x]", 3000);
	harness_resize(h, 20, 60);
	HWAIT(h, "size 20 60", 3000);
	harness_size(h, &rows, &cols);
	HCHECK(h, rows == 20 && cols == 60, "size %dx%d", cols, rows);
	harness_signal(h, SIGHUP);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "the script did not exit on SIGHUP");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 3, "exit status 0x%x", st);
	harness_free(&h);
	HCHECK(NULL, h == NULL, "harness_free did not clear the pointer");

	h = harness_start(&o);
	HCHECK(NULL, h != NULL, "harness_start failed");
	HWAIT(h, "doorstep", 3000);
	HCHECK(h, harness_wait_exit(h, 3000, &st), "the program did not exit");
	HCHECK(h, WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit status 0x%x", st);
	harness_free(&h);

	HCHECK(NULL, harness_run(NULL, args, &out, 5000) == 0, "doorstep --version failed");
	HCHECK(NULL, strstr(out, "doorstep") != NULL, "no version in \"%s\"", out);
	free(out);
	return 0;
}
