/* libFuzzer harness of temperature_parse: whatever parses is in range and
 * parses back from its formatted text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/temperature.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[8];
	int t, u;
	struct err e;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (temperature_parse(s, &t, &e) == 0) {
		if (t < TEMPERATURE_MIN || t > TEMPERATURE_MAX)
			abort();
		temperature_format(t, out);
		if (temperature_parse(out, &u, &e) != 0 || u != t)
			abort();
	}
	free(s);
	return 0;
}
