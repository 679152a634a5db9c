/* report: the daily summary as aligned text; see report.h. */
#include "core/report.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/money.h"
#include "core/temperature.h"
#include "core/textwidth.h"

#define LABEL_COLS 30 /* the label column, indent included */
#define NUM_COLS   9  /* each number column */

/* "  label ........ value" with the label fitted to LABEL_COLS columns. */
static void line(struct strbuf *out, const char *label, const char *value)
{
	char *l = textwidth_fit(label, LABEL_COLS, 1);

	strbuf_puts(out, l);
	strbuf_puts(out, value);
	strbuf_putc(out, '\n');
	free(l);
}

static void line_num(struct strbuf *out, const char *label, long long v)
{
	char num[32], *pad;

	snprintf(num, sizeof num, "%lld", v);
	pad = textwidth_pad_left(num, NUM_COLS);
	line(out, label, pad);
	free(pad);
}

static void heading(struct strbuf *out, const char *title)
{
	strbuf_putc(out, '\n');
	strbuf_puts(out, title);
	strbuf_putc(out, '\n');
}

/* One row of the isolations table: a label and four numbers. */
static void iso_row(struct strbuf *out, const char *label, const struct daily_stats *s,
		    size_t member)
{
	char *l = textwidth_fit(label, LABEL_COLS, 1);

	strbuf_puts(out, l);
	free(l);
	for (int k = 0; k <= STATS_KINDS; k++) {
		const struct stats_isolation *iso = k < STATS_KINDS ? &s->iso[k] : &s->iso_total;
		char num[16], *pad;

		snprintf(num, sizeof num, "%d", *(const int *)((const char *)iso + member));
		pad = textwidth_pad_left(num, NUM_COLS);
		strbuf_puts(out, pad);
		free(pad);
	}
	strbuf_putc(out, '\n');
}

static void iso_header(struct strbuf *out)
{
	const char *cols[] = {_("home"), _("central"), _("hospital"), _("total")};
	char *l = textwidth_fit(_("  Isolations"), LABEL_COLS, 1);

	strbuf_puts(out, l);
	free(l);
	for (int i = 0; i < 4; i++) {
		char *pad = textwidth_pad_left(cols[i], NUM_COLS);

		strbuf_puts(out, pad);
		free(pad);
	}
	strbuf_putc(out, '\n');
}

/* "12 done, 3 missed" or "12 done, cut-off 20:00 not reached". */
static void checks_line(struct strbuf *out, const char *label, int done, int missed, int over,
			const char *cutoff)
{
	char num[16], *pad, buf[160];

	snprintf(num, sizeof num, "%d", done);
	pad = textwidth_pad_left(num, NUM_COLS);
	if (over)
		snprintf(buf, sizeof buf, _("%s done, %d missed"), pad, missed);
	else
		snprintf(buf, sizeof buf, _("%s done, cut-off %s not reached yet"), pad, cutoff);
	free(pad);
	line(out, label, buf);
}

void report_stats_clear(struct daily_stats *s)
{
	free(s->community);
	memset(s, 0, sizeof *s);
}

void report_format(const struct daily_stats *s, struct strbuf *out)
{
	char buf[160], money[48], num[16], *pad;

	if (s->as_of[0])
		strbuf_printf(out, _("Daily report: %s, %s (as of %.5s)\n"), s->community, s->date,
			      s->as_of + 11);
	else
		strbuf_printf(out, _("Daily report: %s, %s\n"), s->community, s->date);

	heading(out, _("People"));
	line_num(out, _("  Households"), s->households);
	line_num(out, _("  Residents"), s->residents);

	heading(out, _("Visits"));
	snprintf(num, sizeof num, "%d", s->households_done);
	pad = textwidth_pad_left(num, NUM_COLS);
	snprintf(buf, sizeof buf, _("%s of %d"), pad, s->households);
	free(pad);
	line(out, _("  Households visited"), buf);
	line_num(out, _("    visited"), s->visited);
	line_num(out, _("    no answer"), s->no_answer);
	line_num(out, _("    refused"), s->refused);
	line_num(out, _("    away"), s->away);
	line_num(out, _("  Visits made"), s->visits);
	line_num(out, _("  Residents checked"), s->residents_checked);
	snprintf(num, sizeof num, "%d", s->fevers);
	pad = textwidth_pad_left(num, NUM_COLS);
	snprintf(buf, sizeof buf, _("%s (%d.%d °C or more)"), pad, s->fever_threshold / 10,
		 s->fever_threshold % 10);
	free(pad);
	line(out, _("  Fevers found"), buf);

	heading(out, _("Isolation"));
	iso_header(out);
	iso_row(out, _("  New"), s, offsetof(struct stats_isolation, new_today));
	iso_row(out, _("  Active at end of day"), s, offsetof(struct stats_isolation, active));
	iso_row(out, _("  Released"), s, offsetof(struct stats_isolation, released));
	iso_row(out, _("  Ended otherwise"), s, offsetof(struct stats_isolation, ended_other));
	iso_row(out, _("  On their last day"), s, offsetof(struct stats_isolation, ending));
	iso_row(out, _("  Past last day, not ended"), s, offsetof(struct stats_isolation, overdue));

	heading(out, _("Checks"));
	line_num(out, _("  Isolations due"), s->checks_due);
	checks_line(out, _("  Morning (AM)"), s->checks_am, s->missed_am, s->am_over, s->am_cutoff);
	checks_line(out, _("  Evening (PM)"), s->checks_pm, s->missed_pm, s->pm_over, s->pm_cutoff);
	line_num(out, _("  Entered late"), s->checks_late);
	line_num(out, _("  Fevers at checks"), s->check_fevers);

	heading(out, _("Donations"));
	line_num(out, _("  Received"), s->donations);
	money_format(s->cash_fen, money, sizeof money);
	snprintf(num, sizeof num, "%d", s->cash_donations);
	pad = textwidth_pad_left(num, NUM_COLS);
	snprintf(buf, sizeof buf, "%s  %s", pad, money);
	free(pad);
	line(out, _("    cash"), buf);
	money_format(s->goods_value_fen, money, sizeof money);
	snprintf(num, sizeof num, "%d", s->goods_donations);
	pad = textwidth_pad_left(num, NUM_COLS);
	snprintf(buf, sizeof buf, _("%s  estimated %s"), pad, money);
	free(pad);
	line(out, _("    goods"), buf);
	line_num(out, _("  Voided"), s->voided);
	line_num(out, _("  Distributions"), s->distributions);
}

void report_format_alerts(const struct iso_alerts *a, struct strbuf *out)
{
	int total = 0;

	heading(out, _("Isolation alerts now"));
	if (!a) {
		strbuf_puts(out, _("  (given for today only)\n"));
		return;
	}
	for (int k = 0; k < ISO_ALERT_KINDS; k++) {
		char label[96];

		snprintf(label, sizeof label, "  %s", _(isolation_alert_label(k)));
		line_num(out, label, a->count[k]);
		total += a->count[k];
	}
	for (int i = 0; i < a->n; i++) {
		const struct iso_alert *al = &a->v[i];
		const struct enum_entry *kind = model_enum_find(model_iso_kind, al->kind_code);
		char *l = textwidth_fit(_(isolation_alert_label(al->kind)), 18, 1);
		char *who = textwidth_fit(al->name, 12, 1);
		char *hh = textwidth_fit(al->household, 14, 1);
		char t[8];

		strbuf_printf(out, "  - %s %s %s ", l, who, hh);
		if (al->kind == ISO_ALERT_FEVER && al->temperature >= 0) {
			temperature_format(al->temperature, t);
			strbuf_printf(out, "%s °C", t);
		} else {
			strbuf_printf(out, _("%s, last day %s"),
				      kind ? _(kind->label) : al->kind_code, al->last_day);
		}
		strbuf_putc(out, '\n');
		free(l);
		free(who);
		free(hh);
	}
	if (a->n < total)
		strbuf_printf(out, _("  ... and %d more (the Isolation tab lists them all)\n"),
			      total - a->n);
}
