/* searchkey: terms and queries of the Households filter; see searchkey.h. */
#include "core/searchkey.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/pinyin.h"
#include "core/utf8.h"
#include "core/xalloc.h"

/* Folds one code point the way terms and queries are compared. */
static uint32_t fold(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)
		c -= 0xFF01 - 0x21;
	else if (c == 0x3000 || c < 0x20 || c == 0x7F)
		c = ' '; /* no control byte reaches a term (nor a JSON escape in search_docs) */
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	return c;
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The folded form of s as a malloc'd string; offs (when not NULL) receives a
 * malloc'd array of the byte offset of each character, plus one at the end,
 * and *nchars their count. */
static char *fold_string(const char *s, size_t **offs, size_t *nchars)
{
	size_t len = strlen(s), n = 0, k = 0;
	/* a stray byte decodes as U+FFFD, three bytes: the most a byte grows */
	char *out = xmalloc(len * 3 + 1);
	size_t *o = offs ? xmalloc((len + 1) * sizeof *o) : NULL;

	while (*s) {
		uint32_t c;

		s += utf8_decode(s, &c);
		c = fold(c);
		if (o)
			o[k] = n;
		k++;
		n += utf8_encode(c, out + n);
	}
	out[n] = '\0';
	if (o)
		o[k] = n;
	if (offs)
		*offs = o;
	if (nchars)
		*nchars = k;
	return out;
}

char *searchkey_query(const char *typed)
{
	size_t len = typed ? strlen(typed) : 0, n = 0, chars = 0;
	char *out = xmalloc(len * 3 + 1); /* as in fold_string */
	int pending_space = 0;

	while (typed && *typed && chars < SEARCHKEY_TERM_CHARS) {
		uint32_t c;

		typed += utf8_decode(typed, &c);
		c = fold(c);
		if (is_space(c)) {
			pending_space = n > 0;
			continue;
		}
		if (pending_space) {
			if (chars + 1 >= SEARCHKEY_TERM_CHARS)
				break; /* the cut would leave a trailing space */
			out[n++] = ' ';
			pending_space = 0;
			chars++;
		}
		n += utf8_encode(c, out + n);
		chars++;
	}
	out[n] = '\0';
	return out;
}

static void add(struct searchkey_terms *t, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n++] = xstrndup(s, n);
}

void searchkey_add_code(struct searchkey_terms *t, const char *code)
{
	size_t *offs, nchars;
	char *f;

	if (!code)
		return;
	f = fold_string(code, &offs, &nchars);
	for (size_t k = 1; k <= nchars && k <= SEARCHKEY_TERM_CHARS; k++)
		add(t, f, offs[k]);
	free(offs);
	free(f);
}

/* Every substring of s of 1 to SEARCHKEY_TERM_CHARS characters. */
static void add_substrings(struct searchkey_terms *t, const char *s)
{
	size_t *offs, nchars;
	char *f = fold_string(s, &offs, &nchars);

	for (size_t i = 0; i < nchars; i++)
		for (size_t k = 1; k <= SEARCHKEY_TERM_CHARS && i + k <= nchars; k++)
			add(t, f + offs[i], offs[i + k] - offs[i]);
	free(offs);
	free(f);
}

void searchkey_add_name(struct searchkey_terms *t, const char *name)
{
	char *variants, *p, *sp;

	if (!name || !*name)
		return;
	add_substrings(t, name);
	variants = pinyin_initials_variants(name, SEARCHKEY_MAX_VARIANTS);
	for (p = variants; *p; p = sp) {
		sp = strchr(p, ' ');
		if (sp)
			*sp++ = '\0';
		else
			sp = p + strlen(p);
		add_substrings(t, p);
	}
	free(variants);
}

void searchkey_add_tails(struct searchkey_terms *t, const char *phone)
{
	char digits[64];
	size_t n = 0;

	for (; phone && *phone && n < sizeof digits - 1; phone++)
		if (*phone >= '0' && *phone <= '9')
			digits[n++] = *phone;
	for (size_t k = SEARCHKEY_TAIL_MIN; k <= n; k++)
		add(t, digits + n - k, k);
}

void searchkey_add_number_tails(struct searchkey_terms *t, const char *number)
{
	/* The last characters of those reskey_reverse_digits keeps in id_rev
	 * and phone_rev (digits and X), however long the number. */
	char last[SEARCHKEY_TAIL_FILED], rev[SEARCHKEY_TAIL_FILED + 1];
	size_t n = 0;

	for (; number && *number; number++) {
		char c = *number;

		if (!((c >= '0' && c <= '9') || c == 'x' || c == 'X'))
			continue;
		if (n == sizeof last)
			memmove(last, last + 1, --n);
		last[n++] = c == 'X' ? 'x' : c;
	}
	for (size_t k = SEARCHKEY_TAIL_MIN; k <= n; k++) {
		char tail[SEARCHKEY_TAIL_FILED + 1];

		memcpy(tail, last + n - k, k);
		tail[k] = '\0';
		if (searchkey_tail(tail, rev, sizeof rev))
			add(t, tail, k);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void searchkey_terms_finish(struct searchkey_terms *t)
{
	size_t w = 0;

	if (t->n == 0)
		return;
	qsort(t->v, t->n, sizeof *t->v, cmp_str);
	for (size_t i = 0; i < t->n; i++) {
		if (w > 0 && !strcmp(t->v[w - 1], t->v[i]))
			free(t->v[i]);
		else
			t->v[w++] = t->v[i];
	}
	t->n = w;
}

void searchkey_terms_free(struct searchkey_terms *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	memset(t, 0, sizeof *t);
}

int searchkey_tail(const char *q, char *out, size_t n)
{
	size_t len = strlen(q), digits = 0;

	for (size_t i = 0; i < len; i++) {
		if (q[i] >= '0' && q[i] <= '9')
			digits++;
		else if (!((q[i] == 'x' || q[i] == 'X') && i == len - 1))
			return 0;
	}
	if (digits < SEARCHKEY_TAIL_MIN || len + 1 > n)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = q[len - 1 - i];

		out[i] = c == 'x' ? 'X' : c;
	}
	out[len] = '\0';
	return 1;
}

int searchkey_tail_filed(const char *q)
{
	return strlen(q) <= SEARCHKEY_TAIL_FILED;
}

/* Whether folded s[0..len) holds q (folded, not empty) as a substring
 * (prefix set: only at its start). */
static int folded_has(const char *s, size_t len, const char *q, int prefix)
{
	char small[256], *buf = len * 3 + 1 <= sizeof small ? small : xmalloc(len * 3 + 1);
	const char *end = s + len;
	size_t n = 0;
	int found;

	while (s < end && *s) {
		uint32_t c;

		s += utf8_decode(s, &c);
		n += utf8_encode(fold(c), buf + n);
	}
	buf[n] = '\0';
	found = prefix ? !strncmp(buf, q, strlen(q)) : strstr(buf, q) != NULL;
	if (buf != small)
		free(buf);
	return found;
}

int searchkey_match_household(const char *q, const char *code, const char *phone)
{
	size_t nq = q ? strlen(q) : 0, n = 0;
	char digits[64];

	if (nq == 0)
		return 0;
	if (code && folded_has(code, strlen(code), q, 1))
		return 1;
	for (; phone && *phone && n < sizeof digits - 1; phone++)
		if (*phone >= '0' && *phone <= '9')
			digits[n++] = *phone;
	if (nq < SEARCHKEY_TAIL_MIN || nq > n || strspn(q, "0123456789") != nq)
		return 0;
	return !memcmp(digits + n - nq, q, nq);
}

/* Whether q is a substring of one of the first SEARCHKEY_MAX_VARIANTS
 * initials readings of name, as searchkey_add_name files them. */
static int initials_have(const char *name, const char *q)
{
	char *variants = pinyin_initials_variants(name, SEARCHKEY_MAX_VARIANTS), *p = variants;
	int found = 0;

	while (!found && *p) {
		size_t len = strcspn(p, " ");

		found = folded_has(p, len, q, 0);
		p += len + (p[len] == ' ');
	}
	free(variants);
	return found;
}

int searchkey_match_name(const char *q, const char *name)
{
	if (!q || !*q || !name || !*name)
		return 0;
	if (folded_has(name, strlen(name), q, 0))
		return 1;
	/* pinyin_match_initials reads the name without allocating; the few
	 * names it takes are checked against the readings filed. */
	return pinyin_match_initials(name, q) && initials_have(name, q);
}
