/* utf8: decoding and encoding of UTF-8, independent of the locale.
 *
 * The text modules (pinyin, textwidth, lineedit) share this decoder so that
 * they agree on what a malformed byte is: one U+FFFD per offending byte. */
#ifndef DOORSTEP_UTF8_H
#define DOORSTEP_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes the character at the start of the NUL-terminated string s into *cp
 * and returns the number of bytes it takes (1 to 4).  A malformed, overlong,
 * truncated or surrogate sequence gives *cp = UTF8_REPLACEMENT and returns 1,
 * so that decoding always moves forward.  s must not point at the NUL. */
size_t utf8_decode(const char *s, uint32_t *cp);

/* 1 when the n bytes at s (followed by a NUL, as SQLite and C strings are)
 * are well-formed UTF-8 without a NUL byte among them, else 0.  A U+FFFD
 * written as such is valid. */
int utf8_valid(const char *s, size_t n);

/* Writes the UTF-8 form of cp into out (no NUL) and returns its length, 1 to
 * 4.  A code point that is not a Unicode scalar value writes U+FFFD. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* The length of the valid UTF-8 at the start of s (n bytes, no NUL needed):
 * n when all of it is valid, else the offset of the first byte that starts
 * no well-formed, shortest-form, non-surrogate sequence. */
size_t utf8_valid_len(const char *s, size_t n);

/* The characters of the UTF-8 text s: its bytes that do not continue a
 * character (a length a user counts, for "got N" in a message). */
size_t utf8_chars(const char *s);

#endif
