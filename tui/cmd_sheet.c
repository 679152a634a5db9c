/* cmd_sheet: `doorstep sheet KIND [--date D] [--from D] [--grid G]
 * [-o FILE.pdf | --text | --print [--printer Q]]` (docs/sheets.md).
 *
 * The sheet is built from the database (db/sheets.h), then written as text
 * to stdout, or as a PDF to FILE (default <kind>[-<grid>]-<date>.pdf in the
 * current folder), which --print then sends to CUPS.  The PDF stays on disk
 * whatever the printer says, so a refused job loses nothing; a printed one
 * is recorded in the audit log.
 *
 * `doorstep sheet receipt --receipt 2020-A-0001` makes one donation's
 * receipt the same way (default name receipt-2020-A-0001.pdf). */
#include "tui/cmd_sheet.h"

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/receipt.h"
#include "core/sheet.h"
#include "core/sheet_pdf.h"
#include "core/sheet_text.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sheets.h"
#include "tui/cli.h"
#include "tui/ops/sheet.h"

static int utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
}

int cmd_sheet(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"date", required_argument, NULL, 'd'},    {"from", required_argument, NULL, 'f'},
	    {"grid", required_argument, NULL, 'g'},    {"output", required_argument, NULL, 'o'},
	    {"text", no_argument, NULL, 't'},	       {"print", no_argument, NULL, 'p'},
	    {"printer", required_argument, NULL, 'P'}, {"receipt", required_argument, NULL, 'r'},
	    {NULL, 0, NULL, 0},
	};
	struct db_sheet_request rq;
	const char *output = NULL, *printer = NULL, *receipt = NULL;
	char receipt_no[RECEIPT_MAX], station;
	int year, seq;
	int text = 0, print = 0, c, pages = 0, r = CLI_REFUSED, sent;
	struct sheet *s = NULL;
	char *file = NULL, job[64];
	struct date today;
	struct err e;

	memset(&rq, 0, sizeof rq);
	clock_today(&today);
	date_format(&today, rq.date);
	/* optind 0 makes glibc start afresh: the global options were parsed in
	 * "+" (stop at the first word) mode, and options may follow KIND here */
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (cli_parse_date("--date", optarg, rq.date) < 0)
				return CLI_USAGE;
			break;
		case 'f':
			if (cli_parse_date("--from", optarg, rq.from) < 0)
				return CLI_USAGE;
			break;
		case 'g':
			if (!*optarg)
				return cli_usage_error("sheet", "%s",
						       _("--grid needs a grid name"));
			rq.grid = optarg;
			break;
		case 'o':
			if (!*optarg)
				return cli_usage_error("sheet", "%s", _("-o needs a file name"));
			output = optarg;
			break;
		case 't':
			text = 1;
			break;
		case 'p':
			print = 1;
			break;
		case 'r':
			receipt = optarg;
			break;
		case 'P':
			if (!*optarg)
				return cli_usage_error("sheet", "%s",
						       _("--printer needs a queue name"));
			printer = optarg;
			print = 1;
			break;
		default:
			return cli_usage_error("sheet", _("unknown option %s"), argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("sheet", "%s",
				       optind >= argc ? _("sheet needs a KIND")
						      : _("sheet takes one KIND"));
	rq.kind = argv[optind];
	if (!strcmp(rq.kind, "receipt") || receipt) {
		if (strcmp(rq.kind, "receipt"))
			return cli_usage_error("sheet", "%s",
					       _("--receipt applies to the receipt sheet"));
		if (!receipt)
			return cli_usage_error("sheet", "%s",
					       _("the receipt sheet needs --receipt NUMBER, e.g. "
						 "--receipt 2020-A-0001"));
		err_clear(&e);
		if (receipt_parse(receipt, &year, &station, &seq, &e) < 0 ||
		    receipt_format(year, station, seq, receipt_no, sizeof receipt_no) < 0)
			return cli_usage_error("sheet", "%s", e.msg);
		if (rq.from[0] || rq.grid)
			return cli_usage_error("sheet", "%s",
					       _("the receipt sheet takes neither --from nor --grid"));
	} else if (!db_sheet_title(rq.kind))
		return cli_usage_error("sheet",
				       _("unknown sheet \"%s\" (rounds, isolation, daily, "
					 "donations, duty, passes or visitors)"),
				       rq.kind);
	if (text && (output || print))
		return cli_usage_error("sheet", "%s",
				       _("--text writes to the terminal: it goes with neither -o "
					 "nor --print"));
	if (rq.from[0] && strcmp(rq.kind, "donations"))
		return cli_usage_error("sheet", "%s", _("--from applies to the donations sheet"));
	if (rq.from[0] && strcmp(rq.from, rq.date) > 0)
		return cli_usage_error("sheet", _("--from %s is after --date %s"), rq.from,
				       rq.date);
	if (rq.grid && strcmp(rq.kind, "rounds") && strcmp(rq.kind, "isolation") &&
	    strcmp(rq.kind, "passes"))
		return cli_usage_error("sheet", "%s",
				       _("--grid applies to the rounds, isolation and passes sheets"));
	rq.staff = cli->staff;

	if (cli_open_db(cli, 0) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	if (receipt ? db_sheet_receipt(cli->db, receipt_no, rq.staff, &s, &e) < 0
		    : db_sheet_build(cli->db, &rq, &s, &e) < 0) {
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	if (text) {
		char *out;

		/* widths come from wcwidth: count them as UTF-8 whatever LANG says */
		if (!utf8_locale())
			setlocale(LC_CTYPE, "C.UTF-8");
		out = sheet_render_text(s);
		fputs(out, stdout);
		free(out);
		r = fflush(stdout) == 0 ? CLI_OK : CLI_REFUSED;
		goto out;
	}
	file = output	 ? xstrdup(output)
	       : receipt ? xasprintf("receipt-%s.pdf", receipt_no)
			 : sheet_file_default_name(&rq);
	if (sheet_pdf_write(s, file, &pages, &e) < 0) {
		cli_error(&e, NULL);
		goto out;
	}
	printf(_("doorstep: wrote %s (%d page(s))\n"), file, pages);
	if (print) {
		fflush(stdout);
		sent = sheet_file_print(cli->db, &rq, file, printer, job, sizeof job, &e);
		if (sent == SHEET_PRINT_NOT_SENT) {
			cli_error(&e, NULL);
			fprintf(stderr, _("doorstep: the PDF is kept at %s\n"), file);
			goto out;
		}
		printf(_("doorstep: sent %s to %s as job %s\n"), file,
		       printer ? printer : _("the default printer"), job);
		if (sent == SHEET_PRINT_NOT_RECORDED) {
			cli_error(&e, NULL);
			goto out;
		}
	}
	r = CLI_OK;
out:
	free(file);
	sheet_free(&s);
	return r;
}
