/* db roster: one transaction that brings a checked roster in; see roster.h.
 *
 * Writes go through db_household_* and db_resident_*, which keep the search
 * columns and write the audit rows (new records' are written at the end, one
 * statement per table: audit_new); this module only decides, row by row,
 * what is new, what changed and what is the same.  Lookups that cannot match
 * are skipped: a household created by this import has no stored residents,
 * and ID numbers are unique within a checked roster; new records are staged
 * through the _bulk entry points, which trust the lookup made here instead
 * of repeating it, and go in with one INSERT … SELECT per table (the
 * households after their loop, the residents at the end: a lookup never
 * needs a staged record, for the same reasons). */
#include "db/roster.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/mask.h"
#include "core/model.h"
#include "core/roster.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/record.h"
#include "db/residents.h"
#include "db/search.h"
#include "db/sql.h"

#define PROGRESS_EVERY 500

/* The page cache for the import's one big transaction: SQLite's default of
 * 2 MB spills to the WAL and reads back while the indexes of 100,000 new
 * residents are written; 64 MB, needed when the search index was filed
 * in the transaction, cost more in page faults than it saved once it was
 * not (100,000 residents: a median of 1.83 s CPU with 16 MB, 2.08 s with
 * 64 MB, five alternating runs each). */
#define IMPORT_CACHE_PRAGMA  "PRAGMA cache_size = -16384"
#define DEFAULT_CACHE_PRAGMA "PRAGMA cache_size = -2000"

/* Replaces *slot with a copy of v when v is non-empty and differs. */
static void take(char **slot, const char *v)
{
	if (!v || !*v || (*slot && !strcmp(*slot, v)))
		return;
	free(*slot);
	*slot = xstrdup(v);
}

/* A small cache of grid names to ids, so that db_grid_ensure runs once per
 * grid of the file. */
struct grid_cache {
	char **names;
	long long *ids;
	size_t n;
};

static long long grid_id(struct db *db, struct grid_cache *gc, const char *name, struct err *e)
{
	long long id;

	for (size_t i = 0; i < gc->n; i++)
		if (!strcmp(gc->names[i], name))
			return gc->ids[i];
	id = db_grid_ensure(db, name, e);
	if (id < 0)
		return -1;
	gc->names = xrealloc(gc->names, (gc->n + 1) * sizeof *gc->names);
	gc->ids = xrealloc(gc->ids, (gc->n + 1) * sizeof *gc->ids);
	gc->names[gc->n] = xstrdup(name);
	gc->ids[gc->n++] = id;
	return id;
}

static void grid_cache_free(struct grid_cache *gc)
{
	for (size_t i = 0; i < gc->n; i++)
		free(gc->names[i]);
	free(gc->names);
	free(gc->ids);
}

/* Counts an update the import made: changed (1) or not (0) as updated or
 * unchanged; -1 (the update failed) counts nothing and is returned. */
static int tally_update(int changed, long *updated, long *unchanged)
{
	if (changed < 0)
		return -1;
	if (changed)
		(*updated)++;
	else
		(*unchanged)++;
	return 0;
}

/* Finds or adds household j; sets *id and *created.  Counts it. */
static int apply_household(struct db *db, const struct roster *r, size_t j, struct grid_cache *gc,
			   int none_stored, long long *id, int *created, struct roster_counts *c,
			   struct err *e)
{
	struct household h;
	const char *grid = roster_household_value(r, j, ROSTER_GRID);
	int found, rc = -1;
	long long gid = -1;

	if (grid && (gid = grid_id(db, gc, grid, e)) < 0)
		return -1;
	model_household_init(&h);
	/* No household stored before the import: none to find (the codes of a
	 * checked roster are distinct). */
	found = none_stored ? 0
			    : db_household_lookup_code(db, roster_household_value(r, j, ROSTER_CODE),
						       &h, e);
	if (found < 0)
		goto out;
	if (!found) {
		h.code = xstrdup(roster_household_value(r, j, ROSTER_CODE));
		h.grid_id = gid;
	} else if (gid >= 0) {
		h.grid_id = gid;
	}
	take(&h.compound, roster_household_value(r, j, ROSTER_COMPOUND));
	take(&h.building, roster_household_value(r, j, ROSTER_BUILDING));
	take(&h.unit, roster_household_value(r, j, ROSTER_UNIT));
	take(&h.room, roster_household_value(r, j, ROSTER_ROOM));
	take(&h.address, roster_household_value(r, j, ROSTER_ADDRESS));
	take(&h.phone, roster_household_value(r, j, ROSTER_HOUSEHOLD_PHONE));
	take(&h.notes, roster_household_value(r, j, ROSTER_HOUSEHOLD_NOTES));
	if (!found) {
		h.id = *id; /* the id the caller chose for a new household */
		if (db_household_insert_bulk(db, &h, e) < 0)
			goto out;
		c->households_new++;
	} else if (tally_update(db_household_update(db, &h, e), &c->households_updated,
				&c->households_unchanged) < 0) {
		goto out;
	}
	*id = h.id;
	*created = !found;
	rc = 0;
out:
	model_household_clear(&h);
	return rc;
}

/* The resident cells a row fills, and where they go in a resident. */
static const struct {
	size_t off;
	enum roster_field f;
} row_cells[] = {
    {offsetof(struct resident, name), ROSTER_NAME},
    {offsetof(struct resident, id_type), ROSTER_ID_TYPE},
    {offsetof(struct resident, id_number), ROSTER_ID_NUMBER},
    {offsetof(struct resident, birth_date), ROSTER_BIRTH_DATE},
    {offsetof(struct resident, phone), ROSTER_PHONE},
    {offsetof(struct resident, relation), ROSTER_RELATION},
    {offsetof(struct resident, status), ROSTER_STATUS},
    {offsetof(struct resident, tags), ROSTER_TAGS},
    {offsetof(struct resident, returned_from), ROSTER_RETURNED_FROM},
    {offsetof(struct resident, return_date), ROSTER_RETURN_DATE},
    {offsetof(struct resident, travel), ROSTER_TRAVEL},
    {offsetof(struct resident, notes), ROSTER_NOTES},
};

#define ROW_CELLS (sizeof row_cells / sizeof row_cells[0])
#define CELL_SLOT(res, k) ((char **)((char *)(res) + row_cells[k].off))

/* Copies the resident cells of row i onto res (only non-empty ones). */
static void take_row(struct resident *res, const struct roster *r, size_t i)
{
	const char *sex = roster_row_value(r, i, ROSTER_SEX);

	if (sex)
		res->sex = sex[0];
	for (size_t k = 0; k < ROW_CELLS; k++)
		take(CELL_SLOT(res, k), roster_row_value(r, i, row_cells[k].f));
}

/* Stages row i as a new resident of household hid.  The record borrows the
 * roster's non-empty cells (what take_row would copy onto an empty record):
 * an import stages 100,000 of them, and copying and freeing their cells was
 * a fiftieth of it.  It is never cleared. */
static int insert_new(struct db *db, const struct roster *r, size_t i, long long hid,
		      struct err *e)
{
	const char *sex = roster_row_value(r, i, ROSTER_SEX);
	struct resident res;

	model_resident_init(&res);
	res.household_id = hid;
	if (sex)
		res.sex = sex[0];
	for (size_t k = 0; k < ROW_CELLS; k++) {
		const char *v = roster_row_value(r, i, row_cells[k].f);

		*CELL_SLOT(&res, k) = v && *v ? (char *)v : NULL;
	}
	return db_resident_insert_bulk(db, &res, e);
}

void roster_counts_clear(struct roster_counts *c)
{
	for (size_t i = 0; i < c->nchanges; i++)
		free(c->changes[i]);
	free(c->changes);
	c->changes = NULL;
	c->nchanges = 0;
}

static void add_change(struct roster_counts *c, char *text)
{
	c->changes = xrealloc(c->changes, (c->nchanges + 1) * sizeof *c->changes);
	c->changes[c->nchanges++] = text;
}

/* Notes a row that moves resident res (found by ID number) to household hid
 * or gives them another name. */
static int note_change(struct db *db, const struct roster *r, size_t i, const struct resident *res,
		       long long hid, struct roster_counts *c, struct err *e)
{
	const char *name = roster_row_value(r, i, ROSTER_NAME);
	char masked[64] = "";

	if (res->id_number)
		mask_id(res->id_number, masked, sizeof masked);
	if (res->household_id != hid) {
		struct household from;
		int got;

		model_household_init(&from);
		got = db_household_get(db, res->household_id, &from, e);
		if (got < 0) {
			model_household_clear(&from);
			return -1;
		}
		add_change(c, xasprintf(_("line %ld: %s (%s) moves from household %s to %s"),
					roster_row_line(r, i), res->name, masked,
					got && from.code ? from.code : "?",
					roster_household_value(r, roster_row_household(r, i),
							       ROSTER_CODE)));
		model_household_clear(&from);
	}
	if (name && res->name && strcmp(name, res->name))
		add_change(c, xasprintf(_("line %ld: %s (%s) is renamed %s"), roster_row_line(r, i),
					res->name, masked, name));
	return 0;
}

static int apply_resident(struct db *db, const struct roster *r, size_t i, long long hid,
			  int household_created, int residents_empty, struct roster_counts *c,
			  struct err *e)
{
	const char *idn = roster_row_value(r, i, ROSTER_ID_NUMBER);
	const char *name = roster_row_value(r, i, ROSTER_NAME);
	struct resident res;
	int found = 0, rc = -1, moved = 0, changed;

	model_resident_init(&res);
	if (idn && !residents_empty) {
		found = db_resident_find_id_number(db, idn, &res, e);
		if (found < 0)
			goto out;
	}
	if (!found && !household_created) {
		found = db_resident_find_name(db, hid, name, &res, e);
		if (found < 0)
			goto out;
		/* The same name with another ID number is another person. */
		if (found && idn && res.id_number && strcmp(res.id_number, idn)) {
			model_resident_clear(&res);
			model_resident_init(&res);
			found = 0;
		}
	}
	if (!found) {
		if (insert_new(db, r, i, hid, e) < 0)
			goto out;
		if (!household_created && db_search_queue(db, hid, e) < 0)
			goto out;
		c->residents_new++;
		rc = 0;
		goto out;
	}
	if (note_change(db, r, i, &res, hid, c, e) < 0)
		goto out;
	if (res.household_id != hid) {
		if (db_resident_move(db, res.id, hid, e) < 0)
			goto out;
		moved = 1;
	}
	take_row(&res, r, i);
	changed = db_resident_update(db, &res, e);
	if (tally_update(changed < 0 ? changed : changed || moved, &c->residents_updated,
			 &c->residents_unchanged) < 0)
		goto out;
	rc = 0;
out:
	model_resident_clear(&res);
	return rc;
}

/* The audit rows of the records this import inserted: an "insert" row
 * each (merge reads who inserted what from them), naming the file; their
 * values are the records'. */
static int audit_new(struct db *db, const char *source, long long hh_before,
		     long long res_before, struct err *e)
{
	struct strbuf json = STRBUF_INIT;
	int r;

	json_open(&json);
	json_add_str(&json, "imported_from", source ? source : "");
	json_close(&json);
	r = db_record_audit_inserted(db, "households", hh_before, strbuf_str(&json), e);
	if (r >= 0)
		r = db_record_audit_inserted(db, "residents", res_before, strbuf_str(&json), e);
	strbuf_free(&json);
	return r;
}

int db_roster_apply(struct db *db, const struct roster *r, const char *source, int dry_run,
		    db_roster_progress_fn progress, void *ctx, struct roster_counts *out,
		    struct err *e)
{
	size_t nhh = roster_household_count(r), nrows = roster_row_count(r);
	long long *hid = NULL;
	unsigned char *created = NULL;
	struct grid_cache gc = {0};
	struct roster_counts c = {0};
	struct strbuf json = STRBUF_INIT;
	long long hh_before, res_before;
	int residents_empty, rc = -1;

	memset(out, 0, sizeof *out);
	if (roster_error_count(r) > 0)
		return err_set(e, _("the roster has errors; nothing was imported"));
	if (db_in_transaction(db))
		return err_set(e, _("an import runs in a transaction of its own"));
	if (db_quick_check(db, e) < 0)
		return -1;
	if (db_exec(db, IMPORT_CACHE_PRAGMA, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		goto done;
	residents_empty = sql_scalar(
	    db, "SELECT NOT EXISTS (SELECT 1 FROM residents WHERE deleted_at IS NULL)", e);
	/* New records are audited at the end, one statement per table, as
	 * every id above these (ids only grow). */
	hh_before = sql_scalar(db, "SELECT coalesce(max(id), 0) FROM households", e);
	res_before = sql_scalar(db, "SELECT coalesce(max(id), 0) FROM residents", e);
	if (residents_empty < 0 || hh_before < 0 || res_before < 0 ||
	    db_search_bulk_begin(db, e) < 0 || db_household_bulk_begin(db, e) < 0 ||
	    db_resident_bulk_begin(db, e) < 0)
		goto fail;
	hid = xcalloc(nhh ? nhh : 1, sizeof *hid);
	created = xcalloc(nhh ? nhh : 1, 1);
	for (size_t j = 0; j < nhh; j++) {
		int made;

		hid[j] = hh_before + 1 + c.households_new; /* if it is new */
		if (apply_household(db, r, j, &gc, hh_before == 0, &hid[j], &made, &c, e) < 0) {
			e->line = roster_row_line(r, 0);
			for (size_t i = 0; i < nrows; i++) {
				if (roster_row_household(r, i) == j) {
					e->line = roster_row_line(r, i);
					break;
				}
			}
			goto fail;
		}
		created[j] = (unsigned char)made;
	}
	/* The new households go in with one statement, before the residents
	 * (a resident may move into one of them), and wait for the search
	 * index. */
	if (db_household_bulk_flush(db, e) < 0 || db_search_queue_after(db, hh_before, e) < 0)
		goto fail;
	for (size_t i = 0; i < nrows; i++) {
		size_t j = roster_row_household(r, i);

		if (apply_resident(db, r, i, hid[j], created[j], residents_empty, &c, e) < 0) {
			e->line = roster_row_line(r, i);
			goto fail;
		}
		if (progress && (i + 1) % PROGRESS_EVERY == 0)
			progress(i + 1, nrows, ctx);
	}
	/* The new residents go in with one statement.  The households stay
	 * queued for the search index: the filter finds them at once, and
	 * db_search_idle files them after the commit. */
	if (db_resident_bulk_flush(db, e) < 0 ||
	    db_search_bulk_end(db, 0, e) < 0 || audit_new(db, source, hh_before, res_before, e) < 0)
		goto fail;
	/* The import itself is audited when it changed something: the same
	 * file again leaves the database exactly as it was. */
	if (c.households_new + c.households_updated + c.residents_new + c.residents_updated == 0)
		goto finish;
	json_open(&json);
	if (source)
		json_add_str(&json, "file", source);
	json_add_int(&json, "households_new", c.households_new);
	json_add_int(&json, "households_updated", c.households_updated);
	json_add_int(&json, "residents_new", c.residents_new);
	json_add_int(&json, "residents_updated", c.residents_updated);
	json_add_int(&json, "residents_unchanged", c.residents_unchanged);
	json_close(&json);
	if (db_audit(db, "import", "residents", NULL, strbuf_str(&json), e) < 0)
		goto fail;
finish:
	if (dry_run) {
		db_rollback(db);
	} else if (db_commit(db, e) < 0) {
		roster_counts_clear(&c); /* the failed commit has undone the import */
		goto done;
	}
	if (progress)
		progress(nrows, nrows, ctx);
	*out = c;
	rc = 0;
	goto done;
fail:
	db_rollback(db);
	roster_counts_clear(&c);
done:
	db_exec(db, DEFAULT_CACHE_PRAGMA, NULL);
	strbuf_free(&json);
	grid_cache_free(&gc);
	free(hid);
	free(created);
	return rc;
}
