/* auditfmt: reading back the audit log's "what changed" JSON; see
 * auditfmt.h.  A small recursive-descent reader for exactly the shapes
 * core/json.c writes: an object of scalars or two-element arrays. */
#include "core/auditfmt.h"

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
	int ref; /* checking a reference: a UUID, "" or null, nothing else */
};

static int read_scalar(const char **p, const struct value_ctx *v, struct strbuf *out)
{
	const char *s = *p;

	if (*s == '"') {
		struct strbuf t = STRBUF_INIT;
		int r = read_string(p, &t);

		if (r == 0 && v->ref && t.len && !auditfmt_is_ref(strbuf_str(&t)))
			r = -1;
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
	if (v->ref)
		return -1;
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

/* Walks the members of the JSON object json: for each, member(key, &p,
 * ctx) reads its value at p (0, or -1 when it cannot).  Returns the number
 * of members, or -1 when json is no object of that shape (members walked
 * before were given to member). */
static int each_member(const char *json, int (*member)(const char *key, const char **p, void *ctx),
		       void *ctx)
{
	struct strbuf key = STRBUF_INIT;
	const char *p = json ? json : "";
	int n = 0;

	skip_ws(&p);
	if (*p++ != '{')
		return -1;
	skip_ws(&p);
	while (*p != '}') {
		if (n > 0 && *p++ != ',')
			goto bad;
		skip_ws(&p);
		strbuf_reset(&key);
		if (read_string(&p, &key) < 0)
			goto bad;
		skip_ws(&p);
		if (*p++ != ':')
			goto bad;
		skip_ws(&p);
		if (member(strbuf_str(&key), &p, ctx) < 0)
			goto bad;
		skip_ws(&p);
		n++;
	}
	p++;
	skip_ws(&p);
	if (*p)
		goto bad;
	strbuf_free(&key);
	return n;
bad:
	strbuf_free(&key);
	return -1;
}

/* What changes_member writes with: the separator, the words, the text. */
struct changes_ctx {
	const char *sep;
	const struct auditfmt_words *w;
	struct strbuf t;
	int n;
};

static int changes_member(const char *key, const char **p, void *ctx)
{
	struct changes_ctx *c = ctx;
	struct value_ctx v = {key, mask_for_field(key), c->w, 0};
	const char *named = c->w && c->w->field ? c->w->field(key, c->w->ctx) : NULL;

	if (c->n++ > 0)
		strbuf_puts(&c->t, c->sep);
	strbuf_puts(&c->t, named ? named : key);
	strbuf_puts(&c->t, ": ");
	return read_value(p, &v, &c->t);
}

int auditfmt_changes_as(const char *json, const char *sep, const struct auditfmt_words *w,
			struct strbuf *out)
{
	struct changes_ctx c = {sep, w, STRBUF_INIT, 0};
	int n = each_member(json, changes_member, &c);

	strbuf_puts(out, n < 0 ? (json ? json : "") : strbuf_str(&c.t));
	strbuf_free(&c.t);
	return n;
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

int auditfmt_is_ref(const char *v)
{
	size_t i = 0;

	if (*v == '-')
		i++;
	while (v[i] >= '0' && v[i] <= '9')
		i++;
	return *v && v[i];
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

/* Checks one member for auditfmt_refs_check: a reference's value, any
 * other skipped; the first bad key goes into the strbuf ctx. */
static int refs_member(const char *key, const char **p, void *ctx)
{
	struct strbuf *bad = ctx, scratch = STRBUF_INIT;
	struct value_ctx v = {key, NULL, NULL, 1};
	int r;

	if (!auditfmt_ref_find(key))
		return skip_value(p);
	r = read_value(p, &v, &scratch);
	strbuf_free(&scratch);
	if (r == 0)
		return 0;
	strbuf_puts(bad, key);
	return -1;
}

int auditfmt_refs_check(const char *json, struct strbuf *bad)
{
	size_t before = bad->len;

	each_member(json, refs_member, bad);
	return bad->len > before ? -1 : 0;
}
