/* bench_tui: how fast the full-screen program starts and how much memory it
 * keeps, measured in a pseudo-terminal through the screen-test harness.
 *
 *	bench_tui start DB	prints "first_ms list_ms cpu_ms": from exec to
 *				the first full screen (tab bar, status line and
 *				the Today tab with every count and alert drawn,
 *				output quiet), that plus the time from the key
 *				2 to the Households list drawn, and the CPU
 *				time the program took to its first full screen
 *				(/proc/PID/schedstat, in nanoseconds: a busy
 *				machine's other programs do not count)
 *	bench_tui page DB	opens Households, jumps to the end and back,
 *				then pages down through every household; prints
 *				"pages hwm_kb shown": the PgDn presses, the
 *				program's peak resident memory (VmHWM from
 *				/proc/PID/status, read before it quits) and
 *				the count in the list's title
 *
 * The program runs with DOORSTEP_DB=DB, DOORSTEP_NOW fixed and --staff given.
 * Part of `make bench` (tools/bench.sh); not run by `make test`. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../screen/harness.h"

/* Quiet time that counts as "drawn": the harness reads in 20-50 ms slices,
 * so the time of the last output is end - QUIET within a slice. */
#define QUIET 60

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The pid of our child (the harness forks exactly one): the process whose
 * parent we are.  -1 when none is found. */
static long child_pid(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	long found = -1;

	if (!d)
		return -1;
	while ((de = readdir(d)) && found < 0) {
		char path[300], buf[512], *p;
		long pid = strtol(de->d_name, &p, 10);
		FILE *f;
		long ppid;

		if (*p || pid <= 0)
			continue;
		snprintf(path, sizeof path, "/proc/%ld/stat", pid);
		if (!(f = fopen(path, "r")))
			continue;
		/* "pid (comm) state ppid": comm may hold spaces, so after the last ')'. */
		if (fgets(buf, sizeof buf, f) && (p = strrchr(buf, ')')) &&
		    sscanf(p + 1, " %*c %ld", &ppid) == 1 && ppid == (long)getpid())
			found = pid;
		fclose(f);
	}
	closedir(d);
	return found;
}

static long vm_hwm_kb(long pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", pid);
	if (!(f = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* The CPU time pid has run, in milliseconds; -1 when unknown. */
static double cpu_ms(long pid)
{
	char path[64];
	unsigned long long ns = 0;
	FILE *f;
	int ok;

	snprintf(path, sizeof path, "/proc/%ld/schedstat", pid);
	if (!(f = fopen(path, "r")))
		return -1;
	ok = fscanf(f, "%llu", &ns) == 1;
	fclose(f);
	return ok ? ns / 1e6 : -1;
}

/* Waits for text, then for the output to go quiet; returns the time of the
 * last output, or exits with the screen shown. */
static double drawn(struct harness *h, const char *text, int timeout_ms)
{
	HWAIT(h, text, timeout_ms);
	harness_settle(h, QUIET, timeout_ms);
	return now_ms() - QUIET;
}

/* "Households: 40000" or "Households: 10000+": the count shown. */
static long shown_count(struct harness *h)
{
	char *s = harness_screen_text(h), *p = strstr(s, "Households: ");
	long n = p ? atol(p + strlen("Households: ")) : -1;

	free(s);
	return n;
}

int main(int argc, char **argv)
{
	const char *args[] = {"--staff", "李明", NULL};
	char buf[600];
	const char *env[3];
	struct harness_opts o = {.rows = 24, .cols = 100, .args = args};
	struct harness *h;
	double t0, t1, t2, tk, c1;

	if (argc != 3 || (strcmp(argv[1], "start") && strcmp(argv[1], "page"))) {
		fprintf(stderr, "usage: bench_tui start|page DB\n");
		return 2;
	}
	harness_db_env(argv[2], buf, env);
	o.env = env;
	t0 = now_ms();
	h = harness_start(&o);
	if (!h)
		return 1;
	t1 = drawn(h, "1 Today", 30000);
	c1 = cpu_ms(child_pid());
	tk = now_ms();
	harness_type(h, "2");
	t2 = drawn(h, "Households: ", 30000);
	if (!strcmp(argv[1], "start")) {
		/* The wait for quiet between the two is not the program's. */
		printf("%.1f %.1f %.2f\n", t1 - t0, t1 - t0 + t2 - tk, c1);
	} else {
		long pid = child_pid(), n = shown_count(h), pages = 0, hwm;

		HCHECK(h, pid > 0, "no child process found");
		HCHECK(h, n > 0, "no household count shown");
		harness_key(h, "End");
		harness_settle(h, QUIET, 30000);
		harness_key(h, "Home");
		harness_settle(h, QUIET, 30000);
		/* Pages in batches (so the pty never fills) until one more
		 * PgDn leaves the screen as it was: the last household shows. */
		for (;;) {
			char *a, *b;
			int same;

			for (int i = 0; i < 50; i++, pages++)
				harness_key(h, "PgDn");
			harness_settle(h, QUIET, 30000);
			a = harness_screen_text(h);
			harness_key(h, "PgDn");
			pages++;
			harness_settle(h, QUIET, 30000);
			b = harness_screen_text(h);
			same = !strcmp(a, b);
			free(a);
			free(b);
			if (same || pages > 200000)
				break;
		}
		hwm = vm_hwm_kb(pid);
		HCHECK(h, hwm > 0, "no VmHWM for pid %ld", pid);
		printf("%ld %ld %ld\n", pages, hwm, n);
	}
	harness_free(&h);
	return 0;
}
