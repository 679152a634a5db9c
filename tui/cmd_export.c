/* cmd_export: `doorstep export` and the export runner; see cmd_export.h.
 *
 * The runner ties the three layers together: db/export steps the query,
 * core/export formats each value (masking, units, labels), core/csvout
 * writes the cells.  Nothing here holds more than one row. */
#include "tui/cmd_export.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/export.h"
#include "tui/cli.h"
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

/* Creates the temporary file beside path; returns its fd and name. */
static int open_temp(const char *path, char **tmp, struct err *e)
{
	const char *slash = strrchr(path, '/');
	int fd;

	if (slash)
		*tmp = xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		*tmp = xasprintf(".%s.XXXXXX", path);
	fd = mkstemp(*tmp);
	if (fd < 0) {
		err_set(e, "cannot write %s: %s", path, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	if (fchmod(fd, 0600) < 0) {
		err_set(e, "cannot write %s: %s", path, strerror(errno));
		close(fd);
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	return fd;
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
	struct date td;
	int *idx = NULL, n = 0, fd = -1;
	char *tmp = NULL;
	long long got, result = -1;

	clock_today(&td);
	date_format(&td, today);
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
		fd = open_temp(rq->path, &tmp, e);
		if (fd < 0)
			goto out;
	}
	if (open_writer(&r, fd, tmp, e) < 0)
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
		if (fsync(fd) < 0) {
			err_set(e, "%s", strerror(errno));
			goto fail_write;
		}
		if (close(fd) < 0) {
			fd = -1;
			err_set(e, "%s", strerror(errno));
			goto fail_write;
		}
		fd = -1;
		if (rq->full_ids && audit_full(db, rq, r.rows, e) < 0)
			goto out;
		if (rename(tmp, rq->path) < 0) {
			err_set(e, "cannot write %s: %s", rq->path, strerror(errno));
			goto out;
		}
	}
	if (rq->progress)
		rq->progress(rq->progress_ctx, r.rows, r.rows);
	result = r.rows;
	goto out;
fail_write:
	err_prefix(e, "cannot write %s", to_stdout ? "to standard output" : rq->path);
out:
	if (fd >= 0 && !to_stdout)
		close(fd);
	if (tmp && result < 0)
		unlink(tmp);
	free(tmp);
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

/* Lists the shipped profiles' names on stderr, for an unknown one. */
static void list_profiles(void)
{
	char *dir = xasprintf("%s/profiles", paths_data_dir());
	DIR *d = opendir(dir);
	struct dirent *de;
	int first = 1;

	if (d) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.' || !has_suffix(de->d_name, ".ini"))
				continue;
			fprintf(stderr, "%s%.*s", first ? _("doorstep: profiles: ") : ", ",
				(int)(strlen(de->d_name) - 4), de->d_name);
			first = 0;
		}
		closedir(d);
	}
	if (!first)
		fputc('\n', stderr);
	free(dir);
}

static void list_datasets(void)
{
	int n;
	const struct export_dataset *ds = export_datasets(&n);

	fprintf(stderr, "%s", _("doorstep: datasets:"));
	for (int i = 0; i < n; i++)
		fprintf(stderr, " %s", ds[i].name);
	fputc('\n', stderr);
}

static void warn_stderr(void *ctx, const char *msg)
{
	fprintf(stderr, _("doorstep: %s: warning: %s\n"), (const char *)ctx, msg);
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{"profile", required_argument, NULL, 'p'},
		{"encoding", required_argument, NULL, 'e'},
		{"format", required_argument, NULL, 'T'},
		{"full-ids", no_argument, NULL, 'F'},
		{"output", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	const char *from_s = NULL, *to_s = NULL, *profile_s = NULL, *enc_s = NULL, *out = NULL;
	const char *format_s = NULL;
	char from[DATE_STR], to[DATE_STR];
	struct export_request rq = {0};
	struct profile *pf = NULL;
	char *pf_path = NULL;
	int full = 0, c, status = CLI_USAGE;
	struct err e;
	long long rows;

	err_clear(&e);
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			from_s = optarg;
			break;
		case 't':
			to_s = optarg;
			break;
		case 'p':
			profile_s = optarg;
			break;
		case 'e':
			enc_s = optarg;
			break;
		case 'F':
			full = 1;
			break;
		case 'T':
			format_s = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return cli_usage_error("export", _("unknown option %s"), argv[optind - 1]);
		}
	}
	if (optind < argc) {
		rq.ds = export_dataset_find(argv[optind]);
		if (!rq.ds) {
			cli_usage_error("export", _("unknown dataset \"%s\""), argv[optind]);
			list_datasets();
			return CLI_USAGE;
		}
		optind++;
	}
	if (optind < argc)
		return cli_usage_error("export", _("unexpected argument \"%s\""), argv[optind]);
	if (profile_s) {
		int found = export_find_profile(profile_s, &pf, &pf_path, &e);

		if (found == 0) {
			cli_usage_error("export", _("unknown profile \"%s\" (no file %s)"), profile_s,
					pf_path);
			list_profiles();
			goto out;
		}
		if (found < 0) {
			cli_error(&e, pf_path);
			goto out;
		}
		if (rq.ds && rq.ds != pf->dataset) {
			cli_usage_error("export", _("the profile %s is for the dataset %s, not %s"),
					profile_s, pf->dataset->name, rq.ds->name);
			goto out;
		}
		rq.ds = pf->dataset;
	}
	if (!rq.ds) {
		cli_usage_error("export", "%s", _("which dataset? name one, or give --profile"));
		list_datasets();
		goto out;
	}
	if (!from_s && pf)
		from_s = pf->from;
	if (!to_s && pf)
		to_s = pf->to;
	if (from_s && cli_parse_date("--from", from_s, from) < 0)
		goto out;
	if (to_s && cli_parse_date("--to", to_s, to) < 0)
		goto out;
	if (from_s && to_s && strcmp(from, to) > 0) {
		cli_usage_error("export", _("--from %s is after --to %s"), from, to);
		goto out;
	}
	if ((from_s || to_s) && !rq.ds->date_rule) {
		cli_usage_error("export", _("%s have no date: --from and --to do not apply"),
				rq.ds->name);
		goto out;
	}
	rq.encoding = pf && pf->has_encoding ? pf->encoding : CSVOUT_UTF8_BOM;
	if (enc_s && csvout_encoding_parse(enc_s, &rq.encoding, &e) < 0) {
		cli_usage_error("export", "%s", e.msg);
		goto out;
	}
	rq.format = pf && pf->has_format ? pf->format : export_format_of_path(out);
	if (format_s && export_format_parse(format_s, &rq.format, &e) < 0) {
		cli_usage_error("export", "%s", e.msg);
		goto out;
	}
	if (rq.format == EXPORT_XLSX && enc_s) {
		cli_usage_error("export", "%s", _("--encoding is for CSV files; a workbook has none"));
		goto out;
	}
	rq.warn = warn_stderr;
	rq.warn_ctx = (void *)(out ? out : "-");
	rq.profile = pf;
	rq.from = from_s ? from : NULL;
	rq.to = to_s ? to : NULL;
	rq.full_ids = full || (pf && pf->full_ids);
	rq.path = out;

	status = CLI_REFUSED;
	if (cli_open_db(cli, rq.full_ids ? 0 : DB_OPEN_READONLY) < 0)
		goto out;
	/* A file too large for `ulimit -f` must be an error, not a signal. */
	signal(SIGXFSZ, SIG_IGN);
	rows = export_run(cli->db, &rq, &e);
	if (rows < 0) {
		cli_error(&e, NULL);
		goto out;
	}
	if (out && strcmp(out, "-"))
		printf(_("%s: %lld rows of %s (%s)\n"), out, rows, rq.ds->name,
		       rq.format == EXPORT_XLSX ? "xlsx" : csvout_encoding_name(rq.encoding));
	status = CLI_OK;
out:
	profile_free(&pf);
	free(pf_path);
	return status;
}
