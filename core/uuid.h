/* uuid: random RFC 4122 version 4 identifiers, the records' merge keys. */
#ifndef DOORSTEP_UUID_H
#define DOORSTEP_UUID_H

#include <stdint.h>

#define UUID_STR 37 /* 36 characters and NUL */

/* Writes a fresh UUID from the system's random source (getrandom). */
void uuid_v4(char out[UUID_STR]);

/* Writes a UUID whose 128 bits come from the caller's generator: demo uses it
 * so that one seed always gives the same community. */
void uuid_from_bytes(const uint8_t bytes[16], char out[UUID_STR]);

#endif
