/* cmd_export: the `doorstep export` command (SPEC §5). */
#ifndef DOORSTEP_CMD_EXPORT_H
#define DOORSTEP_CMD_EXPORT_H

struct cli;

/* Runs `doorstep export` with argv[0] == "export"; returns the exit status. */
int cmd_export(struct cli *cli, int argc, char **argv);

#endif
