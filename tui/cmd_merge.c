/* cmd_merge: `doorstep merge OTHER.db [--dry-run] [--force]` and
 * `doorstep init --from FILE --station S`: the command-line faces of the
 * merge engine (db/merge.h), and the printed merge report. */
#include "tui/cmd_merge.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/db.h"
#include "db/merge.h"
#include "tui/cli.h"
#include "tui/setup.h"

static void print_counts(FILE *f, const char *name, const struct mergeplan_counts *c)
{
	fprintf(f, "  %-14s %7ld %8ld %10ld %10ld %7ld\n", name, c->added, c->updated, c->unchanged,
		c->conflicts, c->joined);
}

void cmd_merge_print_report(void *file, const struct merge_report *r)
{
	FILE *f = file;

	fprintf(f, "  %-14s %7s %8s %10s %10s %7s\n", _("table"), _("added"), _("updated"),
		_("unchanged"), _("conflicts"), _("joined"));
	for (int i = 0; i < MERGE_TABLES; i++) {
		const struct merge_table_report *t = &r->tables[i];

		if (!t->table)
			continue;
		if (!strcmp(t->table, "audit_log"))
			fprintf(f, "  %-14s %7ld\n", t->table, t->c.added);
		else
			print_counts(f, t->table, &t->c);
	}
	print_counts(f, _("total"), &r->total);
	if (r->nconflicts) {
		fprintf(f, "%s\n",
			_("Conflicts (changed on both machines; the other version is kept in the "
			  "audit log):"));
		for (size_t i = 0; i < r->nconflicts; i++) {
			const struct merge_item *it = &r->conflicts[i];

			fprintf(f, "  %s %s (%.8s): ", it->table, it->label, it->uuid);
			if (it->took_other)
				fprintf(f,
					_("took the other machine's version of %s over this one's "
					  "of %s\n"),
					it->other_at, it->this_at);
			else
				fprintf(
				    f,
				    _("kept this machine's version of %s over the other's of %s\n"),
				    it->this_at, it->other_at);
		}
	}
	if (r->njoins) {
		fprintf(
		    f, "%s\n",
		    _("Duplicates joined (the record joined away is deleted, its records moved):"));
		for (size_t i = 0; i < r->njoins; i++) {
			const struct merge_item *it = &r->joins[i];

			fprintf(f, _("  %s %s (%.8s) joined into %s (%.8s): same %s\n"), it->table,
				it->label, it->uuid, it->survivor_label, it->survivor, it->key);
		}
	}
	if (r->nrevivals) {
		fprintf(f, "%s\n",
			_("Brought back (deleted on one machine while a record within it was added "
			  "or changed on the other):"));
		for (size_t i = 0; i < r->nrevivals; i++) {
			const struct merge_item *it = &r->revivals[i];

			fprintf(f, _("  %s %s (%.8s) brought back by %s %s (%.8s)\n"), it->table,
				it->label, it->uuid, it->key, it->survivor_label, it->survivor);
		}
	}
	if (r->nopen) {
		fprintf(f, "%s\n",
			_("Conflicts that need a person (the two machines' records together break "
			  "a rule; settle them on the Today screen):"));
		for (size_t i = 0; i < r->nopen; i++) {
			const char *bar = strchr(r->open[i].label, '|');

			fprintf(f, _("  stock of %.*s (%s) is below zero\n"),
				bar ? (int)(bar - r->open[i].label) : (int)strlen(r->open[i].label),
				r->open[i].label, bar ? bar + 1 : "");
		}
	}
}

int cmd_merge(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"dry-run", no_argument, NULL, 'n'},
	    {"force", no_argument, NULL, 'f'},
	    {NULL, 0, NULL, 0},
	};
	struct merge_opts o = {0, 0};
	struct merge_report r;
	struct err e;
	const char *other;
	int c, status;

	optind = 0; /* a full reset: options may follow the file name */
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			o.dry_run = 1;
			break;
		case 'f':
			o.force = 1;
			break;
		default:
			return cli_usage_error("merge", _("unknown option %s"), argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("merge", "%s", _("merge needs the other database file"));
	if (optind + 1 < argc)
		return cli_usage_error("merge", _("unexpected argument \"%s\""), argv[optind + 1]);
	other = argv[optind];
	if (cli_open_db(cli, 0) < 0)
		return CLI_REFUSED;
	err_clear(&e);
	if (db_merge(cli->db, other, &o, &r, &e) < 0) {
		cli_error(&e, NULL);
		status = CLI_REFUSED;
	} else {
		char last[64];

		if (r.last_met[0])
			snprintf(last, sizeof last, "%s", r.last_met);
		else
			snprintf(last, sizeof last, "%s", _("never"));
		if (r.same_database)
			printf(_("%s is a copy of this database (%s)\n"), other, cli->db_path);
		printf(_("%s (station %c) into %s (station %c); last met: %s\n"), other,
		       r.other_station, cli->db_path, r.this_station, last);
		cmd_merge_print_report(stdout, &r);
		if (o.dry_run)
			printf("%s\n", _("--dry-run: nothing was written."));
		status = CLI_OK;
	}
	merge_report_free(&r);
	return status;
}

int cmd_merge_init_from(struct cli *cli, const char *from, char station)
{
	struct merge_report r;
	struct err e;
	int status = CLI_OK;

	err_clear(&e);
	if (setup_from(cli, from, station, &r, &e) < 0) {
		cli_error(&e, NULL);
		status = CLI_REFUSED;
	} else {
		printf(_("doorstep: created %s for %s (station %c) from %s (station %c)\n"),
		       cli->db_path, r.other_community, station, from, r.other_station);
		cmd_merge_print_report(stdout, &r);
	}
	merge_report_free(&r);
	return status;
}
