/* textsafe: the one classification of unsafe characters, checked at input
 * and replaced at output; see textsafe.h. */
#include "core/textsafe.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "core/xalloc.h"

struct range {
	uint32_t lo, hi;
	enum textsafe_kind kind;
};

/* Every code point that is not plain text; docs/security.md lists the same. */
static const struct range unsafe[] = {
    {0x0000, 0x001F, TEXTSAFE_CONTROL},	  {0x007F, 0x009F, TEXTSAFE_CONTROL},
    {0x061C, 0x061C, TEXTSAFE_BIDI},	  {0x180E, 0x180E, TEXTSAFE_INVISIBLE},
    {0x200B, 0x200D, TEXTSAFE_INVISIBLE}, {0x200E, 0x200F, TEXTSAFE_BIDI},
    {0x2028, 0x2029, TEXTSAFE_CONTROL},	  {0x202A, 0x202E, TEXTSAFE_BIDI},
    {0x2060, 0x2064, TEXTSAFE_INVISIBLE}, {0x2066, 0x2069, TEXTSAFE_BIDI},
    {0xFEFF, 0xFEFF, TEXTSAFE_INVISIBLE},
};

size_t textsafe_decode(const char *s, uint32_t *cp)
{
	size_t n = utf8_decode(s, cp);

	if (*cp == UTF8_REPLACEMENT && n == 1)
		*cp = TEXTSAFE_BAD_BYTE;
	return n;
}

enum textsafe_kind textsafe_kind(uint32_t cp)
{
	if (cp == TEXTSAFE_BAD_BYTE)
		return TEXTSAFE_MALFORMED;
	if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp < 0x061C) ||
	    (cp > 0x2069 && cp < 0xFEFF) || (cp > 0xFEFF && cp <= 0x10FFFF))
		return TEXTSAFE_OK; /* the common cases (ASCII, CJK), quickly */
	for (size_t i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++)
		if (cp >= unsafe[i].lo && cp <= unsafe[i].hi)
			return unsafe[i].kind;
	return TEXTSAFE_OK;
}

int textsafe_allowed(uint32_t cp, enum textsafe_class cls)
{
	if (cls == TEXTSAFE_NOTES && (cp == '\n' || cp == '\t'))
		return 1;
	return textsafe_kind(cp) == TEXTSAFE_OK;
}

int textsafe_check(const char *s, enum textsafe_class cls, const char *field, const char *label,
		   struct err *e)
{
	static const char *const what[] = {
	    [TEXTSAFE_OK] = "",
	    [TEXTSAFE_CONTROL] = N_("a control character"),
	    [TEXTSAFE_BIDI] = N_("a text-direction character"),
	    [TEXTSAFE_INVISIBLE] = N_("an invisible character"),
	    [TEXTSAFE_MALFORMED] = N_("a byte that is not UTF-8"),
	};
	size_t pos = 1;
	uint32_t cp;
	char code[16];

	for (; s && *s; pos++) {
		unsigned char byte = (unsigned char)*s;

		if (byte >= 0x20 && byte < 0x7F) { /* printable ASCII: allowed */
			s++;
			continue;
		}
		s += textsafe_decode(s, &cp);
		if (textsafe_allowed(cp, cls))
			continue;
		if (cp == TEXTSAFE_BAD_BYTE)
			snprintf(code, sizeof code, "0x%02X", byte);
		else
			snprintf(code, sizeof code, "U+%04X", (unsigned)cp);
		return err_field(e, field,
				 cls == TEXTSAFE_NOTES
				     ? _("%s: %s (%s) at character %zu; notes take line breaks "
					 "and tabs, no other control characters")
				     : _("%s: %s (%s) at character %zu; this text is one line of "
					 "visible characters"),
				 label, _(what[textsafe_kind(cp)]), code, pos);
	}
	return 0;
}

size_t textsafe_strip_invisible(char *s)
{
	char *w = s;
	size_t removed = 0;
	uint32_t cp;

	while (s && *s) {
		size_t n;

		if ((unsigned char)*s < 0x80) { /* ASCII is never invisible */
			*w++ = *s++;
			continue;
		}
		n = textsafe_decode(s, &cp);

		if (textsafe_kind(cp) == TEXTSAFE_INVISIBLE) {
			removed++;
		} else {
			memmove(w, s, n);
			w += n;
		}
		s += n;
	}
	if (w)
		*w = '\0';
	return removed;
}

/* Bytes the UTF-8 sequence led by byte c takes (1 for a stray byte). */
static size_t seq_len(unsigned char c)
{
	return c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 1;
}

size_t textsafe_filter(struct strbuf *out, const char *s, size_t n, unsigned flags, int more)
{
	size_t i = 0;

	while (i < n) {
		char one[5] = {0};
		size_t want = seq_len((unsigned char)s[i]), got;
		uint32_t cp;

		if (i + want > n) {
			size_t k = i + 1;

			/* an incomplete sequence: wait for the rest, unless what is
			 * here is already malformed */
			while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
				k++;
			if (more && k == n)
				break;
			want = n - i;
		}
		memcpy(one, s + i, want);
		got = textsafe_decode(one, &cp);
		if ((cp == '\n' && (flags & TEXTSAFE_KEEP_NEWLINE)) ||
		    (cp == '\t' && (flags & TEXTSAFE_KEEP_TAB)) || textsafe_kind(cp) == TEXTSAFE_OK)
			strbuf_add(out, s + i, got);
		else
			strbuf_add(out, "\xEF\xBF\xBD", 3); /* U+FFFD */
		i += got;
	}
	return i;
}

char *textsafe_out(const char *s, unsigned flags)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_add(&b, "", 0);
	if (s)
		textsafe_filter(&b, s, strlen(s), flags, 0);
	return strbuf_detach(&b);
}
