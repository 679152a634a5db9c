/* encoding: the text encodings of CSV files that committees exchange.
 *
 * Excel on a Chinese Windows saves "CSV" in GB18030 (its code page 936, which
 * GB18030 contains) and "CSV UTF-8" with a byte order mark; machines write
 * UTF-8 without one.  Everything inside doorstep is UTF-8, so a file is
 * converted once on reading (and, for exports, once on writing) with iconv.
 * Detection is simple and reliable for these two: a file that is valid UTF-8
 * is UTF-8 (GB18030 text of any length is almost never valid UTF-8), anything
 * else is read as GB18030. */
#ifndef DOORSTEP_ENCODING_H
#define DOORSTEP_ENCODING_H

#include <stddef.h>

#include "core/err.h"

enum encoding {
	ENCODING_AUTO,	   /* reading only: UTF-8 when valid, else GB18030 */
	ENCODING_UTF8,	   /* UTF-8, a leading BOM skipped on reading */
	ENCODING_UTF8_BOM, /* writing: UTF-8 with a BOM; read as ENCODING_UTF8 */
	ENCODING_GB18030,
};

/* Parses "auto", "utf8"/"utf-8", "utf8-bom", "gb18030" (also "gbk", "gb2312",
 * "cp936", read as GB18030, their superset), in any case.  Returns 0, or -1
 * with a message listing the accepted names. */
int encoding_parse_name(const char *name, enum encoding *out, struct err *e);

/* "auto", "utf8", "utf8-bom" or "gb18030". */
const char *encoding_name(enum encoding enc);

/* The length of the longest prefix of s[0..n) that is well-formed UTF-8
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF, no NUL
 * byte).  Equal to n when the whole text is valid. */
size_t encoding_utf8_valid_prefix(const char *s, size_t n);

/* The 1-based line (counting LF) of byte offset off in s. */
long encoding_line_at(const char *s, size_t off);

/* Converts the n bytes of a file's text to UTF-8.
 *
 * `want` is ENCODING_AUTO, ENCODING_UTF8 (ENCODING_UTF8_BOM is the same) or
 * ENCODING_GB18030.  A UTF-8 byte order mark is dropped.  On success *out is
 * a malloc'd NUL-terminated UTF-8 text (the caller frees it), *out_len its
 * length without the NUL, *found (may be NULL) the encoding read, and 0 is
 * returned.  Bytes that are not valid in the encoding (or a NUL byte, or a
 * UTF-16 file, which Excel writes as "Unicode text") give -1 with e->line set
 * to the line of the first bad byte and *out NULL. */
int encoding_to_utf8(const char *in, size_t n, enum encoding want, char **out, size_t *out_len,
		     enum encoding *found, struct err *e);

/* Converts UTF-8 text to `to` (ENCODING_UTF8, ENCODING_UTF8_BOM with a BOM
 * written first, or ENCODING_GB18030).  *out is malloc'd and NUL-terminated
 * (the caller frees it), *out_len its length.  Returns 0, or -1 when the input
 * is not valid UTF-8 (e->line set); GB18030 encodes all of Unicode, so a valid
 * input always converts. */
int encoding_from_utf8(const char *in, size_t n, enum encoding to, char **out, size_t *out_len,
		       struct err *e);

#endif
