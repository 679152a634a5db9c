/* app: the full-screen program (SPEC §4). */
#ifndef DOORSTEP_APP_H
#define DOORSTEP_APP_H

struct cli;

/* Opens the database, runs the TUI until the user quits or a signal
 * arrives, restores the terminal.  Returns the exit status. */
int app_run(struct cli *cli);

#endif
