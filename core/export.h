/* export: the datasets that `doorstep export` writes and their columns.
 *
 * This is the one catalogue of what can be exported (docs/export.md): for each
 * dataset its columns, by the English snake_case name that default exports
 * use as header and profiles use as key, a Chinese title, a type that says
 * how a stored value is written (temperature tenths as 36.5, fen as 1234.50,
 * enumeration codes or their Chinese labels, masked ID numbers and phones),
 * and whether the column is in the default set.  db/export.c holds the query
 * behind each column; tui/ shows the lists. */
#ifndef DOORSTEP_EXPORT_H
#define DOORSTEP_EXPORT_H

#include <stddef.h>

#include "core/csvout.h"
#include "core/err.h"
#include "core/xlsxout.h"
#include "core/model.h"

enum export_type {
	EXPORT_TEXT,  /* free text */
	EXPORT_KEEP,  /* a code or number-like text that must stay text (户号, 房号) */
	EXPORT_ID,    /* an ID number: masked unless full values are asked */
	EXPORT_PHONE, /* a phone number: masked unless full values are asked */
	EXPORT_INT,   /* a count or number of days */
	EXPORT_TEMP,  /* integer tenths of a degree, written 36.5 */
	EXPORT_MONEY, /* integer fen, written 1234.50 */
	EXPORT_QTY,   /* integer hundredths, written as a plain decimal: 12, 12.5, 12.25 */
	EXPORT_DATE,  /* YYYY-MM-DD */
	EXPORT_TIME,  /* a timestamp or a time of day, as stored */
	EXPORT_ENUM,  /* a code of `table`: the code, or its Chinese label */
	EXPORT_CODES, /* comma-separated codes of `table` (tags, symptoms) */
	EXPORT_BOOL,  /* 1 or 0: written 1/0, or 是/否 */
};

struct export_column {
	const char *name; /* header of default exports and key in profiles */
	const char *zh;   /* Chinese title: a profile's default header */
	enum export_type type;
	const struct enum_entry *table; /* EXPORT_ENUM and EXPORT_CODES */
	int in_default;                 /* part of the default column set */
};

struct export_dataset {
	const char *name; /* households, residents ... daily */
	const char *zh;   /* a Chinese name for menus */
	const struct export_column *cols;
	int ncols;
	/* What --from/--to select, for help and messages; NULL when the
	 * dataset has no dates (households). */
	const char *date_rule;
};

/* The file an export writes. */
enum export_format {
	EXPORT_CSV,  /* core/csvout.h */
	EXPORT_XLSX, /* core/xlsxout.h */
};

/* Parses a format name (csv or xlsx, any case).  0, or -1 with a message. */
int export_format_parse(const char *name, enum export_format *out, struct err *e);

/* The format a file name's suffix asks for (.xlsx), else EXPORT_CSV. */
enum export_format export_format_of_path(const char *path);

/* How values are written. */
struct export_style {
	int zh_labels; /* enumerations and booleans as Chinese labels, not codes */
	int full_ids;  /* ID numbers and phones in full (audited by the caller) */
};

/* Room for any formatted value of a fixed-size type; text passes through. */
#define EXPORT_VALUE_MAX 256

/* All datasets, in SPEC order; *n is set to their number. */
const struct export_dataset *export_datasets(int *n);

/* The dataset named name, or NULL. */
const struct export_dataset *export_dataset_find(const char *name);

/* The index of the column named name in ds, or -1. */
int export_column_find(const struct export_dataset *ds, const char *name);

/* Extra enumerations that exist only in exports (an isolation's state). */
extern const struct enum_entry export_iso_state[];

/* The CSV kind a column's cells are written with. */
enum csvout_kind export_csv_kind(const struct export_column *c);

/* The workbook cell type of a column's cells (EXPORT_ENUM with Chinese
 * labels, codes and masked numbers are text; counts, units and dates are
 * numbers and dates). */
enum xlsxout_type export_xlsx_type(const struct export_column *c);

/* Formats one stored value (text of n bytes as the database holds it; NULL
 * for SQL NULL) of column c in style st.  Returns the text to write and sets
 * *outn: either raw itself (no copy) or buf (bufn bytes; EXPORT_VALUE_MAX is
 * enough for every type except long tag lists, which are cut at a whole
 * label).  Never fails: a value that does not parse as its type is written
 * as it is. */
const char *export_format_value(const struct export_column *c, const char *raw, size_t n,
				const struct export_style *st, char *buf, size_t bufn,
				size_t *outn);

#endif
