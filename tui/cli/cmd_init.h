/* cmd_init: the `doorstep init` command (README.md#command-line). */
#ifndef DOORSTEP_CMD_INIT_H
#define DOORSTEP_CMD_INIT_H

struct cli;

/* Runs `doorstep init` with argv[0] == "init"; returns the exit status. */
int cmd_init(struct cli *cli, int argc, char **argv);

#endif
