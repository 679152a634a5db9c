/* libFuzzer harness of phone_parse, phone_parse_any and mask_phone: a
 * canonical number parses to itself, and masking never overflows a small
 * buffer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mask.h"
#include "core/phone.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[PHONE_MAX], again[PHONE_MAX], small[7], masked[PHONE_MAX];
	struct err e;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	mask_phone(s, small, sizeof small);
	mask_id(s, small, sizeof small);
	if (phone_parse(s, out, sizeof out, &e) == 0) {
		if (phone_parse(out, again, sizeof again, &e) != 0 || strcmp(out, again) != 0)
			abort();
		mask_phone(out, masked, sizeof masked);
		if (strlen(masked) != strlen(out))
			abort();
	}
	/* abroad: canonical parses to itself; masked, as wide as a mobile */
	if (phone_parse_any(s, 1, out, sizeof out, &e) == 0) {
		if (phone_parse_any(out, 1, again, sizeof again, &e) != 0 || strcmp(out, again) != 0)
			abort();
		mask_phone(out, masked, sizeof masked);
		if (out[0] == '+' && strlen(masked) != 11)
			abort();
	}
	free(s);
	return 0;
}
