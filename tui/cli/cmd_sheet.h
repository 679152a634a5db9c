/* cmd_sheet: the `doorstep sheet` command (docs/sheets.md). */
#ifndef DOORSTEP_CMD_SHEET_H
#define DOORSTEP_CMD_SHEET_H

struct cli;

/* Runs `doorstep sheet` with argv[0] == "sheet"; returns the exit status. */
int cmd_sheet(struct cli *cli, int argc, char **argv);

#endif
