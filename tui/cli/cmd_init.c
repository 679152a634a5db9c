/* cmd_init: `doorstep init`: a new database for one community. */
#include "tui/cli/cmd_init.h"

#include <getopt.h>
#include <stdio.h>

#include "core/i18n.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "tui/cli/cli.h"
#include "tui/cli/cmd_merge.h"
#include "tui/ops/setup.h"

int cmd_init(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"community", required_argument, NULL, 'c'},
		{"street", required_argument, NULL, 's'},
		{"district", required_argument, NULL, 'd'},
		{"station", required_argument, NULL, 'S'},
		{"from", required_argument, NULL, 'f'},
		{NULL, 0, NULL, 0},
	};
	struct settings s;
	struct err e;
	const char *station = NULL, *from = NULL;
	int c, status;

	settings_defaults(&s);
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			xstrset(&s.community, optarg);
			break;
		case 's':
			xstrset(&s.street, optarg);
			break;
		case 'd':
			xstrset(&s.district, optarg);
			break;
		case 'S':
			station = optarg;
			break;
		case 'f':
			from = optarg;
			break;
		default:
			status = cli_usage_error("init", _("unknown option %s"), argv[optind - 1]);
			goto out;
		}
	}
	if (optind < argc) {
		status = cli_usage_error("init", _("unexpected argument \"%s\""), argv[optind]);
		goto out;
	}
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
			status = cli_usage_error("init", "%s",
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
	printf(_("doorstep: created %s for %s (station %c)\n"), cli->db_path, s.community, s.station);
	status = CLI_OK;
out:
	settings_clear(&s);
	return status;
}
