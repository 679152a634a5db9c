/* roster_headers: the table of column titles a roster's header row is
 * mapped through (data/roster_headers.txt), and the matching form of a title.
 * Part of the roster (core/roster.h includes this); the field numbers are
 * enum roster_field's. */
#ifndef DOORSTEP_ROSTER_HEADERS_H
#define DOORSTEP_ROSTER_HEADERS_H

#include <stddef.h>

#include "core/err.h"

struct roster_headers;

/* Parses the text of a synonym table (format in data/roster_headers.txt).
 * Returns 0 with *out (free with roster_headers_free), or -1 with e naming
 * the line (unknown field, title listed twice, no "="). */
int roster_headers_parse(const char *text, struct roster_headers **out, struct err *e);

/* Reads and parses the table at path. */
int roster_headers_load(const char *path, struct roster_headers **out, struct err *e);

void roster_headers_free(struct roster_headers **h);

/* The field a column title maps to, ROSTER_IGNORE for a known column that
 * is not imported, or -1 when unknown. */
int roster_headers_lookup(const struct roster_headers *h, const char *title);

/* Writes into out (n bytes) the matching form of a title: ASCII and
 * ideographic spaces, _ - * . : and the full-width colon removed, full-width
 * ASCII folded, letters lower-cased. */
void roster_title_key(const char *title, char *out, size_t n);

#endif
