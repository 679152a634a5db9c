/* uuid: version 4 UUIDs; see uuid.h. */
#include "core/uuid.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

void uuid_from_bytes(const uint8_t in[16], char out[UUID_STR])
{
	uint8_t b[16];
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	memcpy(b, in, 16);
	b[6] = (uint8_t)((b[6] & 0x0f) | 0x40);
	b[8] = (uint8_t)((b[8] & 0x3f) | 0x80);
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 15];
	}
	out[o] = '\0';
}

void uuid_v4(char out[UUID_STR])
{
	uint8_t b[16];
	size_t got = 0;

	while (got < sizeof b) {
		ssize_t r = getrandom(b + got, sizeof b - got, 0);

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (got < sizeof b) {
		/* No entropy source: mix time and pid rather than fail a write. */
		struct timespec ts;
		uint64_t x;

		clock_gettime(CLOCK_REALTIME, &ts);
		x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid();
		for (size_t i = got; i < sizeof b; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			b[i] = (uint8_t)x;
		}
	}
	uuid_from_bytes(b, out);
}
