/* gb_term: a GB18030 terminal for the screen tests, as the SSH clients of
 * Chinese Windows are (Xshell, SecureCRT, PuTTY on the system code page).
 *
 *	gb_term PROGRAM [ARG...]
 *
 * Runs PROGRAM on a terminal of its own and converts with iconv at the
 * boundary: what PROGRAM writes is read as GB18030 and passed on as UTF-8,
 * what is typed (UTF-8) reaches PROGRAM as GB18030; a resize is passed
 * on.  luit does the same for tests/screen/test_gb18030, but it turns the
 * four-byte GB18030 sequences into something else (¥, 81 30 84 36, comes
 * out as "$"; U+0080 is dropped), which a real GB18030 terminal does not:
 * this one converts every sequence, so a test sees what that terminal
 * shows.  Exits with PROGRAM's status.  Used by tests/screen/test_gb18030
 * (built by `make test`). */
#include <errno.h>
#include <iconv.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

struct conv {
	iconv_t cd;
	char in[4096];
	size_t have; /* bytes of in not converted yet (a sequence cut by a read) */
};

static volatile sig_atomic_t resized;

static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Reads what from holds, converts it and writes it to to.  A byte that is
 * no sequence is passed as "?" so that nothing stalls.  Returns 0, or -1 at
 * the end of from. */
static int pump(struct conv *c, int from, int to)
{
	char out[16384], *ip, *op;
	size_t il, ol;
	ssize_t r = read(from, c->in + c->have, sizeof c->in - c->have);

	if (r < 0 && errno == EINTR)
		return 0;
	if (r <= 0)
		return -1;
	c->have += (size_t)r;
	ip = c->in;
	il = c->have;
	while (il) {
		size_t rc;
		int err;

		op = out;
		ol = sizeof out;
		rc = iconv(c->cd, &ip, &il, &op, &ol);
		err = rc == (size_t)-1 ? errno : 0;
		if (err == EILSEQ) {
			*op++ = '?';
			ip++;
			il--;
		}
		if (write_all(to, out, (size_t)(op - out)) < 0)
			return -1;
		if (err == EINVAL || err == 0)
			break; /* done, or a sequence cut by the read: wait for its end */
	}
	memmove(c->in, ip, il);
	c->have = il;
	return 0;
}

int main(int argc, char **argv)
{
	struct conv down = {0}, up = {0};
	struct winsize ws = {24, 80, 0, 0};
	struct pollfd pf[2];
	struct termios saved, raw;
	int master, st = 0, tty;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: gb_term PROGRAM [ARG...]\n");
		return 2;
	}
	down.cd = iconv_open("UTF-8", "GB18030");
	up.cd = iconv_open("GB18030", "UTF-8");
	if (down.cd == (iconv_t)-1 || up.cd == (iconv_t)-1) {
		perror("gb_term: iconv_open");
		return 2;
	}
	ioctl(STDIN_FILENO, TIOCGWINSZ, &ws);
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("gb_term: forkpty");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror("gb_term: exec");
		_exit(127);
	}
	/* the keys go to PROGRAM as typed: this side's terminal is raw, as
	 * luit makes it */
	tty = tcgetattr(STDIN_FILENO, &saved) == 0;
	if (tty) {
		raw = saved;
		cfmakeraw(&raw);
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	signal(SIGWINCH, on_winch);
	pf[0] = (struct pollfd){.fd = STDIN_FILENO, .events = POLLIN};
	pf[1] = (struct pollfd){.fd = master, .events = POLLIN};
	for (;;) {
		if (resized) {
			resized = 0;
			if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0)
				ioctl(master, TIOCSWINSZ, &ws);
		}
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if ((pf[1].revents & (POLLIN | POLLHUP | POLLERR)) &&
		    pump(&down, master, STDOUT_FILENO) < 0)
			break;
		if ((pf[0].revents & POLLIN) && pump(&up, STDIN_FILENO, master) < 0)
			pf[0].fd = -1; /* the input ended: keep showing the output */
	}
	close(master);
	waitpid(pid, &st, 0);
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	iconv_close(down.cd);
	iconv_close(up.cd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
