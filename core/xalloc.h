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
/* The capacity an array of cap elements grows to so that it holds need:
 * cap, or first when cap is 0, doubled until it is at least need (cap itself
 * when it already holds need).  first must be at least 1. */
size_t xgrow_cap(size_t cap, size_t need, size_t first);
/* Makes the malloc'd (or NULL) array arr, of cap elements, hold at least
 * need elements, growing it as xgrow_cap says: arr and cap (an lvalue of any
 * integer type) are updated, the elements kept.  The one way doorstep grows
 * an array, e.g. XGROW(v, cap, n + 1, 16) before v[n++] = x. */
#define XGROW(arr, cap, need, first)                                                               \
	do {                                                                                       \
		if ((size_t)(need) > (size_t)(cap)) {                                              \
			(cap) = xgrow_cap((size_t)(cap), (size_t)(need), (first));                 \
			(arr) = xrealloc((arr), (size_t)(cap) * sizeof *(arr));                    \
		}                                                                                  \
	} while (0)
/* Frees the n malloc'd strings of the malloc'd array v (NULL entries, and
 * v NULL with n 0, are fine), then v. */
void xfree_strv(char **v, size_t n);
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
