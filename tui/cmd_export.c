/* cmd_export: `doorstep export`; see cmd_export.h.  The work is
 * tui/ops/export's: this turns argv into an export_request and prints the
 * result. */
#include "tui/cmd_export.h"

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
#include "tui/cli.h"
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
	if (rq.full_ids && !full)
		fprintf(stderr,
			_("doorstep: the profile %s says ids = full: this export carries full ID "
			  "numbers and phones (recorded in the audit log)\n"),
			profile_s);

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
