/* uuid: the records' merge keys.
 *
 * New records get version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds
 * then 74 random bits.  They are as unique as random ones for merging
 * machines, and because they grow with time the uuid indexes take each new
 * key at their right edge instead of at a random page: a bulk import writes
 * several times faster. */
#ifndef DOORSTEP_UUID_H
#define DOORSTEP_UUID_H

#include <stdint.h>

#define UUID_STR 37 /* 36 characters and NUL */

/* Writes a fresh UUID from the system's random source (getrandom). */
void uuid_v4(char out[UUID_STR]);

/* Writes a fresh version 7 UUID: the clock's milliseconds and 74 bits
 * from the system's random source. */
void uuid_v7(char out[UUID_STR]);

/* Writes the version 7 UUID of unix_ms and the 10 bytes of rnd (of which
 * 74 bits are used): demo passes its seeded generator's bytes. */
void uuid_v7_from(uint64_t unix_ms, const uint8_t rnd[10], char out[UUID_STR]);

/* Writes a UUID whose 128 bits come from the caller's generator: demo uses it
 * so that one seed always gives the same community. */
void uuid_from_bytes(const uint8_t bytes[16], char out[UUID_STR]);

#endif
