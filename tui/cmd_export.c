/* cmd_export: placeholder until its issue lands. */
#include "tui/cmd_export.h"

#include <stdio.h>

#include "tui/cli.h"

int cmd_export(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	fprintf(stderr, "doorstep: `export` is not built yet\n");
	return CLI_USAGE;
}
