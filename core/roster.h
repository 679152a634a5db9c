/* roster: a committee's resident roster (花名册) read from CSV and checked.
 *
 * A roster has one row per resident with the household's columns beside
 * (docs/households.md).  Its header row is mapped to doorstep's fields through a table
 * of synonyms (data/roster_headers.txt), in any order, in Chinese or English,
 * ignoring spaces, case and full-width forms; unknown columns are reported
 * and ignored, and a file without the required columns (household code and
 * name) stops before any row.  Each row is then checked with the rules of
 * docs/design.md#rules (ID number, phone, dates, enumerations) and normalised (full-width
 * digits folded, codes for enumerations, ISO dates), and the rows are checked
 * against each other: an ID number may appear once, a resident's name once in
 * a household unless ID numbers tell them apart, and two rows of one
 * household may not disagree about its columns.  A row whose household code
 * is empty continues the household above it (what Excel writes for merged
 * cells), and a household column left empty takes the value from another row
 * of the same household.
 *
 * Every problem is kept as an issue with its line and column, so that the
 * caller can list them all; nothing here touches a database (db/roster.h
 * writes a checked roster). */
#ifndef DOORSTEP_ROSTER_H
#define DOORSTEP_ROSTER_H

#include <stddef.h>

#include "core/csvread.h"
#include "core/date.h"
#include "core/err.h"
#include "core/roster_headers.h"

/* The fields a roster column can fill. */
enum roster_field {
	/* household */
	ROSTER_CODE,
	ROSTER_COMPOUND,
	ROSTER_BUILDING,
	ROSTER_UNIT,
	ROSTER_ROOM,
	ROSTER_ADDRESS,
	ROSTER_GRID,
	ROSTER_HOUSEHOLD_PHONE,
	ROSTER_HOUSEHOLD_NOTES,
	/* resident */
	ROSTER_NAME,
	ROSTER_SEX,
	ROSTER_ID_TYPE,
	ROSTER_ID_NUMBER,
	ROSTER_BIRTH_DATE,
	ROSTER_PHONE,
	ROSTER_RELATION,
	ROSTER_STATUS,
	ROSTER_TAGS,
	ROSTER_RETURNED_FROM,
	ROSTER_RETURN_DATE,
	ROSTER_TRAVEL,
	ROSTER_NOTES,
	ROSTER_FIELD_COUNT,
	ROSTER_IGNORE = ROSTER_FIELD_COUNT, /* a known column that is not imported */
};

/* The first resident field: fields below it describe the household. */
#define ROSTER_FIRST_RESIDENT_FIELD ROSTER_NAME

/* ---- reading and checking ---- */

struct roster;

enum roster_severity {
	ROSTER_ERROR,	/* the file cannot be imported */
	ROSTER_WARNING, /* reported, imported anyway */
};

struct roster_issue {
	long line;	     /* 1-based line (a workbook's row number), 0 for the file */
	int col;	     /* 0-based column of the file the issue is in, or -1 */
	const char *column;  /* the file's own header title, or "" */
	const char *message; /* English, e.g. "check digit should be 7, not 5" */
	enum roster_severity severity;
};

/* A new empty roster that maps headers with h (borrowed: keep it alive as long
 * as the roster) and checks dates against today (no date may be later). */
struct roster *roster_new(const struct roster_headers *h, const struct date *today);

void roster_free(struct roster **r);

/* Reads a whole roster from UTF-8 text (core/encoding.h converts a file):
 * the header row, then every row.  Rows above the header that map no two
 * known columns (a title such as "XX社区居民花名册") are skipped.
 *
 * Returns 0 when the roster may be imported (warnings allowed), or -1 when
 * it may not: at least one issue of severity ROSTER_ERROR was recorded (a
 * malformed CSV, no header, a missing required column, bad rows).  Call once
 * per roster. */
int roster_read(struct roster *r, const char *text, size_t n);

/* The same, row by row, for rows that come from elsewhere (a workbook's
 * sheet, core/workbook.h): roster_feed is a csvread_fn taking the roster as
 * its ctx; roster_finish ends the reading and returns as roster_read.  The
 * header is the row among the first ten that maps the most known titles;
 * the rows above it (a title, a block of 街道：… 社区：… cells) are skipped. */
int roster_feed(const struct csvread_row *row, void *roster);
int roster_finish(struct roster *r);

/* Issues in the order found (header issues first, then by line). */
size_t roster_issue_count(const struct roster *r);
const struct roster_issue *roster_issue_at(const struct roster *r, size_t i);
size_t roster_error_count(const struct roster *r);

/* The header mapping, for a preview: the number of columns of the header
 * row, each column's title and the field it maps to (-1 unknown,
 * ROSTER_IGNORE).  The column of a field, or -1 when absent. */
int roster_column_count(const struct roster *r);
const char *roster_column_title(const struct roster *r, int col);
int roster_column_field(const struct roster *r, int col);
int roster_field_column(const struct roster *r, enum roster_field f);
/* The line of the header row (0 before reading). */
long roster_header_line(const struct roster *r);

/* ---- the checked rows ---- */

/* Checked rows (one resident each) and households (in the order their code
 * first appears).  Values are normalised: enumerations as their stored codes
 * (sex M/F, relation head/spouse/...), ID numbers canonical, phones as
 * core/phone writes them, dates ISO, tags a comma-separated list of codes.
 * NULL means the cell was empty or the column absent: an import never
 * erases a stored value with it. */
size_t roster_row_count(const struct roster *r);
size_t roster_household_count(const struct roster *r);

/* The value of field f in row i (resident fields and ROSTER_CODE), or NULL.
 * Valid until roster_free. */
const char *roster_row_value(const struct roster *r, size_t i, enum roster_field f);
/* The line of row i. */
long roster_row_line(const struct roster *r, size_t i);
/* The household (index for roster_household_value) of row i. */
size_t roster_row_household(const struct roster *r, size_t i);

/* The value of household field f (below ROSTER_FIRST_RESIDENT_FIELD) of
 * household j, gathered from all its rows, or NULL. */
const char *roster_household_value(const struct roster *r, size_t j, enum roster_field f);

#endif
