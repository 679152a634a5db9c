/* identity: a resident's sex and birth date agree with the resident ID
 * number they carry.  The number holds both (idcard.h); a record whose sex
 * or birth date says otherwise is refused on save and in a merge, and
 * `check` lists the ones stored before the rule. */
#ifndef DOORSTEP_IDENTITY_H
#define DOORSTEP_IDENTITY_H

#include "core/err.h"

/* Compares sex ("M", "F"; NULL or "" when unknown) and birth_date (ISO;
 * NULL or "" when unknown) with what id_number gives when id_type is "id"
 * (NULL counts as "id").  Returns 0 when they agree or there is nothing to
 * compare (another document, an empty or invalid number, empty sex and
 * birth date), 1 when they contradict: e names the field ("sex" or
 * "birth_date") and both values, e.g. "sex 男 contradicts the ID number,
 * which gives 女".  The sex is checked first. */
int identity_check(const char *id_type, const char *id_number, const char *sex,
		   const char *birth_date, struct err *e);

#endif
