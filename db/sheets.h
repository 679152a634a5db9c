/* db sheets: the queries that fill the printable sheets of docs/sheets.md.
 *
 * Each kind reads what it needs and builds a struct sheet (core/sheet.h)
 * that the text and PDF renderers draw.  Sheets are the committee's official
 * paper forms, so their titles, column headers and labels are Chinese
 * whatever the UI language; ID numbers and phone numbers are masked. */
#ifndef DOORSTEP_DB_SHEETS_H
#define DOORSTEP_DB_SHEETS_H

#include "core/date.h"
#include "core/err.h"
#include "core/sheet.h"

struct db;

struct db_sheet_request {
	const char *kind;    /* one of db_sheet_kinds */
	char date[DATE_STR]; /* the sheet's date (ISO) */
	char from[DATE_STR]; /* donations: first date shown, "" for the first donation */
	const char *grid;    /* a grid's name, or NULL for every grid */
	const char *staff;   /* who makes the sheet (the header's 制表), or NULL */
	const char *subject; /* a one-record sheet's record: the receipt number, the
			      * release certificate's resident as typed; or NULL */
};

/* The sheet kinds of docs/sheets.md in order, NULL-terminated. */
extern const char *const db_sheet_kinds[];

/* The Chinese title of a kind (走访登记表 ...), or NULL for an unknown kind. */
const char *db_sheet_title(const char *kind);

/* The options a kind takes, or -1 for an unknown kind. */
enum {
	DB_SHEET_GRID = 1 << 0, /* --grid narrows it to one grid */
	DB_SHEET_FROM = 1 << 1, /* --from starts its period */
};
int db_sheet_kind_flags(const char *kind);

/* Builds the sheet asked for into *out (free with sheet_free).  Returns 0,
 * or -1 with a message: an unknown kind or grid, or a database error.  *out is NULL on failure. */
int db_sheet_build(struct db *db, const struct db_sheet_request *rq, struct sheet **out,
		   struct err *e);

/* Records in the audit log (action "print", table "sheets") that the sheet
 * rq was printed from file to queue (NULL: the default) as job.  Returns 0
 * or -1. */
int db_sheet_audit_print(struct db *db, const struct db_sheet_request *rq, const char *file,
			 const char *queue, const char *job, struct err *e);

/* Builds the one-page receipt (捐赠收据) of the donation whose receipt number
 * is receipt_no (as stored: 2020-A-0001) into *out (free with sheet_free):
 * donor (匿名 when anonymous; the phone masked), amount with its capitals or
 * goods with their estimated value, designation, who received it; a void one
 * says so.  staff is the header's 制表 (may be NULL).  Returns 0, or -1 when
 * no donation has that number (field "receipt_no") or on a database error. */
int db_sheet_receipt(struct db *db, const char *receipt_no, const char *staff, struct sheet **out,
		     struct err *e);

/* The names of the live grids in name order: *names is a malloc'd array of
 * *n malloc'd strings (free each, then the array).  Returns 0 or -1. */
int db_sheet_grids(struct db *db, char ***names, int *n, struct err *e);

#endif
