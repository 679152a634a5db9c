/* audit_read: reading the audit log back, for the history view.
 *
 * Entries of one record, newest first, paged by keyset on (at, id) as the
 * list widget asks (core/listpage.h): dir > 0 walks towards older entries,
 * dir < 0 towards newer ones. */
#ifndef DOORSTEP_AUDIT_READ_H
#define DOORSTEP_AUDIT_READ_H

#include "core/err.h"
#include "core/strbuf.h"

struct db;

struct audit_entry {
	long long id;
	char at[20];	   /* YYYY-MM-DD HH:MM:SS */
	char *staff;	   /* malloc'd */
	char action[16];   /* insert, update, delete, void, reveal ... */
	char *table_name;  /* malloc'd */
	char *record_uuid; /* malloc'd, NULL when the entry has none */
	char *changes;	   /* malloc'd JSON text, or NULL */
};

/* Fills out[0..n-1] with entries of record_uuid after (dir > 0: older than)
 * or before (dir < 0: newer than, nearest first) anchor; anchor NULL starts
 * at the newest (dir > 0) or the oldest (dir < 0).  Returns how many, or -1
 * with e filled.  Each entry is released with audit_entry_clear. */
int db_audit_page(struct db *db, const char *record_uuid, const struct audit_entry *anchor, int dir,
		  int n, struct audit_entry *out, struct err *e);

/* The number of entries of record_uuid, or -1. */
long long db_audit_count(struct db *db, const char *record_uuid, struct err *e);

/* The words a person knows the record uuid by, for the reference member
 * key of an audit row (core/auditfmt_ref_find): a household's code, a
 * resident's, staff member's, grid's or checkpoint's name, a pass's number,
 * a visit's date and household, an isolation's start.  Set into out (cleared
 * first).  1 found, 0 not (no such record in this file, or key names none),
 * -1 error. */
int db_audit_ref_label(struct db *db, const char *key, const char *uuid, struct strbuf *out,
		       struct err *e);

/* Frees the members and zeroes the entry. */
void audit_entry_clear(struct audit_entry *a);

#endif
