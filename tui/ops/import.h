/* ops/import: the roster file read and checked, shared by `doorstep import
 * roster` and the Import tab; both then apply it with db_roster_apply (one
 * transaction, its audit row). */
#ifndef DOORSTEP_OPS_IMPORT_H
#define DOORSTEP_OPS_IMPORT_H

#include "core/encoding.h"
#include "core/err.h"

struct roster;
struct roster_headers;

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

#endif
