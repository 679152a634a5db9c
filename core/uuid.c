/* uuid: version 4 UUIDs; see uuid.h. */
#include "core/uuid.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

static void format(uint8_t b[16], int version, char out[UUID_STR])
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	b[6] = (uint8_t)((b[6] & 0x0f) | (version << 4));
	b[8] = (uint8_t)((b[8] & 0x3f) | 0x80);
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 15];
	}
	out[o] = '\0';
}

void uuid_from_bytes(const uint8_t in[16], char out[UUID_STR])
{
	uint8_t b[16];

	memcpy(b, in, 16);
	format(b, 4, out);
}

void uuid_v7_from(uint64_t unix_ms, const uint8_t rnd[10], char out[UUID_STR])
{
	uint8_t b[16];

	for (int i = 0; i < 6; i++)
		b[i] = (uint8_t)(unix_ms >> (8 * (5 - i)));
	memcpy(b + 6, rnd, 10);
	format(b, 7, out);
}

/* Fills b from getrandom; without an entropy source, mixes time and pid
 * rather than fail a write. */
static void random_bytes(uint8_t *b, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom(b + got, n - got, 0);

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (got < n) {
		struct timespec ts;
		uint64_t x;

		clock_gettime(CLOCK_REALTIME, &ts);
		x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid();
		for (size_t i = got; i < n; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			b[i] = (uint8_t)x;
		}
	}
}

/* Random bytes are drawn from the system a pool at a time: one getrandom
 * call per record was a tenth of a bulk import.  A child process (fork)
 * draws its own pool, never its parent's leftovers: the pool is emptied in
 * the child by a fork handler (one getpid() per UUID was 2 % of an import). */
#define POOL_BYTES 4096

static uint8_t pool[POOL_BYTES];
static size_t left;

static void pool_forget(void)
{
	memset(pool, 0, sizeof pool);
	left = 0;
}

static void pool_bytes(uint8_t *b, size_t n)
{
	static int registered;

	if (!registered) {
		pthread_atfork(NULL, NULL, pool_forget);
		registered = 1;
	}
	if (left < n) {
		random_bytes(pool, sizeof pool);
		left = sizeof pool;
	}
	memcpy(b, pool + sizeof pool - left, n);
	/* Bytes handed out are not kept. */
	memset(pool + sizeof pool - left, 0, n);
	left -= n;
}

void uuid_v4(char out[UUID_STR])
{
	uint8_t b[16];

	pool_bytes(b, sizeof b);
	uuid_from_bytes(b, out);
}

void uuid_v7(char out[UUID_STR])
{
	uint8_t rnd[10];
	struct timespec ts;

	pool_bytes(rnd, sizeof rnd);
	clock_gettime(CLOCK_REALTIME, &ts);
	uuid_v7_from((uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000, rnd, out);
}
