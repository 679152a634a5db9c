/* roster: header mapping, row checks and cross-row checks; see roster.h.
 *
 * All text of a roster lives in one string pool addressed by offsets (0 is
 * "absent"), so that 100,000 rows cost a handful of allocations and no
 * pointer goes stale when the pool grows.  Cross-row checks use small
 * open-addressing hash maps keyed by pool strings. */
#include "core/roster.h"

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

#define HEADER_SEARCH_ROWS 10  /* rows looked at for the header */

static const char *const field_names[ROSTER_FIELD_COUNT + 1] = {
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
    [ROSTER_NOTES] = "notes",
    [ROSTER_IGNORE] = "ignore",
};

/* How the required fields are named when missing. */
static const char *const required_hint[] = {
    [ROSTER_CODE] = N_("household code (户号 / code)"),
    [ROSTER_NAME] = N_("name (姓名 / name)"),
};

/* ---- UTF-8 helpers ---- */

/* Decodes one code point at s (valid UTF-8 assumed; a stray byte is taken as
 * itself) and sets *len. */
/* What utf8_next returns for a byte that starts no valid character. */
#define UTF8_BAD 0xfffdu

static unsigned utf8_next(const unsigned char *s, size_t *len)
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

static int is_space_cp(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xa0 ||
	       c == 0xfeff;
}

/* A CJK ideograph (the characters of Chinese names). */
static int is_cjk(unsigned c)
{
	return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
	       (c >= 0x20000 && c <= 0x3134f);
}

/* Copies s into b trimmed of white space at both ends; with fold, full-width
 * ASCII forms become ASCII and the ideographic space a space. */
static void clean_into(struct strbuf *b, const char *s, int fold)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, end;

	strbuf_reset(b);
	strbuf_add(b, "", 0);
	while (*p) {
		unsigned c = utf8_next(p, &len);

		if (!is_space_cp(c))
			break;
		p += len;
	}
	while (*p) {
		unsigned c = utf8_next(p, &len);

		if (fold && c >= 0xff01 && c <= 0xff5e)
			strbuf_putc(b, (char)(c - 0xff01 + 0x21));
		else if (fold && (c == 0x3000 || c == 0xa0))
			strbuf_putc(b, ' ');
		else
			strbuf_add(b, (const char *)p, len);
		p += len;
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
		unsigned c = utf8_next(p, &len);

		if (c >= 0xff01 && c <= 0xff5e)
			c = c - 0xff01 + 0x21;
		if (is_space_cp(c) || c == '_' || c == '-' || c == '*' || c == '.' || c == ':' ||
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
		if (strlen(field_names[f]) == n && !strncmp(field_names[f], s, n))
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

/* ---- the roster ---- */

struct map_slot {
	uint32_t key; /* pool offset of the key, 0 when empty */
	uint32_t hash;
	long val;
};

struct map {
	struct map_slot *s;
	size_t cap, n; /* cap a power of two */
};

struct hh {
	uint32_t val[ROSTER_FIRST_RESIDENT_FIELD]; /* pool offsets */
	long line[ROSTER_FIRST_RESIDENT_FIELD];	   /* where each value was first seen */
	long head_line;				   /* the row with relation head, or 0 */
};

struct row {
	long line;
	uint32_t hh;
	uint32_t val[ROSTER_FIELD_COUNT]; /* resident fields; household ones unused */
};

struct issue {
	struct roster_issue pub;
	char *msg;
};

/* A copy of a row kept while the header is looked for. */
struct pending_row {
	long line;
	int n;
	char **fields;
	unsigned char *kinds;
};

struct roster {
	const struct roster_headers *headers;
	struct date today;

	char *pool;
	size_t pool_len, pool_cap;

	/* header */
	long header_line;
	int ncols;
	char **titles;
	int *col_field;
	int field_col[ROSTER_FIELD_COUNT];
	int seen_records;
	int header_searched; /* the first rows were looked at for the header */
	int stop; /* a fatal issue: no more rows */
	int warned_extra;

	struct row *rows;
	size_t nrows, rows_cap;
	struct hh *hhs;
	size_t nhh, hh_cap;

	struct map by_code, by_id, by_name;

	struct issue *issues;
	size_t nissues, issues_cap, nerrors;

	/* Rows read before the header was chosen (the first ten at most). */
	struct pending_row *pending;
	int npending;
	int masked_reported; /* the one message about masked numbers was given */
	int id_column_checked; /* an unmapped column of ID numbers was looked for */

	uint32_t prev_code; /* the household code of the row above */
	struct strbuf scratch, scratch2;
};

static uint32_t pool_add(struct roster *r, const char *s, size_t n)
{
	uint32_t off;

	if (r->pool_len + n + 1 > r->pool_cap) {
		while (r->pool_len + n + 1 > r->pool_cap)
			r->pool_cap = r->pool_cap ? r->pool_cap * 2 : 65536;
		r->pool = xrealloc(r->pool, r->pool_cap);
	}
	off = (uint32_t)r->pool_len;
	memcpy(r->pool + off, s, n);
	r->pool[off + n] = '\0';
	r->pool_len += n + 1;
	return off;
}

static const char *pool_str(const struct roster *r, uint32_t off)
{
	return off ? r->pool + off : NULL;
}

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The value under key, or -1 when absent. */
static long map_get(const struct roster *r, const struct map *m, const char *key)
{
	uint32_t h = hash_str(key);

	if (!m->cap)
		return -1;
	for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		const struct map_slot *sl = &m->s[i];

		if (!sl->key)
			return -1;
		if (sl->hash == h && !strcmp(r->pool + sl->key, key))
			return sl->val;
	}
}

/* Adds key (a pool offset) with val; the key must be absent. */
static void map_put(struct roster *r, struct map *m, uint32_t key, long val)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct map_slot *old = m->s;
		size_t ocap = m->cap;

		m->cap = ocap ? ocap * 2 : 1024;
		m->s = xcalloc(m->cap, sizeof *m->s);
		m->n = 0;
		for (size_t i = 0; i < ocap; i++) {
			if (!old[i].key)
				continue;
			size_t j = old[i].hash & (m->cap - 1);

			while (m->s[j].key)
				j = (j + 1) & (m->cap - 1);
			m->s[j] = old[i];
			m->n++;
		}
		free(old);
	}
	uint32_t h = hash_str(r->pool + key);
	size_t j = h & (m->cap - 1);

	while (m->s[j].key)
		j = (j + 1) & (m->cap - 1);
	m->s[j].key = key;
	m->s[j].hash = h;
	m->s[j].val = val;
	m->n++;
}

struct roster *roster_new(const struct roster_headers *h, const struct date *today)
{
	struct roster *r = xcalloc(1, sizeof *r);

	r->headers = h;
	r->today = *today;
	pool_add(r, "", 0); /* offset 0 means absent */
	for (int f = 0; f < ROSTER_FIELD_COUNT; f++)
		r->field_col[f] = -1;
	return r;
}

void roster_free(struct roster **pr)
{
	struct roster *r;

	if (!pr || !*pr)
		return;
	r = *pr;
	for (size_t i = 0; i < r->nissues; i++)
		free(r->issues[i].msg);
	for (int i = 0; i < r->npending; i++) {
		for (int j = 0; j < r->pending[i].n; j++)
			free(r->pending[i].fields[j]);
		free(r->pending[i].fields);
		free(r->pending[i].kinds);
	}
	free(r->pending);
	free(r->issues);
	for (int i = 0; i < r->ncols; i++)
		free(r->titles[i]);
	free(r->titles);
	free(r->col_field);
	free(r->rows);
	free(r->hhs);
	free(r->by_code.s);
	free(r->by_id.s);
	free(r->by_name.s);
	free(r->pool);
	strbuf_free(&r->scratch);
	strbuf_free(&r->scratch2);
	free(r);
	*pr = NULL;
}

static void add_issue(struct roster *r, long line, const char *column, enum roster_severity sev,
		      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void add_issue(struct roster *r, long line, const char *column, enum roster_severity sev,
		      const char *fmt, ...)
{
	va_list ap;
	struct issue *is;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = xstrdup("(no memory for the message)");
	va_end(ap);
	if (r->nissues == r->issues_cap) {
		r->issues_cap = r->issues_cap ? r->issues_cap * 2 : 32;
		r->issues = xrealloc(r->issues, r->issues_cap * sizeof *r->issues);
	}
	is = &r->issues[r->nissues++];
	is->msg = msg;
	is->pub.line = line;
	is->pub.col = -1;
	for (int i = 0; column && i < r->ncols; i++)
		if (r->titles && column == r->titles[i])
			is->pub.col = i;
	is->pub.column = column ? column : "";
	is->pub.message = msg;
	is->pub.severity = sev;
	if (sev == ROSTER_ERROR)
		r->nerrors++;
}

size_t roster_issue_count(const struct roster *r)
{
	return r->nissues;
}

const struct roster_issue *roster_issue_at(const struct roster *r, size_t i)
{
	return i < r->nissues ? &r->issues[i].pub : NULL;
}

size_t roster_error_count(const struct roster *r)
{
	return r->nerrors;
}

int roster_column_count(const struct roster *r)
{
	return r->ncols;
}

const char *roster_column_title(const struct roster *r, int col)
{
	return col >= 0 && col < r->ncols ? r->titles[col] : "";
}

int roster_column_field(const struct roster *r, int col)
{
	return col >= 0 && col < r->ncols ? r->col_field[col] : -1;
}

int roster_field_column(const struct roster *r, enum roster_field f)
{
	return (unsigned)f < ROSTER_FIELD_COUNT ? r->field_col[f] : -1;
}

long roster_header_line(const struct roster *r)
{
	return r->header_line;
}

size_t roster_row_count(const struct roster *r)
{
	return r->nrows;
}

size_t roster_household_count(const struct roster *r)
{
	return r->nhh;
}

const char *roster_row_value(const struct roster *r, size_t i, enum roster_field f)
{
	if (i >= r->nrows || (unsigned)f >= ROSTER_FIELD_COUNT)
		return NULL;
	if (f < ROSTER_FIRST_RESIDENT_FIELD)
		return f == ROSTER_CODE ? pool_str(r, r->hhs[r->rows[i].hh].val[ROSTER_CODE])
					: NULL;
	return pool_str(r, r->rows[i].val[f]);
}

long roster_row_line(const struct roster *r, size_t i)
{
	return i < r->nrows ? r->rows[i].line : 0;
}

size_t roster_row_household(const struct roster *r, size_t i)
{
	return i < r->nrows ? r->rows[i].hh : 0;
}

const char *roster_household_value(const struct roster *r, size_t j, enum roster_field f)
{
	if (j >= r->nhh || (unsigned)f >= ROSTER_FIRST_RESIDENT_FIELD)
		return NULL;
	return pool_str(r, r->hhs[j].val[f]);
}

/* ---- the header ---- */

static int count_nonempty(const struct csvread_row *row)
{
	int n = 0;

	for (int i = 0; i < row->n; i++)
		if (row->fields[i][0])
			n++;
	return n;
}

/* Decides whether row is the header.  1 it is (mapped), 0 not (a title row
 * to skip), -1 fatal (issue recorded). */
static int take_header(struct roster *r, const struct csvread_row *row)
{
	int known = 0;

	for (int i = 0; i < row->n; i++)
		if (roster_headers_lookup(r->headers, row->fields[i]) >= 0)
			known++;
	if (!known) {
		if (row->n == 1 && (strchr(row->fields[0], '\t') || strchr(row->fields[0], ';'))) {
			add_issue(
			    r, row->line, "", ROSTER_ERROR,
			    _("the columns are separated by %s, not commas: save the sheet as "
			      "CSV (comma delimited)"),
			    strchr(row->fields[0], '\t') ? _("tabs") : _("semicolons"));
			return -1;
		}
		if (count_nonempty(row) <= 2 && ++r->seen_records < HEADER_SEARCH_ROWS)
			return 0;
	}
	r->header_line = row->line;
	r->ncols = row->n;
	r->titles = xcalloc((size_t)row->n, sizeof *r->titles);
	r->col_field = xcalloc((size_t)row->n, sizeof *r->col_field);
	for (int i = 0; i < row->n; i++) {
		struct strbuf *b = &r->scratch;
		int f;

		clean_into(b, row->fields[i], 0);
		textsafe_strip_invisible(b->s); /* a BOM or zero-width space before a title */
		r->titles[i] = xstrdup(strbuf_str(b));
		f = r->titles[i][0] ? roster_headers_lookup(r->headers, r->titles[i]) : -1;
		r->col_field[i] = f;
		if (!r->titles[i][0])
			continue;
		if (f < 0) {
			add_issue(r, row->line, r->titles[i], ROSTER_WARNING,
				  _("unknown column, ignored"));
		} else if (f < ROSTER_FIELD_COUNT) {
			if (r->field_col[f] >= 0) {
				add_issue(
				    r, row->line, r->titles[i], ROSTER_ERROR,
				    _("column %d is the same field (%s) as column %d (\"%s\")"),
				    i + 1, field_names[f], r->field_col[f] + 1,
				    r->titles[r->field_col[f]]);
				r->col_field[i] = -1;
			} else {
				r->field_col[f] = i;
			}
		}
	}
	static const enum roster_field required[] = {ROSTER_CODE, ROSTER_NAME};

	for (size_t k = 0; k < sizeof required / sizeof required[0]; k++)
		if (r->field_col[required[k]] < 0)
			add_issue(r, row->line, "", ROSTER_ERROR,
				  _("the required column %s is missing; no row was read"),
				  _(required_hint[required[k]]));
	return r->nerrors ? -1 : 1;
}

/* ---- checking values ---- */

struct alias {
	const char *text;
	const char *code;
};

static const struct alias sex_alias[] = {
    {"男性", "M"}, {"女性", "F"}, {"男士", "M"}, {"女士", "F"}, {NULL, NULL},
};

static const struct alias id_type_alias[] = {
    {"身份证", "id"},	    {"居民身份证号", "id"},   {"二代身份证", "id"},
    {"港澳通行证", "hkmo"}, {"回乡证", "hkmo"},	      {"港澳居民居住证", "hkmo"},
    {"台胞证", "tw"},	    {"台湾居民居住证", "tw"}, {"外国护照", "passport"},
    {NULL, NULL},
};

static const struct alias relation_alias[] = {
    {"本人", "head"},	{"户主本人", "head"},  {"妻", "spouse"},    {"妻子", "spouse"},
    {"夫", "spouse"},	{"丈夫", "spouse"},    {"爱人", "spouse"},  {"老伴", "spouse"},
    {"夫妻", "spouse"}, {"子", "child"},       {"女", "child"},	    {"儿子", "child"},
    {"女儿", "child"},	{"长子", "child"},     {"长女", "child"},   {"次子", "child"},
    {"次女", "child"},	{"养子", "child"},     {"养女", "child"},   {"继子", "child"},
    {"继女", "child"},	{"独生子", "child"},   {"独生女", "child"}, {"父", "parent"},
    {"母", "parent"},	{"父亲", "parent"},    {"母亲", "parent"},  {"孙子", "other"},
    {"孙女", "other"},	{"外孙", "other"},     {"外孙女", "other"}, {"儿媳", "other"},
    {"女婿", "other"},	{"兄弟", "other"},     {"姐妹", "other"},   {"兄", "other"},
    {"弟", "other"},	{"姐", "other"},       {"妹", "other"},	    {"祖父", "other"},
    {"祖母", "other"},	{"外祖父", "other"},   {"外祖母", "other"}, {"岳父", "other"},
    {"岳母", "other"},	{"公公", "other"},     {"婆婆", "other"},   {"侄子", "other"},
    {"侄女", "other"},	{"保姆", "other"},     {"租户", "other"},   {"租客", "other"},
    {"亲属", "other"},	{"其他亲属", "other"}, {"非亲属", "other"}, {NULL, NULL},
};

static const struct alias status_alias[] = {
    {"在家", "living"},	     {"常住", "living"},     {"居住", "living"},    {"在住人员", "living"},
    {"在本地", "living"},    {"外出务工", "away"},   {"离开", "away"},	    {"不在本地", "away"},
    {"已迁出", "moved_out"}, {"迁走", "moved_out"},  {"搬走", "moved_out"}, {"已故", "deceased"},
    {"去世", "deceased"},    {"已去世", "deceased"}, {"死亡", "deceased"},  {NULL, NULL},
};

static const struct alias tag_alias[] = {
    {"独居", "elderly_alone"},
    {"孤寡老人", "elderly_alone"},
    {"空巢老人", "elderly_alone"},
    {"慢病", "chronic"},
    {"慢性病患者", "chronic"},
    {"基础病", "chronic"},
    {"孕产妇", "pregnant"},
    {"孕妇", "pregnant"},
    {"残疾人", "disabled"},
    {"留守儿童", "child"},
    {"湖北返回", "returnee"},
    {"武汉返回", "returnee"},
    {"重点地区返回人员", "returnee"},
    {"返乡人员", "returnee"},
    {NULL, NULL},
};

/* The stored code for text in an enumeration table or its aliases, or NULL. */
static const char *match_enum(const struct enum_entry *t, const struct alias *a, const char *text)
{
	const struct enum_entry *en = model_enum_match(t, text);

	if (en)
		return en->code;
	for (; a && a->text; a++)
		if (!strcmp(a->text, text))
			return a->code;
	return NULL;
}

/* "户主, 配偶, 子女" for a message. */
static char *enum_choices(const struct enum_entry *t)
{
	struct strbuf b = STRBUF_INIT;

	for (; t->code; t++) {
		if (b.len)
			strbuf_puts(&b, ", ");
		strbuf_puts(&b, t->zh);
	}
	return strbuf_detach(&b);
}

/* The message of a rule from core/ without its leading "ID number: " (the
 * column is already named in front of it).  The rule's name is a few words:
 * ASCII letters and spaces, or the UTF-8 of a translation, ending in ": " or
 * the full-width "：" of a Chinese message. */
static const char *rule_message(const struct err *e)
{
	static const char fullwidth_colon[] = "\xef\xbc\x9a";
	const char *c = strstr(e->msg, ": ");
	const char *f = strstr(e->msg, fullwidth_colon);
	size_t skip = 2;

	if (f && (!c || f < c)) {
		c = f;
		skip = sizeof fullwidth_colon - 1;
	}
	if (c && c - e->msg <= 24) {
		for (const char *p = e->msg; p < c; p++)
			if (!isalpha((unsigned char)*p) && *p != ' ' && !((unsigned char)*p & 0x80))
				return e->msg;
		return c + skip;
	}
	return e->msg;
}

/* 1 when s looks like a number that Excel wrote in scientific notation
 * (4.11202E+17): its digits are lost. */
static int is_scientific(const char *s)
{
	const char *p = s;

	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p) || *p == '.')
		p++;
	if (*p != 'E' && *p != 'e')
		return 0;
	p++;
	if (*p == '+')
		p++;
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	return *p == '\0';
}

static int has_control(const char *s, int allow_newline)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(allow_newline && (*p == '\n' || *p == '\t'))) || *p == 0x7f)
			return 1;
	return 0;
}

/* Parses the dates Excel and people write: 2020-02-15, 2020/2/15, 2020.2.15,
 * 2020年2月15日, 20200215, with an optional time after a space.  With
 * allow_month, 1980-01 / 1980年1月 / 1980.01 (a birth month) give d = 0.
 * Returns 0 or -1. */
static int parse_loose_date(const char *s, struct date *out, int allow_month)
{
	long part[3];
	int np = 0, ndig[3] = {0, 0, 0};
	const char *p = s;

	while (*p && np < 3) {
		if (!isdigit((unsigned char)*p))
			return -1;
		long v = 0;
		int nd = 0;

		while (isdigit((unsigned char)*p) && nd < 9) {
			v = v * 10 + (*p - '0');
			p++;
			nd++;
		}
		if (isdigit((unsigned char)*p))
			return -1;
		ndig[np] = nd;
		part[np++] = v;
		if (!*p)
			break;
		if (*p == '-' || *p == '/' || *p == '.') {
			p++;
		} else if (!strncmp(p, "年", 3) || !strncmp(p, "月", 3)) {
			p += 3;
		} else if (!strncmp(p, "日", 3) || !strncmp(p, "号", 3)) {
			p += 3;
			break;
		} else if (*p == ' ' || *p == 'T') {
			break;
		} else {
			return -1;
		}
		if (!*p)
			break;
	}
	/* A time part, if any, is ignored; anything else after the date is not. */
	if (*p == ' ' || *p == 'T') {
		p++;
		while (isdigit((unsigned char)*p) || *p == ':')
			p++;
	}
	if (*p)
		return -1;
	if (np == 1 && ndig[0] == 8) {
		out->y = (int)(part[0] / 10000);
		out->m = (int)(part[0] / 100 % 100);
		out->d = (int)(part[0] % 100);
	} else if (np == 3 && ndig[0] == 4 && ndig[1] <= 2 && ndig[2] <= 2) {
		out->y = (int)part[0];
		out->m = (int)part[1];
		out->d = (int)part[2];
	} else if (allow_month && np == 2 && ndig[0] == 4 && ndig[1] <= 2) {
		if (part[1] < 1 || part[1] > 12 || !date_valid((int)part[0], (int)part[1], 1))
			return -1;
		out->y = (int)part[0];
		out->m = (int)part[1];
		out->d = 0;
		return 0;
	} else {
		return -1;
	}
	return date_valid(out->y, out->m, out->d) ? 0 : -1;
}

/* The per-row working state. */
struct cells {
	const char *raw[ROSTER_FIELD_COUNT]; /* the cell text, "" when absent */
	unsigned char kind[ROSTER_FIELD_COUNT]; /* enum cell_kind of each cell */
	uint32_t val[ROSTER_FIELD_COUNT];
	char refused[ROSTER_FIELD_COUNT]; /* a control or bidi character: said once */
	char warned[ROSTER_FIELD_COUNT];  /* invisible characters removed: said once */
	long line;
	int bad;
};

static const char *title_of(const struct roster *r, enum roster_field f)
{
	return r->field_col[f] >= 0 ? r->titles[r->field_col[f]] : field_names[f];
}

static void row_error(struct roster *r, struct cells *c, long line, enum roster_field f,
		      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void row_error(struct roster *r, struct cells *c, long line, enum roster_field f,
		      const char *fmt, ...)
{
	char msg[ERR_MSG_MAX + 128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	add_issue(r, line, title_of(r, f), ROSTER_ERROR, "%s", msg);
	c->bad = 1;
}

/* Takes apostrophes (' and the Chinese ‘ ’) off both ends of b. */
static void strip_quotes(struct strbuf *b)
{
	static const char *const quotes[] = {"'", "\xe2\x80\x98", "\xe2\x80\x99"};
	int again = 1;

	while (again && b->len) {
		again = 0;
		for (size_t i = 0; i < sizeof quotes / sizeof quotes[0]; i++) {
			size_t q = strlen(quotes[i]);

			if (b->len >= q && !memcmp(b->s, quotes[i], q)) {
				memmove(b->s, b->s + q, b->len - q + 1);
				b->len -= q;
				again = 1;
			}
			if (b->len >= q && !memcmp(b->s + b->len - q, quotes[i], q)) {
				b->len -= q;
				b->s[b->len] = '\0';
				again = 1;
			}
		}
	}
}

/* Cleans cell f into r->scratch (folding full-width forms when fold); 0 when
 * empty.  Invisible characters (core/textsafe) come out with a warning; a
 * control or bidi character refuses the cell (0, c->refused[f] set). */
static size_t cell_clean(struct roster *r, struct cells *c, enum roster_field f, int fold)
{
	struct strbuf *b = &r->scratch;
	enum textsafe_class cls =
	    f == ROSTER_NOTES || f == ROSTER_HOUSEHOLD_NOTES ? TEXTSAFE_NOTES : TEXTSAFE_LINE;
	struct err e;
	size_t gone;

	clean_into(b, c->raw[f], fold);
	gone = textsafe_strip_invisible(b->s);
	if (gone) {
		b->len = strlen(b->s);
		if (!c->warned[f])
			add_issue(r, c->line, title_of(r, f), ROSTER_WARNING,
				  _("%zu invisible character(s) (zero-width, U+FEFF) removed"), gone);
		c->warned[f] = 1;
	}
	err_clear(&e);
	/* Translated only for the message: a gettext call per cell was a tenth
	 * of a large import. */
	if (textsafe_check(b->s, cls, field_names[f], "", &e) < 0) {
		err_clear(&e);
		textsafe_check(b->s, cls, field_names[f], _("the text"), &e);
		if (!c->refused[f])
			row_error(r, c, c->line, f, "%s", e.msg);
		c->refused[f] = 1;
		strbuf_reset(b);
		strbuf_add(b, "", 0);
		return 0;
	}
	/* The apostrophe a doorstep export puts before a formula-like text
	 * ('=1+1) comes off again, so that an export imports unchanged. */
	if (b->len > 1 && b->s[0] == '\'' && csvout_is_formula(b->s, b->len)) {
		memmove(b->s, b->s + 1, b->len);
		b->len--;
	}
	/* '411202... : the apostrophe Excel users type to keep digits as text. */
	if (f == ROSTER_ID_NUMBER || f == ROSTER_PHONE || f == ROSTER_HOUSEHOLD_PHONE)
		strip_quotes(b);
	return b->len;
}

/* A free text cell: single line unless multiline, at most max bytes. */
/* A text cell of column table.column (its limit: core/limits.h). */
static void check_text(struct roster *r, struct cells *c, long line, enum roster_field f, int fold,
		       int multiline, const char *table, const char *column)
{
	size_t n = cell_clean(r, c, f, fold), chars;
	int max = limits_max(table, column);

	if (!n)
		return;
	if (has_control(r->scratch.s, multiline)) {
		row_error(r, c, line, f,
			  multiline ? _("control characters in the text")
				    : _("a line break or control character; this "
					"column holds one line"));
		return;
	}
	chars = limits_chars(r->scratch.s);
	if (max && chars > (size_t)max) {
		row_error(r, c, line, f, _("too long (%zu characters, at most %d)"), chars, max);
		return;
	}
	c->val[f] = pool_add(r, r->scratch.s, n);
}

/* A name: trimmed, runs of spaces made one, and no space between two Chinese
 * characters (张  三 is how a two-character name is padded to line up). */
static void check_name(struct roster *r, struct cells *c, long line)
{
	const unsigned char *p;
	struct strbuf *out = &r->scratch2;
	unsigned prev = 0;
	int pending_space = 0;
	size_t len;

	if (!cell_clean(r, c, ROSTER_NAME, 0)) {
		if (!c->refused[ROSTER_NAME])
			row_error(r, c, line, ROSTER_NAME,
				  _("empty; every row needs the resident's name"));
		return;
	}
	if (has_control(r->scratch.s, 0)) {
		row_error(r, c, line, ROSTER_NAME,
			  _("a line break or control character in a name"));
		return;
	}
	strbuf_reset(out);
	strbuf_add(out, "", 0);
	for (p = (const unsigned char *)r->scratch.s; *p; p += len) {
		unsigned cp = utf8_next(p, &len);

		if (is_space_cp(cp)) {
			pending_space = 1;
			continue;
		}
		if (pending_space && !(is_cjk(prev) && is_cjk(cp)))
			strbuf_putc(out, ' ');
		pending_space = 0;
		strbuf_add(out, (const char *)p, len);
		prev = cp;
	}
	if (limits_chars(out->s) > (size_t)limits_max("residents", "name")) {
		row_error(r, c, line, ROSTER_NAME, _("too long (%zu characters, at most %d)"),
			  limits_chars(out->s), limits_max("residents", "name"));
		return;
	}
	c->val[ROSTER_NAME] = pool_add(r, out->s, out->len);
}

static void check_enum(struct roster *r, struct cells *c, long line, enum roster_field f,
		       const struct enum_entry *t, const struct alias *a)
{
	const char *code;

	if (!cell_clean(r, c, f, 1))
		return;
	code = match_enum(t, a, r->scratch.s);
	if (!code) {
		char *choices = enum_choices(t);

		row_error(r, c, line, f, _("unknown value \"%s\"; use one of %s"), r->scratch.s,
			  choices);
		free(choices);
		return;
	}
	c->val[f] = pool_add(r, code, strlen(code));
}

/* A masked number (411202********1234, 138****5678: an export without
 * --full-ids) cannot be imported: said once for the file, not per cell. */
static int is_masked(struct roster *r, struct cells *c, long line, enum roster_field f)
{
	if (!strchr(r->scratch.s, '*'))
		return 0;
	if (!r->masked_reported) {
		row_error(r, c, line, f,
			  _("\"%s\" is masked, and so may be other numbers of the file: an "
			    "export made without --full-ids cannot be imported; export again with "
			    "--full-ids"),
			  r->scratch.s);
		r->masked_reported = 1;
	} else {
		c->bad = 1;
	}
	return 1;
}

static void check_phone(struct roster *r, struct cells *c, long line, enum roster_field f)
{
	char out[PHONE_MAX];
	struct err e;

	if (!cell_clean(r, c, f, 1))
		return;
	if (is_scientific(r->scratch.s) || c->kind[f] == CELL_LOST_DIGITS) {
		row_error(r, c, line, f,
			  _("\"%s\" is a number that Excel shortened; format the column as text "
			    "and type the number again"),
			  r->scratch.s);
		return;
	}
	if (is_masked(r, c, line, f))
		return;
	if (c->kind[f] == CELL_NUMBER && r->scratch.s[0] != '1' && r->scratch.len >= 9 &&
	    r->scratch.len <= 11) {
		row_error(r, c, line, f,
			  _("%s is stored as a number, which loses the 0 in front of an area "
			    "code; format the column as text and type the number again"),
			  r->scratch.s);
		return;
	}
	err_clear(&e);
	if (phone_parse(r->scratch.s, out, sizeof out, &e) < 0) {
		row_error(r, c, line, f, "%s", rule_message(&e));
		return;
	}
	c->val[f] = pool_add(r, out, strlen(out));
}

static void check_date(struct roster *r, struct cells *c, long line, enum roster_field f,
		       struct date *d)
{
	char iso[DATE_STR];

	d->y = 0;
	if (!cell_clean(r, c, f, 1))
		return;
	if (parse_loose_date(r->scratch.s, d, f == ROSTER_BIRTH_DATE) < 0) {
		d->y = 0;
		row_error(r, c, line, f, _("\"%s\" is not a date (write 2020-02-15)"),
			  r->scratch.s);
		return;
	}
	if (d->d && date_cmp(d, &r->today) > 0) {
		row_error(r, c, line, f, _("%s is in the future"), r->scratch.s);
		d->y = 0;
		return;
	}
	if (d->d) {
		date_format(d, iso);
		c->val[f] = pool_add(r, iso, strlen(iso));
	}
}

static void check_tags(struct roster *r, struct cells *c, long line)
{
	struct strbuf *out = &r->scratch2;
	char *copy, *tok, *save = NULL;

	if (!cell_clean(r, c, ROSTER_TAGS, 1))
		return;
	copy = xstrdup(r->scratch.s);
	/* Separators: , ; / space and the Chinese 、，；／ (，； fold to ASCII). */
	for (char *p = copy; *p; p++)
		if (!strncmp(p, "、", 3))
			memcpy(p, ",  ", 3);
	strbuf_reset(out);
	strbuf_add(out, "", 0);
	for (tok = strtok_r(copy, ",;/ ", &save); tok; tok = strtok_r(NULL, ",;/ ", &save)) {
		const char *code = match_enum(model_tag, tag_alias, tok);

		if (!code) {
			char *choices = enum_choices(model_tag);

			row_error(r, c, line, ROSTER_TAGS, _("unknown tag \"%s\"; use %s"), tok,
				  choices);
			free(choices);
			free(copy);
			return;
		}
		/* Each tag once. */
		int dup = 0;
		size_t cl = strlen(code);

		for (const char *q = out->s; q && *q;) {
			const char *comma = strchr(q, ',');
			size_t ql = comma ? (size_t)(comma - q) : strlen(q);

			if (ql == cl && !strncmp(q, code, cl))
				dup = 1;
			q += ql + (comma ? 1 : 0);
		}
		if (dup)
			continue;
		if (out->len)
			strbuf_putc(out, ',');
		strbuf_puts(out, code);
	}
	free(copy);
	if (out->len)
		c->val[ROSTER_TAGS] = pool_add(r, out->s, out->len);
}

/* ID type, number, birth date and sex together: the number gives the other
 * two, which must then agree with their columns. */
static void check_identity(struct roster *r, struct cells *c, long line)
{
	enum idcard_type type = IDCARD_RESIDENT;
	struct idcard card;
	struct date birth = {0, 0, 0};
	struct err e;
	char iso[DATE_STR];
	int have_card = 0;

	check_enum(r, c, line, ROSTER_ID_TYPE, model_id_type, id_type_alias);
	if (c->val[ROSTER_ID_TYPE])
		type = (enum idcard_type)idcard_type_from_code(r->pool + c->val[ROSTER_ID_TYPE]);
	else if (cell_clean(r, c, ROSTER_ID_TYPE, 1))
		type = (enum idcard_type) - 1; /* a wrong type, already reported */
	check_enum(r, c, line, ROSTER_SEX, model_sex, sex_alias);
	check_date(r, c, line, ROSTER_BIRTH_DATE, &birth);

	if (cell_clean(r, c, ROSTER_ID_NUMBER, 1)) {
		const char *s = r->scratch.s;

		err_clear(&e);
		if (is_masked(r, c, line, ROSTER_ID_NUMBER)) {
			/* said once */
		} else if (is_scientific(s) || c->kind[ROSTER_ID_NUMBER] == CELL_LOST_DIGITS) {
			row_error(r, c, line, ROSTER_ID_NUMBER,
				  _("\"%s\" is a number that Excel shortened; format the column as "
				    "text and type the number again"),
				  s);
		} else if ((int)type < 0) {
			/* The ID type column was wrong: already reported. */
		} else if (idcard_parse(s, type, &r->today, &card, &e) < 0) {
			size_t n = strlen(s);

			if (type == IDCARD_RESIDENT && n == 18 && !strcmp(s + 15, "000") &&
			    idcard_checksum_char(s) != s[17])
				row_error(r, c, line, ROSTER_ID_NUMBER,
					  _("%s (its last digits are 000: Excel keeps only 15 "
					    "digits of a number; format the column as text)"),
					  rule_message(&e));
			else
				row_error(r, c, line, ROSTER_ID_NUMBER, "%s", rule_message(&e));
		} else {
			have_card = 1;
			c->val[ROSTER_ID_NUMBER] = pool_add(r, card.number, strlen(card.number));
			if (type == IDCARD_RESIDENT && strlen(card.number) == 18 &&
			    !strcmp(card.number + 15, "000"))
				add_issue(r, line, title_of(r, ROSTER_ID_NUMBER), ROSTER_WARNING,
					  _("%s ends in 000: a roster kept in Excel may have lost "
					    "its last digits; check it against the ID card"),
					  card.number);
			if (!c->val[ROSTER_ID_TYPE] && type == IDCARD_RESIDENT)
				c->val[ROSTER_ID_TYPE] = pool_add(r, "id", 2);
		}
	}
	if (!have_card) {
		if (birth.y && !birth.d)
			row_error(r, c, line, ROSTER_BIRTH_DATE,
				  _("only a month is given; write the whole date (2020-02-15)"));
		return;
	}
	if (card.birth.y) {
		date_format(&card.birth, iso);
		if (birth.y && (birth.y != card.birth.y || birth.m != card.birth.m ||
				(birth.d && birth.d != card.birth.d)))
			row_error(r, c, line, ROSTER_BIRTH_DATE,
				  _("%s does not match the ID number, which gives %s"),
				  c->raw[ROSTER_BIRTH_DATE], iso);
		else if (!c->val[ROSTER_BIRTH_DATE] || birth.d == 0)
			c->val[ROSTER_BIRTH_DATE] = pool_add(r, iso, strlen(iso));
	} else if (birth.y && !birth.d) {
		row_error(r, c, line, ROSTER_BIRTH_DATE,
			  _("only a month is given; write the whole date (2020-02-15)"));
	}
	if (card.sex) {
		const char *sex = card.sex == 'M' ? "M" : "F";

		if (c->val[ROSTER_SEX] && strcmp(r->pool + c->val[ROSTER_SEX], sex))
			row_error(r, c, line, ROSTER_SEX, _("%s does not match the ID number (%s)"),
				  c->raw[ROSTER_SEX], card.sex == 'M' ? "男" : "女");
		else if (!c->val[ROSTER_SEX])
			c->val[ROSTER_SEX] = pool_add(r, sex, 1);
	}
}

/* The household of this row: found by code or added; its columns merged,
 * a disagreement with another row of it reported. */
static void merge_household(struct roster *r, struct cells *c, long line, uint32_t *hh_out)
{
	const char *code = r->pool + c->val[ROSTER_CODE];
	long j = map_get(r, &r->by_code, code);
	struct hh *h;

	if (j < 0) {
		if (r->nhh == r->hh_cap) {
			r->hh_cap = r->hh_cap ? r->hh_cap * 2 : 256;
			r->hhs = xrealloc(r->hhs, r->hh_cap * sizeof *r->hhs);
		}
		j = (long)r->nhh++;
		memset(&r->hhs[j], 0, sizeof r->hhs[j]);
		map_put(r, &r->by_code, c->val[ROSTER_CODE], j);
	}
	h = &r->hhs[j];
	*hh_out = (uint32_t)j;
	if (!h->val[ROSTER_CODE]) {
		h->val[ROSTER_CODE] = c->val[ROSTER_CODE];
		h->line[ROSTER_CODE] = line;
	}
	for (int f = ROSTER_CODE + 1; f < ROSTER_FIRST_RESIDENT_FIELD; f++) {
		if (!c->val[f])
			continue;
		if (!h->val[f]) {
			h->val[f] = c->val[f];
			h->line[f] = line;
		} else if (strcmp(r->pool + h->val[f], r->pool + c->val[f])) {
			row_error(r, c, line, (enum roster_field)f,
				  _("household %s has \"%s\" on line %ld but \"%s\" here"), code,
				  r->pool + h->val[f], h->line[f], r->pool + c->val[f]);
		}
	}
}

/* 1 when no imported column of the row holds more than white space. */
static int is_blank_row(const struct cells *c)
{
	for (int f = 0; f < ROSTER_FIELD_COUNT; f++) {
		const unsigned char *p = (const unsigned char *)c->raw[f];
		size_t len;

		while (*p) {
			if (!is_space_cp(utf8_next(p, &len)))
				return 0;
			p += len;
		}
	}
	return 1;
}

/* A file whose ID numbers sit under a title not understood would import its
 * residents without them: an error, not the usual warning. */
static void look_for_id_column(struct roster *r, const struct csvread_row *row)
{
	if (r->field_col[ROSTER_ID_NUMBER] >= 0 || r->id_column_checked || r->nrows > 50)
		return;
	for (int i = 0; i < row->n && i < r->ncols; i++) {
		struct idcard card;
		struct err e;

		if (r->col_field[i] >= 0 || !r->titles[i][0] || strlen(row->fields[i]) != 18)
			continue;
		if (idcard_parse(row->fields[i], IDCARD_RESIDENT, &r->today, &card, &e) < 0)
			continue;
		add_issue(r, r->header_line, r->titles[i], ROSTER_ERROR,
			  _("this column holds ID numbers but its title is not understood: title "
			    "it 身份证号 (or add the title to roster_headers.txt), else the residents "
			    "would be imported without them"));
		r->id_column_checked = 1;
		return;
	}
}

static void check_row(struct roster *r, const struct csvread_row *row)
{
	struct cells c;
	struct row *out;
	long line = row->line;
	uint32_t hh = 0;
	int has_code;

	memset(&c, 0, sizeof c);
	c.line = line;
	for (int f = 0; f < ROSTER_FIELD_COUNT; f++) {
		int col = r->field_col[f];

		c.raw[f] = col >= 0 && col < row->n ? row->fields[col] : "";
		c.kind[f] = col >= 0 && col < row->n && row->kinds ? row->kinds[col] : CELL_TEXT;
	}
	/* A template row (only 序号 filled in, or cells of spaces) is blank. */
	if (is_blank_row(&c))
		return;
	look_for_id_column(r, row);
	if (row->n > r->ncols && !r->warned_extra) {
		for (int i = r->ncols; i < row->n; i++) {
			if (row->fields[i][0]) {
				add_issue(r, line, "", ROSTER_WARNING,
					  _("cells beyond the last titled column are ignored"));
				r->warned_extra = 1;
				break;
			}
		}
	}

	/* The household code; empty continues the household above. */
	has_code = cell_clean(r, &c, ROSTER_CODE, 1) > 0;
	if (has_code) {
		check_text(r, &c, line, ROSTER_CODE, 1, 0, "households", "code");
	} else if (r->prev_code) {
		c.val[ROSTER_CODE] = r->prev_code;
	} else {
		row_error(r, &c, line, ROSTER_CODE,
			  _("empty; the first row of a household needs its code"));
	}
	check_text(r, &c, line, ROSTER_COMPOUND, 0, 0, "households", "compound");
	check_text(r, &c, line, ROSTER_BUILDING, 1, 0, "households", "building");
	check_text(r, &c, line, ROSTER_UNIT, 1, 0, "households", "unit");
	check_text(r, &c, line, ROSTER_ROOM, 1, 0, "households", "room");
	check_text(r, &c, line, ROSTER_ADDRESS, 0, 0, "households", "address");
	check_text(r, &c, line, ROSTER_GRID, 0, 0, "grids", "name");
	check_phone(r, &c, line, ROSTER_HOUSEHOLD_PHONE);
	check_text(r, &c, line, ROSTER_HOUSEHOLD_NOTES, 0, 1, "households", "notes");

	check_name(r, &c, line);
	check_identity(r, &c, line);
	check_phone(r, &c, line, ROSTER_PHONE);
	check_enum(r, &c, line, ROSTER_RELATION, model_relation, relation_alias);
	check_enum(r, &c, line, ROSTER_STATUS, model_status, status_alias);
	check_tags(r, &c, line);
	check_text(r, &c, line, ROSTER_RETURNED_FROM, 0, 0, "residents", "returned_from");
	{
		struct date d;

		check_date(r, &c, line, ROSTER_RETURN_DATE, &d);
	}
	check_text(r, &c, line, ROSTER_NOTES, 0, 1, "residents", "notes");

	if (!c.val[ROSTER_CODE])
		return; /* nothing to check against other rows */
	r->prev_code = c.val[ROSTER_CODE];
	merge_household(r, &c, line, &hh);

	/* An ID number once in the file. */
	if (c.val[ROSTER_ID_NUMBER]) {
		long other = map_get(r, &r->by_id, r->pool + c.val[ROSTER_ID_NUMBER]);

		if (other >= 0)
			row_error(r, &c, line, ROSTER_ID_NUMBER,
				  _("the same ID number is already on line %ld"), other);
		else
			map_put(r, &r->by_id, c.val[ROSTER_ID_NUMBER], line);
	}
	/* A name once in a household unless ID numbers tell them apart. */
	if (c.val[ROSTER_NAME]) {
		struct strbuf *k = &r->scratch;
		long other;

		strbuf_reset(k);
		strbuf_printf(k, "%u\x1f%s", hh, r->pool + c.val[ROSTER_NAME]);
		other = map_get(r, &r->by_name, k->s);
		if (other >= 0) {
			const struct row *o = &r->rows[other];

			if (!c.val[ROSTER_ID_NUMBER] || !o->val[ROSTER_ID_NUMBER])
				row_error(r, &c, line, ROSTER_NAME,
					  _("%s is already on line %ld in household %s; give both "
					    "their ID numbers or remove one"),
					  r->pool + c.val[ROSTER_NAME], o->line,
					  r->pool + r->hhs[hh].val[ROSTER_CODE]);
		} else {
			map_put(r, &r->by_name, pool_add(r, k->s, k->len), (long)r->nrows);
		}
	}
	if (c.val[ROSTER_RELATION] && !strcmp(r->pool + c.val[ROSTER_RELATION], "head")) {
		struct hh *h = &r->hhs[hh];

		if (h->head_line)
			add_issue(r, line, title_of(r, ROSTER_RELATION), ROSTER_WARNING,
				  _("household %s already has a head on line %ld"),
				  r->pool + h->val[ROSTER_CODE], h->head_line);
		else
			h->head_line = line;
	}

	if (r->nrows == r->rows_cap) {
		r->rows_cap = r->rows_cap ? r->rows_cap * 2 : 1024;
		r->rows = xrealloc(r->rows, r->rows_cap * sizeof *r->rows);
	}
	out = &r->rows[r->nrows++];
	out->line = line;
	out->hh = hh;
	memcpy(out->val, c.val, sizeof out->val);
}

/* The number of the row's cells that are known titles. */
static int known_titles(const struct roster *r, const struct csvread_row *row)
{
	int known = 0;

	for (int i = 0; i < row->n; i++)
		if (roster_headers_lookup(r->headers, row->fields[i]) >= 0)
			known++;
	return known;
}

static void keep_pending(struct roster *r, const struct csvread_row *row)
{
	struct pending_row *p;

	r->pending = xrealloc(r->pending, (size_t)(r->npending + 1) * sizeof *r->pending);
	p = &r->pending[r->npending++];
	p->line = row->line;
	p->n = row->n;
	p->fields = xcalloc((size_t)row->n, sizeof *p->fields);
	p->kinds = NULL;
	for (int i = 0; i < row->n; i++)
		p->fields[i] = xstrdup(row->fields[i]);
	if (row->kinds) {
		p->kinds = xmalloc((size_t)row->n);
		memcpy(p->kinds, row->kinds, (size_t)row->n);
	}
}

static struct csvread_row pending_row(const struct pending_row *p)
{
	struct csvread_row row = {p->line, p->n, p->fields, p->kinds};

	return row;
}

/* Chooses the header among the rows kept so far: the one that maps the most
 * known titles (the first of equals), else the first that take_header takes
 * (it explains a file separated by tabs or semicolons); the kept rows after
 * it are checked. */
static void choose_header(struct roster *r)
{
	int best = -1, best_known = 0, i = 0, h = 0;

	r->header_searched = 1;
	for (int k = 0; k < r->npending; k++) {
		struct csvread_row row = pending_row(&r->pending[k]);
		int known = known_titles(r, &row);

		if (known > best_known) {
			best = k;
			best_known = known;
		}
	}
	if (best >= 0) {
		struct csvread_row row = pending_row(&r->pending[best]);

		i = best;
		h = take_header(r, &row);
	} else {
		for (; i < r->npending && !h; i++) {
			struct csvread_row row = pending_row(&r->pending[i]);

			h = take_header(r, &row);
		}
		i--;
	}
	if (h < 0)
		r->stop = 1;
	for (int k = i + 1; h > 0 && k < r->npending; k++) {
		struct csvread_row row = pending_row(&r->pending[k]);

		check_row(r, &row);
	}
}

int roster_feed(const struct csvread_row *row, void *ctx)
{
	struct roster *r = ctx;

	if (r->stop)
		return 1;
	if (r->header_line) {
		check_row(r, row);
		return 0;
	}
	if (r->header_searched) {
		/* Ten rows and no header yet: the rows before went on as titles. */
		if (take_header(r, row) < 0)
			r->stop = 1;
		return r->stop;
	}
	keep_pending(r, row);
	if (r->npending == HEADER_SEARCH_ROWS)
		choose_header(r);
	return r->stop;
}

int roster_finish(struct roster *r)
{
	if (!r->header_searched)
		choose_header(r);
	if (!r->stop && !r->header_line)
		add_issue(r, 0, "", ROSTER_ERROR,
			  _("no header row: the file has no columns titled like 户号 and 姓名 "
			    "(see roster_headers.txt for the titles understood)"));
	else if (!r->stop && !r->nrows && !r->nerrors)
		add_issue(r, 0, "", ROSTER_ERROR, _("the file has a header but no rows"));
	return r->nerrors ? -1 : 0;
}

int roster_read(struct roster *r, const char *text, size_t n)
{
	struct err e;

	err_clear(&e);
	if (csvread_text(text, n, roster_feed, r, &e) < 0) {
		add_issue(r, e.line, "", ROSTER_ERROR, "%s", e.msg);
		return -1;
	}
	return roster_finish(r);
}
