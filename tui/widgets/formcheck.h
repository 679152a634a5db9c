/* formcheck: the field checks several forms share (form_check_fn, see
 * tui/widgets/form.h).  Each calls the one rule of core/ for its kind of
 * value, names the field in the error, and puts the value back in its
 * canonical spelling.  The form calls a check only for a field that holds
 * something; ctx is not used. */
#ifndef DOORSTEP_FORMCHECK_H
#define DOORSTEP_FORMCHECK_H

#include "core/err.h"
#include "tui/widgets/form.h"

/* The choice of no ("0") or yes ("1") for form_add_enum. */
extern const struct enum_entry formcheck_yes_no[];

/* A whole number from lo to hi as a field holds it (digits, a sign): 0 with
 * *out set, or -1. */
int formcheck_int(const char *v, int lo, int hi, int *out);

/* A field check's body for a whole number from lo to hi in field name:
 * 0, or -1 with e naming the field and saying msg (already translated). */
int formcheck_range(const char *name, const char *v, int lo, int hi, const char *msg,
		    struct err *e);

/* A mainland mobile or landline number (core/phone), canonical. */
int formcheck_phone(void *ctx, struct form *f, const char *name, const char *v, struct err *e);

/* A temperature typed as 365, 36.5 or 37 (core/temperature), shown as 36.5. */
int formcheck_temp(void *ctx, struct form *f, const char *name, const char *v, struct err *e);

/* A time of day typed as 8:30, 0830 or 8 (core/clock), shown as 08:30. */
int formcheck_time(void *ctx, struct form *f, const char *name, const char *v, struct err *e);

/* A file's name, not a folder's (no / at the end). */
int formcheck_file_name(void *ctx, struct form *f, const char *name, const char *v, struct err *e);

#endif
