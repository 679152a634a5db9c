/* profile: an office's export layout, read from a small .ini file.
 *
 * A profile names a dataset, its columns in order with the header each office
 * wants, and optionally the encoding, a default date range, whether ID
 * numbers and phones are written in full, and whether enumerations are
 * written as codes or Chinese labels:
 *
 *     ; 隔离人员名单 for the street office
 *     [profile]
 *     title = 隔离人员名单
 *     dataset = isolations
 *     format = csv             ; csv (default) or xlsx
 *     encoding = utf8-bom      ; utf8-bom, utf8, gb18030 (for csv)
 *     from = -13               ; any date a form accepts: 2020-02-01, 0201, t, -1
 *     to = t
 *     ids = full               ; masked (default) or full
 *     labels = zh              ; zh or codes; default zh when a title is Chinese
 *
 *     [columns]
 *     name = 姓名              ; column of the dataset = header title
 *     id_number = 身份证号
 *     kind =                   ; an empty title takes the column's Chinese title
 *
 * Lines are `key = value`; `;` or `#` start a comment (at the start of a
 * line, or after whitespace in a value); a UTF-8 BOM and CRLF are accepted.
 * Every mistake is an error with its line: an unknown section, key, dataset,
 * encoding or column ("unknown column \"idnumber\" in dataset isolations"). */
#ifndef DOORSTEP_PROFILE_H
#define DOORSTEP_PROFILE_H

#include <stddef.h>

#include "core/csvout.h"
#include "core/err.h"
#include "core/export.h"

struct profile_column {
	int index;   /* into dataset->cols */
	char *title; /* header text; owned */
};

struct profile {
	char *title; /* `title =`, or NULL */
	const struct export_dataset *dataset;
	struct profile_column *cols; /* owned, ncols entries */
	int ncols;
	int has_encoding;
	enum csvout_encoding encoding;
	int has_format;
	enum export_format format; /* `format =`: csv or xlsx */
	char *from, *to; /* date inputs as written (checked), or NULL */
	int full_ids;    /* ids = full */
	int zh_labels;   /* labels = zh, or the default */
};

/* Parses n bytes of profile text.  Returns 0 with *out set (free it with
 * profile_free), or -1 with *out NULL and e filled: e->line is the line at
 * fault (0 for what is missing from the whole file, such as the dataset). */
int profile_parse(const char *text, size_t n, struct profile **out, struct err *e);

/* Reads and parses the file at path.  Errors as profile_parse; a file that
 * cannot be read has e->line 0 and names the path. */
int profile_load(const char *path, struct profile **out, struct err *e);

/* Frees the profile and sets *p to NULL; NULL is allowed. */
void profile_free(struct profile **p);

#endif
