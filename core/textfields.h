/* textfields: the text fields a record owns, listed once per record kind.
 *
 * A record (struct household, struct resident, struct settings) owns its
 * texts as heap strings.  Its table says where each one is, what a message
 * calls it and what it may hold; freeing the record and checking its texts
 * (textsafe) both walk the same table, so a field added to the struct and
 * its table is freed and checked, and one left out of the table shows as a
 * leak in the sanitizer tests. */
#ifndef DOORSTEP_TEXTFIELDS_H
#define DOORSTEP_TEXTFIELDS_H

#include <stddef.h>

#include "core/err.h"
#include "core/textsafe.h"

/* What a field is checked as: a textsafe class, or TEXTFIELD_OWN for a text
 * the record owns but textfields_check leaves alone: a read-only join filled
 * from other tables, or a value with a check of its own (a folder). */
#define TEXTFIELD_OWN (-1)

struct textfield {
	const char *name;  /* the record's field (its column), NULL ends the table */
	const char *label; /* msgid naming it in a message (NULL: TEXTFIELD_OWN) */
	size_t off;	   /* offsetof the char * in the record */
	int cls;	   /* enum textsafe_class, or TEXTFIELD_OWN */
};

/* A table row: TEXTFIELD(struct household, code, N_("household code"), TEXTSAFE_LINE). */
#define TEXTFIELD(type, field, label, cls) {#field, label, offsetof(type, field), cls}

/* Frees every text of rec that t lists and sets it to NULL. */
void textfields_free(const struct textfield *t, void *rec);

/* Checks every text of rec that t lists with a textsafe class, in table
 * order (textsafe_check; NULL is ""): 0, or -1 with e naming the first
 * field refused and the character. */
int textfields_check(const struct textfield *t, const void *rec, struct err *e);

#endif
