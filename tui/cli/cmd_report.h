/* cmd_report: the `doorstep report` command (README.md#command-line). */
#ifndef DOORSTEP_CMD_REPORT_H
#define DOORSTEP_CMD_REPORT_H

struct cli;

/* Runs `doorstep report` with argv[0] == "report"; returns the exit status. */
int cmd_report(struct cli *cli, int argc, char **argv);

#endif
