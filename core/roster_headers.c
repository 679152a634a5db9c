/* roster_headers: the synonym table and the text helpers; see
 * roster_headers.h and roster_impl.h. */
#include "core/roster_headers.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/csvout.h"
#include "core/csvread.h"
#include "core/i18n.h"
#include "core/idcard.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/phone.h"
#include "core/strbuf.h"
#include "core/textsafe.h"
#include "core/xalloc.h"

#include "core/roster_impl.h"

const char *const roster_field_names[ROSTER_FIELD_COUNT + 1] = {
    [ROSTER_CODE] = "code",
    [ROSTER_COMPOUND] = "compound",
    [ROSTER_BUILDING] = "building",
    [ROSTER_UNIT] = "unit",
    [ROSTER_ROOM] = "room",
    [ROSTER_ADDRESS] = "address",
    [ROSTER_GRID] = "grid",
    [ROSTER_HOUSEHOLD_PHONE] = "household_phone",
    [ROSTER_HOUSEHOLD_NOTES] = "household_notes",
    [ROSTER_NAME] = "name",
    [ROSTER_SEX] = "sex",
    [ROSTER_ID_TYPE] = "id_type",
    [ROSTER_ID_NUMBER] = "id_number",
    [ROSTER_BIRTH_DATE] = "birth_date",
    [ROSTER_PHONE] = "phone",
    [ROSTER_RELATION] = "relation",
    [ROSTER_STATUS] = "status",
    [ROSTER_TAGS] = "tags",
    [ROSTER_RETURNED_FROM] = "returned_from",
    [ROSTER_RETURN_DATE] = "return_date",
    [ROSTER_TRAVEL] = "travel",
    [ROSTER_NOTES] = "notes",
    [ROSTER_IGNORE] = "ignore",
};


/* ---- UTF-8 helpers ---- */

/* Decodes one code point at s (valid UTF-8 assumed; a stray byte is taken as
 * itself) and sets *len. */
/* What roster_utf8_next returns for a byte that starts no valid character. */
#define UTF8_BAD 0xfffdu

unsigned roster_utf8_next(const unsigned char *s, size_t *len)
{
	unsigned c;

	*len = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xc2 && s[0] < 0xe0 && (s[1] & 0xc0) == 0x80) {
		*len = 2;
		return ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
	}
	if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
		c = ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
		if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
			*len = 3;
			return c;
		}
	}
	if ((s[0] & 0xf8) == 0xf0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
	    (s[3] & 0xc0) == 0x80) {
		c = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3fu) << 12) | ((s[2] & 0x3fu) << 6) |
		    (s[3] & 0x3fu);
		if (c >= 0x10000 && c <= 0x10ffff) {
			*len = 4;
			return c;
		}
	}
	return UTF8_BAD; /* one byte that starts no character: never a space */
}

int roster_is_space_cp(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xa0 ||
	       c == 0xfeff;
}

/* A CJK ideograph (the characters of Chinese names). */
int roster_is_cjk(unsigned c)
{
	return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
	       (c >= 0x20000 && c <= 0x3134f);
}

/* Copies s into b trimmed of white space at both ends; with fold, full-width
 * ASCII forms become ASCII and the ideographic space a space. */
void roster_clean_into(struct strbuf *b, const char *s, int fold)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, end;

	strbuf_reset(b);
	strbuf_add(b, "", 0);
	while (*p) {
		unsigned c = roster_utf8_next(p, &len);

		if (!roster_is_space_cp(c))
			break;
		p += len;
	}
	if (!fold) {
		strbuf_add(b, (const char *)p, strlen((const char *)p));
	} else {
		/* Runs of characters that stay as they are are copied whole. */
		const unsigned char *run = p;

		while (*p) {
			unsigned c = *p < 0x80 ? (len = 1, *p) : roster_utf8_next(p, &len);
			char to = c >= 0xff01 && c <= 0xff5e	 ? (char)(c - 0xff01 + 0x21)
				  : c == 0x3000 || c == 0xa0 ? ' '
							     : 0;

			if (to) {
				strbuf_add(b, (const char *)run, (size_t)(p - run));
				strbuf_putc(b, to);
				run = p + len;
			}
			p += len;
		}
		strbuf_add(b, (const char *)run, (size_t)(p - run));
	}
	/* Trim the end: ASCII white space and U+3000 (E3 80 80), U+00A0 (C2 A0). */
	end = b->len;
	for (;;) {
		if (end > 0 && strchr(" \t\r\n", b->s[end - 1])) {
			end--;
		} else if (end >= 3 && !memcmp(b->s + end - 3, "\xe3\x80\x80", 3)) {
			end -= 3;
		} else if (end >= 2 && !memcmp(b->s + end - 2, "\xc2\xa0", 2)) {
			end -= 2;
		} else {
			break;
		}
	}
	b->len = end;
	b->s[end] = '\0';
}

void roster_title_key(const char *title, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)title;
	size_t o = 0, len;

	if (n == 0)
		return;
	while (*p) {
		unsigned c = roster_utf8_next(p, &len);

		if (c >= 0xff01 && c <= 0xff5e)
			c = c - 0xff01 + 0x21;
		if (roster_is_space_cp(c) || c == '_' || c == '-' || c == '*' || c == '.' || c == ':' ||
		    c == 0xff1a) {
			p += len;
			continue;
		}
		/* a bad byte is keyed as U+FFFD: the key is valid UTF-8, and the
		 * key of a key is itself */
		const char *bytes = c == UTF8_BAD && len == 1 ? "\xef\xbf\xbd" : (const char *)p;
		size_t nb = c == UTF8_BAD && len == 1 ? 3 : len;

		if (c < 0x80) {
			if (o + 1 < n)
				out[o++] = (char)tolower((int)c);
		} else if (o + nb < n) {
			memcpy(out + o, bytes, nb);
			o += nb;
		}
		p += len;
	}
	out[o] = '\0';
}

/* ---- the synonym table ---- */

#define TITLE_KEY_MAX 96

struct header_entry {
	char key[TITLE_KEY_MAX];
	int field;
};

struct roster_headers {
	struct header_entry *v;
	size_t n, cap;
};

static int field_from_name(const char *s, size_t n)
{
	for (int f = 0; f <= ROSTER_IGNORE; f++)
		if (strlen(roster_field_names[f]) == n && !strncmp(roster_field_names[f], s, n))
			return f;
	return -1;
}

/* Cuts a bracketed suffix off a title key: 身份证号码(18位), 姓名(必填),
 * 电话[手机], 备注【选填】 (full-width brackets are folded already).
 * Returns 1 when something was cut. */
static int cut_bracket(char *key)
{
	static const struct {
		const char *open, *close;
	} pairs[] = {{"(", ")"}, {"[", "]"}, {"【", "】"}, {"〔", "〕"}};
	size_t n = strlen(key);

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		size_t cl = strlen(pairs[i].close);
		char *open;

		if (n <= cl || strcmp(key + n - cl, pairs[i].close))
			continue;
		open = strstr(key, pairs[i].open);
		if (!open || open == key)
			continue;
		*open = '\0';
		return 1;
	}
	return 0;
}

static int lookup_key(const struct roster_headers *h, const char *key)
{
	for (size_t i = 0; i < h->n; i++)
		if (!strcmp(h->v[i].key, key))
			return h->v[i].field;
	return -1;
}

int roster_headers_lookup(const struct roster_headers *h, const char *title)
{
	char key[TITLE_KEY_MAX];
	int f;

	roster_title_key(title, key, sizeof key);
	if (!key[0])
		return -1;
	f = lookup_key(h, key);
	/* A known title with a bracketed note after it is that title. */
	while (f < 0 && cut_bracket(key))
		f = lookup_key(h, key);
	return f;
}

int roster_headers_parse(const char *text, struct roster_headers **out, struct err *e)
{
	struct roster_headers *h = xcalloc(1, sizeof *h);
	const char *p = text;
	long line = 0;

	*out = NULL;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		char *l = xstrndup(p, n), *s = l, *eq, *tok, *save = NULL;
		int field;

		line++;
		p += n + (eol ? 1 : 0);
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '#' || *s == '\r') {
			free(l);
			continue;
		}
		eq = strchr(s, '=');
		if (!eq) {
			free(l);
			e->line = line;
			roster_headers_free(&h);
			return err_set(e, _("roster headers: expected \"field = title | title\""));
		}
		size_t fl = (size_t)(eq - s);

		while (fl > 0 && (s[fl - 1] == ' ' || s[fl - 1] == '\t'))
			fl--;
		field = field_from_name(s, fl);
		if (field < 0) {
			e->line = line;
			err_set(e, _("roster headers: unknown field \"%.*s\""), (int)fl, s);
			free(l);
			roster_headers_free(&h);
			return -1;
		}
		for (tok = strtok_r(eq + 1, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
			char key[TITLE_KEY_MAX];

			roster_title_key(tok, key, sizeof key);
			if (!key[0])
				continue;
			int old = roster_headers_lookup(h, key);

			if (old >= 0) {
				e->line = line;
				err_set(e, _("roster headers: the title \"%s\" is listed twice"),
					key);
				free(l);
				roster_headers_free(&h);
				return -1;
			}
			if (h->n == h->cap) {
				h->cap = h->cap ? h->cap * 2 : 64;
				h->v = xrealloc(h->v, h->cap * sizeof *h->v);
			}
			snprintf(h->v[h->n].key, sizeof h->v[h->n].key, "%s", key);
			h->v[h->n].field = field;
			h->n++;
		}
		free(l);
	}
	*out = h;
	return 0;
}

int roster_headers_load(const char *path, struct roster_headers **out, struct err *e)
{
	FILE *f = fopen(path, "rb");
	struct strbuf b = STRBUF_INIT;
	char chunk[4096];
	size_t n;
	int rc;

	*out = NULL;
	if (!f)
		return err_set(e, _("cannot read the roster header table %s: %m"), path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_add(&b, chunk, n);
	fclose(f);
	rc = roster_headers_parse(strbuf_str(&b), out, e);
	if (rc < 0)
		err_prefix(e, "%s:%ld", path, e->line);
	strbuf_free(&b);
	return rc;
}

void roster_headers_free(struct roster_headers **h)
{
	if (!h || !*h)
		return;
	free((*h)->v);
	free(*h);
	*h = NULL;
}
