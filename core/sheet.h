/* sheet: a printable sheet (报表) as plain data, before it is drawn.
 *
 * A sheet is a title, a header of labelled fields (社区, 网格, 日期, 制表 ...),
 * one or more tables, an optional note, and signature lines (填表人, 审核人 by
 * default).  A table has columns (title, width in text columns, alignment)
 * and rows of cells; a cell holds one or more lines of text ('\n' separates
 * them) or a number of empty boxes to fill in by hand, one per line.  Text
 * is never cut: a line wider than its column wraps (sheet_wrap, by display
 * width, at a space or CJK punctuation where it can) and the row grows, so
 * a row's height is known before any font is loaded.
 *
 * Pagination is pure arithmetic on that height (sheet_paginate): a row moves
 * whole to the next page when it fits there; one taller than a page (a
 * household of 40) is split at a line boundary and continues on the next
 * page, its key cell marked （续）.  The column headers repeat on every
 * page, and every page carries the header, the note, the signature lines
 * and "第 X 页 共 Y 页".
 * The text renderer (core/sheet_text.h) and the PDF renderer
 * (core/sheet_pdf.h) draw the same model; the PDF one uses this pagination.
 *
 * Building one, e.g. a receipt:
 *	struct sheet *s = sheet_new("捐赠收据", SHEET_PORTRAIT);
 *	sheet_header_add(s, "社区", "幸福社区");
 *	struct sheet_table *t = sheet_table_add(s, NULL, SHEET_TABLE_LIST | SHEET_TABLE_NOHEAD);
 *	sheet_column_add(t, "", 12, SHEET_LEFT);
 *	sheet_column_add(t, "", 40, SHEET_LEFT);
 *	sheet_row_add(t, 0); sheet_cell(t, "收据号"); sheet_cell(t, "2020-A-0001");
 *	sheet_signatures_set(s, "经手人", "捐赠人", NULL);
 *	sheet_pdf_write(s, "receipt.pdf", &e);   (core/sheet_pdf.h)
 *	sheet_free(&s); */
#ifndef DOORSTEP_SHEET_H
#define DOORSTEP_SHEET_H

#include <stdarg.h>

#include "core/strbuf.h"

enum sheet_orientation {
	SHEET_PORTRAIT,
	SHEET_LANDSCAPE,
};

enum sheet_align {
	SHEET_LEFT,
	SHEET_CENTER,
	SHEET_RIGHT,
};

enum sheet_table_flags {
	SHEET_TABLE_LIST = 0,	     /* a listing: compact lines */
	SHEET_TABLE_FORM = 1 << 0,   /* a paper form: taller lines for handwriting */
	SHEET_TABLE_NOHEAD = 1 << 1, /* no column header row (key/value tables) */
	SHEET_TABLE_PLAIN = 1 << 2,  /* no rules at all: text placed on the page (a seal's place) */
	SHEET_TABLE_CHART = 1 << 3,  /* a chart in the PDF: see sheet_table_chart */
};

enum sheet_row_flags {
	SHEET_ROW_TOTAL = 1 << 0, /* a totals row: bold, ruled above */
};

struct sheet_column {
	char *title;
	int width; /* in text columns (a CJK character is 2); the PDF scales to the page */
	enum sheet_align align;
};

struct sheet_cell {
	char *text;    /* lines separated by '\n'; "" when empty; owned */
	int boxes;     /* empty boxes to fill in by hand, one per line (0: none) */
	char *barcode; /* Code 128 data drawn above the text, or NULL; owned */
};

/* The lines a barcode takes in the PDF: the bars, then its digits. */
#define SHEET_BARCODE_LINES 4

struct sheet_row {
	struct sheet_cell *cells; /* ncols of them */
	int lines;		  /* the row's height in lines (>= 1) */
	int flags;		  /* enum sheet_row_flags */
};

struct sheet_table {
	char *caption; /* printed above the table, or NULL */
	int flags;     /* enum sheet_table_flags */
	struct sheet_column *cols;
	int ncols;
	struct sheet_row *rows;
	int nrows, cap;
	char *empty; /* shown in place of rows when there are none, e.g. "（无）" */
	int key;     /* the column naming a row (户号), marked （续） where a row continues */
	/* SHEET_TABLE_CHART: the chart's height in points, and a reference
	 * line (a threshold) at chart_ref when chart_ref_label is not NULL. */
	double chart_h, chart_ref;
	char *chart_ref_label;
};

struct sheet_field {
	char *label, *value;
};

struct sheet {
	char *title;
	enum sheet_orientation orientation;
	struct sheet_field *fields; /* header fields in order */
	int nfields;
	struct sheet_table **tables;
	int ntables;
	int dense;	   /* tighter lines and captions, to keep a page whole (sheet_geometry_of) */
	char *note;	   /* a line above the signatures on every page, or NULL */
	char **signatures; /* labels of the signature lines */
	int nsignatures;
};

/* A new empty sheet with the default signature lines 填表人 and 审核人.
 * Never NULL; free with sheet_free. */
struct sheet *sheet_new(const char *title, enum sheet_orientation orientation);

/* Frees the sheet and everything it holds; sets *s to NULL.  NULL is fine. */
void sheet_free(struct sheet **s);

/* Appends a header field "label：value" (both copied; a NULL or empty value
 * prints as "—"). */
void sheet_header_add(struct sheet *s, const char *label, const char *value);

/* Sets the note line (copied; NULL removes it). */
void sheet_note_set(struct sheet *s, const char *note);

/* Replaces the signature labels with the NULL-terminated list (copied);
 * no label at all removes the signature lines. */
void sheet_signatures_set(struct sheet *s, ...);

/* Appends a table (caption copied, may be NULL) and returns it; it belongs
 * to the sheet and stays valid until sheet_free. */
struct sheet_table *sheet_table_add(struct sheet *s, const char *caption, int flags);

/* Makes t (flags SHEET_TABLE_CHART) a chart of its rows, h points tall in
 * the PDF: column 0 holds the x labels (a date "2020-02-15", or "02-15
 * AM"), each further column one series named by its title, its cells
 * numbers ("36.8", "12"; "" for no value, a gap in the line).  With
 * ref_label (copied) a dashed reference line is drawn at ref and named.
 * The text form prints the table as it is: the same numbers. */
void sheet_table_chart(struct sheet_table *t, double h, double ref, const char *ref_label);

/* Sets the text shown when the table has no row (copied). */
void sheet_table_empty_set(struct sheet_table *t, const char *text);

/* Sets the column that names a row (default 0), repeated and marked （续）
 * at the top of a page where a split row continues. */
void sheet_table_key_set(struct sheet_table *t, int col);

/* Appends a column.  Columns must all be added before the first row. */
void sheet_column_add(struct sheet_table *t, const char *title, int width, enum sheet_align align);

/* Starts a new row (flags: enum sheet_row_flags); its cells are filled
 * left to right by sheet_cell, sheet_cellf and sheet_cell_boxes; cells not
 * filled stay empty. */
void sheet_row_add(struct sheet_table *t, int flags);

/* Fills the next cell of the current row with text (copied; NULL is ""). */
void sheet_cell(struct sheet_table *t, const char *text);
void sheet_cellf(struct sheet_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Fills the next cell of the current row with a Code 128 symbol of data
 * (printable ASCII, copied), then text (copied; NULL is "") under it.  The
 * PDF draws the bars over SHEET_BARCODE_LINES - 1 lines and the digits
 * under them; the text form shows the digits as the cell's first line. */
void sheet_cell_barcode(struct sheet_table *t, const char *data, const char *text);

/* Fills the next cell of the current row with n empty boxes (n >= 1). */
void sheet_cell_boxes(struct sheet_table *t, int n);

/* Page geometry in PostScript points (1/72 inch), shared by the PDF
 * renderer and the pagination so that both agree. */
struct sheet_geometry {
	double page_w, page_h;	     /* A4 in the sheet's orientation */
	double margin;		     /* on every side */
	double header_h;	     /* title and header fields */
	double caption_h;	     /* a table caption */
	double colhead_h;	     /* the column header row */
	double line_form, line_list; /* one line of a form / list table */
	double footer_h;	     /* note, signatures, page number */
	double table_gap;	     /* space after a table */
};

/* The geometry of an A4 page in the given orientation. */
void sheet_geometry_get(enum sheet_orientation o, struct sheet_geometry *g);

/* The geometry of s: sheet_geometry_get, with lines, captions, column
 * headers and gaps tighter when s->dense. */
void sheet_geometry_of(const struct sheet *s, struct sheet_geometry *g);

/* One run of consecutive rows of one table on one page. */
struct sheet_slice {
	int page;	  /* 0-based */
	int table;	  /* index in s->tables */
	int first, count; /* rows [first, first+count); count 0 for an empty table */
	int caption;	  /* 1 when the caption is drawn above this slice */
	int line0;	  /* the first row starts at this line (> 0: it continues) */
	int line1;	  /* the last row ends before this line; 0: at its end */
};

struct sheet_pages {
	struct sheet_slice *slices; /* in drawing order; owned */
	int nslices;
	int npages; /* >= 1 */
};

/* Splits the sheet into pages with geometry g: a row that fits on a fresh
 * page is never split; a taller one is split at line boundaries over as
 * many pages as it needs (every line is on some page, none twice); a
 * caption and column header never end a page without a row under them.
 * Fills *out (free with sheet_pages_free). */
void sheet_paginate(const struct sheet *s, const struct sheet_geometry *g, struct sheet_pages *out);
void sheet_pages_free(struct sheet_pages *p);

/* Appends text to out wrapped to cols display columns (at least 2): every
 * line wider than cols is broken, after a space or CJK punctuation in its
 * second half where there is one, else at the last character that fits; a
 * character never splits, nothing is dropped but the spaces at a break.
 * Existing '\n' stay. */
void sheet_wrap(const char *text, int cols, struct strbuf *out);

/* The number of lines sheet_wrap makes of text at cols columns. */
int sheet_text_lines(const char *text, int cols);

/* The height of a row of table t in points under geometry g. */
double sheet_row_height(const struct sheet_table *t, const struct sheet_row *r,
			const struct sheet_geometry *g);

#endif
