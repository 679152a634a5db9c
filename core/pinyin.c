/* pinyin: initials of Han characters and matching typed initials against
 * names; see pinyin.h.  The lookup tables are generated at build time from
 * data/pinyin.txt by tools/gen_pinyin_table.sh. */
#include "core/pinyin.h"

#include <stdlib.h>

#include "core/pinyin_table.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

/* A symbol set: bits 0-25 the letters a-z, bits 26-35 the digits 0-9. */
#define SYM_DIGIT0 26
#define SYM_COUNT  36
#define QUERY_MAX  64

uint32_t pinyin_initials_mask(uint32_t cp)
{
	uint32_t block;

	if (cp >= PINYIN_TABLE_LIMIT)
		return 0;
	block = pinyin_table_stage1[cp >> PINYIN_TABLE_SHIFT];
	return pinyin_table_masks[pinyin_table_stage2[(block << PINYIN_TABLE_SHIFT) |
						      (cp & ((1u << PINYIN_TABLE_SHIFT) - 1))]];
}

/* The index of ASCII symbol c, or -1 when c is no letter or digit. */
static int sym_index(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return (int)(c - 'a');
	if (c >= 'A' && c <= 'Z')
		return (int)(c - 'A');
	if (c >= '0' && c <= '9')
		return SYM_DIGIT0 + (int)(c - '0');
	return -1;
}

/* Reads the next symbol of the name at *s, advancing *s, and returns its set;
 * returns 0 at the end of the string.  Dropped characters are skipped. */
static inline __attribute__((always_inline)) uint64_t next_symbol(const char **s)
{
	while (**s) {
		unsigned char b = (unsigned char)**s;
		uint32_t cp;
		uint64_t set;
		int k;

		if (b < 0x80) {
			(*s)++;
			k = sym_index(b);
			if (k >= 0)
				return (uint64_t)1 << k;
			continue;
		}
		if ((b & 0xF0) == 0xE0 && ((*s)[1] & 0xC0) == 0x80 && ((*s)[2] & 0xC0) == 0x80) {
			/* The common case, a BMP character, decoded here. */
			cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)((*s)[1] & 0x3F) << 6) |
			     ((uint32_t)(*s)[2] & 0x3F);
			if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
				cp = UTF8_REPLACEMENT, *s += 1;
			else
				*s += 3;
		} else {
			*s += utf8_decode(*s, &cp);
		}
		if (cp >= 0xFF10 && cp <= 0xFF5A) { /* fullwidth ０-９, Ａ-Ｚ, ａ-ｚ */
			k = sym_index(cp - 0xFF10 + '0');
			if (k >= 0)
				return (uint64_t)1 << k;
			continue;
		}
		set = pinyin_initials_mask(cp);
		if (set)
			return set;
	}
	return 0;
}

static char sym_char(int k)
{
	return k < SYM_DIGIT0 ? (char)('a' + k) : (char)('0' + k - SYM_DIGIT0);
}

/* The index of the lowest symbol of set greater than k, or -1. */
static int sym_next(uint64_t set, int k)
{
	for (k++; k < SYM_COUNT; k++)
		if (set & ((uint64_t)1 << k))
			return k;
	return -1;
}

char *pinyin_initials_variants(const char *utf8_name, size_t max_variants)
{
	struct strbuf out = STRBUF_INIT;
	uint64_t *sets = NULL;
	int *pick = NULL;
	size_t n = 0, cap = 0, i, count;
	const char *p = utf8_name;
	uint64_t set;

	while ((set = next_symbol(&p)) != 0) {
		XGROW(sets, cap, n + 1, 16);
		sets[n++] = set;
	}
	if (max_variants == 0)
		max_variants = 1;
	pick = xmalloc((n ? n : 1) * sizeof(*pick));
	for (i = 0; i < n; i++)
		pick[i] = sym_next(sets[i], -1);
	/* An odometer over the symbols, the last one turning fastest. */
	for (count = 0; count < max_variants; count++) {
		if (count)
			strbuf_putc(&out, ' ');
		for (i = 0; i < n; i++)
			strbuf_putc(&out, sym_char(pick[i]));
		for (i = n; i > 0; i--) {
			int k = sym_next(sets[i - 1], pick[i - 1]);

			if (k >= 0) {
				pick[i - 1] = k;
				break;
			}
			pick[i - 1] = sym_next(sets[i - 1], -1);
		}
		if (i == 0)
			break; /* every combination was written */
	}
	free(pick);
	free(sets);
	return strbuf_detach(&out);
}

int pinyin_match_initials(const char *utf8_name, const char *query)
{
	unsigned char q[QUERY_MAX];
	size_t m = 0, j;
	uint64_t state = 0, done, set;
	const char *p = utf8_name;

	for (; *query; query++) {
		int k = sym_index((unsigned char)*query);

		if (k < 0 || m == QUERY_MAX)
			return 0;
		q[m++] = (unsigned char)k;
	}
	if (m == 0)
		return 1;
	/* Shift-and: bit j of state says that query[0..j] matches the symbols
	 * just read.  A polyphone is a set, so each position is tested alone. */
	done = (uint64_t)1 << (m - 1);
	while ((set = next_symbol(&p)) != 0) {
		uint64_t hits = 0;

		for (j = 0; j < m; j++)
			hits |= ((set >> q[j]) & 1) << j;
		state = ((state << 1) | 1) & hits;
		if (state & done)
			return 1;
	}
	return 0;
}
