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

int returnee_key_areas_canon(const char *typed, struct strbuf *out, struct err *e)
{
	char *list = squeeze(typed ? typed : ""), *q = list;
	struct strbuf canon = STRBUF_INIT;
	size_t chars = 0;
	int names = 0, r = 0;

	while (*q) {
		char *start = q;

		while (*q && !sep_len(q))
			q++;
		if (q > start) {
			if (names++)
				strbuf_putc(&canon, ',');
			strbuf_add(&canon, start, (size_t)(q - start));
		}
		q += sep_len(q);
	}
	free(list);
	for (const char *c = strbuf_str(&canon); *c; c++)
		chars += ((unsigned char)*c & 0xc0) != 0x80;
	if (!names)
		r = err_field(e, "key_areas", "%s", _("name at least one key area, e.g. 湖北,武汉"));
	else if (chars > RETURNEE_KEY_AREAS_MAX)
		r = err_field(e, "key_areas", _("the key areas hold at most %d characters"),
			      RETURNEE_KEY_AREAS_MAX);
	else
		strbuf_puts(out, strbuf_str(&canon));
	strbuf_free(&canon);
	return r;
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
	strbuf_printf(out, _("from %s %s, not isolated"), key_area, d + 5);
}
