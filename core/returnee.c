/* returnee: key areas and the window after a return; see returnee.h. */
#include "core/returnee.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/normalize.h"

/* A malloc'd copy of s, full-width folded, without spaces. */
static char *squeeze(const char *s)
{
	char *f = normalize_fullwidth(s), *w = f;

	for (char *r = f; *r; r++)
		if (*r != ' ' && *r != '\t')
			*w++ = *r;
	*w = 0;
	return f;
}

/* The length of the next separator at p (",", "，" or "、"), 0 when none. */
static size_t sep_len(const char *p)
{
	if (*p == ',' || *p == ';')
		return 1;
	if (!strncmp(p, "\xef\xbc\x8c", 3) || !strncmp(p, "\xe3\x80\x81", 3)) /* ， 、 */
		return 3;
	return 0;
}

int returnee_from_key_area(const char *place, const char *key_areas, char *hit, size_t n)
{
	char *p = squeeze(place), *list = squeeze(key_areas), *q = list;
	int found = 0;

	while (*p && *q && !found) {
		char *start = q;
		size_t s;

		while (*q && !sep_len(q))
			q++;
		s = sep_len(q);
		if (q > start) {
			char save = *q;

			*q = 0;
			if (strstr(p, start)) {
				found = 1;
				if (hit && n) {
					strncpy(hit, start, n - 1);
					hit[n - 1] = 0;
				}
			}
			*q = save;
		}
		q += s;
	}
	free(p);
	free(list);
	return found;
}

int returnee_inside_window(const struct date *ret, const struct date *today, int days)
{
	struct date last = date_add(ret, days - 1);

	return date_cmp(ret, today) <= 0 && date_cmp(today, &last) <= 0;
}

enum returnee_state returnee_state(const struct returnee_facts *f, char *hit, size_t n)
{
	if (!returnee_from_key_area(f->returned_from, f->key_areas, hit, n) ||
	    !returnee_inside_window(&f->returned, &f->today, f->isolation_days))
		return RETURNEE_CLEAR;
	if (f->isolated)
		return RETURNEE_ISOLATED;
	return f->monitored ? RETURNEE_MONITORED : RETURNEE_ALERT;
}

void returnee_alert_text(const char *key_area, const struct date *returned, struct strbuf *out)
{
	char d[DATE_STR];

	date_format(returned, d);
	strbuf_printf(out, _("returned from %s on %s, not isolated"), key_area, d + 5);
}
