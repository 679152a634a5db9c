/* namesort: the reading order of grid and staff names; see namesort.h. */
#include "core/namesort.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/natsort.h"
#include "core/pinyin.h"
#include "core/strbuf.h"
#include "core/utf8.h"

/* The value of a Chinese digit, -1 for a unit or anything else. */
static int cn_digit(uint32_t cp)
{
	static const uint32_t d[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
				     0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D}; /* 零一二三四五六七八九 */

	if (cp == 0x3007) /* 〇 */
		return 0;
	if (cp == 0x4E24) /* 两 */
		return 2;
	for (int i = 0; i < 10; i++)
		if (d[i] == cp)
			return i;
	return -1;
}

/* 十 百 千 万 as their multiple, else 0. */
static long cn_unit(uint32_t cp)
{
	return cp == 0x5341 ? 10 : cp == 0x767E ? 100 : cp == 0x5343 ? 1000 : cp == 0x4E07 ? 10000 : 0;
}

/* Reads a run of Chinese numerals at s into out as ASCII digits; returns
 * the bytes read (0 when s does not start one).  Without units the digits
 * are read one by one (二〇二〇 is 2020); with them as a count (十一 is 11,
 * 一百零五 is 105). */
static size_t cn_number(const char *s, struct strbuf *out)
{
	size_t at = 0, len;
	long total = 0, section = 0, cur = 0;
	int units = 0, any = 0;
	struct strbuf digits = STRBUF_INIT;
	uint32_t cp;

	for (;; at += len) {
		int d;
		long u;

		if (!s[at])
			break;
		len = utf8_decode(s + at, &cp);
		d = cn_digit(cp);
		u = cn_unit(cp);
		if (d < 0 && !u)
			break;
		any = 1;
		if (d >= 0) {
			cur = d;
			strbuf_putc(&digits, (char)('0' + d));
		} else if (u == 10000) {
			total = (total + section + cur) * 10000;
			section = cur = 0;
			units = 1;
		} else {
			section += (cur ? cur : 1) * u;
			cur = 0;
			units = 1;
		}
		if (total + section > 100000000L)
			break;
	}
	if (any && units)
		strbuf_printf(out, "%ld", total + section + cur);
	else if (any)
		strbuf_puts(out, strbuf_str(&digits));
	strbuf_free(&digits);
	return any ? at : 0;
}

/* The lowest initial of cp's readings as a letter, or 0. */
static char initial(uint32_t cp)
{
	uint32_t m = pinyin_initials_mask(cp);

	for (int i = 0; i < 26; i++)
		if (m & (1u << i))
			return (char)('a' + i);
	return 0;
}

char *namesort_key(const char *name)
{
	struct strbuf t = STRBUF_INIT;
	const char *s = name ? name : "";
	char *key;

	while (*s) {
		uint32_t cp;
		size_t len = cn_number(s, &t), k;
		char c;

		if (len) {
			s += len;
			continue;
		}
		len = utf8_decode(s, &cp);
		if (!len)
			len = 1;
		c = initial(cp);
		if (c)
			strbuf_putc(&t, c);
		for (k = 0; k < len && s[k]; k++)
			strbuf_putc(&t, s[k]);
		s += k;
	}
	key = natsort_key(strbuf_str(&t));
	strbuf_free(&t);
	return key;
}

int namesort_cmp(const char *a, const char *b)
{
	char *ka = namesort_key(a), *kb = namesort_key(b);
	int c = strcmp(ka, kb);

	free(ka);
	free(kb);
	return c ? c : strcmp(a ? a : "", b ? b : "");
}
