/* printflow: saving a sheet as PDF (`s`) and printing it on a CUPS queue
 * picked from a list (`p`), the same way on every screen that shows a sheet
 * (the Sheets tab, a donation's receipt).
 *
 * The screen says how to build its sheet; printflow writes the PDF under its
 * default name in the current folder (0600, atomically), reports the path,
 * sends it with lp, keeps the PDF when printing fails, and records a printed
 * sheet in the audit log. */
#ifndef DOORSTEP_PRINTFLOW_H
#define DOORSTEP_PRINTFLOW_H

#include "core/err.h"

struct app;
struct screen;
struct sheet;
struct db_sheet_request;

/* Builds the sheet now (the caller of printflow frees nothing: printflow
 * calls sheet_free), fills *rq for the audit row and sets *file to the
 * malloc'd default file name.  Returns the sheet, or NULL with e filled. */
typedef struct sheet *(*printflow_build_fn)(void *ctx, struct db_sheet_request *rq, char **file,
					    struct err *e);

/* `s`: writes the PDF and shows where.  Returns screen_result flags. */
int printflow_save(struct app *app, printflow_build_fn build, void *ctx);

/* `p`: lists the CUPS queues and pushes a pick-list (the default queue
 * first selected); on a pick, writes the PDF and sends it.  ctx must stay
 * valid until the pick-list closes (the calling screen lies under it).
 * Returns screen_result flags. */
int printflow_print(struct app *app, printflow_build_fn build, void *ctx);

/* The handler of `s` (ACT_SAVE) and `p` (ACT_PRINT) on screen s, whose
 * state is build's ctx: saves or prints as screen_action(s) says. */
int printflow_act(struct screen *s, printflow_build_fn build);

#endif
