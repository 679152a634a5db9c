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

#endif
