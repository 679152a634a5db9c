/* cmd_backup: `doorstep backup FILE`: an online copy through SQLite's backup
 * API, then the copy is opened and checked before success is reported. */
#include "tui/cmd_backup.h"

#include <stdio.h>

#include "core/i18n.h"
#include "db/consistency.h"
#include "db/db.h"
#include "tui/cli.h"

static void count_problem(const char *problem, void *ctx)
{
	fprintf(stderr, "doorstep: backup copy: %s\n", problem);
	++*(int *)ctx;
}

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	struct db *copy = NULL;
	struct err e;
	int problems = 0;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error("backup", "%s", _("backup needs exactly one FILE"));
	if (cli_open_db(cli, 0) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	if (db_backup(cli->db, argv[1], &e) < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	if (db_open(&copy, argv[1], DB_OPEN_READONLY, &e) < 0 || db_integrity_check(copy, &e) < 0 ||
	    db_consistency_check(copy, count_problem, &problems, &e) < 0) {
		cli_error(&e, NULL);
		db_close(&copy);
		return CLI_REFUSED;
	}
	db_close(&copy);
	printf(_("doorstep: backed up %s to %s (checked: %d problem(s))\n"), cli->db_path, argv[1],
	       problems);
	return problems ? CLI_REFUSED : CLI_OK;
}
