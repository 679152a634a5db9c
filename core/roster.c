/* roster: the roster, its header row and the cross-row checks; see roster.h
 * (the cells of a row are roster_cells.c's, the synonym table roster_headers.c's).
 *
 * Cross-row checks use small
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

#include "core/roster_cells.h"
#include "core/roster_impl.h"

#define HEADER_SEARCH_ROWS 10  /* rows looked at for the header */

/* How the required fields are named when missing. */
static const char *const required_hint[] = {
    [ROSTER_CODE] = N_("household code (户号 / code)"),
    [ROSTER_NAME] = N_("name (姓名 / name)"),
};

/* ---- the roster ---- */

uint32_t roster_pool_add(struct roster *r, const char *s, size_t n)
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
	roster_pool_add(r, "", 0); /* offset 0 means absent */
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


void roster_add_issue(struct roster *r, long line, const char *column, enum roster_severity sev,
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
			roster_add_issue(
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

		roster_clean_into(b, row->fields[i], 0);
		textsafe_strip_invisible(b->s); /* a BOM or zero-width space before a title */
		r->titles[i] = xstrdup(strbuf_str(b));
		f = r->titles[i][0] ? roster_headers_lookup(r->headers, r->titles[i]) : -1;
		r->col_field[i] = f;
		if (!r->titles[i][0])
			continue;
		if (f < 0) {
			roster_add_issue(r, row->line, r->titles[i], ROSTER_WARNING,
				  _("unknown column, ignored"));
		} else if (f < ROSTER_FIELD_COUNT) {
			if (r->field_col[f] >= 0) {
				roster_add_issue(
				    r, row->line, r->titles[i], ROSTER_ERROR,
				    _("column %d is the same field (%s) as column %d (\"%s\")"),
				    i + 1, roster_field_names[f], r->field_col[f] + 1,
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
			roster_add_issue(r, row->line, "", ROSTER_ERROR,
				  _("the required column %s is missing; no row was read"),
				  _(required_hint[required[k]]));
	return r->nerrors ? -1 : 1;
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
			roster_row_error(r, c, line, (enum roster_field)f,
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
			if (!roster_is_space_cp(roster_utf8_next(p, &len)))
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
		roster_add_issue(r, r->header_line, r->titles[i], ROSTER_ERROR,
			  _("this column holds ID numbers but its title is not understood: title "
			    "it 身份证号 (or add the title to roster_headers.txt), else the residents "
			    "would be imported without them"));
		r->id_column_checked = 1;
		return;
	}
}


/* The key of a name within household hh in r->by_name: "hh\x1fname" (as
 * strbuf_printf would write it, without its cost on every row). */
static void name_key(struct strbuf *k, unsigned hh, const char *name)
{
	char digits[16];
	int n = 0;

	do
		digits[n++] = (char)('0' + hh % 10);
	while ((hh /= 10) > 0);
	while (n > 0)
		strbuf_putc(k, digits[--n]);
	strbuf_putc(k, '\x1f');
	strbuf_puts(k, name);
}
static void check_row(struct roster *r, const struct csvread_row *row)
{
	struct cells c;
	struct row *out;
	long line = row->line;
	uint32_t hh = 0;

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
				roster_add_issue(r, line, "", ROSTER_WARNING,
					  _("cells beyond the last titled column are ignored"));
				r->warned_extra = 1;
				break;
			}
		}
	}

	roster_check_cells(r, &c);

	if (!c.val[ROSTER_CODE])
		return; /* nothing to check against other rows */
	r->prev_code = c.val[ROSTER_CODE];
	merge_household(r, &c, line, &hh);

	/* An ID number once in the file. */
	if (c.val[ROSTER_ID_NUMBER]) {
		long other = map_get(r, &r->by_id, r->pool + c.val[ROSTER_ID_NUMBER]);

		if (other >= 0)
			roster_row_error(r, &c, line, ROSTER_ID_NUMBER,
				  _("the same ID number is already on line %ld"), other);
		else
			map_put(r, &r->by_id, c.val[ROSTER_ID_NUMBER], line);
	}
	/* A name once in a household unless ID numbers tell them apart. */
	if (c.val[ROSTER_NAME]) {
		struct strbuf *k = &r->scratch;
		long other;

		strbuf_reset(k);
		name_key(k, hh, r->pool + c.val[ROSTER_NAME]);
		other = map_get(r, &r->by_name, k->s);
		if (other >= 0) {
			const struct row *o = &r->rows[other];

			if (!c.val[ROSTER_ID_NUMBER] || !o->val[ROSTER_ID_NUMBER])
				roster_row_error(r, &c, line, ROSTER_NAME,
					  _("%s is already on line %ld in household %s; give both "
					    "their ID numbers or remove one"),
					  r->pool + c.val[ROSTER_NAME], o->line,
					  r->pool + r->hhs[hh].val[ROSTER_CODE]);
		} else {
			map_put(r, &r->by_name, roster_pool_add(r, k->s, k->len), (long)r->nrows);
		}
	}
	if (c.val[ROSTER_RELATION] && !strcmp(r->pool + c.val[ROSTER_RELATION], "head")) {
		struct hh *h = &r->hhs[hh];

		if (h->head_line)
			roster_add_issue(r, line, roster_title_of(r, ROSTER_RELATION), ROSTER_WARNING,
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
		roster_add_issue(r, 0, "", ROSTER_ERROR,
			  _("no header row: the file has no columns titled like 户号 and 姓名 "
			    "(see roster_headers.txt for the titles understood)"));
	else if (!r->stop && !r->nrows && !r->nerrors)
		roster_add_issue(r, 0, "", ROSTER_ERROR, _("the file has a header but no rows"));
	return r->nerrors ? -1 : 0;
}

int roster_read(struct roster *r, const char *text, size_t n)
{
	struct err e;

	err_clear(&e);
	if (csvread_text(text, n, roster_feed, r, &e) < 0) {
		roster_add_issue(r, e.line, "", ROSTER_ERROR, "%s", e.msg);
		return -1;
	}
	return roster_finish(r);
}
