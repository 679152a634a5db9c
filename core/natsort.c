/* natsort: natural order through a byte-comparable key; see natsort.h. */
#include "core/natsort.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

char *natsort_key(const char *code)
{
	size_t n = strlen(code);
	/* A digit run of length L becomes at most 1 + L bytes, plus room for very
	 * long runs that take several length bytes. */
	char *key = xmalloc(2 * n + 2);
	size_t o = 0;
	const char *p = code;

	while (*p) {
		if (isdigit((unsigned char)*p)) {
			const char *start;
			size_t len;

			while (*p == '0' && isdigit((unsigned char)p[1]))
				p++;
			start = p;
			while (isdigit((unsigned char)*p))
				p++;
			len = (size_t)(p - start);
			/* The length is written with digit bytes, so that a number
			 * sorts against a letter or a separator as a digit does
			 * (a letter used as length once put "1" between "A" and
			 * "B").  Runs longer than 9 digits take a prefix of '9's. */
			while (len > 9) {
				key[o++] = '9';
				len -= 9;
			}
			key[o++] = (char)('0' + len - 1);
			len = (size_t)(p - start);
			memcpy(key + o, start, len);
			o += len;
		} else {
			unsigned char c = (unsigned char)*p++;

			/* Separators sort below digits so that "3-2" < "3-10". */
			key[o++] = (char)(c < 128 ? tolower(c) : c);
		}
	}
	key[o] = '\0';
	return key;
}

int natsort_cmp(const char *a, const char *b)
{
	char *ka = natsort_key(a), *kb = natsort_key(b);
	int r = strcmp(ka, kb);

	if (r == 0)
		r = strcmp(a, b);
	free(ka);
	free(kb);
	return r;
}
