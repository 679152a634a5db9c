/* hhfmt: how the household screens show values: enumeration codes as
 * translated labels, tags, masked or revealed numbers, temperatures. */
#ifndef DOORSTEP_HHFMT_H
#define DOORSTEP_HHFMT_H

#include "core/model.h"
#include "core/strbuf.h"

/* Appends the translated label of code in table (the code itself when
 * unknown, nothing for NULL or ""). */
void hhfmt_enum(const struct enum_entry *table, const char *code, struct strbuf *out);

/* Appends the translated labels of comma-separated codes (tags, symptoms),
 * each once, joined by a translated ", ". */
void hhfmt_codes(const struct enum_entry *table, const char *codes, struct strbuf *out);

/* Appends an ID number (is_id) or phone masked (core/mask), or whole when
 * revealed.  Nothing for NULL. */
void hhfmt_secret(const char *value, int is_id, int revealed, struct strbuf *out);

/* The records whose ID number or phone a screen shows whole (revealed, and
 * audited, there): the last HHFMT_REVEAL_MAX, the oldest masked again when
 * more come.  Starts zeroed. */
#define HHFMT_REVEAL_MAX 64
struct hhfmt_reveals {
	long long id[HHFMT_REVEAL_MAX];
	int n;
};

/* 1 when record id is revealed in r. */
int hhfmt_revealed(const struct hhfmt_reveals *r, long long id);

/* Adds record id to r (not already in it). */
void hhfmt_reveal(struct hhfmt_reveals *r, long long id);

/* Appends tenths of a degree as "36.5" ("-" for a negative value). */
void hhfmt_temp(int tenths, struct strbuf *out);

/* Turns tag text as typed ("独居老人、慢性病", "elderly living alone,
 * chronic", codes) into comma-separated codes in *codes (malloc'd).
 * Returns 0, or -1 with *bad (malloc'd) naming the first unknown tag. */
int hhfmt_parse_tags(const char *text, char **codes, char **bad);

#endif
