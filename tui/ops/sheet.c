/* ops/sheet: a sheet's PDF file name and its printing with the audit row,
 * shared by `doorstep sheet` and the screens that show a sheet; see
 * sheet.h. */
#include "tui/ops/sheet.h"

#include <stdlib.h>

#include "core/xalloc.h"
#include "db/sheets.h"
#include "tui/ops/print.h"

char *sheet_file_default_name(const struct db_sheet_request *rq)
{
	char *grid, *name;

	if (!rq->grid)
		return xasprintf("%s-%s.pdf", rq->kind, rq->date);
	grid = xstrdup(rq->grid);
	for (char *p = grid; *p; p++)
		if (*p == '/' || (p == grid && *p == '.') || *p == '\\')
			*p = '_';
	name = xasprintf("%s-%s-%s.pdf", rq->kind, grid, rq->date);
	free(grid);
	return name;
}

int sheet_file_print(struct db *db, const struct db_sheet_request *rq, const char *file,
		     const char *queue, char *job, size_t n, struct err *e)
{
	char *abs;
	int r = 0;

	if (print_send(file, queue, file, job, n, e) < 0)
		return SHEET_PRINT_NOT_SENT;
	/* the audit row names the file wherever the command was run from */
	abs = realpath(file, NULL);
	if (db_sheet_audit_print(db, rq, abs ? abs : file, queue, job, e) < 0)
		r = SHEET_PRINT_NOT_RECORDED;
	free(abs);
	return r;
}
