/* auditfmt: reading back the audit log's "what changed" JSON; see
 * auditfmt.h.  A small recursive-descent reader for exactly the shapes
 * core/json.c writes: an object of scalars or two-element arrays. */
#include "core/auditfmt.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "core/mask.h"
#include "core/utf8.h"

static void skip_ws(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

static int hex4(const char *p, uint32_t *out)
{
	uint32_t v = 0;

	for (int i = 0; i < 4; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* JSON's one-letter escapes, each followed by what it stands for. */
static const char escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";

/* A string literal at *p into out (the text, without quotes). */
static int read_string(const char **p, struct strbuf *out)
{
	const char *s = *p;
	char u[4];

	if (*s != '"')
		return -1;
	for (s++; *s != '"'; s++) {
		uint32_t cp, lo;

		if (!*s)
			return -1;
		if (*s != '\\') {
			strbuf_putc(out, *s);
			continue;
		}
		s++;
		if (*s != 'u') {
			const char *esc = *s ? strchr(escapes, *s) : NULL;

			if (!esc || (esc - escapes) % 2)
				return -1;
			strbuf_putc(out, esc[1]);
			continue;
		}
		if (hex4(s + 1, &cp) < 0)
			return -1;
		s += 4;
		if (cp >= 0xD800 && cp < 0xDC00 && s[1] == '\\' && s[2] == 'u' &&
		    hex4(s + 3, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			s += 6;
		}
		strbuf_add(out, u, utf8_encode(cp, u));
	}
	*p = s + 1;
	return 0;
}

/* A scalar (string, number, true, false, null) appended readably, a string
 * through mask when one is given. */
/* What read_value needs besides the text: the field, its mask, the words. */
struct value_ctx {
	const char *field;
	mask_fn mask;
	const struct auditfmt_words *w;
};

static int read_scalar(const char **p, const struct value_ctx *v, struct strbuf *out)
{
	const char *s = *p;

	if (*s == '"') {
		struct strbuf t = STRBUF_INIT;
		int r = read_string(p, &t);
		const char *said = r == 0 && !v->mask && t.len && v->w && v->w->value
				       ? v->w->value(v->field, strbuf_str(&t), v->w->ctx)
				       : NULL;

		if (r == 0 && v->mask && t.len)
			mask_append(v->mask, strbuf_str(&t), out);
		else if (said)
			strbuf_puts(out, said);
		else if (r == 0) {
			strbuf_puts(out, t.len ? strbuf_str(&t) : "\"\"");
		}
		strbuf_free(&t);
		return r;
	}
	if (!strncmp(s, "null", 4)) {
		strbuf_puts(out, "—");
		*p = s + 4;
		return 0;
	}
	if (!strncmp(s, "true", 4) || !strncmp(s, "false", 5)) {
		size_t n = *s == 't' ? 4 : 5;

		strbuf_add(out, s, n);
		*p = s + n;
		return 0;
	}
	if (*s == '-' || (*s >= '0' && *s <= '9')) {
		const char *e = s + 1;

		while ((*e >= '0' && *e <= '9') || *e == '.' || *e == 'e' || *e == 'E' ||
		       *e == '+' || *e == '-')
			e++;
		strbuf_add(out, s, (size_t)(e - s));
		*p = e;
		return 0;
	}
	return -1;
}

static int read_value(const char **p, const struct value_ctx *v, struct strbuf *out)
{
	if (**p != '[')
		return read_scalar(p, v, out);
	(*p)++;
	skip_ws(p);
	if (read_scalar(p, v, out) < 0)
		return -1;
	skip_ws(p);
	if (**p == ',') {
		(*p)++;
		skip_ws(p);
		strbuf_puts(out, " → ");
		if (read_scalar(p, v, out) < 0)
			return -1;
		skip_ws(p);
	}
	if (**p != ']')
		return -1;
	(*p)++;
	return 0;
}

int auditfmt_changes(const char *json, const char *sep, struct strbuf *out)
{
	return auditfmt_changes_as(json, sep, NULL, out);
}

int auditfmt_changes_as(const char *json, const char *sep, const struct auditfmt_words *w,
			struct strbuf *out)
{
	struct strbuf t = STRBUF_INIT, key = STRBUF_INIT;
	const char *p = json ? json : "";
	int n = 0;

	skip_ws(&p);
	if (*p != '{')
		goto bad;
	p++;
	skip_ws(&p);
	while (*p != '}') {
		if (n > 0) {
			if (*p != ',')
				goto bad;
			p++;
			skip_ws(&p);
			strbuf_puts(&t, sep);
		}
		struct value_ctx v = {NULL, NULL, w};
		const char *named;

		strbuf_reset(&key);
		if (read_string(&p, &key) < 0)
			goto bad;
		v.field = strbuf_str(&key);
		v.mask = mask_for_field(v.field);
		named = w && w->field ? w->field(v.field, w->ctx) : NULL;
		strbuf_puts(&t, named ? named : v.field);
		skip_ws(&p);
		if (*p != ':')
			goto bad;
		p++;
		skip_ws(&p);
		strbuf_puts(&t, ": ");
		if (read_value(&p, &v, &t) < 0)
			goto bad;
		skip_ws(&p);
		n++;
	}
	p++;
	skip_ws(&p);
	if (*p)
		goto bad;
	strbuf_puts(out, strbuf_str(&t));
	strbuf_free(&t);
	strbuf_free(&key);
	return n;
bad:
	strbuf_free(&t);
	strbuf_free(&key);
	strbuf_puts(out, json ? json : "");
	return -1;
}

static const struct auditfmt_ref refs[] = {
    {"household_id", "households"}, {"resident_id", "residents"}, {"checkpoint_id", "checkpoints"},
    {"staff_id", "staff"},	    {"grid_id", "grids"},	  {"isolation_id", "isolations"},
    {"previous_id", "isolations"},  {"pass_id", "passes"},	  {"visit_id", "visits"},
    {"household", "households"},    {"visit", "visits"},	  {"isolation", "isolations"},
    {"replaced_by", "visits"},	    {"joined_into", NULL},	  {"revived_by", NULL},
};

const struct auditfmt_ref *auditfmt_ref_find(const char *key)
{
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
		if (!strcmp(refs[i].key, key))
			return &refs[i];
	return NULL;
}

int auditfmt_is_uuid(const char *v)
{
	size_t i = 0;

	for (; v[i] && i < 36; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23) ? v[i] != '-'
							      : !isxdigit((unsigned char)v[i]))
			return 0;
	return i == 36 && !v[i];
}

/* A reference's one value at *p: a UUID, "", or null.  0 or -1. */
static int ref_scalar(const char **p)
{
	struct strbuf t = STRBUF_INIT;
	int r;

	if (!strncmp(*p, "null", 4)) {
		*p += 4;
		return 0;
	}
	r = read_string(p, &t);
	if (r == 0 && t.len && !auditfmt_is_uuid(strbuf_str(&t)))
		r = -1;
	strbuf_free(&t);
	return r;
}

/* A reference's value: a scalar as ref_scalar, or [old,new] of those. */
static int ref_value(const char **p)
{
	if (**p != '[')
		return ref_scalar(p);
	(*p)++;
	skip_ws(p);
	if (ref_scalar(p) < 0)
		return -1;
	skip_ws(p);
	if (**p == ',') {
		(*p)++;
		skip_ws(p);
		if (ref_scalar(p) < 0)
			return -1;
		skip_ws(p);
	}
	if (**p != ']')
		return -1;
	(*p)++;
	return 0;
}

/* Skips any JSON value at *p (objects and arrays nest: a deletion's
 * "took", a merge's "lost").  0 or -1. */
static int skip_value(const char **p)
{
	int depth = 0;

	do {
		if (**p == '"') {
			struct strbuf t = STRBUF_INIT;
			int r = read_string(p, &t);

			strbuf_free(&t);
			if (r < 0)
				return -1;
			continue;
		}
		if (!**p)
			return -1;
		if (**p == '{' || **p == '[')
			depth++;
		else if (**p == '}' || **p == ']')
			depth--;
		else if (!depth && (**p == ',' || **p == ' '))
			return 0;
		(*p)++;
	} while (depth > 0 || (**p && !strchr(",}] \t\r\n", **p)));
	return depth ? -1 : 0;
}

int auditfmt_refs_check(const char *json, struct strbuf *bad)
{
	struct strbuf key = STRBUF_INIT;
	const char *p = json ? json : "";
	int r = 0;

	skip_ws(&p);
	if (*p++ != '{')
		return 0;
	skip_ws(&p);
	while (r == 0 && *p && *p != '}') {
		strbuf_reset(&key);
		if (read_string(&p, &key) < 0)
			break;
		skip_ws(&p);
		if (*p++ != ':')
			break;
		skip_ws(&p);
		if (!auditfmt_ref_find(strbuf_str(&key))) {
			if (skip_value(&p) < 0)
				break; /* no JSON of that shape: nothing more names a record */
		} else if (ref_value(&p) < 0) {
			r = -1;
			strbuf_puts(bad, strbuf_str(&key));
		}
		skip_ws(&p);
		if (*p == ',')
			p++;
		skip_ws(&p);
	}
	strbuf_free(&key);
	return r;
}
