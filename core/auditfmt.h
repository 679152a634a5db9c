/* auditfmt: the "what changed" JSON of the audit log as readable text.
 *
 * db_audit stores {"field": value} for an insert and {"field": [old, new]}
 * for an update (core/json.h).  The history view shows them as
 * `field: value` and `field: old → new`, ID numbers and phones masked as
 * everywhere else (docs/design.md#rules: the history is no way around the masking).
 * Only that shape is understood; anything else is shown as it is. */
#ifndef DOORSTEP_AUDITFMT_H
#define DOORSTEP_AUDITFMT_H

#include "core/strbuf.h"

/* Appends the changes to out, one `field: …` item per member, items joined
 * by sep ("; " on a list row, "\n" in a detail view).  null shows as "—",
 * an empty string as "\"\"".  Returns the number of members, or -1 when the
 * text is not a JSON object of that shape (then the text is appended as
 * it is). */
int auditfmt_changes(const char *json, const char *sep, struct strbuf *out);

/* How a screen words fields and values in its language: field returns the
 * name to show for a field (or NULL: the field as stored); value the text
 * to show for a stored string value of field (or NULL: as stored).  Masked
 * fields are never given to value. */
struct auditfmt_words {
	const char *(*field)(const char *field, void *ctx);
	const char *(*value)(const char *field, const char *value, void *ctx);
	void *ctx;
};

/* As auditfmt_changes, fields and values worded by w (NULL: as stored). */
int auditfmt_changes_as(const char *json, const char *sep, const struct auditfmt_words *w,
			struct strbuf *out);

/* The audit members that name another record, and by what: every one is
 * that record's UUID (integer ids differ between the machines whose files
 * merge), null, "" (none) or [old,new] of those.  key is the member;
 * table the records' table, NULL when it varies (the row's own table). */
struct auditfmt_ref {
	const char *key, *table;
};

/* The reference member key, or NULL when key names no record. */
const struct auditfmt_ref *auditfmt_ref_find(const char *key);

/* 1 when v can be a record's UUID as stored: a text, not a number (a
 * local id, which means another record on another machine). */
int auditfmt_is_ref(const char *v);

/* Checks that every reference member of json (auditfmt_ref_find) holds
 * what it must: 0 yes (also for a text that is no JSON object: nothing
 * names a record there); -1 no, with the member's key in bad. */
int auditfmt_refs_check(const char *json, struct strbuf *bad);

#endif
