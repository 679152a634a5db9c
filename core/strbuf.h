/* strbuf: a growable NUL-terminated byte string. */
#ifndef DOORSTEP_STRBUF_H
#define DOORSTEP_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *s;    /* always NUL-terminated once anything was added; may be NULL before */
	size_t len; /* bytes before the NUL */
	size_t cap;
};

#define STRBUF_INIT {NULL, 0, 0}

void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char c);
void strbuf_printf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Empties the string, keeping the memory. */
void strbuf_reset(struct strbuf *b);
/* The text, "" when nothing was added (never NULL). */
const char *strbuf_str(const struct strbuf *b);
/* Hands the malloc'd text to the caller (never NULL) and empties b. */
char *strbuf_detach(struct strbuf *b);
void strbuf_free(struct strbuf *b);

#endif
