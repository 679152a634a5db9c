/* reskey: derived search columns of residents; see reskey.h. */
#include "core/reskey.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/pinyin.h"
#include "core/xalloc.h"

/* Past this many combinations a name of many polyphonic characters keeps
 * the first ones only: enough for every common name. */
#define MAX_VARIANTS 16

char *reskey_reverse_digits(const char *s)
{
	size_t n, o = 0;
	char *r;

	if (!s)
		return NULL;
	n = strlen(s);
	r = xmalloc(n + 1);
	for (size_t i = n; i-- > 0;) {
		unsigned char c = (unsigned char)s[i];

		if (isdigit(c) || c == 'X' || c == 'x')
			r[o++] = (char)toupper(c);
	}
	r[o] = '\0';
	if (o == 0) {
		free(r);
		return NULL;
	}
	return r;
}

void reskey_make(struct reskey *k, const char *name, const char *id_number, const char *phone)
{
	k->pinyin = pinyin_initials_variants(name ? name : "", MAX_VARIANTS);
	k->id_rev = reskey_reverse_digits(id_number);
	k->phone_rev = reskey_reverse_digits(phone);
}

void reskey_free(struct reskey *k)
{
	free(k->pinyin);
	free(k->id_rev);
	free(k->phone_rev);
	k->pinyin = k->id_rev = k->phone_rev = NULL;
}
