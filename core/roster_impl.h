/* roster_impl: what the three parts of the roster share (roster.c: the
 * roster, its header row and the cross-row checks; roster_headers.c: the
 * synonym table and the text helpers; roster_cells.c: the checks of one
 * row's cells).  Not for use outside core/roster*.c.
 *
 * All text of a roster lives in one string pool addressed by offsets (0 is
 * "absent"), so that 100,000 rows cost a handful of allocations and no
 * pointer goes stale when the pool grows. */
#ifndef DOORSTEP_ROSTER_IMPL_H
#define DOORSTEP_ROSTER_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "core/roster.h"
#include "core/strbuf.h"

/* Each field's English name, for a column that is absent (roster_headers.c). */
extern const char *const roster_field_names[ROSTER_FIELD_COUNT + 1];

/* Decodes one code point at s (a stray byte is taken as itself) and sets
 * *len. */
unsigned roster_utf8_next(const unsigned char *s, size_t *len);
/* 1 for white space (ASCII, ideographic, no-break). */
int roster_is_space_cp(unsigned c);
/* 1 for a CJK ideograph (the characters of Chinese names). */
int roster_is_cjk(unsigned c);
/* Copies s into b trimmed of white space at both ends; with fold, full-width
 * ASCII forms become ASCII and the ideographic space a space. */
void roster_clean_into(struct strbuf *b, const char *s, int fold);

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

/* Adds s (n bytes) to the pool; returns its offset. */
uint32_t roster_pool_add(struct roster *r, const char *s, size_t n);
/* Records an issue at line under the column titled column. */
void roster_add_issue(struct roster *r, long line, const char *column, enum roster_severity sev,
		      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
