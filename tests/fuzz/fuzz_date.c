/* libFuzzer harness of date_parse_iso and date_parse_input: a parsed date is
 * formatted and must parse back to itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct date today = {2020, 2, 29};
	char *s = malloc(size + 1), out[DATE_STR];
	struct date d, back;
	struct err e;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse_iso(s, &d, &e) == 0) {
		date_format(&d, out);
		if (strcmp(out, s) != 0)
			abort();
	}
	if (date_parse_input(s, &today, &d, &e) == 0) {
		date_format(&d, out);
		if (date_parse_iso(out, &back, &e) != 0 || date_cmp(&d, &back) != 0)
			abort();
	}
	free(s);
	return 0;
}
