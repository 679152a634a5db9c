/* outing: the closed-management rule; see outing.h. */
#include "core/outing.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

void outing_check(const struct outing_facts *f, struct outing_verdict *out)
{
	memset(out, 0, sizeof *out);
	if (f->has_last)
		out->last = f->last;
	if (f->isolated) {
		out->reason = OUTING_ISOLATION;
	} else if (f->followup) {
		out->reason = OUTING_FOLLOWUP;
	} else if (f->gate_fever) {
		out->reason = OUTING_FEVER;
	} else if (f->revoked) {
		out->reason = OUTING_REVOKED;
	} else if (f->has_valid_until && date_cmp(&f->valid_until, &f->today) < 0) {
		out->reason = OUTING_EXPIRED;
	} else if (!f->has_last) {
		out->allowed = 1;
		out->reason = OUTING_FIRST;
		out->next_allowed = f->today;
	} else {
		struct date next = date_add(&f->last, f->every_days > 0 ? f->every_days : 0);

		if (date_cmp(&f->today, &next) >= 0) {
			out->allowed = 1;
			out->reason = OUTING_DUE;
			out->next_allowed = f->today;
		} else {
			out->reason = OUTING_TOO_SOON;
			out->next_allowed = next;
		}
	}
}

const char *outing_reason_text(enum outing_reason reason)
{
	static const char *const text[] = {
	    [OUTING_FIRST] = N_("Allowed: this household has not gone out before."),
	    [OUTING_DUE] = N_("Allowed: enough days have passed since the last outing."),
	    [OUTING_ISOLATION] = N_("Not allowed: a member of this household is under isolation."),
	    [OUTING_REVOKED] = N_("Not allowed: this pass has been revoked."),
	    [OUTING_EXPIRED] = N_("Not allowed: this pass has expired."),
	    [OUTING_TOO_SOON] = N_("Not allowed: this household went out too recently."),
	    [OUTING_FOLLOWUP] =
		N_("Not allowed: a member of this household has an open fever follow-up."),
	    [OUTING_FEVER] = N_("Not allowed: a fever at the gate; a follow-up was opened."),
	};

	if ((size_t)reason >= sizeof text / sizeof text[0])
		return "";
	return _(text[reason]);
}

void outing_followup_text(const char *name, int temperature, const char *symptoms,
			  const char *opened_at, struct strbuf *out)
{
	char temp[32];
	const char *reading = symptoms ? symptoms : "";

	if (temperature) {
		snprintf(temp, sizeof temp, "%d.%d °C", temperature / 10, temperature % 10);
		reading = temp;
	}
	strbuf_printf(out, _("Not allowed: %s has an open fever follow-up (%s, %.11s)."), name,
		      reading, opened_at + 5);
}
