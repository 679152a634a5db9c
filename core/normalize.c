/* normalize: full-width to ASCII folding; see normalize.h. */
#include "core/normalize.h"

#include <string.h>

#include "core/xalloc.h"

static int is_trim_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *normalize_fullwidth(const char *s)
{
	const unsigned char *p;
	char *out;
	size_t o = 0, start, end;

	if (!s)
		s = "";
	/* Folding only ever shrinks the text (3 bytes become 1). */
	out = xmalloc(strlen(s) + 1);
	for (p = (const unsigned char *)s; *p;) {
		/* U+FF01..U+FF3F is EF BC 81..BF, U+FF40..U+FF5E is EF BD 80..9E. */
		if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF) {
			out[o++] = (char)(p[2] - 0x81 + 0x21);
			p += 3;
		} else if (p[0] == 0xEF && p[1] == 0xBD && p[2] >= 0x80 && p[2] <= 0x9E) {
			out[o++] = (char)(p[2] - 0x80 + 0x60);
			p += 3;
		} else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
			out[o++] = ' ';
			p += 3;
		} else {
			out[o++] = (char)*p++;
		}
	}
	out[o] = '\0';
	for (start = 0; is_trim_space(out[start]); start++)
		;
	for (end = o; end > start && is_trim_space(out[end - 1]); end--)
		;
	memmove(out, out + start, end - start);
	out[end - start] = '\0';
	return out;
}
