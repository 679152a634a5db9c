/* ops/export: the export runner and the profile lookup; see export.h.
 *
 * The runner ties the three layers together: db/export steps the query,
 * core/export formats each value (masking, units, labels), core/csvout or
 * core/xlsxout writes the cells into core/atomicfile's temporary file.
 * Nothing here holds more than one row. */
#include "tui/ops/export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomicfile.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/export.h"
#include "tui/paths.h"

#define PROGRESS_EVERY 4096

struct run {
	const struct export_request *rq;
	const struct export_column **cols; /* per output column */
	enum csvout_kind *kinds;
	struct export_style style;
	struct csvout *w;   /* a CSV, or */
	struct xlsxout *x;  /* a workbook */
	struct err *e;
	int ncols;
	long long rows, total;
	char buf[EXPORT_VALUE_MAX];
};

static int write_row(void *ctx, const char *const *vals, const size_t *lens)
{
	struct run *r = ctx;

	for (int i = 0; i < r->ncols; i++) {
		size_t len;
		const char *text = export_format_value(r->cols[i], vals[i], lens[i], &r->style,
						       r->buf, sizeof r->buf, &len);

		if (r->x)
			xlsxout_cell(r->x, text, len);
		else
			csvout_cell(r->w, text, len, r->kinds[i]);
	}
	if (r->x ? xlsxout_row_end(r->x, r->e) < 0 : csvout_row_end(r->w, r->e) < 0)
		return 1;
	r->rows++;
	if (r->rq->progress && r->rows % PROGRESS_EVERY == 0)
		r->rq->progress(r->rq->progress_ctx, r->rows, r->total);
	return 0;
}

/* Starts the CSV writer on fd, or the workbook writer on the temporary
 * file tmp (libxlsxwriter writes by name when it finishes). */
static int open_writer(struct run *r, int fd, const char *tmp, struct err *e)
{
	const struct export_request *rq = r->rq;

	if (rq->format != EXPORT_XLSX)
		return csvout_open(&r->w, fd, rq->encoding, e);
	if (xlsxout_open(&r->x, tmp,
			 rq->profile && rq->profile->title ? rq->profile->title : rq->ds->name,
			 e) < 0)
		return -1;
	for (int i = 0; i < r->ncols; i++)
		xlsxout_column(r->x, i, export_xlsx_type(r->cols[i]));
	return 0;
}

static void report_warnings(const struct run *r)
{
	size_t n = r->x ? xlsxout_warning_count(r->x) : csvout_warning_count(r->w);

	for (size_t i = 0; r->rq->warn && i < n; i++) {
		const char *msg = r->x ? xlsxout_warning(r->x, i) : csvout_warning(r->w, i);

		if (!msg) {
			char more[96];

			snprintf(more, sizeof more, _("and %zu more such values"), n - i);
			r->rq->warn(r->rq->warn_ctx, more);
			break;
		}
		r->rq->warn(r->rq->warn_ctx, msg);
	}
}

static int audit_full(struct db *db, const struct export_request *rq, long long rows,
		      struct err *e)
{
	struct strbuf j = STRBUF_INIT;
	int r;

	json_open(&j);
	json_add_int(&j, "rows", rows);
	json_add_str(&j, "path", rq->path && strcmp(rq->path, "-") ? rq->path : "(standard output)");
	strbuf_puts(&j, ",\"full\":true");
	if (rq->from)
		json_add_str(&j, "from", rq->from);
	if (rq->to)
		json_add_str(&j, "to", rq->to);
	if (rq->profile && rq->profile->title)
		json_add_str(&j, "profile", rq->profile->title);
	json_close(&j);
	r = db_begin(db, e);
	if (r == 0) {
		r = db_audit(db, "export", rq->ds->name, NULL, strbuf_str(&j), e);
		if (r == 0)
			r = db_commit(db, e);
		else
			db_rollback(db);
	}
	if (r < 0)
		err_prefix(e, "the export of full ID numbers could not be recorded in the audit log, so it was not written");
	strbuf_free(&j);
	return r;
}

long long export_run(struct db *db, const struct export_request *rq, struct err *e)
{
	const struct profile *pf = rq->profile;
	int to_stdout = !rq->path || !strcmp(rq->path, "-");
	struct db_export_query q = {0};
	struct run r = {0};
	char today[DATE_STR];
	int *idx = NULL, n = 0, fd = -1;
	struct atomic_file tmp = {.fd = -1};
	long long got, result = -1;

	clock_today_iso(today);
	/* Columns: the profile's, or the dataset's default set. */
	idx = xcalloc((size_t)rq->ds->ncols + (pf ? (size_t)pf->ncols : 0) + 1, sizeof *idx);
	if (pf) {
		for (int i = 0; i < pf->ncols; i++)
			idx[n++] = pf->cols[i].index;
	} else {
		for (int i = 0; i < rq->ds->ncols; i++)
			if (rq->ds->cols[i].in_default)
				idx[n++] = i;
	}
	r.rq = rq;
	r.e = e;
	r.ncols = n;
	r.total = -1;
	r.style.full_ids = rq->full_ids;
	r.style.zh_labels = pf ? pf->zh_labels : 0;
	r.cols = xcalloc((size_t)n + 1, sizeof *r.cols);
	r.kinds = xcalloc((size_t)n + 1, sizeof *r.kinds);
	for (int i = 0; i < n; i++) {
		r.cols[i] = &rq->ds->cols[idx[i]];
		r.kinds[i] = export_csv_kind(r.cols[i]);
	}
	q.ds = rq->ds;
	q.cols = idx;
	q.ncols = n;
	q.from = rq->from;
	q.to = rq->to;
	q.today = today;

	if (rq->progress || (rq->full_ids && to_stdout)) {
		r.total = db_export_count(db, &q, e);
		if (r.total < 0)
			goto out;
	}
	/* Full values on standard output cannot wait for the end to be audited. */
	if (rq->full_ids && to_stdout && audit_full(db, rq, r.total, e) < 0)
		goto out;

	if (to_stdout && rq->format == EXPORT_XLSX) {
		err_set(e, "%s", _("a workbook cannot be written to standard output: name the "
				   "file with -o FILE.xlsx"));
		goto out;
	}
	if (to_stdout) {
		fd = STDOUT_FILENO;
	} else {
		if (atomic_file_open(&tmp, rq->path, e) < 0)
			goto out;
		fd = tmp.fd;
	}
	if (open_writer(&r, fd, tmp.tmp, e) < 0)
		goto fail_write;
	for (int i = 0; i < n; i++) {
		const char *title = pf ? pf->cols[i].title : r.cols[i]->name;

		if (r.x)
			xlsxout_cell(r.x, title, strlen(title));
		else
			csvout_cell_str(r.w, title, CSVOUT_TEXT);
	}
	if (r.x ? xlsxout_row_end(r.x, e) < 0 : csvout_row_end(r.w, e) < 0)
		goto fail_write;
	err_clear(e);
	got = db_export_run(db, &q, write_row, &r, e);
	if (got < 0)
		goto out;
	if (e->msg[0])
		goto fail_write;
	if (r.x ? xlsxout_finish(r.x, e) < 0 : csvout_finish(r.w, e) < 0)
		goto fail_write;
	report_warnings(&r);
	if (!to_stdout) {
		if (rq->full_ids && audit_full(db, rq, r.rows, e) < 0)
			goto out;
		if (atomic_file_commit(&tmp, e) < 0)
			goto out;
	}
	if (rq->progress)
		rq->progress(rq->progress_ctx, r.rows, r.rows);
	result = r.rows;
	goto out;
fail_write:
	err_prefix(e, "cannot write %s", to_stdout ? "to standard output" : rq->path);
out:
	atomic_file_abort(&tmp);
	csvout_free(&r.w);
	xlsxout_free(&r.x);
	free(r.cols);
	free(r.kinds);
	free(idx);
	return result;
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

int export_profile_file(const char *name)
{
	return has_suffix(name, ".ini");
}

int export_find_profile(const char *name, struct profile **out, char **path_out, struct err *e)
{
	struct stat sb;
	char *path;

	*out = NULL;
	if (strchr(name, '/') || has_suffix(name, ".ini"))
		path = xstrdup(name);
	else
		path = xasprintf("%s/profiles/%s.ini", paths_data_dir(), name);
	*path_out = path;
	if (stat(path, &sb) < 0 || !S_ISREG(sb.st_mode))
		return 0;
	return profile_load(path, out, e) < 0 ? -1 : 1;
}
