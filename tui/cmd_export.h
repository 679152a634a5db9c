/* cmd_export: `doorstep export` (docs/export.md) and the export runner that the
 * Export tab shares with it.
 *
 * The runner writes one dataset to a file under a temporary name in the same
 * folder (mode 0600), fsyncs it and renames it into place, so that a failed
 * export (disk full, file too large, no permission) leaves nothing under the
 * final name; or it writes to standard output.  A full-value export (ID
 * numbers and phones unmasked) writes an audit row with the row count and
 * the path before the file appears. */
#ifndef DOORSTEP_CMD_EXPORT_H
#define DOORSTEP_CMD_EXPORT_H

#include "core/csvout.h"
#include "core/err.h"
#include "core/export.h"
#include "core/profile.h"

struct cli;
struct db;

struct export_request {
	const struct export_dataset *ds;
	const struct profile *profile; /* columns and titles, or NULL for the defaults */
	const char *from, *to;         /* ISO dates or NULL */
	enum export_format format;	/* csv, or xlsx (a file, never stdout) */
	enum csvout_encoding encoding; /* for csv */
	int full_ids;
	const char *path; /* NULL or "-" for standard output */
	/* Called every few thousand rows and at the end with the rows written
	 * and the expected total (-1 when not counted); may be NULL. */
	void (*progress)(void *ctx, long long done, long long total);
	void *progress_ctx;
	/* Called for each warning of a file that was written (a stored value
	 * that was not valid UTF-8, written with U+FFFD); may be NULL. */
	void (*warn)(void *ctx, const char *msg);
	void *warn_ctx;
};

/* Runs the export.  Returns the number of data rows written (the header not
 * counted), or -1 with a message in e. */
long long export_run(struct db *db, const struct export_request *rq, struct err *e);

/* Finds a profile by name in paths_data_dir()/profiles (NAME or NAME.ini) or
 * by path (anything with a '/' or ending in .ini) and loads it.  Returns 1
 * loaded, 0 no such profile, -1 a profile that does not parse (e names the
 * line; *path_out is the file, malloc'd, for the message). */
int export_find_profile(const char *name, struct profile **out, char **path_out, struct err *e);

/* Runs `doorstep export` with argv[0] == "export"; returns the exit status. */
int cmd_export(struct cli *cli, int argc, char **argv);

#endif
