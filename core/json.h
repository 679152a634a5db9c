/* json: building the small JSON objects the audit log stores ("what
 * changed": {"field": value} or {"field": [old, new]}). */
#ifndef DOORSTEP_JSON_H
#define DOORSTEP_JSON_H

#include "core/strbuf.h"

/* Appends a JSON string literal for v (NULL gives null). */
void json_quote(struct strbuf *b, const char *v);

/* Object members: each appends `"key":value` with a comma when needed.  Call
 * json_open first and json_close last. */
void json_open(struct strbuf *b);
void json_close(struct strbuf *b);
void json_add_str(struct strbuf *b, const char *key, const char *v);
void json_add_int(struct strbuf *b, const char *key, long long v);
/* `"key":[old,new]` for an update; strings, NULL as null. */
void json_add_change(struct strbuf *b, const char *key, const char *old_v, const char *new_v);

#endif
