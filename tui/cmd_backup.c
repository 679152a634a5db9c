/* cmd_backup: `doorstep backup FILE`: tui/ops/backup makes and checks the
 * copy; this prints the problems and the result. */
#include "tui/cmd_backup.h"

#include <stdio.h>

#include "core/i18n.h"
#include "tui/cli.h"
#include "tui/ops/backup.h"

static void print_problem(const char *problem, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "doorstep: backup copy: %s\n", problem);
}

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	struct err e;
	int problems;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error("backup", "%s", _("backup needs exactly one FILE"));
	if (cli_open_db(cli, 0) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	problems = backup_write(cli->db, argv[1], print_problem, NULL, &e);
	if (problems < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	printf(_("doorstep: backed up %s to %s (checked: %d problem(s))\n"), cli->db_path, argv[1],
	       problems);
	return problems ? CLI_REFUSED : CLI_OK;
}
