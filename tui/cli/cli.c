/* cli: global options and the command table; see cli.h. */
#include "tui/cli/cli.h"

#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/export.h"
#include "core/i18n.h"
#include "core/textsafe.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sheets.h"
#include "tui/app.h"
#include "tui/cli/cmd_backup.h"
#include "tui/cli/cmd_check.h"
#include "tui/cli/cmd_keys.h"
#include "tui/cli/cmd_demo.h"
#include "tui/cli/cmd_export.h"
#include "tui/cli/cmd_import.h"
#include "tui/cli/cmd_init.h"
#include "tui/cli/cmd_merge.h"
#include "tui/cli/cmd_report.h"
#include "tui/cli/cmd_sheet.h"

struct command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *usage;
};

static const struct command commands[] = {
	{"init", cmd_init,
	 "init --community NAME [--street S] [--district D] [--station S]\n"
	 "init --from OTHER.db --station S"},
	{"demo", cmd_demo, "demo [--households N] [--days D] [--seed S]"},
	{"import", cmd_import,
	 "import roster FILE [--dry-run] [--encoding auto|utf8|gb18030] [--sheet NAME]"},
	{"export", cmd_export,
	 "export DATASET [--from DATE] [--to DATE] [--profile NAME] [--format csv|xlsx]\n"
	 "    [--encoding utf8-bom|utf8|gb18030] [--full-ids] [-o FILE]"},
	{"sheet", cmd_sheet,
	 "sheet KIND [--date DATE] [--grid NAME]\n"
	 "    [-o FILE.pdf | --text | --print [--printer QUEUE]]\n"
	 "sheet receipt --receipt YYYY-S-NNNN [-o FILE.pdf | --text | --print]"},
	{"report", cmd_report, "report [--date DATE]"},
	{"backup", cmd_backup, "backup [FILE]"},
	{"check", cmd_check, "check"},
	{"keys", cmd_keys, "keys"},
	{"merge", cmd_merge, "merge OTHER.db [--dry-run] [--force]"},
};

/* Prints a command's usage lines, each after `prefix`; a line that starts
 * with spaces continues the one before it. */
static void print_usage(FILE *f, const char *prefix, const char *usage)
{
	const char *p = usage;

	while (*p) {
		const char *end = strchr(p, '\n');
		int n = end ? (int)(end - p) : (int)strlen(p);

		fprintf(f, "%*s%.*s\n", *p == ' ' ? (int)strlen(prefix) : 0, *p == ' ' ? "" : prefix,
			n, p);
		p += n + (end ? 1 : 0);
	}
}

static const char *dataset_name(int i)
{
	int n;
	const struct export_dataset *ds = export_datasets(&n);

	return i < n ? ds[i].name : NULL;
}

/* "LABEL  a, b, c" wrapped under the label at 78 columns: the names of the
 * export datasets (by index from fn) or of a NULL-ended list, so that the
 * help lists what the code knows. */
static void print_names(FILE *f, const char *label, const char *(*fn)(int),
			const char *const *list)
{
	int col = fprintf(f, "%-9s", label);

	for (int i = 0;; i++) {
		const char *name = fn ? fn(i) : list[i];
		int w;

		if (!name)
			break;
		w = (int)strlen(name);
		if (i && col + 2 + w > 78) {
			fprintf(f, ",\n%9s", "");
			col = 9;
		} else if (i) {
			fputs(", ", f);
			col += 2;
		}
		fputs(name, f);
		col += w;
	}
	fputc('\n', f);
}

void cli_print_help(void *file)
{
	FILE *f = file;

	fprintf(f, "%s", _("doorstep: the duty book of a residents' committee in an epidemic.\n\n"));
	fprintf(f, "%s", _("Usage: doorstep [--db PATH] [--staff NAME] [COMMAND ...]\n\n"));
	fprintf(f, "  doorstep                  %s\n", _("the full-screen program"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		print_usage(f, "  doorstep ", commands[i].usage);
	fprintf(f, "  doorstep --help | --version\n\n");
	print_names(f, _("DATASET:"), dataset_name, NULL);
	print_names(f, _("KIND:"), NULL, db_sheet_kinds);
	fputc('\n', f);
	fprintf(f, "%s", _("Environment: DOORSTEP_DB (database path), DOORSTEP_STAFF (staff name),\n"
			   "DOORSTEP_NOW (fixed \"YYYY-MM-DD HH:MM:SS\" for tests and demos).\n"
			   "Exit status: 0 success, 1 data refused, 2 usage error.\n"));
}

/* Also after the full-screen program, when stderr is the terminal's own. */
void cli_error(const struct err *e, const char *file)
{
	char *msg = textsafe_out(e->msg[0] ? e->msg : _("unknown error"), TEXTSAFE_KEEP_NEWLINE);
	char *f = file ? textsafe_out(file, 0) : NULL;

	if (f && e->line > 0)
		fprintf(stderr, "doorstep: %s:%ld: %s\n", f, e->line, msg);
	else
		fprintf(stderr, "doorstep: %s\n", msg);
	free(msg);
	free(f);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	fputs("doorstep: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	for (size_t i = 0; command && i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(commands[i].name, command))
			print_usage(stderr, "usage: doorstep ", commands[i].usage);
	if (!command)
		fprintf(stderr, "%s\n", _("Try `doorstep --help`."));
	return CLI_USAGE;
}

int cli_parse_date(const char *option, const char *value, char out[11])
{
	struct date today, d;
	struct err e;

	err_clear(&e);
	clock_today(&today);
	if (date_parse_input(value, &today, &d, &e) < 0) {
		fprintf(stderr, "doorstep: %s: %s\n", option, e.msg);
		return -1;
	}
	date_format(&d, out);
	return 0;
}

static char *login_name(void)
{
	const char *env = getenv("DOORSTEP_STAFF");
	struct passwd *pw;

	if (env && *env)
		return xstrdup(env);
	pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return xstrdup(pw->pw_name);
	env = getenv("USER");
	return xstrdup(env && *env ? env : "staff");
}

int cli_parse_global(struct cli *cli, int *argc, char ***argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"staff", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL, *staff = NULL;
	struct err e;
	int c;

	memset(cli, 0, sizeof *cli);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(*argc, *argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 's':
			staff = optarg;
			break;
		case 'h':
			cli_print_help(stdout);
			return -1;
		case 'V':
			printf("doorstep %s\n", DOORSTEP_VERSION);
			return -1;
		default:
			return cli_usage_error(NULL, _("unknown option %s"), (*argv)[optind - 1]);
		}
	}
	if (db && !*db)
		return cli_usage_error(NULL, "%s", _("--db needs a file path"));
	if (staff && !*staff)
		return cli_usage_error(NULL, "%s", _("--staff needs a name"));
	cli->db_path = db_default_path(db);
	cli->staff_given = staff || (getenv("DOORSTEP_STAFF") && *getenv("DOORSTEP_STAFF"));
	cli->staff = staff ? xstrdup(staff) : login_name();
	err_clear(&e);
	if (textsafe_check(cli->staff, TEXTSAFE_LINE, "staff", staff ? "--staff" : "DOORSTEP_STAFF",
			   &e) < 0) {
		free(cli->staff);
		free(cli->db_path);
		cli->staff = cli->db_path = NULL;
		return cli_usage_error(NULL, "%s", e.msg);
	}
	*argc -= optind;
	*argv += optind;
	return CLI_OK;
}

int cli_open_db(struct cli *cli, int flags)
{
	struct err e;

	err_clear(&e);
	if (db_open(&cli->db, cli->db_path, flags, &e) < 0) {
		cli_error(&e, NULL);
		return -1;
	}
	db_set_staff(cli->db, cli->staff);
	return 0;
}

int cli_run(struct cli *cli, int argc, char **argv)
{
	if (argc == 0)
		return app_run(cli);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (!strcmp(argv[0], commands[i].name)) {
			/* optind = 0 re-initialises glibc's getopt fully: the "+" of the
			 * global parse would otherwise stop commands' parsing at their
			 * first operand, and options may follow operands. */
			optind = 0;
			opterr = 0;
			return commands[i].run(cli, argc, argv);
		}
	}
	return cli_usage_error(NULL, _("unknown command \"%s\""), argv[0]);
}

void cli_free(struct cli *cli)
{
	db_close(&cli->db);
	free(cli->db_path);
	free(cli->staff);
	cli->db_path = cli->staff = NULL;
}
