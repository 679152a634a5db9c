/* atomicfile: temporary file, fsync, rename; the registry of temporary files
 * and its sweep.  See atomicfile.h. */
#include "core/atomicfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xalloc.h"

#define NAME_TRIES 100

/* The sibling files SQLite may create beside a database it writes. */
static const char *const sqlite_sidecars[] = {"", "-journal", "-wal", "-shm"};

static unsigned entry_seq;

/* The registry folder, created (0700) when create is set; NULL when there
 * is none.  malloc'd. */
static char *registry_dir(int create)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *base, *dir;

	if (state && *state == '/')
		base = xasprintf("%s/doorstep", state);
	else if (home && *home == '/')
		base = xasprintf("%s/.local/state/doorstep", home);
	else
		return NULL;
	dir = xasprintf("%s/tmp", base);
	if (create) {
		char *p = base;

		/* Each missing folder of base, then base/tmp. */
		while ((p = strchr(p + 1, '/')))
			if (p[1]) {
				*p = '\0';
				mkdir(base, 0700);
				*p = '/';
			}
		mkdir(base, 0700);
		mkdir(dir, 0700);
	}
	free(base);
	return dir;
}

/* The start time of process pid (clock ticks since boot, /proc/PID/stat
 * field 22): with the pid it names one process even after the pid is reused.
 * 0 when unknown. */
static unsigned long long process_start(long pid)
{
	char path[64], buf[1024], *p;
	unsigned long long start = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fgets(buf, sizeof buf, f) && (p = strrchr(buf, ')'))) {
		/* Fields 3 .. 21 after the command name, then the start time. */
		for (int field = 2; p && field < 22; field++)
			p = strchr(p + 1, ' ');
		if (p)
			start = strtoull(p + 1, NULL, 10);
	}
	fclose(f);
	return start;
}

static int process_gone(long pid, unsigned long long start)
{
	unsigned long long now;

	if (kill((pid_t)pid, 0) < 0 && errno == ESRCH)
		return 1;
	now = process_start(pid);
	return start && now && now != start;
}

/* An absolute form of path (relative to the working folder); malloc'd. */
static char *absolute(const char *path)
{
	char cwd[4096];

	if (*path == '/' || !getcwd(cwd, sizeof cwd))
		return xstrdup(path);
	return xasprintf("%s/%s", cwd, path);
}

/* Records tmp in the registry before it is created; NULL when it cannot. */
static char *register_temp(const char *tmp)
{
	char *dir = registry_dir(1), *entry = NULL, *abs, *text;
	long pid = (long)getpid();
	int fd = -1;

	if (!dir)
		return NULL;
	for (int i = 0; i < NAME_TRIES && fd < 0; i++) {
		free(entry);
		entry = xasprintf("%s/%ld-%u", dir, pid, entry_seq++);
		fd = open(entry, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	free(dir);
	if (fd < 0) {
		free(entry);
		return NULL;
	}
	abs = absolute(tmp);
	text = xasprintf("%llu\n%s\n", process_start(pid), abs);
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		unlink(entry);
		free(entry);
		entry = NULL;
	}
	close(fd);
	free(text);
	free(abs);
	return entry;
}

static void release(struct atomic_file *f)
{
	if (f->fd >= 0)
		close(f->fd);
	if (f->entry)
		unlink(f->entry);
	free(f->path);
	free(f->tmp);
	free(f->entry);
	f->path = f->tmp = f->entry = NULL;
	f->fd = -1;
}

/* 1 when a file or link is at one of the names SQLite would open beside
 * tmp: a planted journal would be rolled back into the copy. */
static int sidecar_taken(const char *tmp)
{
	struct stat sb;
	int taken = 0;

	for (size_t i = 1; i < sizeof sqlite_sidecars / sizeof *sqlite_sidecars && !taken; i++) {
		char *p = xasprintf("%s%s", tmp, sqlite_sidecars[i]);

		taken = lstat(p, &sb) == 0;
		free(p);
	}
	return taken;
}

int atomic_file_open(struct atomic_file *f, const char *path, struct err *e)
{
	const char *slash = strrchr(path, '/');
	int err = 0;

	memset(f, 0, sizeof *f);
	f->fd = -1;
	f->path = xstrdup(path);
	for (int n = 0; n < NAME_TRIES; n++) {
		free(f->tmp);
		if (slash)
			f->tmp = xasprintf("%.*s/.%s.tmp-%ld-%d", (int)(slash - path), path,
					   slash + 1, (long)getpid(), n);
		else
			f->tmp = xasprintf(".%s.tmp-%ld-%d", path, (long)getpid(), n);
		err = EEXIST;
		if (sidecar_taken(f->tmp))
			continue;
		if (!f->entry)
			f->entry = register_temp(f->tmp);
		f->fd = open(f->tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (f->fd >= 0)
			break;
		err = errno;
		if (err != EEXIST)
			break;
		/* Taken (a planted file or link): the entry names the next try. */
		if (f->entry) {
			unlink(f->entry);
			free(f->entry);
			f->entry = NULL;
		}
	}
	if (f->fd < 0) {
		err_set(e, _("cannot write %s: %s"), path, strerror(err));
		release(f);
		return -1;
	}
	/* The umask may only narrow 0600; make sure of it all the same. */
	fchmod(f->fd, 0600);
	return 0;
}

/* Flushes the folder's entry of the renamed file; best effort. */
static void sync_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir =
	    slash ? xasprintf("%.*s", (int)(slash - path) + (slash == path), path) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int atomic_file_commit(struct atomic_file *f, struct err *e)
{
	int fd = f->fd;

	f->fd = -1;
	if (fsync(fd) < 0 || close(fd) < 0) {
		err_set(e, _("cannot write %s: %s"), f->path, strerror(errno));
		goto fail;
	}
	if (rename(f->tmp, f->path) < 0) {
		err_set(e, _("cannot write %s: %s"), f->path, strerror(errno));
		goto fail;
	}
	sync_folder(f->path);
	release(f);
	return 0;
fail:
	atomic_file_abort(f);
	return -1;
}

/* Removes path when it is a regular file of this user. */
static void remove_regular(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == getuid())
		unlink(path);
}

void atomic_file_abort(struct atomic_file *f)
{
	if (f->tmp) {
		if (f->fd >= 0)
			close(f->fd);
		f->fd = -1;
		for (size_t i = 0; i < sizeof sqlite_sidecars / sizeof *sqlite_sidecars; i++) {
			char *p = xasprintf("%s%s", f->tmp, sqlite_sidecars[i]);

			remove_regular(p);
			free(p);
		}
	}
	release(f);
}

/* Handles one registry entry: when its process is gone, removes the files
 * it names, then the entry. */
static void sweep_entry(const char *dir, const char *name)
{
	char *entry = xasprintf("%s/%s", dir, name), buf[4200], *nl;
	unsigned long long start;
	long pid = strtol(name, NULL, 10);
	ssize_t n;
	int fd;

	if (pid <= 0 || pid == (long)getpid())
		goto out;
	fd = open(entry, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		goto out;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	start = strtoull(buf, &nl, 10);
	if (!process_gone(pid, start))
		goto out;
	if (*nl == '\n' && nl[1] == '/') {
		char *tmp = nl + 1, *end = strchr(tmp, '\n');

		if (end)
			*end = '\0';
		for (size_t i = 0; i < sizeof sqlite_sidecars / sizeof *sqlite_sidecars; i++) {
			char *p = xasprintf("%s%s", tmp, sqlite_sidecars[i]);

			remove_regular(p);
			free(p);
		}
	}
	unlink(entry);
out:
	free(entry);
}

void atomic_file_sweep(void)
{
	char *dir = registry_dir(0);
	struct dirent *d;
	DIR *dp;

	if (!dir)
		return;
	dp = opendir(dir);
	while (dp && (d = readdir(dp)))
		if (d->d_name[0] != '.')
			sweep_entry(dir, d->d_name);
	if (dp)
		closedir(dp);
	free(dir);
}
