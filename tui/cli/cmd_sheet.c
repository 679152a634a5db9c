/* cmd_sheet: `doorstep sheet KIND [--date D] [--from D] [--grid G]
 * [-o FILE.pdf | --text | --print [--printer Q]]` (docs/sheets.md).
 *
 * The sheet is built from the database (db/sheets.h), then written as text
 * to stdout, or as a PDF to FILE (default <kind>[-<grid>]-<date>.pdf in the
 * current folder), which --print then sends to CUPS.  The PDF stays on disk
 * whatever the printer says, so a refused job loses nothing; a printed one
 * is recorded in the audit log with the file's absolute path.
 *
 * Two sheets are of one record: `doorstep sheet receipt --receipt
 * 2020-A-0001` (one donation's receipt, default receipt-2020-A-0001.pdf) and
 * `doorstep sheet release --who "1-1-101 张三"` or `--who 0007` (the release
 * certificate of an ended isolation, default release-<code>-<date>.pdf). */
#include "tui/cli/cmd_sheet.h"

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
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sheet_release.h"
#include "db/sheets.h"
#include "tui/cli/cli.h"
#include "tui/cli/cliopt.h"
#include "tui/ops/sheet.h"

static int utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
}

struct args {
	struct db_sheet_request rq;
	const char *output, *printer, *receipt, *who;
	char receipt_no[RECEIPT_MAX];
	int text, print;
};

/* `doorstep sheet --help`: the kinds from the kind table and the options. */
static void usage(FILE *f)
{
	fputs(_("usage: doorstep sheet KIND [--date DATE] [--from DATE] [--grid NAME]\n"
		"                      [-o FILE.pdf | --text | --print [--printer QUEUE]]\n"
		"       doorstep sheet receipt --receipt NUMBER [...]\n"
		"       doorstep sheet release --who \"CODE NAME\" | --who ID-TAIL [...]\n"
		"\nkinds:\n"),
	      f);
	for (int i = 0; db_sheet_kinds[i]; i++) {
		int flags = db_sheet_kind_flags(db_sheet_kinds[i]);

		fprintf(f, "  %-10s %s%s%s\n", db_sheet_kinds[i], db_sheet_title(db_sheet_kinds[i]),
			flags & DB_SHEET_GRID ? _(" (takes --grid)") : "",
			flags & DB_SHEET_FROM ? _(" (takes --from)") : "");
	}
	fprintf(f, "  %-10s %s\n  %-10s %s\n", "receipt", "捐赠收据", "release", "解除隔离告知书");
	fputs(_("\noptions:\n"
		"  --date DATE      the sheet's date (default today; 0215, 15, t, -1 work)\n"
		"  --from DATE      the first day of the donation notice's period\n"
		"  --grid NAME      one grid only\n"
		"  -o FILE.pdf      the PDF's name (default KIND-DATE.pdf here)\n"
		"  --text           the sheet as text on standard output\n"
		"  --print          write the PDF and send it to the default printer\n"
		"  --printer QUEUE  send it to QUEUE (implies --print)\n"
		"  --receipt NUMBER the receipt sheet's donation (2020-A-0001)\n"
		"  --who WHO        the release certificate's resident: household code and\n"
		"                   name (\"1-1-101 张三\") or the ID number's last digits\n"
		"  -h, --help       this help\n"),
	      f);
}

/* --printer QUEUE: the queue, and printing. */
static int take_printer(void *to, const char *value)
{
	struct args *a = to;

	if (!*value)
		return -1;
	a->printer = value;
	a->print = 1;
	return 0;
}

/* Reads the options into *a.  Returns CLI_OK, CLI_USAGE after a message,
 * or -1 when --help was answered. */
static int parse_args(struct args *a, int argc, char **argv)
{
	int help = 0;
	struct cliopt opts[] = {
	    CLIOPT_DATE("date", a->rq.date),
	    CLIOPT_DATE("from", a->rq.from),
	    CLIOPT_TEXT("grid", 0, &a->rq.grid, N_("--grid needs a grid name")),
	    CLIOPT_TEXT("output", 'o', &a->output, N_("-o needs a file name")),
	    CLIOPT_FLAG("text", 0, &a->text),
	    CLIOPT_FLAG("print", 0, &a->print),
	    CLIOPT_CALL("printer", a, take_printer, N_("--printer needs a queue name")),
	    CLIOPT_TEXT("receipt", 0, &a->receipt, NULL),
	    CLIOPT_TEXT("who", 0, &a->who, N_("--who needs a household code and name, or an ID tail")),
	    CLIOPT_FLAG("help", 'h', &help),
	    CLIOPT_END,
	};

	if (cliopt_parse("sheet", opts, argc, argv) != CLI_OK)
		return CLI_USAGE;
	if (help) {
		usage(stdout);
		return -1;
	}
	if (optind != argc - 1)
		return cli_usage_error("sheet", "%s",
				       optind >= argc ? _("sheet needs a KIND (see doorstep sheet --help)")
						      : _("sheet takes one KIND"));
	a->rq.kind = argv[optind];
	return CLI_OK;
}

/* The checks of the one-record sheets (receipt, release). */
static int check_record_sheet(struct args *a)
{
	const char *kind = a->rq.kind;
	char station;
	int year, seq;
	struct err e;

	if (a->receipt && strcmp(kind, "receipt"))
		return cli_usage_error("sheet", "%s", _("--receipt applies to the receipt sheet"));
	if (a->who && strcmp(kind, "release"))
		return cli_usage_error("sheet", "%s", _("--who applies to the release sheet"));
	if (!strcmp(kind, "release") && !a->who)
		return cli_usage_error("sheet", "%s",
				       _("the release sheet needs --who \"CODE NAME\" or --who "
					 "ID-TAIL, e.g. --who \"1-1-101 张三\""));
	if (!strcmp(kind, "receipt")) {
		if (!a->receipt)
			return cli_usage_error("sheet", "%s",
					       _("the receipt sheet needs --receipt NUMBER, e.g. "
						 "--receipt 2020-A-0001"));
		err_clear(&e);
		if (receipt_parse(a->receipt, &year, &station, &seq, &e) < 0 ||
		    receipt_format(year, station, seq, a->receipt_no, sizeof a->receipt_no) < 0)
			return cli_usage_error("sheet", "%s", e.msg);
		a->rq.subject = a->receipt_no;
	}
	if (a->rq.from[0] || a->rq.grid)
		return cli_usage_error("sheet", _("the %s sheet takes neither --from nor --grid"),
				       kind);
	if (a->who)
		a->rq.subject = a->who;
	return CLI_OK;
}

static int check_args(struct args *a)
{
	const char *kind = a->rq.kind;
	int flags = db_sheet_kind_flags(kind);

	if (!strcmp(kind, "receipt") || !strcmp(kind, "release") || a->receipt || a->who) {
		if (check_record_sheet(a) != CLI_OK)
			return CLI_USAGE;
	} else if (flags < 0) {
		return cli_usage_error("sheet", _("unknown sheet \"%s\" (see doorstep sheet --help)"),
				       kind);
	} else {
		if (a->rq.from[0] && !(flags & DB_SHEET_FROM))
			return cli_usage_error("sheet", _("--from does not apply to the %s sheet"),
					       kind);
		if (a->rq.grid && !(flags & DB_SHEET_GRID))
			return cli_usage_error("sheet", _("--grid does not apply to the %s sheet"),
					       kind);
	}
	if (a->text && (a->output || a->print))
		return cli_usage_error("sheet", "%s",
				       _("--text writes to the terminal: it goes with neither -o "
					 "nor --print"));
	if (a->rq.from[0] && strcmp(a->rq.from, a->rq.date) > 0)
		return cli_usage_error("sheet", _("--from %s is after --date %s"), a->rq.from,
				       a->rq.date);
	return CLI_OK;
}

/* Builds the sheet asked for; the release certificate's default file
 * name (its household code) comes back in *name.  0 or -1. */
static int build(struct cli *cli, struct args *a, struct sheet **s, char **name, struct err *e)
{
	long long id;

	if (!strcmp(a->rq.kind, "receipt")) {
		*name = xasprintf("receipt-%s.pdf", a->receipt_no);
		return db_sheet_receipt(cli->db, a->receipt_no, a->rq.staff, s, e);
	}
	if (!strcmp(a->rq.kind, "release")) {
		char *tag = xstrdup(a->who);

		for (char *p = tag; *p; p++)
			if (*p == ' ' || *p == '/' || *p == '\\' || (p == tag && *p == '.'))
				*p = '_';
		*name = xasprintf("release-%s-%s.pdf", tag, a->rq.date);
		free(tag);
		if (db_release_find(cli->db, a->who, &id, e) != 1)
			return -1;
		return db_sheet_release(cli->db, id, a->rq.date, a->rq.staff, s, e);
	}
	*name = sheet_file_default_name(&a->rq);
	return db_sheet_build(cli->db, &a->rq, s, e);
}

/* Sends the written PDF to CUPS and audits it (tui/ops/sheet).  Returns
 * CLI_OK or CLI_REFUSED. */
static int print_it(struct cli *cli, struct args *a, const char *file, struct err *e)
{
	char job[64], *abs = realpath(file, NULL);
	int sent;

	fflush(stdout);
	sent = sheet_file_print(cli->db, &a->rq, file, a->printer, job, sizeof job, e);
	if (sent == SHEET_PRINT_NOT_SENT) {
		cli_error(e, NULL);
		fprintf(stderr, _("doorstep: the PDF is kept at %s\n"), abs ? abs : file);
	} else {
		printf(_("doorstep: sent %s to %s as job %s\n"), file,
		       a->printer ? a->printer : _("the default printer"), job);
		if (sent == SHEET_PRINT_NOT_RECORDED)
			cli_error(e, NULL);
	}
	free(abs);
	return sent == 0 ? CLI_OK : CLI_REFUSED;
}

int cmd_sheet(struct cli *cli, int argc, char **argv)
{
	struct args a;
	struct strbuf missing = STRBUF_INIT;
	struct sheet *s = NULL;
	char *file = NULL, *name = NULL;
	struct err e;
	int pages = 0, r;

	memset(&a, 0, sizeof a);
	clock_today_iso(a.rq.date);
	r = parse_args(&a, argc, argv);
	if (r < 0)
		return CLI_OK;
	if (r != CLI_OK || (r = check_args(&a)) != CLI_OK)
		return r;
	a.rq.staff = cli->staff;
	/* widths come from wcwidth, for the text form and the PDF's wrapping
	 * alike: count them as UTF-8 whatever LANG says */
	if (!utf8_locale())
		setlocale(LC_CTYPE, "C.UTF-8");
	if (cli_open_db(cli, 0) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	r = CLI_REFUSED;
	if (build(cli, &a, &s, &name, &e) < 0) {
		cli_error(&e, NULL);
		goto out;
	}
	if (a.text) {
		char *out = sheet_render_text(s);

		fputs(out, stdout);
		free(out);
		r = fflush(stdout) == 0 ? CLI_OK : CLI_REFUSED;
		goto out;
	}
	file = a.output ? xstrdup(a.output) : xstrdup(name);
	if (sheet_pdf_write_checked(s, file, &pages, &missing, &e) < 0) {
		cli_error(&e, NULL);
		goto out;
	}
	printf(_("doorstep: wrote %s (%d page(s))\n"), file, pages);
	if (strbuf_str(&missing)[0])
		fprintf(stderr,
			_("doorstep: warning: no installed font has a character of these, which "
			  "print as a box with its code; write them by hand on the paper:\n%s"),
			strbuf_str(&missing));
	r = a.print ? print_it(cli, &a, file, &e) : CLI_OK;
out:
	strbuf_free(&missing);
	free(name);
	free(file);
	sheet_free(&s);
	return r;
}
