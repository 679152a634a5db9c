/* cmd_merge: placeholder until its issue lands. */
#include "tui/cmd_merge.h"

#include <stdio.h>

#include "tui/cli.h"

int cmd_merge(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	fprintf(stderr, "doorstep: `merge` is not built yet\n");
	return CLI_USAGE;
}

int cmd_merge_init_from(struct cli *cli, const char *from, char station)
{
	(void)cli;
	(void)from;
	(void)station;
	fprintf(stderr, "doorstep: `init --from` is not built yet\n");
	return CLI_USAGE;
}
