/* cmd_init: `doorstep init`: a new database for one community. */
#include "tui/cmd_init.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "core/settings.h"
#include "db/db.h"
#include "db/settings.h"
#include "tui/cli.h"
#include "tui/cmd_merge.h"

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
	struct stat sb;
	const char *station = NULL, *from = NULL;
	int c, found;

	settings_defaults(&s);
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			snprintf(s.community, sizeof s.community, "%s", optarg);
			break;
		case 's':
			snprintf(s.street, sizeof s.street, "%s", optarg);
			break;
		case 'd':
			snprintf(s.district, sizeof s.district, "%s", optarg);
			break;
		case 'S':
			station = optarg;
			break;
		case 'f':
			from = optarg;
			break;
		default:
			return cli_usage_error("init", _("unknown option %s"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("init", _("unexpected argument \"%s\""), argv[optind]);
	if (station) {
		if (strlen(station) != 1 || station[0] < 'A' || (station[0] > 'Z' && station[0] < 'a') ||
		    station[0] > 'z')
			return cli_usage_error("init", _("--station takes one letter A-Z, not \"%s\""),
					       station);
		s.station = (char)(station[0] & ~0x20);
	}
	if (from) {
		if (!station)
			return cli_usage_error("init", "%s",
					       _("init --from needs --station: the new machine's own station code"));
		return cmd_merge_init_from(cli, from, s.station);
	}
	if (!s.community[0])
		return cli_usage_error("init", "%s", _("--community NAME is required"));
	if (stat(cli->db_path, &sb) == 0 && sb.st_size > 0) {
		if (cli_open_db(cli, 0) < 0)
			return CLI_REFUSED;
		err_clear(&e);
		struct settings old;
		found = db_settings_get(cli->db, &old, &e);
		if (found != 0) {
			if (found < 0)
				cli_error(&e, NULL);
			else
				fprintf(stderr, _("doorstep: %s already holds the community \"%s\"; nothing was changed\n"),
					cli->db_path, old.community);
			return CLI_REFUSED;
		}
	} else if (cli_open_db(cli, DB_OPEN_CREATE) < 0) {
		return CLI_REFUSED;
	}
	err_clear(&e);
	if (db_settings_put(cli->db, &s, &e) < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	printf(_("doorstep: created %s for %s (station %c)\n"), cli->db_path, s.community, s.station);
	return CLI_OK;
}
