/* cmd_demo: `doorstep demo [--households N] [--days D] [--seed S]`: a
 * realistic synthetic community in a new (or empty) database. */
#include "tui/cli/cmd_demo.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "db/db.h"
#include "db/demo.h"
#include "tui/cli/cli.h"

/* Parses a whole decimal number in [lo, hi]; -1 when it is not one. */
static int parse_count(const char *s, long long lo, long long hi, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno || end == s || *end || *out < lo || *out > hi ? -1 : 0;
}

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"households", required_argument, NULL, 'n'},
		{"days", required_argument, NULL, 'd'},
		{"seed", required_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	struct demo_params p = {300, 14, 1, NULL};
	struct demo_summary sum;
	struct err e;
	long long v;
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (parse_count(optarg, 1, 200000, &v) < 0)
				return cli_usage_error("demo", _("--households takes a number from 1 to 200000, not \"%s\""),
						       optarg);
			p.households = (int)v;
			break;
		case 'd':
			if (parse_count(optarg, 1, 366, &v) < 0)
				return cli_usage_error("demo", _("--days takes a number from 1 to 366, not \"%s\""),
						       optarg);
			p.days = (int)v;
			break;
		case 's':
			if (parse_count(optarg, 0, 9007199254740991LL, &v) < 0)
				return cli_usage_error("demo", _("--seed takes a whole number, not \"%s\""),
						       optarg);
			p.seed = (unsigned long long)v;
			break;
		default:
			return cli_usage_error("demo", _("unknown option %s"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("demo", _("unexpected argument \"%s\""), argv[optind]);
	if (cli_open_db(cli, DB_OPEN_CREATE | DB_OPEN_SETUP) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	if (db_demo_generate(cli->db, &p, &sum, &e) < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	printf(_("doorstep: demo community written to %s (seed %llu)\n"), cli->db_path, p.seed);
	printf(_("  %lld grids, %lld staff, %lld households, %lld residents\n"), sum.grids, sum.staff,
	       sum.households, sum.residents);
	printf(_("  %d days: %lld visits, %lld readings\n"), p.days, sum.visits, sum.readings);
	printf(_("  %lld isolations, %lld checks\n"), sum.isolations, sum.checks);
	printf(_("  %lld donations, %lld distributions\n"), sum.donations, sum.distributions);
	printf(_("  %lld checkpoints, %lld shifts, %lld passes, %lld outings recorded\n"),
	       sum.checkpoints, sum.shifts, sum.passes, sum.pass_events);
	return CLI_OK;
}
