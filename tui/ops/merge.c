/* ops/merge: the merge report in words, shared by `doorstep merge`,
 * `doorstep init --from`, the Merge screen and the first-start screen; see
 * merge.h.  The merge itself, one transaction, is db/merge's. */
#include "tui/ops/merge.h"

#include <string.h>

#include "core/i18n.h"
#include "core/textwidth.h"
#include "db/merge.h"

/* text padded to width display columns (left: on the left, else right
 * aligned); a Chinese label takes two columns a character, not three bytes. */
static void put_cell(FILE *f, const char *text, int width, int left)
{
	int pad = width - textwidth_utf8(text);

	if (left)
		fputs(text, f);
	for (; pad > 0; pad--)
		fputc(' ', f);
	if (!left)
		fputs(text, f);
}

/* A table's name in the reader's language ("merge table" context: 值班
 * is the translation of "staff" as on duty, not of the staff table); the
 * name itself where there is no translation. */
static const char *table_label(const char *table)
{
	char key[64];
	const char *t;

	if (snprintf(key, sizeof key, "merge table\004%s", table) >= (int)sizeof key)
		return table;
	t = gettext(key);
	return t == key || !strcmp(t, key) ? table : t;
}

static void print_counts(FILE *f, const char *name, const struct mergeplan_counts *c)
{
	fputs("  ", f);
	put_cell(f, name, 14, 1);
	fprintf(f, " %7ld %8ld %10ld %10ld %7ld\n", c->added, c->updated, c->unchanged,
		c->conflicts, c->joined);
}

static void conflict_line(FILE *f, const struct merge_item *it)
{
	fprintf(f, "  %s %s (%.8s): ", table_label(it->table), it->label, it->uuid);
	if (it->took_other)
		fprintf(f, _("took the other machine's version of %s over this one's of %s\n"),
			it->other_at, it->this_at);
	else
		fprintf(f, _("kept this machine's version of %s over the other's of %s\n"),
			it->this_at, it->other_at);
}

static void join_line(FILE *f, const struct merge_item *it)
{
	fprintf(f, _("  %s %s (%.8s) joined into %s (%.8s): same %s\n"), table_label(it->table),
		it->label, it->uuid, it->survivor_label, it->survivor, it->key);
}

static void revival_line(FILE *f, const struct merge_item *it)
{
	fprintf(f, _("  %s %s (%.8s) brought back by %s %s (%.8s)\n"), table_label(it->table),
		it->label, it->uuid, it->key, it->survivor_label, it->survivor);
}

/* A section of the report, when it has items: its heading, then a line
 * (line) per item. */
static void section(FILE *f, const char *heading, const struct merge_item *v, size_t n,
		    void (*line)(FILE *f, const struct merge_item *it))
{
	if (!n)
		return;
	fprintf(f, "%s\n", heading);
	for (size_t i = 0; i < n; i++)
		line(f, &v[i]);
}

void merge_print_report(FILE *f, const struct merge_report *r)
{
	{
		const char *head[] = {_("added"), _("updated"), _("unchanged"), _("conflicts"),
				      _("joined")};
		const int w[] = {7, 8, 10, 10, 7};

		fputs("  ", f);
		put_cell(f, _("table"), 14, 1);
		for (int i = 0; i < 5; i++) {
			fputc(' ', f);
			put_cell(f, head[i], w[i], 0);
		}
		fputc('\n', f);
	}
	for (int i = 0; i < MERGE_TABLES; i++) {
		const struct merge_table_report *t = &r->tables[i];

		if (!t->table)
			continue;
		if (!strcmp(t->table, "audit_log")) {
			fputs("  ", f);
			put_cell(f, table_label(t->table), 14, 1);
			fprintf(f, " %7ld\n", t->c.added);
		} else {
			print_counts(f, table_label(t->table), &t->c);
		}
	}
	print_counts(f, _("total"), &r->total);
	section(f,
		_("Conflicts (changed on both machines; the other version is kept in the "
		  "audit log):"),
		r->conflicts, r->nconflicts, conflict_line);
	section(f, _("Duplicates joined (the record joined away is deleted, its records moved):"),
		r->joins, r->njoins, join_line);
	section(f,
		_("Brought back (deleted on one machine while a record within it was added "
		  "or changed on the other):"),
		r->revivals, r->nrevivals, revival_line);
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
