/* cmd_import: the `doorstep import` command (SPEC §5). */
#ifndef DOORSTEP_CMD_IMPORT_H
#define DOORSTEP_CMD_IMPORT_H

struct cli;

/* Runs `doorstep import` with argv[0] == "import"; returns the exit status. */
int cmd_import(struct cli *cli, int argc, char **argv);

#endif
