/* followup: when a case opens, when it is open; see followup.h. */
#include "core/followup.h"

#include <string.h>

#include "core/i18n.h"
#include "core/temperature.h"

const struct enum_entry followup_source[] = {
    {"round", N_("round"), "入户排查"},
    {"check", N_("isolation check"), "隔离监测"},
    {"gate", N_("gate"), "卡口"},
    {NULL, NULL, NULL},
};

const struct enum_entry followup_outcome[] = {
    {"normal", N_("normal"), "排除（正常）"},
    {"home_observation", N_("home observation"), "居家观察"},
    {"isolated", N_("isolated"), "隔离"},
    {"hospitalised", N_("hospitalised"), "住院治疗"},
    {"confirmed", N_("confirmed case"), "确诊"},
    {NULL, NULL, NULL},
};

int followup_should_open(int temperature, const char *symptoms, int threshold)
{
	if (temperature && temperature_is_fever(temperature, threshold))
		return 1;
	return symptoms && *symptoms;
}

int followup_open_on(const char *opened_date, const char *closed_date, const char *day)
{
	/* Only the dates count: a time after them is ignored. */
	if (strncmp(opened_date, day, 10) > 0)
		return 0;
	return !closed_date || !*closed_date || strncmp(closed_date, day, 10) > 0;
}

int followup_close_check(const char *outcome, struct err *e)
{
	if (outcome && model_enum_find(followup_outcome, outcome))
		return 0;
	return err_field(e, "outcome", "%s",
			 _("the outcome must be normal, home observation, isolated, hospitalised "
			   "or confirmed"));
}

void followup_report_format(const struct followup_counts *c, struct strbuf *out)
{
	strbuf_printf(out, "\n%s\n", _("Fever follow-ups"));
	strbuf_printf(out, "  %s %d\n", _("Opened today:"), c->opened);
	strbuf_printf(out, "  %s %d\n", _("Open at the end of the day:"), c->open);
	strbuf_printf(out, "  %s %d\n", _("Closed today:"), c->closed);
}

int followup_outcome_isolates(const char *outcome)
{
	return outcome && !strcmp(outcome, "isolated");
}
