/* cmd_backup: the `doorstep backup` command (README.md#command-line). */
#ifndef DOORSTEP_CMD_BACKUP_H
#define DOORSTEP_CMD_BACKUP_H

struct cli;

/* Runs `doorstep backup` with argv[0] == "backup"; returns the exit status. */
int cmd_backup(struct cli *cli, int argc, char **argv);

#endif
