/* textwidth: column widths, cutting and padding of UTF-8 text; see
 * textwidth.h. */
#include "core/textwidth.h"

#include <stdint.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/textsafe.h"
#include "core/utf8.h"

#define ELLIPSIS "~" /* one column on every terminal; "…" is not */

/* Characters of East Asian width "ambiguous": one column in zh_CN.UTF-8,
 * two in zh_CN.GB18030, and either in a terminal (a CJK one draws them
 * two wide, and the columns after them move).  What is shown holds in
 * their place characters of sure width, ASCII or CJK.  Longest first where
 * one begins another.  The degree sign is a word of the language shown:
 * DEGREES is translated (English "38.5 C", Chinese "38.5 度"). */
#define DEGREES N_("C")
static const struct {
	const char *from, *to;
} plain[] = {
    {" · ", " | "}, /* a separator: "・" would make it four columns */
    {"°C", DEGREES}, {"℃", DEGREES}, {"°", DEGREES},  {"…", "..."}, {"—", "-"},  {"–", "-"},
    {"·", "・"},  {"“", "「"},  {"”", "」"}, {"‘", "『"},   {"’", "』"}, {"▁", "_"},
    {"█", "#"},   {"▒", "#"},   {"×", "x"},  {"→", "->"},  {"←", "<-"}, {"↑", "^"},
    {"↓", "v"},   {"▲", "^"},   {"▼", "v"},  {"○", "o"},   {"●", "*"},  {"◇", "o"},
    {"◆", "*"},   {"■", "#"},   {"□", "o"},  {"★", "*"},   {"※", "*"},  {"±", "+-"},
    {"─", "-"},   {"│", "|"},
};

/* The replacement of the ambiguous character at s (plain[]): its bytes in
 * s, with *to set; 0 when s starts with no such character. */
static size_t plain_at(const char *s, const char **to)
{
	unsigned char c = (unsigned char)*s;

	if (c == ' ') { /* the separator, first in plain[] */
		if (strncmp(s, plain[0].from, strlen(plain[0].from)))
			return 0;
		*to = plain[0].to;
		return strlen(plain[0].from);
	}
	if (c < 0xC2 || c > 0xE2) /* every other one is U+00B0-U+2605 */
		return 0;
	for (size_t i = 1; i < sizeof plain / sizeof plain[0]; i++) {
		size_t n = strlen(plain[i].from);

		if (!strncmp(s, plain[i].from, n)) {
			*to = strcmp(plain[i].to, DEGREES) ? plain[i].to : _(DEGREES);
			return n;
		}
	}
	return 0;
}

/* wcwidth of c, 1 when c is not printable. */
static int cell_width(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

/* The columns of a replacement (ASCII or CJK). */
static int plain_width(const char *to)
{
	int cols = 0;
	uint32_t cp;

	while (*to) {
		to += utf8_decode(to, &cp);
		cols += cell_width((wchar_t)cp);
	}
	return cols;
}

int textwidth_wchar(wchar_t c)
{
	char enc[5] = {0};
	const char *to;

	/* enc holds c alone, so that only a one-character entry matches */
	if (c >= 0xB0 && c <= 0x2605 && utf8_encode((uint32_t)c, enc) && plain_at(enc, &to))
		return plain_width(to);
	return cell_width(c);
}

/* One unit of what is shown, at s: a character, or an ambiguous one with
 * its replacement (*to, else NULL).  A malformed byte or a control, bidi
 * or invisible character (core/textsafe) gives U+FFFD, which is what the
 * builders print in its place.  Returns its bytes and sets *cols. */
static size_t next_unit(const char *s, uint32_t *cp, const char **to, int *cols)
{
	size_t n = plain_at(s, to);

	if (n) {
		*cp = 0;
		*cols = plain_width(*to);
		return n;
	}
	*to = NULL;
	n = utf8_decode(s, cp);
	if (textsafe_kind(*cp) != TEXTSAFE_OK)
		*cp = UTF8_REPLACEMENT;
	*cols = cell_width((wchar_t)*cp);
	return n;
}

int textwidth_utf8(const char *s)
{
	int cols = 0, cw;
	uint32_t cp;
	const char *to;

	while (*s) {
		s += next_unit(s, &cp, &to, &cw);
		cols += cw;
	}
	return cols;
}

char *textwidth_plain(const char *s)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_add(&b, "", 0);
	while (s && *s) {
		const char *to;
		size_t n = plain_at(s, &to);

		if (n)
			strbuf_puts(&b, to);
		else
			strbuf_putc(&b, *s);
		s += n ? n : 1;
	}
	return strbuf_detach(&b);
}

size_t textwidth_cut(const char *s, int cols, int *used)
{
	const char *p = s;
	int w = 0;
	uint32_t cp;

	while (cols > 0 && *p) {
		const char *to;
		int cw;
		size_t n = next_unit(p, &cp, &to, &cw);

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
		const char *to;
		int cw;
		size_t n = next_unit(s, &cp, &to, &cw);
		char enc[4];

		if (to)
			strbuf_puts(b, to);
		else if (cp == UTF8_REPLACEMENT)
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

/* Appends s cut to cols columns (the cut marked with "~" when ellipsis),
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
		/* A wide character cut at the edge leaves a space before the "~". */
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
