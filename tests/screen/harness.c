/* harness: the pty + libvterm driver of the screen tests; see harness.h.
 *
 * The child runs on the slave side of a pty made by forkpty; everything it
 * writes is fed to a libvterm screen of the same size, and keys are produced
 * by libvterm's keyboard encoder so that they follow the modes the program
 * set (application cursor keys after keypad(), for instance) exactly as a
 * real xterm would. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

struct harness {
	pid_t pid;
	int fd; /* pty master, -1 after the child closed it */
	int exited, status;
	int rows, cols;
	VTerm *vt;
	VTermScreen *screen;
};

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0 && fd >= 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN) {
				struct pollfd pf = {.fd = fd, .events = POLLOUT};

				poll(&pf, 1, 100);
				continue;
			}
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

/* libvterm's replies (cursor position reports, key sequences) go to the child. */
static void on_output(const char *s, size_t len, void *user)
{
	struct harness *h = user;

	write_all(h->fd, s, len);
}

const char *harness_bin(void)
{
	const char *b = getenv("DOORSTEP_BIN");

	if (b && *b)
		return b;
	if (access("../build/doorstep", X_OK) == 0)
		return "../build/doorstep";
	return "build/doorstep";
}

/* Builds the child's environment: a small clean base, then the test's own. */
static char **make_env(const char *const *extra)
{
	static const char *const keep[] = {"PATH",	    "HOME",	    "ASAN_OPTIONS",
					   "UBSAN_OPTIONS", "LSAN_OPTIONS", NULL};
	size_t n = 0, cap = 32;
	char **env = calloc(cap, sizeof *env);

	for (int i = 0; keep[i]; i++) {
		const char *v = getenv(keep[i]);

		if (v) {
			size_t l = strlen(keep[i]) + strlen(v) + 2;

			env[n] = malloc(l);
			snprintf(env[n], l, "%s=%s", keep[i], v);
			n++;
		}
	}
	env[n++] = strdup("TERM=xterm-256color");
	env[n++] = strdup("LANG=C.UTF-8");
	env[n++] = strdup("ESCDELAY=25");
	for (int i = 0; extra && extra[i]; i++) {
		const char *eq = strchr(extra[i], '=');
		size_t kl = eq ? (size_t)(eq - extra[i]) : strlen(extra[i]);

		for (size_t j = 0; j < n; j++) {
			if (!strncmp(env[j], extra[i], kl) && env[j][kl] == '=') {
				free(env[j]);
				env[j] = env[--n];
				break;
			}
		}
		if (eq && eq[1]) {
			if (n + 2 >= cap) {
				cap *= 2;
				env = realloc(env, cap * sizeof *env);
			}
			env[n++] = strdup(extra[i]);
		}
	}
	env[n] = NULL;
	return env;
}

static void free_env(char **env)
{
	for (size_t i = 0; env[i]; i++)
		free(env[i]);
	free(env);
}

static char **make_argv(const char *bin, const char *const *args)
{
	size_t n = 0;
	char **argv;

	while (args && args[n])
		n++;
	argv = calloc(n + 2, sizeof *argv);
	argv[0] = (char *)bin;
	for (size_t i = 0; i < n; i++)
		argv[i + 1] = (char *)args[i];
	return argv;
}


/* In a child before exec: every signal to its default action and none
 * blocked, whatever the test runner inherited (under nohup SIGHUP is
 * ignored, and a shell cannot trap a signal ignored on entry). */
static void child_signals_default(void)
{
	sigset_t none;

	for (int sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}
struct harness *harness_start(const struct harness_opts *o)
{
	struct harness *h = calloc(1, sizeof *h);
	struct winsize ws = {0};
	const char *bin = o && o->bin ? o->bin : harness_bin();
	char **env, **argv;

	h->rows = o && o->rows ? o->rows : 24;
	h->cols = o && o->cols ? o->cols : 80;
	ws.ws_row = (unsigned short)h->rows;
	ws.ws_col = (unsigned short)h->cols;
	env = make_env(o ? o->env : NULL);
	argv = make_argv(bin, o ? o->args : NULL);
	fflush(NULL);
	h->pid = forkpty(&h->fd, NULL, NULL, &ws);
	if (h->pid < 0) {
		perror("harness: forkpty");
		free_env(env);
		free(argv);
		free(h);
		return NULL;
	}
	if (h->pid == 0) {
		child_signals_default();
		if (o && o->cwd && chdir(o->cwd) < 0)
			_exit(126);
		execve(bin, argv, env);
		fprintf(stderr, "harness: cannot run %s: %s\n", bin, strerror(errno));
		_exit(127);
	}
	free_env(env);
	free(argv);
	fcntl(h->fd, F_SETFL, fcntl(h->fd, F_GETFL) | O_NONBLOCK);
	h->vt = vterm_new(h->rows, h->cols);
	vterm_set_utf8(h->vt, 1);
	vterm_output_set_callback(h->vt, on_output, h);
	h->screen = vterm_obtain_screen(h->vt);
	vterm_screen_enable_altscreen(h->screen, 1);
	vterm_screen_reset(h->screen, 1);
	return h;
}

static void reap(struct harness *h, int options)
{
	int st;

	if (h->exited || h->pid <= 0)
		return;
	if (waitpid(h->pid, &st, options) == h->pid) {
		h->exited = 1;
		h->status = st;
	}
}

void harness_free(struct harness **hp)
{
	struct harness *h = hp ? *hp : NULL;

	if (!h)
		return;
	reap(h, WNOHANG);
	if (!h->exited && h->pid > 0) {
		kill(h->pid, SIGKILL);
		reap(h, 0);
	}
	if (h->fd >= 0)
		close(h->fd);
	vterm_free(h->vt);
	free(h);
	*hp = NULL;
}

/* Reads once, waiting at most ms.  Returns the bytes read, 0 on timeout,
 * -1 when the child side is gone. */
static int read_once(struct harness *h, int ms)
{
	char buf[8192];
	struct pollfd pf;
	ssize_t n;

	if (h->fd < 0) {
		reap(h, WNOHANG);
		return -1;
	}
	pf.fd = h->fd;
	pf.events = POLLIN;
	if (poll(&pf, 1, ms < 0 ? 0 : ms) <= 0)
		return 0;
	n = read(h->fd, buf, sizeof buf);
	if (n > 0) {
		vterm_input_write(h->vt, buf, (size_t)n);
		vterm_screen_flush_damage(h->screen);
		return (int)n;
	}
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	/* EIO: the slave side is closed, the child is gone or going. */
	close(h->fd);
	h->fd = -1;
	reap(h, 0);
	return -1;
}

void harness_pump(struct harness *h, int ms)
{
	long long end = now_ms() + ms;
	long long left;

	while ((left = end - now_ms()) > 0)
		if (read_once(h, (int)left) < 0)
			return;
}

int harness_settle(struct harness *h, int quiet_ms, int timeout_ms)
{
	long long end = now_ms() + timeout_ms;

	while (now_ms() < end) {
		int r = read_once(h, quiet_ms);

		if (r == 0 || r < 0)
			return 1;
	}
	return 0;
}

int harness_send(struct harness *h, const void *bytes, size_t n)
{
	if (h->fd < 0)
		return -1;
	write_all(h->fd, bytes, n);
	return 0;
}

int harness_type(struct harness *h, const char *utf8)
{
	return harness_send(h, utf8, strlen(utf8));
}

static const struct {
	const char *name;
	VTermKey key;
	VTermModifier mod;
} keys[] = {
    {"Enter", VTERM_KEY_ENTER, VTERM_MOD_NONE},
    {"Esc", VTERM_KEY_ESCAPE, VTERM_MOD_NONE},
    {"Tab", VTERM_KEY_TAB, VTERM_MOD_NONE},
    {"BTab", VTERM_KEY_TAB, VTERM_MOD_SHIFT},
    {"Backspace", VTERM_KEY_BACKSPACE, VTERM_MOD_NONE},
    {"Delete", VTERM_KEY_DEL, VTERM_MOD_NONE},
    {"Up", VTERM_KEY_UP, VTERM_MOD_NONE},
    {"Down", VTERM_KEY_DOWN, VTERM_MOD_NONE},
    {"Left", VTERM_KEY_LEFT, VTERM_MOD_NONE},
    {"Right", VTERM_KEY_RIGHT, VTERM_MOD_NONE},
    {"Home", VTERM_KEY_HOME, VTERM_MOD_NONE},
    {"End", VTERM_KEY_END, VTERM_MOD_NONE},
    {"PgUp", VTERM_KEY_PAGEUP, VTERM_MOD_NONE},
    {"PgDn", VTERM_KEY_PAGEDOWN, VTERM_MOD_NONE},
};

int harness_key(struct harness *h, const char *name)
{
	if (h->fd < 0)
		return -1;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (!strcmp(keys[i].name, name)) {
			vterm_keyboard_key(h->vt, keys[i].key, keys[i].mod);
			return 0;
		}
	}
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		int n = atoi(name + 1);

		if (n >= 1 && n <= 12) {
			vterm_keyboard_key(h->vt, VTERM_KEY_FUNCTION(n), VTERM_MOD_NONE);
			return 0;
		}
	}
	if (!strcmp(name, "Space"))
		return harness_send(h, " ", 1);
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3]) {
		char c = (char)(name[2] - 'a' + 1);

		return harness_send(h, &c, 1);
	}
	fprintf(stderr, "harness: unknown key name \"%s\"\n", name);
	return -1;
}

static size_t put_utf8(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Appends row's text to out (room for cols * VTERM_MAX_CHARS_PER_CELL * 4
 * bytes); returns the new end, trailing blanks cut.  colmap, when given,
 * receives for each byte written the screen column it came from. */
static size_t row_text(struct harness *h, int row, char *out, int *colmap)
{
	size_t n = 0, keep = 0;

	for (int col = 0; col < h->cols; col++) {
		VTermScreenCell cell;
		VTermPos pos = {.row = row, .col = col};
		size_t start = n;

		if (!vterm_screen_get_cell(h->screen, pos, &cell))
			break;
		if (cell.chars[0] == (uint32_t)-1)
			continue; /* the right half of a wide character */
		if (cell.chars[0] == 0) {
			out[n++] = ' ';
		} else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
				n += put_utf8(out + n, cell.chars[i]);
			keep = n;
		}
		if (colmap)
			for (size_t b = start; b < n; b++)
				colmap[b] = col;
		if (cell.width == 2)
			col++;
	}
	(void)keep;
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return n;
}

static size_t row_cap(struct harness *h)
{
	return (size_t)h->cols * VTERM_MAX_CHARS_PER_CELL * 4 + 2;
}

char *harness_row_text(struct harness *h, int row)
{
	char *s = malloc(row_cap(h));

	if (row < 0 || row >= h->rows) {
		s[0] = '\0';
		return s;
	}
	row_text(h, row, s, NULL);
	return s;
}

char *harness_screen_text(struct harness *h)
{
	size_t cap = row_cap(h) * (size_t)h->rows + 1, n = 0;
	char *s = malloc(cap);

	for (int r = 0; r < h->rows; r++) {
		n += row_text(h, r, s + n, NULL);
		s[n++] = '\n';
	}
	s[n] = '\0';
	return s;
}

int harness_find(struct harness *h, const char *text, int *row, int *col)
{
	char *line = malloc(row_cap(h));
	int *map = malloc(row_cap(h) * sizeof *map);
	int found = 0;

	for (int r = 0; r < h->rows && !found; r++) {
		char *p;

		row_text(h, r, line, map);
		if ((p = strstr(line, text))) {
			if (row)
				*row = r;
			if (col)
				*col = map[p - line];
			found = 1;
		}
	}
	free(map);
	free(line);
	return found;
}

int harness_has_text(struct harness *h, const char *text)
{
	return harness_find(h, text, NULL, NULL);
}

int harness_wait_text(struct harness *h, const char *text, int timeout_ms)
{
	long long end = now_ms() + timeout_ms;

	for (;;) {
		long long left;

		if (harness_has_text(h, text))
			return 1;
		left = end - now_ms();
		if (left <= 0)
			return 0;
		if (read_once(h, (int)(left < 50 ? left : 50)) < 0)
			return harness_has_text(h, text);
	}
}

int harness_wait_gone(struct harness *h, const char *text, int timeout_ms)
{
	long long end = now_ms() + timeout_ms;

	for (;;) {
		long long left;

		if (!harness_has_text(h, text))
			return 1;
		left = end - now_ms();
		if (left <= 0)
			return 0;
		if (read_once(h, (int)(left < 50 ? left : 50)) < 0)
			return !harness_has_text(h, text);
	}
}

static int color_index(const VTermColor *c)
{
	return VTERM_COLOR_IS_INDEXED(c) ? c->indexed.idx : -1;
}

int harness_cell(struct harness *h, int row, int col, struct harness_cell *c)
{
	VTermScreenCell cell;
	VTermPos pos = {.row = row, .col = col};

	if (row < 0 || row >= h->rows || col < 0 || col >= h->cols)
		return -1;
	if (!vterm_screen_get_cell(h->screen, pos, &cell))
		return -1;
	c->bold = cell.attrs.bold;
	c->reverse = cell.attrs.reverse;
	c->underline = cell.attrs.underline != 0;
	c->fg_default = VTERM_COLOR_IS_DEFAULT_FG(&cell.fg);
	c->bg_default = VTERM_COLOR_IS_DEFAULT_BG(&cell.bg);
	c->fg = c->fg_default ? -1 : color_index(&cell.fg);
	c->bg = c->bg_default ? -1 : color_index(&cell.bg);
	return 0;
}

void harness_size(struct harness *h, int *rows, int *cols)
{
	*rows = h->rows;
	*cols = h->cols;
}

int harness_resize(struct harness *h, int rows, int cols)
{
	struct winsize ws = {0};

	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	if (h->fd < 0)
		return -1;
	vterm_set_size(h->vt, rows, cols);
	vterm_screen_flush_damage(h->screen);
	h->rows = rows;
	h->cols = cols;
	/* The kernel sends SIGWINCH to the foreground process group of the
	 * pty; send it to the child too in case it is not the group leader. */
	if (ioctl(h->fd, TIOCSWINSZ, &ws) < 0)
		return -1;
	kill(h->pid, SIGWINCH);
	return 0;
}

int harness_signal(struct harness *h, int sig)
{
	reap(h, WNOHANG);
	if (h->exited)
		return -1;
	return kill(h->pid, sig);
}

int harness_running(struct harness *h)
{
	reap(h, WNOHANG);
	return !h->exited;
}

int harness_wait_exit(struct harness *h, int timeout_ms, int *status)
{
	long long end = now_ms() + timeout_ms;

	for (;;) {
		long long left;

		reap(h, WNOHANG);
		if (h->exited) {
			/* Drain what it wrote last (the terminal restore). */
			while (h->fd >= 0 && read_once(h, 0) > 0)
				;
			if (status)
				*status = h->status;
			return 1;
		}
		left = end - now_ms();
		if (left <= 0)
			return 0;
		if (read_once(h, (int)(left < 20 ? left : 20)) < 0 && !h->exited) {
			reap(h, WNOHANG);
			if (!h->exited)
				usleep(5000);
		}
	}
}

void harness_dump(struct harness *h, FILE *f)
{
	char *line;

	if (!h)
		return;
	line = malloc(row_cap(h));
	fprintf(f, "    +");
	for (int c = 0; c < h->cols; c++)
		fputc('-', f);
	fprintf(f, "+ %dx%d\n", h->cols, h->rows);
	for (int r = 0; r < h->rows; r++) {
		row_text(h, r, line, NULL);
		fprintf(f, "%3d |%s\n", r, line);
	}
	fprintf(f, "    +");
	for (int c = 0; c < h->cols; c++)
		fputc('-', f);
	fprintf(f, "+\n");
	free(line);
}

void harness_fail(struct harness *h, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "FAIL: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (h) {
		if (h->fd >= 0)
			harness_pump(h, 50);
		harness_dump(h, stderr);
		reap(h, WNOHANG);
		if (h->exited)
			fprintf(stderr, "(the program had exited, wait status 0x%x)\n", h->status);
		harness_free(&h);
	}
	exit(1);
}

char *harness_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *path;
	size_t l;

	if (!base || !*base)
		base = "/tmp";
	l = strlen(base) + 32;
	path = malloc(l);
	snprintf(path, l, "%s/doorstep-screen.XXXXXX", base);
	if (!mkdtemp(path)) {
		perror("harness: mkdtemp");
		exit(1);
	}
	return path;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void harness_rmdir(const char *path)
{
	if (path && *path)
		nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Runs argv with env, output collected; shared by harness_run and harness_sql. */
static int run_collect(const char *path, char **argv, char **env, char **out, int timeout_ms)
{
	int pfd[2];
	pid_t pid;
	size_t n = 0, cap = 4096;
	char *buf = malloc(cap);
	long long end = now_ms() + timeout_ms;
	int st = 0, done = 0;

	if (pipe(pfd) < 0) {
		free(buf);
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		free(buf);
		return -1;
	}
	if (pid == 0) {
		int devnull = open("/dev/null", O_RDONLY);

		child_signals_default();
		dup2(devnull, 0);
		dup2(pfd[1], 1);
		dup2(pfd[1], 2);
		close(pfd[0]);
		if (env)
			execve(path, argv, env);
		else
			execvp(path, argv);
		fprintf(stderr, "harness: cannot run %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	close(pfd[1]);
	fcntl(pfd[0], F_SETFL, fcntl(pfd[0], F_GETFL) | O_NONBLOCK);
	for (;;) {
		struct pollfd pf = {.fd = pfd[0], .events = POLLIN};
		long long left = end - now_ms();
		ssize_t r;

		if (left <= 0) {
			kill(pid, SIGKILL);
			break;
		}
		if (poll(&pf, 1, (int)left) <= 0)
			continue;
		if (n + 4096 > cap) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
		r = read(pfd[0], buf + n, cap - n - 1);
		if (r > 0)
			n += (size_t)r;
		else if (r == 0 || (errno != EAGAIN && errno != EINTR))
			break;
	}
	close(pfd[0]);
	if (waitpid(pid, &st, 0) == pid)
		done = 1;
	buf[n] = '\0';
	if (out)
		*out = buf;
	else
		free(buf);
	if (!done || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

int harness_run(const char *const *env, const char *const *args, char **out, int timeout_ms)
{
	const char *bin = harness_bin();
	char **e = make_env(env), **argv = make_argv(bin, args);
	int r = run_collect(bin, argv, e, out, timeout_ms);

	free_env(e);
	free(argv);
	return r;
}

char *harness_sql(const char *db, const char *sql)
{
	char *argv[] = {"sqlite3", "-batch", "-noheader", (char *)db, (char *)sql, NULL};
	char *out = NULL;
	size_t n;

	if (run_collect("sqlite3", argv, NULL, &out, 10000) != 0) {
		if (out)
			fprintf(stderr, "harness: sqlite3 %s: %s\n", db, out);
		free(out);
		return NULL;
	}
	n = strlen(out);
	while (n > 0 && out[n - 1] == '\n')
		out[--n] = '\0';
	return out;
}

void harness_db_env(const char *db, char *buf, const char *env[3])
{
	snprintf(buf, 600, "DOORSTEP_DB=%s", db);
	env[0] = buf;
	env[1] = "DOORSTEP_NOW=" HARNESS_NOW;
	env[2] = NULL;
}

char *harness_new_db(char **dir)
{
	const char *args[] = {"init", "--community", "幸福里社区", NULL};
	const char *env[3];
	char buf[600], *out = NULL, *db;
	size_t l;

	*dir = harness_tmpdir();
	l = strlen(*dir) + 16;
	db = malloc(l);
	snprintf(db, l, "%s/test.db", *dir);
	harness_db_env(db, buf, env);
	if (harness_run(env, args, &out, 10000) != 0) {
		fprintf(stderr, "harness: doorstep init failed: %s\n", out ? out : "");
		exit(1);
	}
	free(out);
	return db;
}
