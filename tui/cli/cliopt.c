/* cliopt: table-driven option parsing over getopt_long; see cliopt.h. */
#include "tui/cli/cliopt.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/cli/cli.h"

/* More options than any command has. */
#define CLIOPT_MAX 24

/* getopt_long's value for option i: its letter, or one past the letters. */
static int value_of(const struct cliopt *o, int i)
{
	return o->letter ? o->letter : 256 + i;
}

/* Parses a whole decimal number in [lo, hi]; -1 when it is not one. */
static int parse_count(const char *s, long long lo, long long hi, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno || end == s || *end || *out < lo || *out > hi ? -1 : 0;
}

/* Stores the value of option o; CLI_OK, or CLI_USAGE after saying why. */
static int take(const char *command, const struct cliopt *o, const char *value)
{
	switch (o->kind) {
	case CLIOPT_IS_FLAG:
		*(int *)o->to = 1;
		return CLI_OK;
	case CLIOPT_IS_TEXT:
		if (o->refusal && !*value)
			return cli_usage_error(command, "%s", _(o->refusal));
		*(const char **)o->to = value;
		return CLI_OK;
	case CLIOPT_IS_DATE: {
		char opt[64];

		snprintf(opt, sizeof opt, "--%s", o->name);
		return cli_parse_date(opt, value, o->to) < 0 ? CLI_USAGE : CLI_OK;
	}
	case CLIOPT_IS_COUNT:
		if (parse_count(value, o->lo, o->hi, o->to) < 0)
			return cli_usage_error(command, _(o->refusal), value);
		return CLI_OK;
	default:
		if (o->call(o->to, value) < 0)
			return cli_usage_error(command, _(o->refusal), value);
		return CLI_OK;
	}
}

static int unknown(const char *command, const struct cliopt *opts, const char *arg)
{
	for (const struct cliopt *o = opts; o->name; o++)
		if (!strcmp(o->name, "help"))
			return cli_usage_error(
			    command, _("unknown option %s (see doorstep %s --help)"), arg, command);
	return cli_usage_error(command, _("unknown option %s"), arg);
}

int cliopt_parse(const char *command, const struct cliopt *opts, int argc, char **argv)
{
	struct option lopts[CLIOPT_MAX + 1];
	char letters[2 * CLIOPT_MAX + 1];
	int n = 0, nl = 0, c;

	for (; opts[n].name && n < CLIOPT_MAX; n++) {
		int arg = opts[n].kind == CLIOPT_IS_FLAG ? no_argument : required_argument;

		lopts[n] = (struct option){opts[n].name, arg, NULL, value_of(&opts[n], n)};
		if (opts[n].letter) {
			letters[nl++] = opts[n].letter;
			if (arg == required_argument)
				letters[nl++] = ':';
		}
	}
	lopts[n] = (struct option){NULL, 0, NULL, 0};
	letters[nl] = '\0';
	while ((c = getopt_long(argc, argv, letters, lopts, NULL)) != -1) {
		int i = 0;

		while (i < n && value_of(&opts[i], i) != c)
			i++;
		if (i == n)
			return unknown(command, opts, argv[optind - 1]);
		if (take(command, &opts[i], optarg) != CLI_OK)
			return CLI_USAGE;
	}
	return CLI_OK;
}

int cliopt_no_more(const char *command, int argc, char **argv, int i)
{
	if (i < argc)
		return cli_usage_error(command, _("unexpected argument \"%s\""), argv[i]);
	return CLI_OK;
}
