/* textwidth: display width of UTF-8 text in terminal columns.
 *
 * Screens cut and pad text to a column budget, never by bytes: a CJK
 * character takes two columns, a combining mark none.  Widths come from
 * wcwidth(), so the caller must have set LC_CTYPE to a UTF-8 locale (the
 * program refuses to start otherwise).  A control character or a malformed
 * UTF-8 byte counts as one column: the functions that build text replace it
 * with U+FFFD (�), so what is drawn matches what was counted.
 *
 * A character of East Asian width "ambiguous" (° ℃ … — · “ ” × → ○ ● ▲ ...)
 * is one column to glibc in zh_CN.UTF-8 and two to a CJK terminal, so
 * nothing can count it right for every terminal: what these functions
 * build shows in its place characters of sure width, ASCII or CJK
 * (37.3°C → 37.3度 in Chinese, 37.3C in English: the degree sign is
 * translated; … → ..., · → ・ but " · " → " | ", “无” → 「无」,
 * → → ->), and they
 * count it as its replacement.  textwidth_plain gives that text whole;
 * the full-screen program, the text sheets and `report` draw only it. */
#ifndef DOORSTEP_TEXTWIDTH_H
#define DOORSTEP_TEXTWIDTH_H

#include <stddef.h>
#include <wchar.h>

/* Returns the columns c takes: wcwidth(c), or 1 when c is not printable;
 * an ambiguous character, the columns of its replacement. */
int textwidth_wchar(wchar_t c);

/* Returns the columns the NUL-terminated UTF-8 string s takes, shown. */
int textwidth_utf8(const char *s);

/* s (NULL is "") with every ambiguous character replaced, as it is shown,
 * malloc'd (the caller frees it); everything else is left as it is. */
char *textwidth_plain(const char *s);


/* Returns the byte length of the longest prefix of s that fits in cols
 * columns without splitting a character (zero-width characters right after
 * it stay with it), and stores the columns that prefix takes in *used (used
 * may be NULL).  cols <= 0 gives 0. */
size_t textwidth_cut(const char *s, int cols, int *used);

/* Returns a malloc'd string (the caller frees it) that takes exactly cols
 * columns: s padded with spaces on the right, or, when s is wider, cut to the
 * budget, its last column "~" when ellipsis is non-zero.  A wide character
 * that would straddle the edge is replaced by a space.  Control characters
 * and malformed bytes become U+FFFD.  cols <= 0 gives "". */
char *textwidth_fit(const char *s, int cols, int ellipsis);

/* As textwidth_fit, but pads on the left, for numbers in a column: "  42".
 * A string wider than cols is cut as textwidth_fit does with the ellipsis,
 * so that a cut value is visibly cut. */
char *textwidth_pad_left(const char *s, int cols);

#endif
