/* cmd_keys: `doorstep keys`: the key table in Markdown, from the same
 * tables the help screen and the hint line are made of; README.md#keys is
 * its output (tests/integration/test_keys_readme.sh compares them). */
#include "tui/cli/cmd_keys.h"

#include <stdio.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "tui/cli/cli.h"
#include "tui/screens/help.h"

int cmd_keys(struct cli *cli, int argc, char **argv)
{
	struct strbuf out = STRBUF_INIT;

	(void)cli;
	(void)argv;
	if (argc != 1)
		return cli_usage_error("keys", "%s", _("keys takes no arguments"));
	help_markdown(&out);
	fputs(strbuf_str(&out), stdout);
	strbuf_free(&out);
	return CLI_OK;
}
