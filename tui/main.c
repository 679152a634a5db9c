/* main: doorstep's entry point: locale, global options, then the command
 * line or the full-screen program. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/atomicfile.h"
#include "core/clock.h"
#include "core/err.h"
#include "tui/cli/cli.h"
#include "tui/locale.h"
#include "tui/paths.h"
#include "tui/widgets/safeout.h"

int main(int argc, char **argv)
{
	struct cli cli;
	struct err e;
	int utf8, r;

	/* A file grown past `ulimit -f` must be a write error that SQLite
	 * rolls back and the command reports, not a signal that kills it. */
	signal(SIGXFSZ, SIG_IGN);
	safeout_install();
	paths_init(argv[0]);
	/* What an earlier doorstep killed mid-write left behind. */
	atomic_file_sweep();
	utf8 = locale_init();
	err_clear(&e);
	if (clock_check_env(&e) < 0) {
		cli_error(&e, NULL);
		return CLI_USAGE;
	}
	r = cli_parse_global(&cli, &argc, &argv);
	if (r == -1)
		return CLI_OK;
	if (r != CLI_OK)
		return r;
	if (argc == 0 && !utf8) {
		locale_refuse();
		cli_free(&cli);
		return CLI_USAGE;
	}
	r = cli_run(&cli, argc, argv);
	cli_free(&cli);
	return r;
}
