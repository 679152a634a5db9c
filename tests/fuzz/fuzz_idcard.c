/* libFuzzer harness of idcard_parse (every document type), and of the
 * normaliser it runs first.  A parsed resident number must parse again to
 * itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct date today = {2020, 2, 15};
	char *s = malloc(size + 1);
	struct idcard c, again;
	struct err e;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	for (int t = IDCARD_RESIDENT; t <= IDCARD_OTHER; t++) {
		if (idcard_parse(s, (enum idcard_type)t, &today, &c, &e) != 0)
			continue;
		if (idcard_parse(c.number, (enum idcard_type)t, &today, &again, &e) != 0 ||
		    strcmp(c.number, again.number) != 0)
			abort();
		if (t == IDCARD_RESIDENT && (strlen(c.number) != 18 || c.sex == 0))
			abort();
	}
	free(s);
	return 0;
}
