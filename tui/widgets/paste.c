/* paste: bracketed paste read whole, never as keys; see paste.h.
 *
 * The SIGTSTP handler does more than set a flag, unlike the program's other
 * handlers: it writes the mode switch with write(2), which is
 * async-signal-safe, around the handler ncurses itself installs for
 * suspending, which already does the rest. */
#include "tui/widgets/paste.h"

#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"

#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END	(KEY_MAX + 2)

static const char mode_on[] = "\033[?2004h";
static const char mode_off[] = "\033[?2004l";
static const char begin_tail[] = "[200~"; /* after the Esc */
static const char end_tail[] = "[201~";

static int poll_timeout;
static volatile sig_atomic_t enabled;
static struct sigaction ncurses_tstp;

/* Input read ahead while looking for a split marker, given back first. */
static struct {
	int r;
	wint_t wc;
} ahead[8];
static int ahead_n;

static void say(const char *s, size_t n)
{
	ssize_t w = write(STDOUT_FILENO, s, n);

	(void)w; /* nothing to do if the terminal is gone */
}

static void on_tstp(int sig)
{
	int was = enabled;

	if (was)
		say(mode_off, sizeof mode_off - 1);
	if (ncurses_tstp.sa_handler != SIG_DFL && ncurses_tstp.sa_handler != SIG_IGN) {
		ncurses_tstp.sa_handler(sig); /* suspends, returns after SIGCONT */
	} else {
		signal(SIGTSTP, SIG_DFL);
		raise(SIGTSTP);
		signal(SIGTSTP, on_tstp);
	}
	if (was)
		say(mode_on, sizeof mode_on - 1);
}

void paste_on(int poll_ms)
{
	struct sigaction sa;

	poll_timeout = poll_ms;
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	if (!enabled) {
		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		sa.sa_handler = on_tstp;
		sigaction(SIGTSTP, &sa, &ncurses_tstp);
	}
	enabled = 1;
	say(mode_on, sizeof mode_on - 1);
}

void paste_off(void)
{
	if (!enabled)
		return;
	enabled = 0;
	say(mode_off, sizeof mode_off - 1);
	sigaction(SIGTSTP, &ncurses_tstp, NULL);
}

static int next_input(wint_t *wc)
{
	if (ahead_n) {
		int r = ahead[0].r;

		*wc = ahead[0].wc;
		memmove(ahead, ahead + 1, (size_t)--ahead_n * sizeof ahead[0]);
		return r;
	}
	return get_wch(wc);
}

static void read_ahead(int r, wint_t wc)
{
	if (ahead_n < (int)(sizeof ahead / sizeof ahead[0])) {
		ahead[ahead_n].r = r;
		ahead[ahead_n].wc = wc;
		ahead_n++;
	}
}

/* After a lone Esc: 1 when "[200~" follows (a start marker that ncurses
 * got in pieces), else 0 with what was read kept for the next calls. */
static int split_begin(void)
{
	int got = 0;

	timeout(PASTE_ESC_MS);
	for (const char *p = begin_tail; *p; p++) {
		wint_t c;
		int r = get_wch(&c);

		if (r == ERR)
			break;
		read_ahead(r, c);
		if (r != OK || c != (wint_t)*p)
			break;
		if (p == begin_tail)
			timeout(PASTE_GAP_MS); /* "ESC [" is no key: wait for the rest */
		got++;
	}
	timeout(poll_timeout);
	if (got < (int)strlen(begin_tail))
		return 0;
	ahead_n = 0;
	return 1;
}

struct collect {
	wchar_t *buf;
	size_t len, cap;
	int too_long;
	int cr; /* the last character was a CR: an LF after it is the same break */
};

static void add(struct collect *c, wchar_t ch)
{
	if (c->cr && ch == L'\n') {
		c->cr = 0;
		return;
	}
	c->cr = ch == L'\r';
	if (ch == L'\r')
		ch = L'\n';
	if (c->len >= PASTE_MAX) {
		c->too_long = 1;
		return;
	}
	XGROW(c->buf, c->cap, c->len + 2, 256);
	c->buf[c->len++] = ch;
}

/* Reads a paste after its start marker up to the end marker.  Returns
 * PASTE_TEXT or PASTE_DROPPED. */
static int collect(struct paste *out, int (*stop)(void))
{
	struct collect c = {0};
	int resized = 0, broken = 0;
	size_t m = 0; /* characters of end_tail seen after an Esc, + 1 */

	timeout(PASTE_GAP_MS);
	for (;;) {
		wint_t wc;
		int r;

		if (stop && stop()) {
			broken = 1;
			break;
		}
		r = next_input(&wc);
		if (r == ERR) {
			broken = 1; /* silence: the end marker is not coming */
			break;
		}
		if (r == KEY_CODE_YES) {
			if (wc == KEY_PASTE_END)
				break;
			resized |= wc == KEY_RESIZE;
			continue; /* a key sequence inside a paste is no text */
		}
		if (m && wc == (wint_t)end_tail[m - 1]) {
			if (++m > strlen(end_tail))
				break;
			continue;
		}
		for (size_t k = 1; k < m; k++) /* not the marker after all */
			add(&c, (wchar_t)end_tail[k - 1]);
		m = wc == 27;
		if (!m)
			add(&c, (wchar_t)wc);
	}
	timeout(poll_timeout);
	if (resized)
		ungetch(KEY_RESIZE);
	if (broken || c.too_long) {
		free(c.buf);
		return PASTE_DROPPED;
	}
	if (!c.buf)
		c.buf = xcalloc(1, sizeof *c.buf);
	c.buf[c.len] = L'\0';
	out->text = c.buf;
	out->len = c.len;
	return PASTE_TEXT;
}

int paste_get_wch(wint_t *wc, struct paste *out, int (*stop)(void))
{
	int fresh = !ahead_n, r = next_input(wc);

	out->text = NULL;
	out->len = 0;
	if (r == KEY_CODE_YES && *wc == KEY_PASTE_BEGIN)
		return collect(out, stop);
	if (r == KEY_CODE_YES && *wc == KEY_PASTE_END)
		return ERR; /* a stray end marker: nothing to do */
	if (r == OK && *wc == 27 && fresh && split_begin())
		return collect(out, stop);
	return r;
}

int paste_drain(int *resized)
{
	int saved = poll_timeout, pastes = 0;

	/* Everything reads without waiting, a paste's own reads included
	 * (collect and split_begin put poll_timeout back after theirs). */
	poll_timeout = 0;
	timeout(0);
	for (;;) {
		struct paste p;
		wint_t wc;
		int r = paste_get_wch(&wc, &p, NULL);

		if (r == ERR && !ahead_n)
			break;
		free(p.text);
		if (r == PASTE_TEXT || r == PASTE_DROPPED)
			pastes++;
		else if (r == KEY_CODE_YES && wc == KEY_RESIZE && resized)
			*resized = 1;
	}
	poll_timeout = saved;
	timeout(saved);
	return pastes;
}
