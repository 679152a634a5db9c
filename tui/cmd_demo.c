/* cmd_demo: placeholder until its issue lands. */
#include "tui/cmd_demo.h"

#include <stdio.h>

#include "tui/cli.h"

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	fprintf(stderr, "doorstep: `demo` is not built yet\n");
	return CLI_USAGE;
}
