/* cmd_backup: `doorstep backup [FILE]`: tui/ops/backup makes and checks the
 * copy; this prints the problems and the result.  Without FILE the copy
 * goes to the output folder of the settings (core/outdir.h), named
 * doorstep-backup-DATE-HHMMSS.db; a FILE given is taken as a command line
 * takes a path (from the current folder). */
#include "tui/cli/cmd_backup.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/outdir.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/settings.h"
#include "tui/cli/cli.h"
#include "tui/ops/backup.h"

static void print_problem(const char *problem, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "doorstep: backup copy: %s\n", problem);
}

/* The copy's path: file as given, or the default name in the output
 * folder.  Malloc'd, or NULL with e filled. */
static char *backup_path(struct cli *cli, const char *file, struct err *e)
{
	struct settings st;
	char now[CLOCK_STR], *name, *path;

	if (file)
		return xstrdup(file);
	if (db_settings_get(cli->db, &st, e) < 0)
		return NULL;
	clock_now(now);
	name = xasprintf("doorstep-backup-%.10s-%.2s%.2s%.2s.db", now, now + 11, now + 14,
			 now + 17);
	path = outdir_path(st.output_dir, getenv("HOME"), NULL, name);
	free(name);
	settings_clear(&st);
	return path;
}

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	struct err e;
	int problems;
	char *path;

	if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
		return cli_usage_error("backup", "%s", _("backup takes at most one FILE"));
	if (cli_open_db(cli, 0) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	path = backup_path(cli, argc == 2 ? argv[1] : NULL, &e);
	problems = path ? backup_write(cli->db, path, print_problem, NULL, &e) : -1;
	if (problems < 0) {
		cli_error(&e, NULL);
		free(path);
		return CLI_REFUSED;
	}
	printf(_("doorstep: backed up %s to %s (checked: %d problem(s))\n"), cli->db_path, path,
	       problems);
	free(path);
	return problems ? CLI_REFUSED : CLI_OK;
}
