/* textfields: see textfields.h. */
#include "core/textfields.h"

#include <stdlib.h>

#include "core/i18n.h"

void textfields_free(const struct textfield *t, void *rec)
{
	for (; t->name; t++) {
		char **p = (char **)((char *)rec + t->off);

		free(*p);
		*p = NULL;
	}
}

/* The label is translated only for a message: a gettext call per field
 * was a twentieth of a large import. */
int textfields_check(const struct textfield *t, const void *rec, struct err *e)
{
	for (; t->name; t++) {
		const char *v = *(char *const *)((const char *)rec + t->off);

		if (t->cls == TEXTFIELD_OWN)
			continue;
		if (textsafe_check(v, t->cls, t->name, "", e) < 0)
			return textsafe_check(v, t->cls, t->name, _(t->label), e);
	}
	return 0;
}
