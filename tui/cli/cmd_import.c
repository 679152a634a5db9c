/* cmd_import: `doorstep import roster FILE`; see cmd_import.h. */
#include "tui/cli/cmd_import.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/roster.h"
#include "core/strbuf.h"
#include "core/wbcell.h"
#include "core/workbook.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/roster.h"
#include "tui/cli/cli.h"
#include "tui/cli/cliopt.h"
#include "tui/ops/import.h"
#include "tui/widgets/safeout.h"

size_t import_print_issues(FILE *f, const char *file, const char *sheet, const struct roster *r)
{
	size_t errors = 0;

	for (size_t i = 0; i < roster_issue_count(r); i++) {
		const struct roster_issue *is = roster_issue_at(r, i);

		fprintf(f, "doorstep: %s", file);
		if (sheet && is->line > 0 && is->col >= 0) {
			char col[8];

			wbcell_column_name(is->col, col, sizeof col);
			fprintf(f, ":%s!%s%ld", sheet, col, is->line);
		} else if (sheet && is->line > 0) {
			fprintf(f, ":%s!%ld", sheet, is->line);
		} else if (sheet) {
			fprintf(f, ":%s", sheet);
		} else if (is->line > 0) {
			fprintf(f, ":%ld", is->line);
		}
		fputs(": ", f);
		if (is->severity == ROSTER_WARNING)
			fputs(_("warning: "), f);
		else
			errors++;
		if (is->column[0])
			fprintf(f, "%s: ", is->column);
		fprintf(f, "%s\n", is->message);
	}
	return errors;
}

/* A workbook whose sheet held no roster: name the sheets there are. */
static void print_sheets(const char *path)
{
	struct err e;
	char **names;
	int n, fmt = workbook_sniff(path, &e);

	if (fmt <= 0 || workbook_sheet_names(path, fmt, &names, &n, &e) < 0)
		return;
	fprintf(stderr, _("doorstep: %s: the workbook's sheets are"), path);
	for (int i = 0; i < n; i++)
		fprintf(stderr, "%s\"%s\"", i ? ", " : " ", names[i]);
	fprintf(stderr, "%s\n", _("; choose one with --sheet NAME"));
	workbook_names_free(names, n);
}

static void progress(size_t done, size_t total, void *ctx)
{
	(void)ctx;
	/* The carriage return stays out of the translation (gettext wants none). */
	safeout_carriage_return();
	fprintf(stderr, _("importing: %zu / %zu rows"), done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* --encoding: auto, utf8 or gb18030 (a roster is never read as UTF-8 with a
 * BOM required). */
static int take_encoding(void *to, const char *value)
{
	enum encoding *want = to;

	return encoding_parse_name(value, want, NULL) < 0 || *want == ENCODING_UTF8_BOM ? -1 : 0;
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	enum encoding want = ENCODING_AUTO, found = ENCODING_UTF8;
	struct roster_headers *headers = NULL;
	struct roster *r = NULL;
	struct roster_counts c;
	const char *path, *sheet = NULL;
	char *sheet_used = NULL;
	struct err e;
	int dry_run = 0, status = CLI_REFUSED;
	struct cliopt opts[] = {
	    CLIOPT_FLAG("dry-run", 0, &dry_run),
	    CLIOPT_CALL("encoding", &want, take_encoding,
			N_("unknown encoding \"%s\" (use auto, utf8 or gb18030)")),
	    CLIOPT_TEXT("sheet", 0, &sheet, NULL),
	    CLIOPT_END,
	};
	size_t errors;

	err_clear(&e);
	if (cliopt_parse("import", opts, argc, argv) != CLI_OK)
		return CLI_USAGE;
	if (optind >= argc)
		return cli_usage_error("import", "%s", _("what to import? (roster)"));
	if (strcmp(argv[optind], "roster"))
		return cli_usage_error("import", _("cannot import \"%s\"; only a roster"),
				       argv[optind]);
	if (optind + 1 >= argc)
		return cli_usage_error("import", "%s", _("import roster needs a FILE"));
	if (optind + 2 < argc)
		return cli_usage_error("import", _("unexpected argument \"%s\""), argv[optind + 2]);
	path = argv[optind + 1];

	if (import_roster_read(path, want, sheet, &r, &headers, &found, &sheet_used, &e) < 0) {
		cli_error(&e, path);
		return CLI_REFUSED;
	}
	errors = import_print_issues(stderr, path, sheet_used, r);
	if (sheet_used && !roster_header_line(r))
		print_sheets(path);
	if (errors) {
		fprintf(stderr, _("doorstep: %s: %zu problem(s); nothing was imported\n"), path,
			errors);
		goto out;
	}
	if (cli_open_db(cli, 0) < 0)
		goto out;
	if (db_roster_apply(cli->db, r, path, dry_run, isatty(STDERR_FILENO) ? progress : NULL,
			    NULL, &c, &e) < 0) {
		cli_error(&e, path);
		fprintf(stderr, _("doorstep: %s: nothing was imported\n"), path);
		goto out;
	}
	if (sheet_used)
		printf(_("%s: sheet %s, %zu rows\n"), path, sheet_used, roster_row_count(r));
	else
		printf(_("%s: %s, %zu rows\n"), path, encoding_name(found), roster_row_count(r));
	printf(_("households: %ld new, %ld updated, %ld unchanged\n"), c.households_new,
	       c.households_updated, c.households_unchanged);
	printf(_("residents: %ld new, %ld updated, %ld unchanged\n"), c.residents_new,
	       c.residents_updated, c.residents_unchanged);
	for (size_t i = 0; i < c.nchanges; i++)
		printf("%s\n", c.changes[i]);
	roster_counts_clear(&c);
	if (dry_run)
		printf("%s\n", _("dry run: nothing was written"));
	status = CLI_OK;
out:
	free(sheet_used);
	roster_free(&r);
	roster_headers_free(&headers);
	return status;
}
