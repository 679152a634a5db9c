/* cmd_merge: the `doorstep merge` command and `doorstep init --from`
 * (docs/merge.md), with the printed merge report. */
#ifndef DOORSTEP_CMD_MERGE_H
#define DOORSTEP_CMD_MERGE_H

struct cli;

/* Runs `doorstep merge` with argv[0] == "merge"; returns the exit status. */
int cmd_merge(struct cli *cli, int argc, char **argv);

/* `doorstep init --from FILE --station S`: a new database holding FILE's
 * records with its own station code.  The file at cli->db_path must not
 * exist, or be empty; a file this created is removed again on failure.
 * Returns the exit status. */
int cmd_merge_init_from(struct cli *cli, const char *from, char station);

#endif
