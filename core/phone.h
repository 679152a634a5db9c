/* phone: mainland telephone numbers as residents and staff give them.
 *
 * Two forms are accepted: a mobile number, 1[3-9] and 9 more digits, and a
 * landline with its area code (010 and 02x take 3 digits, all others 4), a
 * local number of 7 or 8 digits and an optional extension.  The canonical
 * text is `13812345678` and `0398-2812345` or `0398-2812345-801`.  A holder
 * of a passport or another document may give a number abroad
 * (`+49 30 1234567`, phone_parse_any). */
#ifndef DOORSTEP_PHONE_H
#define DOORSTEP_PHONE_H

#include <stddef.h>

#include "core/err.h"

/* Room for any canonical number and its NUL. */
#define PHONE_MAX 32

/* Parses a phone number typed by a user into its canonical text in out (n
 * bytes, PHONE_MAX is always enough).  Full-width forms are folded; spaces,
 * dashes, dots and brackets between digit groups are allowed; a +86, 0086 or
 * 86 prefix before a mobile number is dropped.  A landline typed as one run of
 * digits is split after its area code; one typed in groups is read as
 * area-number[-extension].  Returns 0, or -1 with a message in e (field
 * "phone") saying which rule failed. */
int phone_parse(const char *in, char *out, size_t n, struct err *e);

/* As phone_parse, and when abroad is set a number in another country too:
 * + or 00 and a country code other than 86, then digit groups, 8 to 15
 * digits in all (E.164); canonical `+49 30 1234567` (the groups as typed,
 * one space between).  abroad is for people whose document is not a
 * mainland ID card (phone_abroad_allowed). */
int phone_parse_any(const char *in, int abroad, char *out, size_t n, struct err *e);

/* 1 when a resident holding a document of idcard_type (enum idcard_type, or
 * -1 when unknown) may give a number abroad: any document but the mainland
 * resident ID card (a passport, the Hong Kong/Macao or Taiwan permits,
 * other). */
int phone_abroad_allowed(int idcard_type);

/* 1 when s is a canonical mobile number (11 digits, 1[3-9]...), else 0. */
int phone_is_mobile(const char *s);

#endif
