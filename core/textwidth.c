/* textwidth: column widths, cutting and padding of UTF-8 text; see
 * textwidth.h. */
#include "core/textwidth.h"

#include <stdint.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/textsafe.h"
#include "core/utf8.h"

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026 … */

int textwidth_wchar(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

/* Decodes the character at s; a malformed byte or a control, bidi or
 * invisible character (core/textsafe) gives U+FFFD, which is what the
 * builders print in its place. */
static size_t next_char(const char *s, uint32_t *cp)
{
	size_t n = utf8_decode(s, cp);

	if (textsafe_kind(*cp) != TEXTSAFE_OK)
		*cp = UTF8_REPLACEMENT;
	return n;
}

int textwidth_utf8(const char *s)
{
	int cols = 0;
	uint32_t cp;

	while (*s) {
		s += next_char(s, &cp);
		cols += textwidth_wchar((wchar_t)cp);
	}
	return cols;
}

size_t textwidth_cut(const char *s, int cols, int *used)
{
	const char *p = s;
	int w = 0;
	uint32_t cp;

	while (cols > 0 && *p) {
		size_t n = next_char(p, &cp);
		int cw = textwidth_wchar((wchar_t)cp);

		if (w + cw > cols)
			break;
		w += cw;
		p += n;
	}
	if (used)
		*used = w;
	return (size_t)(p - s);
}

/* Appends the first len bytes of s to b, control characters and malformed
 * bytes replaced by U+FFFD. */
static void put_clean(struct strbuf *b, const char *s, size_t len)
{
	const char *end = s + len;
	uint32_t cp;

	while (s < end) {
		size_t n = next_char(s, &cp);
		char enc[4];

		if (cp == UTF8_REPLACEMENT)
			strbuf_add(b, enc, utf8_encode(cp, enc));
		else
			strbuf_add(b, s, n);
		s += n;
	}
}

static void put_spaces(struct strbuf *b, int n)
{
	while (n-- > 0)
		strbuf_putc(b, ' ');
}

/* Appends s cut to cols columns (the cut marked with "…" when ellipsis),
 * and returns the columns still free; nothing is padded. */
static int put_cut(struct strbuf *b, const char *s, int cols, int ellipsis)
{
	int w = textwidth_utf8(s), used;
	size_t len;

	if (w <= cols) {
		put_clean(b, s, strlen(s));
		return cols - w;
	}
	if (ellipsis) {
		len = textwidth_cut(s, cols - 1, &used);
		put_clean(b, s, len);
		/* A wide character cut at the edge leaves a space before the "…". */
		put_spaces(b, cols - 1 - used);
		strbuf_puts(b, ELLIPSIS);
		return 0;
	}
	len = textwidth_cut(s, cols, &used);
	put_clean(b, s, len);
	return cols - used;
}

char *textwidth_fit(const char *s, int cols, int ellipsis)
{
	struct strbuf b = STRBUF_INIT;

	if (cols > 0)
		put_spaces(&b, put_cut(&b, s, cols, ellipsis));
	return strbuf_detach(&b);
}

char *textwidth_pad_left(const char *s, int cols)
{
	struct strbuf b = STRBUF_INIT;
	int w;

	if (cols <= 0)
		return strbuf_detach(&b);
	w = textwidth_utf8(s);
	if (w <= cols) {
		put_spaces(&b, cols - w);
		put_clean(&b, s, strlen(s));
	} else {
		put_cut(&b, s, cols, 1); /* fills cols exactly */
	}
	return strbuf_detach(&b);
}
