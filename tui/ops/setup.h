/* setup: making a community's database, the one code path behind
 * `doorstep init` (tui/cli/cmd_init.c), `doorstep init --from`
 * (tui/cli/cmd_merge.c) and the TUI's first start (tui/screens/first_start.c).
 *
 * Each function works on cli->db_path and leaves the new database open in
 * cli->db with the staff name set, as cli_open_db does; none prints: the
 * reason of a failure is in the struct err, for the caller to print or
 * show. */
#ifndef DOORSTEP_SETUP_H
#define DOORSTEP_SETUP_H

#include "core/err.h"

struct cli;
struct settings;
struct merge_report;

/* Looks at the database the TUI is about to open.  Returns 1 when it is
 * ready (cli->db open, settings present); 0 when it must be set up first:
 * no file at the path (cli->db stays NULL), or a doorstep database that was
 * never initialised, with no settings row (cli->db open); -1 with e filled
 * when it cannot be opened (newer schema, not a doorstep file ...). */
int setup_probe(struct cli *cli, struct err *e);

/* The station code in text: one letter A-Z in either case.  Returns the
 * upper-case letter, or 0 when text is anything else. */
char setup_station(const char *text);

/* Makes the database at cli->db_path hold the community s: s is validated
 * first (e->field names the setting at fault), then the file is created
 * (mode 0600 in a 0700 folder) or an existing one opened, which must not
 * hold a community yet.  Uses cli->db when it is already open.  A file this
 * call created is removed again when it fails.  Returns 0 (cli->db open on
 * the new database) or -1. */
int setup_new_community(struct cli *cli, const struct settings *s, struct err *e);

/* A second machine of the community whose database is the file `from`: a
 * new database at cli->db_path (absent, or empty of settings and records)
 * filled with from's records and settings, with its own station code
 * (db_merge_init_from: refused when from has the same station).  Uses
 * cli->db when it is already open.  Fills *r, which the caller frees with
 * merge_report_free, also after an error.  A file this call created is
 * removed again when it fails.  Returns 0 (cli->db open) or -1. */
int setup_from(struct cli *cli, const char *from, char station, struct merge_report *r,
	       struct err *e);

#endif
