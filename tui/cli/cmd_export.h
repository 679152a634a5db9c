/* cmd_export: `doorstep export` (docs/export.md): argv becomes an
 * export_request for tui/ops/export, and the result is printed. */
#ifndef DOORSTEP_CMD_EXPORT_H
#define DOORSTEP_CMD_EXPORT_H

struct cli;

/* Runs `doorstep export` with argv[0] == "export"; returns the exit status. */
int cmd_export(struct cli *cli, int argc, char **argv);

#endif
