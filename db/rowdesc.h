/* rowdesc: per-record column descriptors for the db/ modules.
 *
 * A record's columns are written once, as a list of (kind, member, SQL
 * expression) in the order of its SELECT list; the list gives both the
 * SELECT list and the descriptor table (where each column goes in the C
 * struct, how it is read, what the audit log calls it):
 *
 *	#define FU_COLUMNS(F, X) F(INT, id, "f.id") X(CODE, uuid, "f.uuid") \
 *		X(STR, notes, "f.notes") X(REF, isolation_id, "f.isolation_id")
 *	#define SELECT_FU ROWDESC_SELECT(FU_COLUMNS) " FROM followups f"
 *	#define ROWDESC_ROW struct followup
 *	ROWDESC_RECORD(fu_cols, FU_COLUMNS, db_followup_clear)
 *
 * The readers (rowdesc_read, _one, _get, _fill, _collect), the keyset
 * paging (ROWDESC_PAGE_SQL*, rowdesc_page_stmt), the record's destructor
 * and copy, its write (rowdesc_bind over its write columns, COLW...) and
 * its audit JSON (rowdesc_dump for an insert, rowdesc_diff for an update,
 * over the audited columns of that table or of its SELECT) then serve every
 * record kind, in place of a positional reader, a paging query, a list of
 * free() calls and a hand-built JSON object per module.  Strings read with
 * COLD_STR and COLD_DUP are owned by the row. */
#ifndef DOORSTEP_ROWDESC_H
#define DOORSTEP_ROWDESC_H

#include <stddef.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "core/err.h"
#include "core/strbuf.h"
#include "db/sql.h"

struct db;

enum col_kind {
	COL_INT,   /* long long */
	COL_INT32, /* int */
	COL_REF,   /* long long, -1 for NULL (an optional foreign key) */
	COL_OPT32, /* int, -1 for NULL (an optional flag or count) */
	COL_CHAR,  /* char: a one-letter code's letter, 0 for NULL or "" */
	COL_CODE,  /* a fixed-format text into a char array (UUID, date, code) */
	COL_STR,   /* an owned char *, "" for NULL, the whole value */
	COL_DUP,   /* an owned char *, NULL for NULL, the whole value */
};

/* name is the column's name as the audit log spells it (the member's name
 * unless given): the key of the audit diff and dump. */
struct col_desc {
	enum col_kind kind;
	size_t off;
	size_t size; /* COL_CODE: the array's size */
	const char *name;
	const char *ref;   /* COL_REF in an audit diff: the table it points to */
	int keep_empty;	   /* a text: empty is a value ("") rather than none */
	const char *param; /* a write's named parameter (":name"), NULL for none */
};

#define COLD_AS(K, T, m, col) {K, offsetof(T, m), sizeof(((T *)0)->m), col, NULL, 0, NULL}
/* A reference to a record of table, written in an audit diff as the
 * records' UUIDs (record_json_ref_change); -1 for none. */
#define COLD_REFTO(T, m, table) {COL_REF, offsetof(T, m), sizeof(((T *)0)->m), #m, table, 0, NULL}
#define COLD_INT(T, m)	 COLD_AS(COL_INT, T, m, #m)
#define COLD_INT32(T, m) COLD_AS(COL_INT32, T, m, #m)
#define COLD_REF(T, m)	 COLD_AS(COL_REF, T, m, #m)
#define COLD_OPT32(T, m) COLD_AS(COL_OPT32, T, m, #m)
#define COLD_CHAR(T, m)	 COLD_AS(COL_CHAR, T, m, #m)
#define COLD_CODE(T, m)	 COLD_AS(COL_CODE, T, m, #m)
#define COLD_STR(T, m)	 COLD_AS(COL_STR, T, m, #m)
#define COLD_DUP(T, m)	 COLD_AS(COL_DUP, T, m, #m)
/* A record's columns written once as a list of X(KIND, member, "SQL
 * expression") entries (the first one F(...)) give both its SELECT list,
 * "SELECT " LIST(ROWDESC_SQL1, ROWDESC_SQLN), and its descriptor table (an
 * entry macro of its own expanding to COLD_##KIND(struct ..., member),): the
 * two can no longer disagree on the order. */
#define ROWDESC_SQL1(K, m, expr) expr
#define ROWDESC_SQLN(K, m, expr) ", " expr
/* The SELECT list of LIST's columns: ROWDESC_SELECT(FU_COLUMNS) " FROM ...". */
#define ROWDESC_SELECT(LIST) "SELECT " LIST(ROWDESC_SQL1, ROWDESC_SQLN)
/* The descriptor table of LIST's columns, members of the struct type the
 * file names ROWDESC_ROW before (#define ROWDESC_ROW struct followup; #undef
 * it before naming the next record's):
 *	static const struct col_desc fu_cols[] = ROWDESC_TABLE(FU_COLUMNS); */
#define ROWDESC_DESC(K, m, expr) COLD_##K(ROWDESC_ROW, m),
#define ROWDESC_TABLE(LIST)                                                                        \
	{                                                                                          \
		LIST(ROWDESC_DESC, ROWDESC_DESC)                                                   \
	}
#define ROWDESC_N(cols)	 (sizeof(cols) / sizeof((cols)[0]))
/* What every record declares: its descriptor table cols of LIST's columns
 * (ROWDESC_TABLE, of the struct ROWDESC_ROW names) and its public
 * destructor clear_fn (ROWDESC_CLEAR_FN below):
 *	ROWDESC_RECORD(fu_cols, FU_COLUMNS, db_followup_clear) */
#define ROWDESC_RECORD(cols, LIST, clear_fn)                                                       \
	static const struct col_desc cols[] = ROWDESC_TABLE(LIST);                                 \
	ROWDESC_CLEAR_FN(clear_fn, ROWDESC_ROW, cols)

/* Reads st's columns 0..n-1 into row by cols (a COL_STR member gets a fresh
 * string: row holds none yet, e.g. it was zeroed). */
void rowdesc_read(sqlite3_stmt *st, const struct col_desc *cols, size_t n, void *row);

/* Steps st (prepared and bound by the caller) once and reads its row into
 * row (zeroed first, row_size bytes); resets st.  1 found, 0 not (row
 * untouched), -1 error. */
int rowdesc_one(struct db *db, sqlite3_stmt *st, const struct col_desc *cols, size_t n, void *row,
		size_t row_size, struct err *e);

/* Steps st to its end, appending each row to the malloc'd array *v (of
 * row_size rows, *count of them; both start empty).  On error the rows read
 * are cleared, *v freed and NULL, *count 0.  Resets st.  0 or -1. */
int rowdesc_collect(struct db *db, sqlite3_stmt *st, const struct col_desc *cols, size_t n,
		    void **v, int *count, size_t row_size, struct err *e);

/* Frees row's owned strings (COL_STR, COL_DUP) and zeroes row. */
void rowdesc_clear(const struct col_desc *cols, size_t n, void *row, size_t row_size);

/* Copies src into dst (row_size bytes) with fresh copies of the owned
 * strings (a NULL COL_STR becomes ""). */
void rowdesc_copy(const struct col_desc *cols, size_t n, void *dst, const void *src,
		  size_t row_size);

/* Clears the count rows of the malloc'd array rows, then frees it. */
void rowdesc_free_rows(const struct col_desc *cols, size_t n, void *rows, int count,
		       size_t row_size);

/* A record's destructor, copy and array release are the three functions
 * above over its columns: these define them once as the public functions
 * its header declares (void fn(T *row); void fn(T *dst, const T *src);
 * void fn(T *rows, int count)). */
#define ROWDESC_CLEAR_FN(fn, T, cols)                                                              \
	void fn(T *row)                                                                            \
	{                                                                                          \
		rowdesc_clear(cols, ROWDESC_N(cols), row, sizeof *row);                            \
	}
#define ROWDESC_COPY_FN(fn, T, cols)                                                               \
	void fn(T *dst, const T *src)                                                              \
	{                                                                                          \
		rowdesc_copy(cols, ROWDESC_N(cols), dst, src, sizeof *dst);                        \
	}
/* The destructor of a malloc'd row, void fn(T **rowp): its owned strings
 * by cols, then the row; *rowp becomes NULL (nothing for NULL). */
#define ROWDESC_DESTROY_FN(fn, T, cols)                                                            \
	void fn(T **rowp)                                                                          \
	{                                                                                          \
		if (!*rowp)                                                                        \
			return;                                                                    \
		rowdesc_clear(cols, ROWDESC_N(cols), *rowp, sizeof **rowp);                        \
		free(*rowp);                                                                       \
		*rowp = NULL;                                                                      \
	}
/* The look-up of one row by sql with :key bound (rowdesc_get), as
 * static int fn(struct db *db, const char *sql, long long key, T *out,
 * struct err *e). */
#define ROWDESC_GET_FN(fn, T, cols)                                                                \
	static int fn(struct db *db, const char *sql, long long key, T *out, struct err *e)        \
	{                                                                                          \
		return rowdesc_get(db, sql, key, cols, ROWDESC_N(cols), out, sizeof *out, e);      \
	}
#define ROWDESC_FREE_FN(fn, T, cols)                                                               \
	void fn(T *rows, int count)                                                                \
	{                                                                                          \
		rowdesc_free_rows(cols, ROWDESC_N(cols), rows, count, sizeof *rows);               \
	}

/* Steps st (bound by the caller; NULL: it did not prepare) to its end,
 * each row read into a T of its own by cols and given to fn(row, ctx),
 * which stops the walk by returning non-zero; st is reset.  0 or -1.  This
 * defines it once as the static function fn_name of a module:
 *	static int fn_name(struct db *db, sqlite3_stmt *st,
 *			   int (*fn)(const T *row, void *ctx), void *ctx, struct err *e); */
#define ROWDESC_EACH_FN(fn_name, T, cols)                                                          \
	static int fn_name(struct db *db, sqlite3_stmt *st, int (*fn)(const T *row, void *ctx),   \
			   void *ctx, struct err *e)                                               \
	{                                                                                          \
		int r = st ? 1 : -1, stop = 0;                                                     \
                                                                                                   \
		while (!stop && r == 1 && (r = sql_step_row(db, st, e)) == 1) {                    \
			T row = {0};                                                               \
                                                                                                   \
			rowdesc_read(st, cols, ROWDESC_N(cols), &row);                             \
			stop = fn(&row, ctx);                                                      \
			rowdesc_clear(cols, ROWDESC_N(cols), &row, sizeof row);                    \
		}                                                                                  \
		if (st)                                                                            \
			sqlite3_reset(st);                                                         \
		return r < 0 ? -1 : 0;                                                             \
	}

/* rowdesc_collect (st NULL: it did not prepare, -1 with *rows NULL and
 * *count 0), the rows then sorted as a picker shows names: by core/namesort
 * of the char * member at name_off, ties by the long long id at id_off;
 * with first_off >= 0, rows whose int member there is larger come first
 * (the active before the others).  0 or -1. */
int rowdesc_collect_by_name(struct db *db, sqlite3_stmt *st, const struct col_desc *cols, size_t n,
			    void **rows, int *count, size_t row_size, size_t name_off,
			    size_t id_off, long first_off, struct err *e);

/* A record's write columns, once for its INSERT or UPDATE and its audit
 * row: each binds member m to the named parameter param and is named in
 * the audit row by the member's name, in the table's order (COLW), as the
 * UUID of table's record (COLW_REFTO); COLW_KEEP, a text whose empty value
 * is one: bound as '' (a column NOT NULL DEFAULT '') and written as "" (the
 * others bind NULL and leave an empty text out).  COLW_BIND and
 * COLW_BIND_KEEP are bound only; a COLD_ entry (no parameter) is audited
 * only. */
#define COLW_AS(K, T, m, audit, param, table, keep)                                        \
	{COL_##K, offsetof(T, m), sizeof(((T *)0)->m), audit, table, keep, param}
#define COLW(K, T, m, param)		COLW_AS(K, T, m, #m, param, NULL, 0)
#define COLW_REFTO(T, m, param, table)	COLW_AS(REF, T, m, #m, param, table, 0)
#define COLW_KEEP(T, m, param)		COLW_AS(STR, T, m, #m, param, NULL, 1)
#define COLW_BIND(K, T, m, param)	COLW_AS(K, T, m, NULL, param, NULL, 0)
#define COLW_BIND_KEEP(T, m, param)	COLW_AS(STR, T, m, NULL, param, NULL, 1)

/* Binds row's members to st's named parameters by the columns of cols that
 * have one: a text, NULL when empty ('' with keep_empty); an integer; a
 * COL_REF or COL_OPT32, NULL when -1. */
void rowdesc_bind(sqlite3_stmt *st, const struct col_desc *cols, size_t n, const void *row);

/* The audit diff of an update: appends `"name":[old,new]` to json (an open
 * JSON object) for each column of cols with a name whose value differs between the two
 * rows.  Texts compare with NULL equal to "" and are written as strings
 * ("" for NULL); integers are written as their decimal text; a COL_REF
 * with its table (COLD_REFTO) as the two records' UUIDs, one without is
 * left to the caller.  Returns how many differ. */
int rowdesc_diff(struct db *db, const void *old_row, const void *new_row,
		 const struct col_desc *cols, size_t n, struct strbuf *json);

/* The audit dump of an insert: appends `"name":value` for each column of
 * cols with a name: a text when not empty (always with COLW_KEEP), an
 * integer always (a COL_OPT32 unless -1), a COLD_REFTO or COLW_REFTO
 * reference as its record's UUID unless -1. */
void rowdesc_dump(struct db *db, const void *row, const struct col_desc *cols, size_t n,
		  struct strbuf *json);

/* Runs sql with :key bound to key and reads its one row into row (zeroed
 * first, row_size bytes): 1 found, 0 not (row untouched), -1 error. */
int rowdesc_get(struct db *db, const char *sql, long long key, const struct col_desc *cols,
		size_t n, void *row, size_t row_size, struct err *e);
/* The same with :key bound to the text key (a code, a name). */
int rowdesc_find(struct db *db, const char *sql, const char *key, const struct col_desc *cols,
		 size_t n, void *row, size_t row_size, struct err *e);

/* The four statements of a list newest first by (K1, K2) over SEL (a
 * "SELECT ... WHERE ..."): the first page, the last, the page after an
 * anchor (:date, :id) (older), the page before it (newer). */
#define ROWDESC_PAGE_SQL_BY(SEL, K1, K2)                                                           \
	{                                                                                          \
		SEL " ORDER BY " K1 " DESC, " K2 " DESC LIMIT :n",                                 \
		    SEL " ORDER BY " K1 ", " K2 " LIMIT :n",                                       \
		    SEL " AND (" K1 ", " K2 ") < (:date, :id) ORDER BY " K1 " DESC, " K2           \
			" DESC LIMIT :n",                                                          \
		    SEL " AND (" K1 ", " K2 ") > (:date, :id) ORDER BY " K1 ", " K2 " LIMIT :n"    \
	}

/* The same by (A.date, A.id) for a SEL of alias A. */
#define ROWDESC_PAGE_SQL(SEL, A) ROWDESC_PAGE_SQL_BY(SEL, A ".date", A ".id")

/* The four statements of a list in ascending order of (K1, K2), anchored at
 * ANCHOR (two parameters, "(:item, :unit)"): first, last, after, before. */
#define ROWDESC_PAGE_SQL_UP(SEL, K1, K2, ANCHOR)                                                   \
	{                                                                                          \
		SEL " ORDER BY " K1 ", " K2 " LIMIT :n",                                           \
		    SEL " ORDER BY " K1 " DESC, " K2 " DESC LIMIT :n",                             \
		    SEL " AND (" K1 ", " K2 ") > " ANCHOR " ORDER BY " K1 ", " K2 " LIMIT :n",     \
		    SEL " AND (" K1 ", " K2 ") < " ANCHOR " ORDER BY " K1 " DESC, " K2             \
			" DESC LIMIT :n"                                                           \
	}

/* The statement of a page among the four sql: the first (dir > 0) or the
 * last (dir < 0) when not anchored, else the one after or before the anchor
 * in the direction dir; with :n bound to n.  The caller binds the anchor's
 * parameters and any of its own.  NULL with e filled when it does not
 * prepare. */
sqlite3_stmt *rowdesc_page_stmt(struct db *db, const char *const sql[4], int anchored, int dir,
				int n, struct err *e);

/* Reads at most n rows of st into out (an array of rows of row_size bytes,
 * each zeroed first) and resets st.  Returns the count read, or -1 (the
 * rows read are cleared). */
int rowdesc_fill(struct db *db, sqlite3_stmt *st, int n, const struct col_desc *cols,
		 size_t ncols, void *out, size_t row_size, struct err *e);

/* A page of at most n rows into out by the four statements sql of
 * ROWDESC_PAGE_SQL(_BY): from the newest (anchor_date NULL, dir > 0) or the
 * oldest (dir < 0), else after or before the anchor (anchor_date,
 * anchor_id) in the direction dir.  Returns the count read, or -1. */
int rowdesc_page(struct db *db, const char *const sql[4], const char *anchor_date,
		 long long anchor_id, int dir, int n, const struct col_desc *cols, size_t ncols,
		 void *out, size_t row_size, struct err *e);

/* A record's list newest first by (A.date, A.id) over SEL (a "SELECT ...
 * WHERE ..." of alias A) as the public page function its header declares:
 *	int fn(struct db *db, const T *anchor, int dir, int n, T *out,
 *	       struct err *e);
 * anchored at anchor's date and id (NULL: the newest, or the oldest with
 * dir < 0), by rowdesc_page over cols. */
#define ROWDESC_PAGE_FN(fn, T, cols, SEL, A)                                                       \
	int fn(struct db *db, const T *anchor, int dir, int n, T *out, struct err *e)              \
	{                                                                                          \
		static const char *const sql[4] = ROWDESC_PAGE_SQL(SEL, A);                        \
                                                                                                   \
		return rowdesc_page(db, sql, anchor ? anchor->date : NULL, anchor ? anchor->id : 0, \
				    dir, n, cols, ROWDESC_N(cols), out, sizeof *out, e);           \
	}

#endif
