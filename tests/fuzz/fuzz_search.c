/* libFuzzer harness of what the Households filter does with text: the
 * full-width folding of input (core/normalize), pinyin initials
 * (core/pinyin) and the search terms and queries (core/searchkey).
 * Invariants: folding is idempotent and trims; a query is at most
 * SEARCHKEY_TERM_CHARS characters of folded text and folds to itself; a
 * name is found by the query of itself and of each of its pinyin readings
 * (the terms hold them), and every reading matches the name; a tail query
 * reversed is digits with at most a final X; a number's filed tails are
 * tail queries short enough to be looked up as terms. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/normalize.h"
#include "core/pinyin.h"
#include "core/searchkey.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Aborts unless the query of s is one of the (finished) terms t. */
static void must_find(const struct searchkey_terms *t, const char *s)
{
	char *q = searchkey_query(s);

	if (*q && !strchr(q, ' ') && !bsearch(&q, t->v, t->n, sizeof *t->v, cmp_str))
		abort();
	free(q);
}

static size_t chars(const char *s)
{
	size_t n = 0;
	uint32_t c;

	while (*s) {
		s += utf8_decode(s, &c);
		n++;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *f, *f2, *q, *q2, *variants, *p, *sp, tail[80];
	struct searchkey_terms t = {0};
	size_t len;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	f = normalize_fullwidth(s);
	f2 = normalize_fullwidth(f);
	len = strlen(f);
	if (strcmp(f, f2) != 0 || (len && strchr(" \t\r\n", f[0])) ||
	    (len && strchr(" \t\r\n", f[len - 1])))
		abort();
	free(f2);
	free(f);

	q = searchkey_query(s);
	q2 = searchkey_query(q);
	if (strcmp(q, q2) != 0 || chars(q) > SEARCHKEY_TERM_CHARS)
		abort();
	for (p = q; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			abort();
	if (searchkey_tail(q, tail, sizeof tail)) {
		size_t n = strlen(tail);

		if (n != strlen(q) || strspn(tail + (tail[0] == 'X'), "0123456789") != n - (tail[0] == 'X'))
			abort();
	}
	free(q2);
	free(q);

	searchkey_add_name(&t, s);
	searchkey_add_code(&t, s);
	searchkey_add_tails(&t, s);
	searchkey_terms_finish(&t);
	for (size_t i = 1; i < t.n; i++)
		if (strcmp(t.v[i - 1], t.v[i]) >= 0)
			abort();
	must_find(&t, s);
	variants = pinyin_initials_variants(s, SEARCHKEY_MAX_VARIANTS);
	for (p = variants; *p; p = sp) {
		sp = strchr(p, ' ');
		if (sp)
			*sp++ = '\0';
		else
			sp = p + strlen(p);
		if (strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789") != strlen(p))
			abort();
		if (strlen(p) <= 64 && !pinyin_match_initials(s, p))
			abort();
		must_find(&t, p);
	}
	free(variants);
	searchkey_terms_free(&t);
	searchkey_add_number_tails(&t, s);
	for (size_t i = 0; i < t.n; i++)
		if (!searchkey_tail(t.v[i], tail, sizeof tail) || !searchkey_tail_filed(t.v[i]))
			abort();
	searchkey_terms_free(&t);
	free(s);
	return 0;
}
