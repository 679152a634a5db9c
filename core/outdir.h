/* outdir: where the files the program writes go.
 *
 * One folder, a setting (settings.output_dir, default "~", the user's home
 * folder), receives every export, sheet PDF and backup whose name is not
 * given with a folder: an empty name gets the default name there, a bare
 * name goes there, and a name with a folder (absolute, ./x, a/b) or one
 * starting ~/ is taken as it is.  "~" at the start of the folder is the
 * home folder. */
#ifndef DOORSTEP_OUTDIR_H
#define DOORSTEP_OUTDIR_H

/* The default of settings.output_dir. */
#define OUTDIR_DEFAULT "~"

/* The folder setting made a path: "~" and "~/x" under home (NULL or "":
 * "."), "" is OUTDIR_DEFAULT.  Malloc'd. */
char *outdir_folder(const char *setting, const char *home);

/* The path to write: name itself when it has a folder (or starts ~/), else
 * name in the folder, default_name there when name is NULL or blank.
 * Malloc'd. */
char *outdir_path(const char *setting, const char *home, const char *name,
		  const char *default_name);

#endif
