/* cmd_demo: the `doorstep demo` command (README.md#command-line). */
#ifndef DOORSTEP_CMD_DEMO_H
#define DOORSTEP_CMD_DEMO_H

struct cli;

/* Runs `doorstep demo` with argv[0] == "demo"; returns the exit status. */
int cmd_demo(struct cli *cli, int argc, char **argv);

#endif
