/* cmd_keys: `doorstep keys` prints the key table (tui/help's Markdown). */
#ifndef DOORSTEP_CMD_KEYS_H
#define DOORSTEP_CMD_KEYS_H

struct cli;

/* Runs `doorstep keys` with argv[0] == "keys"; returns the exit status. */
int cmd_keys(struct cli *cli, int argc, char **argv);

#endif
