/* libFuzzer harness of pass numbers (core/passno) as typed or scanned at the
 * gate.  A number passno_parse accepts is 8 ASCII digits whose check digit
 * is right, parses again to itself, and is what passno_make writes for its
 * station and sequence (sequence 0 excepted); any single mistyped digit of
 * it is refused. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/passno.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[PASSNO_STR], again[PASSNO_STR], made[PASSNO_STR];
	struct err e;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	(void)passno_check_digit(s, size);
	if (passno_parse(s, out, &e) == 0) {
		long seq = passno_seq(out);
		int station = (out[0] - '0') * 10 + (out[1] - '0');

		if (strlen(out) != 8 || strspn(out, "0123456789") != 8)
			abort();
		if (passno_check_digit(out, 7) != out[7])
			abort();
		if (passno_parse(out, again, &e) != 0 || strcmp(out, again) != 0)
			abort();
		if (station < 1 || station > 26)
			abort();
		/* sequence 00000 is never issued, but reads (and finds no pass) */
		if (seq > 0 && (passno_make((char)('A' + station - 1), seq, made, &e) != 0 ||
				strcmp(made, out) != 0))
			abort();
		for (int i = 0; i < 8; i++) {
			char typo[PASSNO_STR];

			memcpy(typo, out, sizeof typo);
			typo[i] = (char)('0' + (out[i] - '0' + 1 + data[0] % 9) % 10);
			if (passno_parse(typo, again, &e) == 0)
				abort();
		}
	}
	free(s);
	return 0;
}
