/* merge_rows: the merge engine's own types and its rows and tables (see
 * merge.c): a record version as one dup'd value per column, and each table's
 * columns, read from the schema, with the statements that read and write
 * them.  Only the merge_*.c files include it. */
#ifndef DOORSTEP_MERGE_ROWS_H
#define DOORSTEP_MERGE_ROWS_H

#include <sqlite3.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "db/merge.h"

/* A column pointing at the record a child cannot live without (a resident's
 * household, a reading's visit).  strict: `check` refuses a live child under
 * a deleted parent whatever happened, so the merge never leaves one;
 * otherwise only a change to the child made apart from the parent's deletion
 * brings the parent back (a deleted household keeps its earlier visits). */
struct within {
	const char *col;
	int strict;
};

/* What the code knows of each table beyond its columns (which are read from
 * the schema): the column shown in the report, the natural key that makes
 * two records duplicates, and the parents it lives within.  A table joins
 * the merge with one entry in merge.c's list, in dependency order (docs/merge.md). */
struct table_def {
	const char *name;
	const char *label;
	const char *key[3];   /* natural key columns (all non-NULL to apply) */
	const char *key_null; /* the key applies only while this column is NULL */
	int key_global;	      /* the key is unique over deleted records too */
	/* duplicates that differ in one of these are both kept (a fever is a
	 * fact, not a duplicate) */
	const char *facts[3];
	struct within within[2];
};

#define AUDIT_INDEX (MERGE_TABLES - 1)

struct col {
	char *name;
	char *parent; /* the table a foreign key points to, or NULL */
	/* core/limits' entry of the column, or NULL: looked up once, not for
	 * each of the millions of values an init --from copies. */
	const struct text_limit *limit;
};

struct table {
	const struct table_def *def;
	int ncol;
	struct col *cols;
	int i_uuid, i_upd, i_del, i_label, i_keynull, nkey;
	int i_key[3];
	sqlite3_stmt *sel_other; /* every row of other, known UUIDs first */
	sqlite3_stmt *sel_main;	 /* this file's row by uuid (?1) */
	sqlite3_stmt *ins, *upd, *dup;
};

struct merge {
	struct db *db;
	sqlite3 *h;
	struct merge_report *r;
	struct table t[MERGE_TABLES];
	char now[CLOCK_STR];
	int other_version; /* the other file's schema before migrating its copy */
	sqlite3_stmt *unseen_this, *unseen_other, *join_add, *join_chain, *mkval;
};

/* A row: one dup'd value per column. */
typedef sqlite3_value **row_t;

/* Rows.  mg_row_load dups the first n columns of st's current row (aborts
 * when out of memory); mg_row_free frees one and sets it NULL; mg_row_set_text
 * replaces value i with text or NULL (mkval is m->mkval). */
row_t mg_row_load(sqlite3_stmt *st, int n);
void mg_row_free(row_t *v, int n);
void mg_row_set_text(sqlite3_stmt *mkval, row_t v, int i, const char *text);
/* Value i as text ("" for NULL or i < 0). */
const char *mg_row_text(row_t v, int i);
int mg_row_is_null(row_t v, int i);
/* A total order on values (NULL < numbers < text < blob) and on rows;
 * mg_row_same_change: the rows differ only in updated_at and the deleted_at
 * timestamp (both live or both deleted). */
int mg_value_cmp(sqlite3_value *a, sqlite3_value *b);
int mg_row_cmp(const struct table *t, row_t a, row_t b);
int mg_row_same_change(const struct table *t, row_t a, row_t b);
/* Appends a zeroed item to the list *v of *n items of the report and fills
 * what every item has: table (NULL: "conflicts"), uuid (may be NULL) and a
 * copy of label.  Returns it. */
struct merge_item *mg_report_item(struct merge_item **v, size_t *n, const char *table,
				  const char *uuid, const char *label);

/* Appends "key":value to a JSON object being built. */
void mg_json_value(struct strbuf *b, const char *key, sqlite3_value *v);
/* Statements on m's connection, errors into e: mg_prepare (the caller
 * finalizes), mg_step_done (steps to its end and resets; 0 or -1), mg_exec. */
sqlite3_stmt *mg_prepare(struct merge *m, const char *sql, struct err *e);
int mg_step_done(struct merge *m, sqlite3_stmt *st, struct err *e);
int mg_exec(struct merge *m, const char *sql, struct err *e);
/* Tables.  mg_col_index: column name's index, or -1.  mg_table_load reads
 * def's columns and foreign keys from the schema and prepares t's statements
 * (every row of other known UUIDs first, this file's row by UUID, insert,
 * update, the natural duplicate); mg_table_free undoes it. */
int mg_col_index(const struct table *t, const char *name);
int mg_table_load(struct merge *m, struct table *t, const struct table_def *def, struct err *e);
void mg_table_free(struct table *t);
/* Binds v's values to parameters 1..ncol; mg_write_row writes version v
 * (an insert when this file lacks its UUID); mg_repoint_children points every
 * child of record loser at survivor instead. */
void mg_bind_row(sqlite3_stmt *st, const struct table *t, row_t v);
int mg_write_row(struct merge *m, struct table *t, row_t v, int exists, struct err *e);
int mg_repoint_children(struct merge *m, struct table *t, const char *loser, const char *survivor,
			struct err *e);
/* The SQL list "('insert', 'update', ...)" of the audit actions that change
 * a record (core/mergeplan), malloc'd; the table called name, or NULL. */
char *mg_change_actions_sql(void);
struct table *mg_table_named(struct merge *m, const char *name);

#endif
