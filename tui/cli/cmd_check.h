/* cmd_check: the `doorstep check` command (README.md#command-line). */
#ifndef DOORSTEP_CMD_CHECK_H
#define DOORSTEP_CMD_CHECK_H

struct cli;

/* Runs `doorstep check` with argv[0] == "check"; returns the exit status. */
int cmd_check(struct cli *cli, int argc, char **argv);

#endif
