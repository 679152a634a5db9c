/* db visitors: the visitor log at the gate (外来人员登记, core/visitor.h)
 * and the key areas setting (core/returnee.h).
 *
 * Every visitor is logged, admitted or refused; the refusal's reason is
 * kept.  Each write has its audit row in the same transaction. */
#ifndef DOORSTEP_DB_VISITORS_H
#define DOORSTEP_DB_VISITORS_H

#include <stddef.h>

#include "core/err.h"

struct db;

/* The settings' key areas ("湖北,武汉"), whole, as a malloc'd string (the
 * default before a settings row exists), or NULL with e filled. */
char *db_key_areas(struct db *db, struct err *e);

/* Sets the key areas (names separated by commas; empty: none).  Audited as
 * a settings update; the same value as stored writes nothing.  Returns 0 or
 * -1. */
int db_key_areas_set(struct db *db, const char *areas, struct err *e);

/* What the gate form typed. */
struct visitor_new {
	const char *name;	  /* required */
	const char *phone;	  /* optional; checked like a resident's */
	const char *id_type;	  /* "id" (default), passport, hkmo, tw, other */
	const char *id_number;	  /* optional; checked like a resident's */
	const char *from_place;	  /* where they come from */
	const char *arrived_date; /* ISO, optional */
	const char *household;	  /* the code of the household visited, optional */
	const char *reason;
	int temperature;	  /* tenths, required */
	long long checkpoint_id;  /* -1: none */
};

/* Logs a visitor now, deciding entry (core/visitor).  Refused (field
 * named, nothing written) for a missing name or temperature, a bad phone or
 * document number, an unknown household code, an arrival in the future.
 * Returns the id with *admitted (1 or 0) and the refusal's reason in why
 * (n bytes, "" when admitted), or -1. */
long long db_visitor_add(struct db *db, const struct visitor_new *v, int *admitted, char *why,
			 size_t n, struct err *e);

/* Records that an admitted visitor left, now.  Refused for a refused or
 * already gone visitor.  Returns 0 or -1. */
int db_visitor_leave(struct db *db, long long id, struct err *e);

/* One logged visitor as listed. */
/* One visitor of the log.  The texts are owned ("" when empty, never NULL,
 * never cut): db_visitor_row_clear frees them. */
struct visitor_row {
	long long id;
	char time_in[20], time_out[20];
	char *name;
	char *phone;
	char *id_number; /* full: the caller masks it */
	char *from_place;
	char *household;
	char *reason;
	int temperature;
	int admitted;
	char *refusal;
	char *staff;
};

/* Frees r's texts and zeroes it. */
void db_visitor_row_clear(struct visitor_row *r);

/* Makes dst a copy of src with texts of its own (dst is overwritten). */
void db_visitor_row_copy(struct visitor_row *dst, const struct visitor_row *src);

/* Frees an array from db_visitors_day: each row's texts, then the array. */
void db_visitors_free(struct visitor_row *v, int n);

/* The visitors who came in on day (ISO), in order of arrival, into a
 * malloc'd array (*v, *n; db_visitors_free).  Returns 0 or -1. */
int db_visitors_day(struct db *db, const char *day, struct visitor_row **v, int *n,
		    struct err *e);

#endif
