/* atomicfile: a file that appears whole under its name or not at all.
 *
 * Every file doorstep writes for the user (an export, a PDF sheet, a backup,
 * a workbook) is written to a temporary file in the target's own folder and
 * renamed over the target only when complete.  The temporary file is created
 * exclusively (O_EXCL|O_NOFOLLOW, mode 0600), so a file or symbolic link
 * planted at its name is never opened, let alone written through; the name
 * is handed out as well because SQLite's backup and libxlsxwriter open files
 * by name.
 *
 * While it exists the temporary file is recorded in a registry folder
 * ($XDG_STATE_HOME/doorstep/tmp, else ~/.local/state/doorstep/tmp), one
 * entry per file naming its process.  A process killed with SIGKILL cannot
 * remove its temporary file; atomic_file_sweep, run at the start of every
 * doorstep command, removes those whose process is gone. */
#ifndef DOORSTEP_ATOMICFILE_H
#define DOORSTEP_ATOMICFILE_H

#include "core/err.h"

struct atomic_file {
	char *path;  /* the target, as given */
	char *tmp;   /* the temporary file beside it */
	char *entry; /* its registry entry, NULL when none could be written */
	int fd;	     /* open for writing on tmp; -1 once closed */
};

/* Creates the temporary file for path: ".<name>.tmp-<pid>-<n>" in path's
 * folder, trying the next n when a name is taken.  Returns 0 with f filled,
 * or -1 with a message naming path (f is then empty and nothing exists). */
int atomic_file_open(struct atomic_file *f, const char *path, struct err *e);

/* Flushes the temporary file to disk (fsync), closes it and renames it over
 * the target, then releases f.  Returns 0, or -1 with a message naming the
 * target, in which case the temporary file is removed and the target is as
 * it was. */
int atomic_file_commit(struct atomic_file *f, struct err *e);

/* Removes the temporary file and releases f.  Harmless on a released or
 * zeroed f. */
void atomic_file_abort(struct atomic_file *f);

/* Removes the temporary files (and the -journal, -wal, -shm files SQLite may
 * have put beside them) of every registered process that no longer runs.
 * Only regular files of this user are removed; errors are ignored. */
void atomic_file_sweep(void);

#endif
