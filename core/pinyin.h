/* pinyin: initials of the pinyin readings of Chinese names, for searching.
 *
 * A user finds 张三 by typing "zs".  Each Han character maps to the set of
 * the initial letters of its readings (zh/ch/sh count as z/c/s), every reading
 * of a polyphone included: 长 gives {c, z}, 行 gives {h, x}.  The data comes
 * from Unihan (data/pinyin.txt, compiled into the library) and covers the CJK
 * Unified Ideographs of the BMP and of Extensions A to G.
 *
 * A name is read as a sequence of symbols: a Han character with a known
 * reading is its set of initials; an ASCII letter or digit (or its fullwidth
 * form) is itself, lower-cased; anything else (spaces, punctuation such as
 * the middle dot of 阿卜杜·热合曼, Han characters without a reading, malformed
 * UTF-8) is dropped. */
#ifndef DOORSTEP_PINYIN_H
#define DOORSTEP_PINYIN_H

#include <stddef.h>
#include <stdint.h>

/* Returns the initials of the readings of codepoint as a bitmask, bit 0 for
 * 'a' up to bit 25 for 'z'; 0 when it is not a Han character with a known
 * reading (ASCII letters give 0 too). */
uint32_t pinyin_initials_mask(uint32_t codepoint);

/* Returns a malloc'd string (the caller frees it, never NULL) listing the
 * initial sequences of utf8_name, separated by one space: one sequence per
 * combination of readings of its polyphones, at most max_variants of them
 * (0 is taken as 1).  Letters vary alphabetically, the last symbol fastest:
 * 张长 gives "zc zz", 张三 gives "zs", "Li 娜" gives "lin".  A name with no
 * symbol gives "". */
char *pinyin_initials_variants(const char *utf8_name, size_t max_variants);

/* Returns 1 when query occurs as a substring (a prefix included) of some
 * initial sequence of utf8_name, else 0.  query is ASCII letters, compared
 * without case, and digits; the empty query matches every name; a query
 * holding any other byte, or longer than 64 symbols, matches nothing.
 * "zs" matches 张三, "wxm", "xm" and "x" match 王小明, "cj" and "zj" match 长江.
 * Allocates nothing and reads the name once: it is meant to run over every
 * name of the community at each keystroke. */
int pinyin_match_initials(const char *utf8_name, const char *query);

#endif
