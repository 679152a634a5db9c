/* textsafe: which characters text may hold, at input and at output.
 *
 * One classification serves both ends (docs/security.md lists it):
 *
 *   control     C0 (U+0000-001F), DEL (U+007F), C1 (U+0080-009F), and the
 *               line and paragraph separators U+2028, U+2029: a terminal
 *               acts on them (ESC sequences, OSC 52 writes the clipboard,
 *               U+009B is CSI);
 *   bidi        U+200E, U+200F, U+061C, U+202A-202E, U+2066-2069: they
 *               reorder what is shown (U+202E shows "exe.txt" as "txt.exe");
 *   invisible   U+200B-200D, U+2060-2064, U+180E, U+FEFF: no width, so
 *               two different strings look the same and columns misalign.
 *
 * At input a one-line text (names, codes, settings, staff) refuses all
 * three; notes take newline and tab and refuse the rest (textsafe_check).
 * Rosters, pasted from chat and spreadsheets, carry invisible characters
 * and U+FEFF innocently: textsafe_strip_invisible removes them and the
 * importer warns.  At output every one of them, and every malformed UTF-8
 * byte, becomes U+FFFD (textsafe_out): messages on stderr, the command
 * line's stdout, sheet text and the PDF text layer.  Exported CSV is data
 * and keeps what is stored. */
#ifndef DOORSTEP_TEXTSAFE_H
#define DOORSTEP_TEXTSAFE_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/strbuf.h"

enum textsafe_kind {
	TEXTSAFE_OK = 0,
	TEXTSAFE_CONTROL,
	TEXTSAFE_BIDI,
	TEXTSAFE_INVISIBLE,
	TEXTSAFE_MALFORMED, /* a byte that is not UTF-8 (0x9B alone is CSI to some terminals) */
};

/* What a text may hold. */
enum textsafe_class {
	TEXTSAFE_LINE,	/* one line: no control, bidi or invisible character */
	TEXTSAFE_NOTES, /* the same, but newline and tab are text */
};

/* A malformed byte as textsafe_decode gives it: not a code point. */
#define TEXTSAFE_BAD_BYTE 0x110000u

/* Decodes the character at the NUL-terminated s into *cp (core/utf8), a
 * malformed byte as TEXTSAFE_BAD_BYTE; returns its length in bytes. */
size_t textsafe_decode(const char *s, uint32_t *cp);

/* The kind of code point cp (TEXTSAFE_BAD_BYTE: TEXTSAFE_MALFORMED). */
enum textsafe_kind textsafe_kind(uint32_t cp);

/* 1 when cp may stand in a text of class cls. */
int textsafe_allowed(uint32_t cp, enum textsafe_class cls);

/* Checks the UTF-8 string s (NULL is "") for class cls.  Returns 0, or -1
 * with e set to the field (err_field) and a message naming the first
 * refused character (as U+XXXX) and its position in characters; label is
 * the field's name as the user knows it (already translated). */
int textsafe_check(const char *s, enum textsafe_class cls, const char *field, const char *label,
		   struct err *e);

/* A whole record's texts are checked through its table of text fields
 * (core/textfields.h: textfields_check). */

/* Removes the invisible characters (U+FEFF included) from s in place.
 * Returns how many were removed. */
size_t textsafe_strip_invisible(char *s);

/* Output flags. */
enum {
	TEXTSAFE_KEEP_NEWLINE = 1 << 0, /* newline stays (a message, a report) */
	TEXTSAFE_KEEP_TAB = 1 << 1,	/* tab stays */
};

/* Appends the n bytes at s to out with every control, bidi and invisible
 * character and every malformed byte replaced by U+FFFD, except newline
 * and tab when flags keep them.  With more != 0 an incomplete UTF-8
 * sequence at the end is left unconsumed (more bytes follow later).
 * Returns the number of bytes consumed. */
size_t textsafe_filter(struct strbuf *out, const char *s, size_t n, unsigned flags, int more);

/* textsafe_filter of the whole string s (NULL is "") as a new malloc'd
 * string; the caller frees it. */
char *textsafe_out(const char *s, unsigned flags);

#endif
