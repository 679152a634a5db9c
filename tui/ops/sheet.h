/* ops/sheet: what the command line and the screens share about a sheet's
 * file: its default name, and printing it (lp, then the audit row of the
 * printed sheet).  The PDF itself is written by core/sheet_pdf. */
#ifndef DOORSTEP_OPS_SHEET_H
#define DOORSTEP_OPS_SHEET_H

#include <stddef.h>

#include "core/err.h"

struct db;
struct db_sheet_request;

/* The PDF's name when none is given: <kind>-<date>.pdf, or
 * <kind>-<grid>-<date>.pdf with a grid ('/', '\\' and a leading '.' of the
 * grid's name become '_').  Malloc'd. */
char *sheet_file_default_name(const struct db_sheet_request *rq);

enum {
	SHEET_PRINT_NOT_SENT = -1,     /* lp refused it: nothing was printed */
	SHEET_PRINT_NOT_RECORDED = -2, /* sent (job is set), but the audit row failed */
};

/* Sends file to the CUPS queue (NULL: the default one) and records the
 * printed sheet rq in the audit log under the file's absolute path.
 * Returns 0 (job holds the job id), or one of the negative values above
 * with e filled.  The file is kept in every case. */
int sheet_file_print(struct db *db, const struct db_sheet_request *rq, const char *file,
		     const char *queue, char *job, size_t n, struct err *e);

#endif
