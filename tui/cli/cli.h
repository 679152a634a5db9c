/* cli: the command line (README.md#command-line).
 *
 * main() parses the global options (--db, --staff, --help, --version) and
 * hands the rest to cli_run, which finds the command in one table and runs
 * it.  Each command lives in its own tui/cmd_<name>.c and returns an exit
 * status: 0 success, 1 the data was refused, 2 a usage error. */
#ifndef DOORSTEP_CLI_H
#define DOORSTEP_CLI_H

#include "core/err.h"

struct db;

enum cli_status {
	CLI_OK = 0,
	CLI_REFUSED = 1,
	CLI_USAGE = 2,
};

struct cli {
	char *db_path; /* resolved (--db, DOORSTEP_DB, XDG default); owned */
	char *staff;   /* --staff, DOORSTEP_STAFF, or the login name; owned */
	int staff_given; /* --staff or DOORSTEP_STAFF was given */
	struct db *db; /* opened by cli_open_db, closed by cli_free */
};

/* Fills cli from the global options and the environment; argv is advanced
 * past them (*argc, *argv updated).  Returns CLI_OK, or CLI_USAGE after
 * printing the reason, or -1 when --help/--version was handled (exit 0). */
int cli_parse_global(struct cli *cli, int *argc, char ***argv);

/* Runs the command argv[0] (argv[0] == NULL means the TUI). */
int cli_run(struct cli *cli, int argc, char **argv);

/* Opens cli->db_path with db_open flags and sets the staff name.  Prints
 * "doorstep: <reason>" and returns -1 on failure. */
int cli_open_db(struct cli *cli, int flags);

/* Prints "doorstep: <e->msg>" (with FILE:LINE when e->line is set and file is
 * given) to stderr. */
void cli_error(const struct err *e, const char *file);

/* Prints "doorstep: <printf>" plus the command's usage line hint, returns
 * CLI_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Parses a --date style option value (shortcuts allowed) into ISO text.
 * Returns 0, or prints the reason and returns -1. */
int cli_parse_date(const char *option, const char *value, char out[11]);

void cli_free(struct cli *cli);

/* Prints the whole usage text to f. */
void cli_print_help(void *file);

#endif
