/* app: placeholder until the TUI lands: prints the daily report. */
#include "tui/app.h"

#include <stddef.h>

#include "tui/cmd_report.h"

int app_run(struct cli *cli)
{
	char *argv[] = {"report", NULL};

	return cmd_report(cli, 1, argv);
}
