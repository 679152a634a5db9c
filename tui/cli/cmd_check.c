/* cmd_check: `doorstep check`: SQLite's integrity check and the project's
 * consistency checks; exit 1 when anything is wrong. */
#include "tui/cli/cmd_check.h"

#include <stdio.h>
#include <unistd.h>

#include "core/i18n.h"
#include "db/consistency.h"
#include "db/db.h"
#include "tui/cli/cli.h"

static void print_problem(const char *problem, void *ctx)
{
	(void)ctx;
	printf("doorstep: %s\n", problem);
}

static void print_warning(const char *warning, void *ctx)
{
	(void)ctx;
	printf(_("doorstep: warning: %s\n"), warning);
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	struct err e;
	int n, w;

	(void)argv;
	if (argc > 1)
		return cli_usage_error("check", _("unexpected argument \"%s\""), argv[1]);
	/* A writable file is opened for writing so that a database left between
	 * two migrations (each is its own transaction) is brought up to date
	 * and checked; a read-only one is checked as it is. */
	if (cli_open_db(cli, access(cli->db_path, W_OK) == 0 ? 0 : DB_OPEN_READONLY) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	if (db_integrity_check(cli->db, &e) < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	n = db_consistency_check(cli->db, print_problem, NULL, &e);
	if (n < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	/* Open conflicts need a person, but are not damage: they do not fail
	 * the check. */
	w = db_consistency_warnings(cli->db, print_warning, NULL, &e);
	if (w < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	if (n > 0) {
		printf(_("doorstep: %s: %d problem(s) found\n"), cli->db_path, n);
		return CLI_REFUSED;
	}
	printf(_("%s: integrity ok, consistent\n"), cli->db_path);
	return CLI_OK;
}
