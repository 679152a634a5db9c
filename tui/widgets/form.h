/* form: a dialog of labelled fields that is written only when all are valid.
 *
 * A screen builds a form, adds fields, and pushes it (form_push); the form
 * then lives on the stack as a modal screen and frees itself when it closes.
 *
 * Fields: text (edited with core/lineedit), number (text limited to digits,
 * '.', '-', ':'), date (any form date_parse_input takes; shown and handed
 * back as ISO YYYY-MM-DD), enumeration (a core/model.h table: first letter
 * or digit selects, Space or Enter opens the pick-list, Left/Right cycle),
 * and read-only lines.
 *
 * Each field is checked when the user leaves it: a required field must not
 * be empty, a date must parse, then the field's check callback runs.  A
 * refused field is marked and the reason shown in the status line.  Submit
 * (Enter on the last field, or F10 anywhere) checks every field again and,
 * only when all pass, calls the form's submit callback; that callback
 * writes (in one transaction) and returns 0 to close the form, or -1 with e
 * filled to keep it open (e->field, when it names a field, marks and
 * focuses that field).  Esc cancels (asking first when input would be lost).
 *
 *	struct form *f = form_new(_("New household"), st);
 *	form_add_text(f, "code", N_("Code"), "", 32, FORM_REQUIRED, check_code);
 *	form_add_enum(f, "relation", N_("Relation"), model_relation, "head", 0);
 *	form_add_date(f, "birth", N_("Birth date"), NULL, 0, NULL);
 *	form_push(s->app, f, save_household, NULL);  (f now belongs to the stack)
 *
 * Keys: Tab/Down next field, S-Tab/Up previous, Enter next (saves on the
 * last), F10 saves, Esc cancels; text fields take every printable key, so
 * digits and `q` are text there.  A paste (tui/widgets/paste.h) goes into the
 * focused text, number or date field whole or not at all; on an
 * enumeration it is dropped.
 *
 * In the callbacks, form_value(f, "code") is the field's current text. */
#ifndef DOORSTEP_FORM_H
#define DOORSTEP_FORM_H

#include <stddef.h>

#include "core/err.h"
#include "core/model.h"

struct app;
struct form;

enum form_field_flag {
	FORM_REQUIRED = 1 << 0, /* empty is refused with "<label> is required" */
	FORM_SECRET = 1 << 1,	/* reserved: drawn masked */
	FORM_MULTILINE = 1 << 2, /* a text field that keeps line breaks (notes): pasted
				  * ones stay, drawn as ↵; elsewhere they become spaces */
};

/* Checks (and may normalise) a field's value when the field is left and
 * before submit.  value is the current text (UTF-8, trimmed).  Returns 0, or
 * -1 with e filled (the message is shown as is).  It may call form_set to
 * replace the text with a normalised one (full-width digits ...). */
typedef int (*form_check_fn)(void *ctx, struct form *f, const char *name, const char *value,
			     struct err *e);

/* Called on submit when every field passed.  Writes, then returns 0 (the
 * form closes and every screen refreshes) or -1 with e filled (the form
 * stays open). */
typedef int (*form_submit_fn)(void *ctx, struct form *f, struct err *e);

/* Called once when the form closes: saved is 1 after a successful submit,
 * 0 when it was cancelled (Esc) or the program is quitting.  The place to
 * free ctx when the caller allocated it; it must not push screens.
 * Optional. */
typedef void (*form_close_fn)(void *ctx, int saved);

/* The close of a form whose ctx is one malloc'd block: frees it. */
void form_close_free(void *ctx, int saved);

/* A new empty form with a title (copied; already translated).  ctx is
 * handed to every callback. */
struct form *form_new(const char *title, void *ctx);

/* Adding fields.  name is the key for form_value and err.field (a static
 * string); label an English msgid, translated when drawn; initial may be
 * NULL.  max_chars 0 means no limit. */
void form_add_text(struct form *f, const char *name, const char *label, const char *initial,
		   int max_chars, unsigned flags, form_check_fn check);
void form_add_number(struct form *f, const char *name, const char *label, const char *initial,
		     int max_chars, unsigned flags, form_check_fn check);
/* A date field: initial is ISO or NULL; the value handed back is ISO. */
void form_add_date(struct form *f, const char *name, const char *label, const char *initial,
		   unsigned flags, form_check_fn check);
/* An enumeration: table ends with {NULL}; initial is a code or NULL (no
 * choice; refused on submit when FORM_REQUIRED). */
void form_add_enum(struct form *f, const char *name, const char *label,
		   const struct enum_entry *table, const char *initial, unsigned flags);
/* A line shown but not edited (e.g. the station code). */
void form_add_readonly(struct form *f, const char *name, const char *label, const char *value);

/* Reveals a secret field's whole value: called before it is first shown
 * (the audit of the reveal).  Returns 0 to show it, or -1 with e filled. */
typedef int (*form_reveal_fn)(void *ctx, struct form *f, const char *name, struct err *e);

/* Makes text field name a secret (an ID number, a phone): while it holds
 * its initial value it is drawn masked by mask (core/mask.h).  The first key
 * that needs the whole value on screen (moving or deleting in the field)
 * calls reveal first and shows it only when reveal returns 0; typing or
 * pasting first replaces the value without showing it, and ^U clears it;
 * neither reveals.  An empty initial value is never secret. */
void form_set_secret(struct form *f, const char *name, void (*mask)(const char *, char *, size_t),
		     form_reveal_fn reveal);

/* Called after the user changed an enumeration field (name is the
 * field's); it may form_set other fields and push a dialog. */
typedef void (*form_change_fn)(void *ctx, struct form *f, const char *name);

/* Sets the form's change callback (one per form; NULL for none). */
void form_on_change(struct form *f, form_change_fn fn);

/* Pushes the form as a modal screen over the current one.  The form belongs
 * to the stack from now on (freed when it closes; do not keep f).  Returns
 * 0, or -1 (the form was freed). */
int form_push(struct app *app, struct form *f, form_submit_fn submit, form_close_fn close);

/* The field's current value: text as typed (trimmed), a date as ISO once
 * valid (else as typed), an enumeration's code ("" when none).  Never NULL
 * for a field that exists; NULL for an unknown name.  The string belongs to
 * the form and stays valid until that field changes. */
const char *form_value(const struct form *f, const char *name);
/* Frees *dst and sets it to a copy of the field's text (the caller owns it),
 * or NULL when the field is empty: a record's optional text from a form. */
void form_value_take(const struct form *f, const char *name, char **dst);

/* Replaces a field's text (an enumeration takes a code). */
void form_set(struct form *f, const char *name, const char *value);

/* 1 when any field differs from its initial value. */
int form_dirty(const struct form *f);

/* Frees a form that was never pushed; sets *f to NULL. */
void form_free(struct form **f);

#endif
