/* cmd_sheet: placeholder until its issue lands. */
#include "tui/cmd_sheet.h"

#include <stdio.h>

#include "tui/cli.h"

int cmd_sheet(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	fprintf(stderr, "doorstep: `sheet` is not built yet\n");
	return CLI_USAGE;
}
