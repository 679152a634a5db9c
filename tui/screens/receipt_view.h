/* receipt_view: one donation's receipt (捐赠收据), previewed as text.
 *
 * The preview is the sheet's text form (core/sheet_text) of the receipt that
 * db_sheet_receipt builds, the same one `doorstep sheet receipt --receipt
 * NUMBER --text` prints.  `s` saves the one-page PDF as
 * receipt-<number>.pdf in the current folder, `p` prints it on a queue
 * picked from lpstat (recorded in the audit log), `h` shows the donation's
 * history, Esc goes back. */
#ifndef DOORSTEP_RECEIPT_VIEW_H
#define DOORSTEP_RECEIPT_VIEW_H

struct app;

/* Pushes the preview of the donation with receipt number receipt_no (as
 * stored, copied).  Returns 0, or -1 (the reason in the status line). */
int receipt_view_push(struct app *app, const char *receipt_no);

#endif
