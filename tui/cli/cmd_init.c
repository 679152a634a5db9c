/* cmd_init: `doorstep init`: a new database for one community. */
#include "tui/cli/cmd_init.h"

#include <getopt.h>
#include <stdio.h>

#include "core/i18n.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "tui/cli/cli.h"
#include "tui/cli/cliopt.h"
#include "tui/cli/cmd_merge.h"
#include "tui/ops/setup.h"

int cmd_init(struct cli *cli, int argc, char **argv)
{
	const char *community = NULL, *street = NULL, *district = NULL, *station = NULL,
		   *from = NULL;
	struct cliopt opts[] = {
	    CLIOPT_TEXT("community", 0, &community, NULL),
	    CLIOPT_TEXT("street", 0, &street, NULL),
	    CLIOPT_TEXT("district", 0, &district, NULL),
	    CLIOPT_TEXT("station", 0, &station, NULL),
	    CLIOPT_TEXT("from", 0, &from, NULL),
	    CLIOPT_END,
	};
	struct settings s;
	struct err e;
	int status;

	if (cliopt_parse("init", opts, argc, argv) != CLI_OK ||
	    cliopt_no_more("init", argc, argv, optind) != CLI_OK)
		return CLI_USAGE;
	settings_defaults(&s);
	if (community)
		xstrset(&s.community, community);
	if (street)
		xstrset(&s.street, street);
	if (district)
		xstrset(&s.district, district);
	if (station) {
		s.station = setup_station(station);
		if (!s.station) {
			status = cli_usage_error(
			    "init", _("--station takes one letter A-Z, not \"%s\""), station);
			goto out;
		}
	}
	if (from) {
		if (!station)
			status = cli_usage_error(
			    "init", "%s",
			    _("init --from needs --station: the new machine's own station code"));
		else
			status = cmd_merge_init_from(cli, from, s.station);
		goto out;
	}
	if (!s.community[0]) {
		status = cli_usage_error("init", "%s", _("--community NAME is required"));
		goto out;
	}
	err_clear(&e);
	if (setup_new_community(cli, &s, &e) < 0) {
		cli_error(&e, NULL);
		status = CLI_REFUSED;
		goto out;
	}
	printf(_("doorstep: created %s for %s (station %c)\n"), cli->db_path, s.community,
	       s.station);
	status = CLI_OK;
out:
	settings_clear(&s);
	return status;
}
