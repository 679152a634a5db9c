/* isolation: day counts, extensions and check slots; see isolation.h. */
#include "core/isolation.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/normalize.h"
#include "core/xalloc.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const kind_codes[] = {"home", "central", "hospital"};
static const char *const reason_codes[] = {"key_area", "close_contact", "secondary_contact",
					   "symptoms", "other"};
static const char *const end_codes[] = {"completed",  "hospitalised", "confirmed",
					"moved_away", "error",	      "restarted"};
static const char *const slot_codes[] = {"AM", "PM"};

static const char *code_of(const char *const *codes, size_t n, int v)
{
	return v >= 0 && (size_t)v < n ? codes[v] : "";
}

static int from_code(const char *const *codes, size_t n, const char *code)
{
	if (!code)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(codes[i], code))
			return (int)i;
	return -1;
}

const char *isolation_kind_code(enum isolation_kind kind)
{
	return code_of(kind_codes, COUNT(kind_codes), (int)kind);
}

int isolation_kind_from_code(const char *code)
{
	return from_code(kind_codes, COUNT(kind_codes), code);
}

const char *isolation_reason_code(enum isolation_reason reason)
{
	return code_of(reason_codes, COUNT(reason_codes), (int)reason);
}

int isolation_reason_from_code(const char *code)
{
	return from_code(reason_codes, COUNT(reason_codes), code);
}

const char *isolation_end_code(enum isolation_end end)
{
	return code_of(end_codes, COUNT(end_codes), (int)end);
}

int isolation_end_from_code(const char *code)
{
	return from_code(end_codes, COUNT(end_codes), code);
}

const char *isolation_slot_code(enum isolation_slot slot)
{
	return code_of(slot_codes, COUNT(slot_codes), (int)slot);
}

int isolation_slot_from_code(const char *code)
{
	return from_code(slot_codes, COUNT(slot_codes), code);
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

int isolation_parse_time(const char *s, int *minutes, struct err *e)
{
	char *t = normalize_fullwidth(s);
	int h = -1, m = -1, rc = 0;
	size_t n = strlen(t);

	/* H:MM or HH:MM, also with the full-width colon folded to ':' */
	if ((n == 4 || n == 5) && t[n - 3] == ':') {
		const char *p = t;

		h = 0;
		for (; *p != ':'; p++)
			h = *p >= '0' && *p <= '9' ? h * 10 + (*p - '0') : -100;
		m = (t[n - 2] >= '0' && t[n - 2] <= '9' && t[n - 1] >= '0' && t[n - 1] <= '9')
			? (t[n - 2] - '0') * 10 + (t[n - 1] - '0')
			: -1;
	}
	if (h < 0 || h > 23 || m < 0 || m > 59)
		rc = err_field(e, "time", _("time: \"%s\" is not a time of the form 12:00"), t);
	else
		*minutes = h * 60 + m;
	free(t);
	return rc;
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
