/* cmd_sheet: the `doorstep sheet` command (docs/sheets.md). */
#ifndef DOORSTEP_CMD_SHEET_H
#define DOORSTEP_CMD_SHEET_H

struct cli;
struct db_sheet_request;

/* Runs `doorstep sheet` with argv[0] == "sheet"; returns the exit status. */
int cmd_sheet(struct cli *cli, int argc, char **argv);

/* The PDF's name when -o is not given: <kind>-<date>.pdf, or
 * <kind>-<grid>-<date>.pdf with a grid ('/', '\\' and a leading '.' of the
 * grid's name become '_').  Malloc'd; the TUI's save uses it too. */
char *cmd_sheet_default_name(const struct db_sheet_request *rq);

#endif
