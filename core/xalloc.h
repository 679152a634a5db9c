/* xalloc: allocation that never returns NULL.
 *
 * Running out of memory is the only fatal error in doorstep.  Before aborting,
 * the functions call the hook set with xalloc_set_fatal_hook (the TUI uses it
 * to restore the terminal), then print a message to stderr and abort(). */
#ifndef DOORSTEP_XALLOC_H
#define DOORSTEP_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Returns a malloc'd copy of s (NULL gives NULL); the caller frees it. */
char *xstrdup(const char *s);
/* Replaces the malloc'd string *dst (freed; NULL is fine) with a copy of
 * src, or of "" when src is NULL, so that an owned text member is never NULL
 * once set. */
void xstrset(char **dst, const char *src);
/* Returns a malloc'd copy of at most n bytes of s, NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* printf into a fresh malloc'd string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The hook runs once, before the abort; NULL removes it. */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif
