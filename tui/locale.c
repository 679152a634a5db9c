/* locale: UTF-8 check and gettext binding; see locale.h. */
#include "tui/locale.h"

#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui/paths.h"

int locale_init(void)
{
	const char *cs;

	if (!setlocale(LC_ALL, ""))
		setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain("doorstep", paths_locale_dir());
	bind_textdomain_codeset("doorstep", "UTF-8");
	textdomain("doorstep");
	cs = nl_langinfo(CODESET);
	/* GB18030 holds every character: the screen converts at the terminal
	 * (tui/draw), everything else stays UTF-8 inside */
	return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8") ||
		      !strcasecmp(cs, "GB18030"));
}

void locale_refuse(void)
{
	const char *lang = getenv("LC_ALL");

	if (!lang || !*lang)
		lang = getenv("LC_CTYPE");
	if (!lang || !*lang)
		lang = getenv("LANG");
	fprintf(stderr,
		"doorstep: the terminal's locale (%s, character set %s) is not UTF-8, and doorstep shows Chinese text.\n"
		"doorstep: start it with a UTF-8 locale, e.g. LANG=zh_CN.UTF-8 doorstep or LANG=C.UTF-8 doorstep\n"
		"doorstep: 终端字符集不是 UTF-8，请用 LANG=zh_CN.UTF-8 启动。\n",
		lang && *lang ? lang : "C", nl_langinfo(CODESET));
}
