/* cmd_import: placeholder until its issue lands. */
#include "tui/cmd_import.h"

#include <stdio.h>

#include "tui/cli.h"

int cmd_import(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	fprintf(stderr, "doorstep: `import` is not built yet\n");
	return CLI_USAGE;
}
