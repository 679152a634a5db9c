/* cmd_import: the `doorstep import` command (README.md#command-line; docs/households.md).
 *
 * `doorstep import roster FILE [--dry-run] [--encoding auto|utf8|gb18030] [--sheet NAME]`
 * reads a committee's roster (core/roster), lists every problem of the file
 * as FILE:LINE: column: reason and imports nothing when there is one, else
 * writes it in one transaction (db/roster) and prints what was new, updated
 * and unchanged. */
#ifndef DOORSTEP_CMD_IMPORT_H
#define DOORSTEP_CMD_IMPORT_H

#include <stdio.h>

#include "core/encoding.h"
#include "core/err.h"

struct cli;
struct roster;
struct roster_headers;

/* Runs `doorstep import` with argv[0] == "import"; returns the exit status. */
int cmd_import(struct cli *cli, int argc, char **argv);

/* Prints every issue of r to f as "doorstep: FILE:LINE: column: reason", or
 * for a workbook's sheet "doorstep: FILE:SHEET!CELL: column: reason"
 * (warnings marked).  Returns the number of errors. */
size_t import_print_issues(FILE *f, const char *file, const char *sheet, const struct roster *r);

#endif
