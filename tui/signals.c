/* signals: flag-only termination handlers and a restoring fatal handler;
 * see signals.h. */
#include "tui/signals.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t pending;
static void (*restore_hook)(void);

static void on_term(int sig)
{
	if (!pending)
		pending = sig;
}

static void on_fatal(int sig)
{
	static volatile sig_atomic_t once;

	/* the terminal comes back in a usable state even though endwin is not
	 * async-signal-safe: the process is dying anyway */
	if (!once) {
		once = 1;
		if (restore_hook)
			restore_hook();
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void signals_install(void (*restore)(void))
{
	static const int term[] = {SIGHUP, SIGTERM, SIGINT};
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL};
	struct sigaction sa;

	restore_hook = restore;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a blocking read returns EINTR and the loop notices */
	sa.sa_handler = on_term;
	for (size_t i = 0; i < sizeof term / sizeof term[0]; i++)
		sigaction(term[i], &sa, NULL);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGPIPE, &sa, NULL);
}

int signals_pending(void)
{
	return pending;
}

int signals_take_interrupt(void)
{
	if (pending != SIGINT)
		return 0;
	pending = 0;
	return 1;
}
