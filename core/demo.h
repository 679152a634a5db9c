/* demo: the pure half of `doorstep demo`: a seeded random generator and the
 * people it makes up (Chinese names, ID numbers, phones, household codes).
 *
 * Everything comes from one xoshiro256** generator seeded from the user's
 * seed, so one seed always gives the same community, UUIDs included; the
 * database half (db/demo.c) decides what to write and calls these in a fixed
 * order.  No I/O here. */
#ifndef DOORSTEP_DEMO_H
#define DOORSTEP_DEMO_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

struct demo_rng {
	uint64_t s[4];
};

/* Seeds the generator (splitmix64 of seed). */
void demo_rng_seed(struct demo_rng *r, uint64_t seed);
/* The next 64 random bits. */
uint64_t demo_rng_next(struct demo_rng *r);
/* A number in [0, n) (0 when n <= 0). */
int demo_rng_below(struct demo_rng *r, int n);
/* A number in [lo, hi]. */
int demo_rng_range(struct demo_rng *r, int lo, int hi);
/* 1 with probability permille / 1000. */
int demo_rng_chance(struct demo_rng *r, int permille);

/* A version 7 UUID (RFC 9562): the 48-bit Unix time in milliseconds unix_ms,
 * then 74 bits from the generator.  Callers pass a growing unix_ms so that
 * UUIDs sort in creation order: a bulk insert then appends to the uuid
 * indexes instead of writing all over them. */
void demo_rng_uuid7(struct demo_rng *r, uint64_t unix_ms, char out[37]);

/* A surname (one or two characters, weighted like the common ones, now and
 * then a rare one). */
const char *demo_surname(struct demo_rng *r);

/* Writes surname + a given name of one or two characters fitting sex ('M' or
 * 'F') into out (n bytes; 32 is always enough).  About one name in 150 holds a
 * rare character such as 䶮 or 𫖮 (outside the BMP). */
void demo_name(struct demo_rng *r, const char *surname, char sex, char *out, size_t n);

/* The 18-character resident ID number (GB 11643, with its check character)
 * of someone born on birth of sex ('M': odd sequence digit, 'F': even) in
 * region (6 digits), with a random sequence.  out needs 19 bytes. */
void demo_id_number(struct demo_rng *r, const char *region, const struct date *birth, char sex,
		    char out[19]);

/* A region code from the generator's small list of real-looking ones. */
const char *demo_region(struct demo_rng *r);

/* A mainland mobile number, 1[3-9] + 9 digits.  out needs 12 bytes. */
void demo_phone(struct demo_rng *r, char out[12]);

/* Writes n (1-999) in Chinese numerals (一, 十二, 一百零五 ...) into out. */
void demo_cn_number(int n, char *out, size_t size);

/* A set of 64-bit keys (ID numbers as numbers) to keep generated ID numbers
 * unique. */
struct demo_set {
	uint64_t *slots;
	size_t cap, used;
};

/* Adds key; returns 1 when it was new, 0 when already present. */
int demo_set_add(struct demo_set *s, uint64_t key);
void demo_set_free(struct demo_set *s);

/* The digits of an ID number as a key for demo_set (X counts as 10). */
uint64_t demo_id_key(const char id[18]);

#endif
