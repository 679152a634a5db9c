/* cmd_report: `doorstep report [--date DATE]`: the daily summary of docs/sheets.md
 * as aligned text on stdout, and for today the isolation alerts of now
 * (issue 6: fevers, missed checks, last days, releases due), read here and
 * handed to core/report so that core stays free of the database. */
#include "tui/cli/cmd_report.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/report.h"
#include "core/returnee.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "db/followups.h"
#include "db/isolation_list.h"
#include "db/returnees.h"
#include "db/stats.h"
#include "tui/cli/cli.h"
#include "tui/cli/cliopt.h"

#define REPORT_ALERTS 50 /* alerts listed one by one; the counts cover all */

/* The returnees from a key area, inside the window on date, with neither an
 * isolation nor a decision: a heading, the count, one line each. */
static int returnees_format(struct db *db, const char *date, struct strbuf *out, struct err *e)
{
	struct returnee_alert *v;
	int n;

	if (db_returnees(db, date, 0, &v, &n, e) < 0)
		return -1;
	strbuf_printf(out, "\n%s %d\n", _("Returnees from a key area not isolated:"), n);
	for (int i = 0; i < n; i++) {
		struct date d;

		date_parse_iso(v[i].return_date, &d, NULL);
		strbuf_printf(out, "  %s (%s): ", v[i].name, v[i].household);
		returnee_alert_text(v[i].key_area, &d, out);
		strbuf_putc(out, '\n');
	}
	db_returnees_free(v, n);
	return 0;
}

int cmd_report(struct cli *cli, int argc, char **argv)
{
	struct daily_stats s;
	struct strbuf out = STRBUF_INIT;
	struct err e;
	char date[DATE_STR];
	struct followup_counts fu;
	struct cliopt opts[] = {
	    CLIOPT_DATE("date", date),
	    CLIOPT_END,
	};

	clock_today_iso(date);
	if (cliopt_parse("report", opts, argc, argv) != CLI_OK ||
	    cliopt_no_more("report", argc, argv, optind) != CLI_OK)
		return CLI_USAGE;
	if (cli_open_db(cli, DB_OPEN_READONLY) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	if (db_daily_stats(cli->db, date, &s, &e) < 0) {
		report_stats_clear(&s);
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	report_format(&s, &out);
	if (db_followup_counts(cli->db, date, &fu, &e) < 0) {
		strbuf_free(&out);
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	followup_report_format(&fu, &out);
	if (returnees_format(cli->db, date, &out, &e) < 0) {
		strbuf_free(&out);
		cli_error(&e, NULL);
		return CLI_REFUSED;
	}
	if (s.as_of[0]) { /* today: the alerts are those of now */
		struct iso_alerts alerts;

		if (db_isolation_alerts(cli->db, REPORT_ALERTS, &alerts, &e) < 0) {
			report_stats_clear(&s);
			strbuf_free(&out);
			cli_error(&e, NULL);
			return CLI_REFUSED;
		}
		report_format_alerts(&alerts, &out);
		db_isolation_alerts_free(&alerts);
	} else {
		report_format_alerts(NULL, &out);
	}
	report_stats_clear(&s);
	fputs(strbuf_str(&out), stdout);
	strbuf_free(&out);
	return CLI_OK;
}
