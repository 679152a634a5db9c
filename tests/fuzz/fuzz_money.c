/* libFuzzer harness of money_parse and quantity_parse: whatever parses must
 * stay in range and survive a format-parse round trip. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[MONEY_STR];
	long long v, w;
	struct err e;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (money_parse(s, &v, &e) == 0) {
		if (v < 0 || v > MONEY_MAX_FEN)
			abort();
		money_format(v, out, sizeof out);
		if (money_parse(out, &w, &e) != 0 || w != v)
			abort();
	}
	if (quantity_parse(s, &v, &e) == 0) {
		if (v < 0 || v > QUANTITY_MAX)
			abort();
		quantity_format(v, out, sizeof out);
		if (quantity_parse(out, &w, &e) != 0 || w != v)
			abort();
	}
	free(s);
	return 0;
}
