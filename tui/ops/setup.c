/* setup: creating a community's database; see setup.h. */
#include "tui/ops/setup.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/merge.h"
#include "db/settings.h"
#include "tui/cli/cli.h"

int setup_probe(struct cli *cli, struct err *e)
{
	struct settings s;
	struct stat sb;
	int found;

	if (!cli->db) {
		if (stat(cli->db_path, &sb) < 0 && errno == ENOENT)
			return 0;
		if (db_open(&cli->db, cli->db_path, DB_OPEN_SETUP, e) < 0)
			return -1;
		db_set_staff(cli->db, cli->staff);
	}
	found = db_settings_get(cli->db, &s, e);
	settings_clear(&s);
	return found < 0 ? -1 : found;
}

char setup_station(const char *text)
{
	char c = text[0];

	if (!c || text[1])
		return 0;
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	return c >= 'A' && c <= 'Z' ? c : 0;
}

static void remove_db_files(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};

	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);

		unlink(p);
		free(p);
	}
}

/* Opens cli->db_path into cli->db unless it is open, creating the file when
 * it is missing (*created set then).  A file created by a failed open is
 * removed. */
static int open_or_create(struct cli *cli, int *created, struct err *e)
{
	struct stat sb;

	*created = 0;
	if (cli->db)
		return 0;
	if (stat(cli->db_path, &sb) < 0) {
		if (errno != ENOENT)
			return err_set(e, _("cannot open %s: %s"), cli->db_path, strerror(errno));
		*created = 1;
	}
	if (db_open(&cli->db, cli->db_path, DB_OPEN_CREATE | DB_OPEN_SETUP, e) < 0) {
		if (*created)
			remove_db_files(cli->db_path);
		return -1;
	}
	db_set_staff(cli->db, cli->staff);
	return 0;
}

/* After a failure: a file this setup created goes again. */
static void undo_create(struct cli *cli, int created)
{
	if (!created)
		return;
	db_close(&cli->db);
	remove_db_files(cli->db_path);
}

int setup_new_community(struct cli *cli, const struct settings *s, struct err *e)
{
	struct settings old;
	int created, found;

	if (settings_validate(s, e) < 0)
		return -1;
	if (open_or_create(cli, &created, e) < 0)
		return -1;
	found = db_settings_get(cli->db, &old, e);
	if (found > 0)
		err_set(e, _("%s already holds the community \"%s\"; nothing was changed"),
			cli->db_path, old.community);
	settings_clear(&old);
	if (found != 0 || db_settings_put(cli->db, s, e) < 0) {
		undo_create(cli, created);
		return -1;
	}
	return 0;
}

int setup_from(struct cli *cli, const char *from, char station, struct merge_report *r,
	       struct err *e)
{
	int created;

	memset(r, 0, sizeof *r);
	if (open_or_create(cli, &created, e) < 0)
		return -1;
	/* db_merge_init_from refuses a file that holds settings or records. */
	if (db_merge_init_from(cli->db, from, station, r, e) < 0) {
		undo_create(cli, created);
		return -1;
	}
	return 0;
}
