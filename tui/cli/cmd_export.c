/* cmd_export: `doorstep export`; see cmd_export.h.  The work is
 * tui/ops/export's: this turns argv into an export_request and prints the
 * result. */
#include "tui/cli/cmd_export.h"

#include <dirent.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "tui/cli/cli.h"
#include "tui/cli/cliopt.h"
#include "tui/ops/export.h"
#include "tui/paths.h"

/* Lists the shipped profiles' names on stderr, for an unknown one. */
static void list_profiles(void)
{
	char *dir = xasprintf("%s/profiles", paths_data_dir());
	DIR *d = opendir(dir);
	struct dirent *de;
	int first = 1;

	if (d) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.' || !export_profile_file(de->d_name))
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

/* What the command line said, before it is checked against the profile. */
struct export_args {
	const char *from_s, *to_s, *profile_s, *enc_s, *format_s, *out;
	int full;
};

/* Reads the options and the dataset name into *a and rq->ds; returns
 * CLI_OK or, after saying why, CLI_USAGE. */
static int parse_args(int argc, char **argv, struct export_args *a, struct export_request *rq)
{
	struct cliopt opts[] = {
	    CLIOPT_TEXT("from", 0, &a->from_s, NULL),
	    CLIOPT_TEXT("to", 0, &a->to_s, NULL),
	    CLIOPT_TEXT("profile", 0, &a->profile_s, NULL),
	    CLIOPT_TEXT("encoding", 0, &a->enc_s, NULL),
	    CLIOPT_TEXT("format", 0, &a->format_s, NULL),
	    CLIOPT_FLAG("full-ids", 0, &a->full),
	    CLIOPT_TEXT("output", 'o', &a->out, NULL),
	    CLIOPT_END,
	};

	if (cliopt_parse("export", opts, argc, argv) != CLI_OK)
		return CLI_USAGE;
	if (optind < argc) {
		rq->ds = export_dataset_find(argv[optind]);
		if (!rq->ds) {
			cli_usage_error("export", _("unknown dataset \"%s\""), argv[optind]);
			list_datasets();
			return CLI_USAGE;
		}
		optind++;
	}
	return cliopt_no_more("export", argc, argv, optind);
}

/* Loads the named profile into *pf and settles rq->ds from it and the
 * command line; returns 0, or -1 after saying why. */
static int resolve_dataset(const struct export_args *a, struct export_request *rq,
			   struct profile **pf, char **pf_path, struct err *e)
{
	if (a->profile_s) {
		int found = export_find_profile(a->profile_s, pf, pf_path, e);

		if (found == 0) {
			cli_usage_error("export", _("unknown profile \"%s\" (no file %s)"),
					a->profile_s, *pf_path);
			list_profiles();
			return -1;
		}
		if (found < 0) {
			cli_error(e, *pf_path);
			return -1;
		}
		if (rq->ds && rq->ds != (*pf)->dataset) {
			cli_usage_error("export", _("the profile %s is for the dataset %s, not %s"),
					a->profile_s, (*pf)->dataset->name, rq->ds->name);
			return -1;
		}
		rq->ds = (*pf)->dataset;
	}
	if (!rq->ds) {
		cli_usage_error("export", "%s", _("which dataset? name one, or give --profile"));
		list_datasets();
		return -1;
	}
	return 0;
}

/* Fills the rest of *rq from the options over the profile's defaults;
 * from and to are the caller's DATE_STR buffers.  Returns 0, or -1 after
 * saying why. */
static int fill_request(struct export_args *a, const struct profile *pf, struct export_request *rq,
			char *from, char *to, struct err *e)
{
	if (!a->from_s && pf)
		a->from_s = pf->from;
	if (!a->to_s && pf)
		a->to_s = pf->to;
	if (a->from_s && cli_parse_date("--from", a->from_s, from) < 0)
		return -1;
	if (a->to_s && cli_parse_date("--to", a->to_s, to) < 0)
		return -1;
	if (a->from_s && a->to_s && strcmp(from, to) > 0) {
		cli_usage_error("export", _("--from %s is after --to %s"), from, to);
		return -1;
	}
	if ((a->from_s || a->to_s) && !rq->ds->date_rule) {
		cli_usage_error("export", _("%s have no date: --from and --to do not apply"),
				rq->ds->name);
		return -1;
	}
	rq->encoding = pf && pf->has_encoding ? pf->encoding : CSVOUT_UTF8_BOM;
	if (a->enc_s && csvout_encoding_parse(a->enc_s, &rq->encoding, e) < 0) {
		cli_usage_error("export", "%s", e->msg);
		return -1;
	}
	rq->format = pf && pf->has_format ? pf->format : export_format_of_path(a->out);
	if (a->format_s && export_format_parse(a->format_s, &rq->format, e) < 0) {
		cli_usage_error("export", "%s", e->msg);
		return -1;
	}
	if (rq->format == EXPORT_XLSX && a->enc_s) {
		cli_usage_error("export", "%s", _("--encoding is for CSV files; a workbook has none"));
		return -1;
	}
	rq->warn = warn_stderr;
	rq->warn_ctx = (void *)(a->out ? a->out : "-");
	rq->profile = pf;
	rq->from = a->from_s ? from : NULL;
	rq->to = a->to_s ? to : NULL;
	rq->full_ids = a->full || (pf && pf->full_ids);
	rq->path = a->out;
	if (rq->full_ids && !a->full)
		fprintf(stderr,
			_("doorstep: the profile %s says ids = full: this export carries full ID "
			  "numbers and phones (recorded in the audit log)\n"),
			a->profile_s);
	return 0;
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	struct export_args a = {0};
	char from[DATE_STR], to[DATE_STR];
	struct export_request rq = {0};
	struct profile *pf = NULL;
	char *pf_path = NULL;
	int status;
	struct err e;
	long long rows;

	err_clear(&e);
	status = parse_args(argc, argv, &a, &rq);
	if (status != CLI_OK)
		return status;
	status = CLI_USAGE;
	if (resolve_dataset(&a, &rq, &pf, &pf_path, &e) < 0 ||
	    fill_request(&a, pf, &rq, from, to, &e) < 0)
		goto out;

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
	if (a.out && strcmp(a.out, "-"))
		printf(_("%s: %lld rows of %s (%s)\n"), a.out, rows, rq.ds->name,
		       rq.format == EXPORT_XLSX ? "xlsx" : csvout_encoding_name(rq.encoding));
	status = CLI_OK;
out:
	profile_free(&pf);
	free(pf_path);
	return status;
}
