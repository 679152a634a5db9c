/* cmd_demo: `doorstep demo [--households N] [--days D] [--seed S]`: a
 * realistic synthetic community in a new (or empty) database. */
#include "tui/cli/cmd_demo.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "db/db.h"
#include "db/demo.h"
#include "tui/cli/cli.h"
#include "tui/cli/cliopt.h"

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	long long households = 300, days = 14, seed = 1;
	struct cliopt opts[] = {
	    CLIOPT_COUNT("households", &households, 1, 200000,
			 N_("--households takes a number from 1 to 200000, not \"%s\"")),
	    CLIOPT_COUNT("days", &days, 1, 366,
			 N_("--days takes a number from 1 to 366, not \"%s\"")),
	    CLIOPT_COUNT("seed", &seed, 0, 9007199254740991LL,
			 N_("--seed takes a whole number, not \"%s\"")),
	    CLIOPT_END,
	};
	struct demo_params p;
	struct demo_summary sum;
	struct err e;

	if (cliopt_parse("demo", opts, argc, argv) != CLI_OK ||
	    cliopt_no_more("demo", argc, argv, optind) != CLI_OK)
		return CLI_USAGE;
	p = (struct demo_params){(int)households, (int)days, (unsigned long long)seed, NULL};
	if (cli_open_db(cli, DB_OPEN_CREATE | DB_OPEN_SETUP) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	if (db_demo_generate(cli->db, &p, &sum, &e) < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	printf(_("doorstep: demo community written to %s (seed %llu)\n"), cli->db_path, p.seed);
	printf(_("  %lld grids, %lld staff, %lld households, %lld residents\n"), sum.grids,
	       sum.staff, sum.households, sum.residents);
	printf(_("  %d days: %lld visits, %lld readings\n"), p.days, sum.visits, sum.readings);
	printf(_("  %lld isolations, %lld checks\n"), sum.isolations, sum.checks);
	printf(_("  %lld donations, %lld distributions\n"), sum.donations, sum.distributions);
	printf(_("  %lld checkpoints, %lld shifts, %lld passes, %lld outings recorded\n"),
	       sum.checkpoints, sum.shifts, sum.passes, sum.pass_events);
	return CLI_OK;
}
