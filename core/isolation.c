/* isolation: day counts, extensions and check slots; see isolation.h. */
#include "core/isolation.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/xalloc.h"

const char *isolation_slot_code(enum isolation_slot slot)
{
	return model_enum_code(model_slot, (int)slot);
}

void isolation_span_compute(const struct date *start, int days, int extended,
			    struct isolation_span *out)
{
	long total = (long)days + extended;

	if (total < 1)
		total = 1;
	out->start = *start;
	out->total_days = (int)total;
	out->last_day = date_add(start, total - 1);
	out->release_day = date_add(start, total);
}

int isolation_day_number(const struct isolation_span *span, const struct date *today)
{
	return (int)(date_diff(today, &span->start) + 1);
}

int isolation_is_active(const struct isolation_span *span, const struct date *end_date_or_null,
			const struct date *today)
{
	if (date_cmp(today, &span->start) < 0 || date_cmp(today, &span->last_day) > 0)
		return 0;
	return !end_date_or_null || date_cmp(today, end_date_or_null) <= 0;
}

int isolation_due_on(const struct date *start, const struct date *end_date_or_null,
		     const struct date *d)
{
	return date_cmp(start, d) <= 0 && (!end_date_or_null || date_cmp(end_date_or_null, d) > 0);
}

int isolation_held_on(const struct date *start, const struct date *end_date_or_null,
		      const struct date *d)
{
	return date_cmp(start, d) <= 0 && (!end_date_or_null || date_cmp(d, end_date_or_null) <= 0);
}

int isolation_extend_check(const struct isolation_span *span, const struct date *today,
			   int new_total_days, struct err *e)
{
	int day = isolation_day_number(span, today);

	if (new_total_days < 1)
		return err_field(e, "days", _("isolation days: must be at least 1, got %d"),
				 new_total_days);
	if (new_total_days < day)
		return err_field(
		    e, "days",
		    _("isolation days: cannot shorten to %d days, today is already day %d"),
		    new_total_days, day);
	return 0;
}

enum isolation_slot isolation_slot_for(int minutes_now, int am_cutoff_min)
{
	return minutes_now < am_cutoff_min ? SLOT_AM : SLOT_PM;
}

int isolation_checks_ours(const char *kind, int central_ours, int hospital_ours)
{
	if (kind && !strcmp(kind, "central"))
		return central_ours != 0;
	if (kind && !strcmp(kind, "hospital"))
		return hospital_ours != 0;
	return 1;
}

int isolation_check_missed(int minutes_now, int cutoff_min, int has_check)
{
	return !has_check && minutes_now >= cutoff_min;
}

int isolation_check_is_late(const struct date *check_date, const struct date *end_date_or_null,
			    const struct isolation_span *span)
{
	const struct date *over = &span->last_day;

	if (end_date_or_null && date_cmp(end_date_or_null, over) < 0)
		over = end_date_or_null;
	return date_cmp(check_date, over) > 0;
}

const char *isolation_alert_label(enum iso_alert_kind kind)
{
	static const char *const labels[ISO_ALERT_KINDS] = {
	    N_("fever"), N_("missed AM check"), N_("missed PM check"), N_("last day today"),
	    N_("due for release")};

	return (int)kind >= 0 && kind < ISO_ALERT_KINDS ? labels[kind] : "";
}

void isolation_alert_clear(struct iso_alert *a)
{
	free(a->name);
	free(a->household);
	memset(a, 0, sizeof *a);
}

void isolation_alert_copy(struct iso_alert *dst, const struct iso_alert *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->household = xstrdup(src->household);
}
