/* outdir: where the files the program writes go; see outdir.h. */
#include "core/outdir.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static const char *home_or_dot(const char *home)
{
	return home && *home ? home : ".";
}

char *outdir_folder(const char *setting, const char *home)
{
	const char *s = setting && *setting ? setting : OUTDIR_DEFAULT;
	size_t n = strlen(s);

	while (n > 1 && s[n - 1] == '/')
		n--;
	if (s[0] == '~' && n == 1)
		return xstrdup(home_or_dot(home));
	if (s[0] == '~' && s[1] == '/')
		return xasprintf("%s/%.*s", home_or_dot(home), (int)(n - 2), s + 2);
	return xasprintf("%.*s", (int)n, s);
}

static int blank(const char *s)
{
	return !s || !s[strspn(s, " \t")];
}

char *outdir_path(const char *setting, const char *home, const char *name,
		  const char *default_name)
{
	char *dir, *path;

	if (!blank(name) && name[0] == '~' && name[1] == '/')
		return xasprintf("%s/%s", home_or_dot(home), name + 2);
	if (!blank(name) && strchr(name, '/'))
		return xstrdup(name);
	dir = outdir_folder(setting, home);
	path = xasprintf("%s/%s", dir, blank(name) ? default_name : name);
	free(dir);
	return path;
}
