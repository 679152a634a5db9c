/* cmd_report: placeholder until its issue lands. */
#include "tui/cmd_report.h"

#include <stdio.h>

#include "tui/cli.h"

int cmd_report(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	fprintf(stderr, "doorstep: `report` is not built yet\n");
	return CLI_USAGE;
}
