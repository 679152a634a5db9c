/* mask: what an ID number or a phone number shows by default.
 *
 * On screen, on paper and in exports an ID number shows its first 6 and last 4
 * characters (411202********1234) and a mobile number its first 3 and last 4
 * (138****5678), unless a user reveals the full value, which is audited. */
#ifndef DOORSTEP_MASK_H
#define DOORSTEP_MASK_H

#include <stddef.h>

/* Writes the masked form of an ID or document number into out (n bytes; a
 * short buffer truncates, never splitting a character).  From 15 characters
 * on: first 6, one '*' per hidden character, last 4.  Shorter values keep at
 * most a third visible, split between the start and the end and never more
 * than 3 at the start and 4 at the end (E12345678 → E******78).  Characters,
 * not bytes, are counted; the result is never longer than the value, so
 * strlen(value) + 1 bytes always hold it whole.  NULL or "" gives "". */
void mask_id(const char *id, char *out, size_t n);

/* Writes the masked form of a phone number into out (n bytes).  A mobile
 * number keeps its first 3 and last 4 digits (138****5678); a canonical
 * landline keeps its area code, its last 3 digits (7-digit numbers) or 4
 * (8-digit numbers) and its extension (0398-****345, 010-****5678-801);
 * anything else keeps at most a third visible, as mask_id. */
void mask_phone(const char *phone, char *out, size_t n);

/* A masking function: writes the masked form of in into out (n bytes). */
typedef void (*mask_fn)(const char *in, char *out, size_t n);

/* How the values of a record's field are shown by default
 * (docs/design.md#rules): mask_id for
 * "id_number", mask_phone for "phone" and "household_phone", NULL (in
 * full) for any other field. */
mask_fn mask_for_field(const char *field);

struct strbuf;

/* Appends the masked form of value (fn: mask_id, mask_phone or a field's
 * mask_for_field) to out, whole however long it is.  NULL or "" appends
 * nothing. */
void mask_append(mask_fn fn, const char *value, struct strbuf *out);

#endif
