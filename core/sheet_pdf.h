/* sheet_pdf: a sheet as an A4 PDF, drawn with pango-cairo.
 *
 * Text is set in a CJK font found through fontconfig: Noto Sans CJK SC when
 * installed, else any font that has Chinese characters; with none the
 * renderer refuses with a message naming the Debian package fonts-noto-cjk
 * rather than printing empty boxes.  Pages follow sheet_paginate with the
 * geometry of sheet_geometry_get; a cell's text is wrapped as the model
 * counted it (sheet_wrap) and a line still wider than its cell in the font
 * is condensed to fit, never cut;
 * every table is ruled; boxes to fill by hand are drawn as empty squares. */
#ifndef DOORSTEP_SHEET_PDF_H
#define DOORSTEP_SHEET_PDF_H

#include <stddef.h>

#include "core/err.h"
#include "core/sheet.h"

/* Finds the CJK font family the PDF will use and copies its name into
 * family (n bytes, may be NULL).  Returns 0, or -1 with a message naming
 * fonts-noto-cjk when no installed font has Chinese characters. */
int sheet_pdf_font(char *family, size_t n, struct err *e);

/* Writes the sheet to path as a PDF, atomically: a temporary file beside it
 * (mode 0600) renamed into place only when complete, so that a failure
 * never leaves a half file under path.  *pages (may be NULL) receives the
 * page count.  Returns 0, or -1 with a message (no CJK font, cannot write
 * the folder, disk full ...). */
int sheet_pdf_write(const struct sheet *s, const char *path, int *pages, struct err *e);

/* As sheet_pdf_write, and appends to missing (may be NULL) one line for
 * each text that has a character no installed font has (𪚥: the PDF shows
 * it as a box with its code), naming the row by its key cell:
 * `1-1-101: "𪚥张"`.  The PDF is written all the same. */
struct strbuf;
int sheet_pdf_write_checked(const struct sheet *s, const char *path, int *pages,
			    struct strbuf *missing, struct err *e);

#endif
