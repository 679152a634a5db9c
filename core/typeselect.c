/* typeselect: choosing an item of a short list by typing its label; see
 * typeselect.h. */
#include "core/typeselect.h"

#include <stdlib.h>
#include <string.h>

#include "core/pinyin.h"
#include "core/utf8.h"

void typeselect_reset(struct typeselect *ts)
{
	ts->typed[0] = '\0';
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* label begins with typed, ASCII letters compared without case. */
static int text_prefix(const char *label, const char *typed)
{
	for (; *typed; label++, typed++)
		if (lower((unsigned char)*label) != lower((unsigned char)*typed))
			return 0;
	return 1;
}

int typeselect_matches(const char *label, const char *typed)
{
	char *variants, *v;
	size_t n = strlen(typed);
	int hit = 0;

	if (!n)
		return 1;
	if (text_prefix(label, typed))
		return 1;
	variants = pinyin_initials_variants(label, 8);
	for (v = variants; *v && !hit;) {
		size_t len = strcspn(v, " ");

		hit = len >= n && text_prefix(v, typed);
		v += len;
		v += *v == ' ';
	}
	free(variants);
	return hit;
}

/* The first item from start (wrapping) whose label matches typed, or -1. */
static int find(const char *const *labels, int n, int start, const char *typed)
{
	for (int k = 0; k < n; k++) {
		int i = ((start % n) + n + k) % n;

		if (labels[i] && typeselect_matches(labels[i], typed))
			return i;
	}
	return -1;
}

int typeselect_key(struct typeselect *ts, const char *const *labels, int n, int current,
		   uint32_t cp)
{
	char one[8];
	size_t len = strlen(ts->typed), k;
	int i = -1;

	if (n <= 0)
		return -1;
	k = utf8_encode(cp, one);
	one[k] = '\0';
	if (!k)
		return -1;
	if (len && len + k < sizeof ts->typed) {
		memcpy(ts->typed + len, one, k + 1);
		i = find(labels, n, current < 0 ? 0 : current, ts->typed);
	}
	if (i < 0) {
		memcpy(ts->typed, one, k + 1);
		i = find(labels, n, current + 1, ts->typed);
	}
	if (i < 0)
		typeselect_reset(ts);
	return i;
}
