/* sheet_text: a sheet as aligned UTF-8 text (`doorstep sheet --text` and the
 * TUI preview).
 *
 * Columns are aligned by display width (a CJK character takes two columns),
 * ruled with ASCII only (| - +), whose width is the same in every terminal,
 * unlike the box-drawing characters that CJK fonts draw double width.  A
 * column is as wide as its widest value or title (a column of boxes, or of
 * an empty table, keeps its declared width), up to SHEET_TEXT_MAX_COLS (or
 * its declared width when wider); a longer value wraps within it (sheet_wrap)
 * and nothing is ever cut.  Characters of ambiguous width become ones of
 * sure width (sheet_text_plain).  Rows of more than one line in a listing are
 * ruled apart.  Boxes to fill in by hand print as "[    ]".  The text is one continuous page: the header, the
 * tables, the note and the signature lines once (pages are a PDF matter). */
#ifndef DOORSTEP_SHEET_TEXT_H
#define DOORSTEP_SHEET_TEXT_H

#include "core/sheet.h"

/* The widest a column grows to fit its values before they wrap. */
#define SHEET_TEXT_MAX_COLS 40

/* Returns the sheet as malloc'd text, lines ending in '\n'; the caller
 * frees it.  Never NULL. */
char *sheet_render_text(const struct sheet *s);

/* Returns s (malloc'd) with every character of ambiguous East Asian width
 * that sheets use (℃ ° … — · “ ” ‘ ’ ▁ █ ×) replaced by one of sure width
 * (度 ... - ・ 「 」 『 』 _ # x): those are one column in zh_CN.UTF-8 and two
 * in zh_CN.GB18030, and terminals differ, so the text form and the TUI use
 * ASCII and CJK characters only.  The text form applies it to everything it
 * writes; the PDF keeps the real characters. */
char *sheet_text_plain(const char *s);

/* The display width of UTF-8 text in columns (CJK 2, combining marks 0),
 * as core/textwidth counts it (wcwidth: the locale must be UTF-8). */
int sheet_text_width(const char *s);

#endif
