/* paths: locating data/ and locale/; see paths.h. */
#include "tui/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DOORSTEP_DATADIR
#define DOORSTEP_DATADIR "/usr/local/share/doorstep"
#endif
#ifndef DOORSTEP_LOCALEDIR
#define DOORSTEP_LOCALEDIR "/usr/local/share/locale"
#endif

static char data_dir[PATH_MAX] = DOORSTEP_DATADIR;
static char locale_dir[PATH_MAX] = DOORSTEP_LOCALEDIR;

static int is_dir(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

void paths_init(const char *argv0)
{
	char exe[PATH_MAX], cand[PATH_MAX + 16];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	const char *env;

	(void)argv0;
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			/* a folder whose path does not fit is not used, never cut */
			if (snprintf(cand, sizeof cand, "%s/data", exe) < (int)sizeof data_dir &&
			    is_dir(cand))
				memcpy(data_dir, cand, strlen(cand) + 1);
			if (snprintf(cand, sizeof cand, "%s/locale", exe) < (int)sizeof locale_dir &&
			    is_dir(cand))
				memcpy(locale_dir, cand, strlen(cand) + 1);
		}
	}
	env = getenv("DOORSTEP_DATADIR");
	if (env && *env)
		snprintf(data_dir, sizeof data_dir, "%s", env);
}

const char *paths_data_dir(void)
{
	return data_dir;
}

const char *paths_locale_dir(void)
{
	return locale_dir;
}
