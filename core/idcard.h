/* idcard: identity documents of residents, above all the resident ID number.
 *
 * A mainland resident ID number (居民身份证号, GB 11643-1999) is 18 characters:
 * a 6-digit region code, the birth date YYYYMMDD, a 3-digit sequence whose last
 * digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check
 * character (0-9 or X).  Old cards carry 15 digits (YYMMDD in the 1900s, no
 * check character); they are upgraded to 18 on entry.  Other documents
 * (passport, Hong Kong/Macau and Taiwan permits) are stored as typed, only
 * checked for plausible characters and length. */
#ifndef DOORSTEP_IDCARD_H
#define DOORSTEP_IDCARD_H

#include "core/date.h"
#include "core/err.h"

enum idcard_type {
	IDCARD_RESIDENT, /* 居民身份证 */
	IDCARD_PASSPORT, /* 护照 */
	IDCARD_HKMO,	 /* 港澳居民来往内地通行证 */
	IDCARD_TW,	 /* 台湾居民来往大陆通行证 */
	IDCARD_OTHER,
};

struct idcard {
	enum idcard_type type;
	char number[40];   /* canonical: 18 upper-case characters for a resident ID */
	struct date birth; /* {0,0,0} when the document does not carry it */
	char sex;	   /* 'M', 'F', or 0 when unknown */
};

/* Parses a document number of the given type typed by a user.
 *
 * For IDCARD_RESIDENT the input is folded from full-width forms, spaces are
 * removed and a lower-case x is upper-cased; then, in this order, it must be
 * made of digits (X allowed last), be 18 characters long (or 15 for an old
 * card, upgraded to 18 with "19" before the year and a computed check
 * character), have a region code whose first digit is 1-8, a real birth date
 * from 1900 on and not after `today` (no future check when today is NULL), and
 * the right check character.  Birth date and sex are derived.
 *
 * Other types: the input is folded, trimmed and upper-cased and must be 5 to
 * 20 characters of A-Z, 0-9, '(', ')' and '-'; birth and sex stay unknown.
 *
 * Returns 0 with *out filled, or -1 with e naming the failed rule (field
 * "id_number"), e.g. "ID number: check digit should be 7, not 5". */
int idcard_parse(const char *input, enum idcard_type type, const struct date *today,
		 struct idcard *out, struct err *e);

/* The check character of the first 17 characters of a resident ID number:
 * '0'..'9' or 'X'; -1 when one of the 17 is not a digit. */
int idcard_checksum_char(const char first17[17]);

/* Short English code stored in the database: "id", "passport", "hkmo", "tw",
 * "other" ("other" for an out-of-range value). */
const char *idcard_type_code(enum idcard_type type);

/* The type for a code written by idcard_type_code, or -1 when unknown. */
int idcard_type_from_code(const char *code);

/* Age in whole years on date `on` of someone born on `birth` (a 29 February
 * birthday falls on 1 March in common years); -1 when on is before birth. */
int idcard_age_on(const struct date *birth, const struct date *on);

#endif
