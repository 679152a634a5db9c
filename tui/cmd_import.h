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

/* Reads the file at path ("-" is standard input) and checks it as a roster.
 * A workbook (.xlsx or .xls, told by its first bytes) is read from its sheet
 * named sheet, or its first sheet when sheet is NULL, and *sheet_used is set
 * to the sheet's name (malloc'd; NULL for a CSV).  A CSV text:
 * the encoding is converted (want), the synonym table loaded from the data
 * folder, every row checked against today.  On success returns 0 with *out
 * (free with roster_free; *headers must outlive it, free it after) and
 * *found the encoding read; the roster may still hold errors (check
 * roster_error_count).  Returns -1 with e (e->line when a line is at fault)
 * when the file cannot be read at all. */
int import_roster_read(const char *path, enum encoding want, const char *sheet,
		       struct roster **out, struct roster_headers **headers, enum encoding *found,
		       char **sheet_used, struct err *e);

/* Prints every issue of r to f as "doorstep: FILE:LINE: column: reason", or
 * for a workbook's sheet "doorstep: FILE:SHEET!CELL: column: reason"
 * (warnings marked).  Returns the number of errors. */
size_t import_print_issues(FILE *f, const char *file, const char *sheet, const struct roster *r);

#endif
