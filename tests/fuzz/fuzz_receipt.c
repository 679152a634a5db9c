/* libFuzzer harness of receipt_parse: a parsed number formats and parses
 * back to the same parts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/receipt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[RECEIPT_MAX], st, st2;
	int y, q, y2, q2;
	struct err e;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (receipt_parse(s, &y, &st, &q, &e) == 0) {
		if (receipt_format(y, st, q, out, sizeof out) != 0 ||
		    receipt_parse(out, &y2, &st2, &q2, &e) != 0 || y != y2 || st != st2 || q != q2)
			abort();
	}
	receipt_station_valid(s, &e);
	free(s);
	return 0;
}
