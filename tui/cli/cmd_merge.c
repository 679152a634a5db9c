/* cmd_merge: `doorstep merge OTHER.db [--dry-run] [--force]` and
 * `doorstep init --from FILE --station S`: the command-line faces of the
 * merge engine (db/merge.h), and the printed merge report. */
#include "tui/cli/cmd_merge.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/db.h"
#include "db/merge.h"
#include "tui/cli/cli.h"
#include "tui/cli/cliopt.h"
#include "tui/ops/merge.h"
#include "tui/ops/setup.h"

int cmd_merge(struct cli *cli, int argc, char **argv)
{
	struct merge_opts o = {0, 0};
	struct cliopt opts[] = {
	    CLIOPT_FLAG("dry-run", 0, &o.dry_run),
	    CLIOPT_FLAG("force", 0, &o.force),
	    CLIOPT_END,
	};
	struct merge_report r;
	struct err e;
	const char *other;
	int status;

	if (cliopt_parse("merge", opts, argc, argv) != CLI_OK)
		return CLI_USAGE;
	if (optind >= argc)
		return cli_usage_error("merge", "%s", _("merge needs the other database file"));
	if (optind + 1 < argc)
		return cli_usage_error("merge", _("unexpected argument \"%s\""), argv[optind + 1]);
	other = argv[optind];
	if (cli_open_db(cli, 0) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	if (db_merge(cli->db, other, &o, &r, &e) < 0) {
		cli_error(&e, NULL);
		status = CLI_REFUSED;
	} else {
		char last[64];

		if (r.last_met[0])
			snprintf(last, sizeof last, "%s", r.last_met);
		else
			snprintf(last, sizeof last, "%s", _("never"));
		if (r.same_database)
			printf(_("%s is a copy of this database (%s)\n"), other, cli->db_path);
		printf(_("%s (station %c) into %s (station %c); last met: %s\n"), other,
		       r.other_station, cli->db_path, r.this_station, last);
		merge_print_report(stdout, &r);
		if (o.dry_run)
			printf("%s\n", _("--dry-run: nothing was written."));
		status = CLI_OK;
	}
	merge_report_free(&r);
	return status;
}

int cmd_merge_init_from(struct cli *cli, const char *from, char station)
{
	struct merge_report r;
	struct err e;
	int status = CLI_OK;

	err_clear(&e);
	if (setup_from(cli, from, station, &r, &e) < 0) {
		cli_error(&e, NULL);
		status = CLI_REFUSED;
	} else {
		printf(_("doorstep: created %s for %s (station %c) from %s (station %c)\n"),
		       cli->db_path, r.other_community, station, from, r.other_station);
		merge_print_report(stdout, &r);
	}
	merge_report_free(&r);
	return status;
}
