/* settings: defaults and validation of the community's settings. */
#include "core/limits.h"
#include "core/settings.h"

#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/outdir.h"
#include "core/phone.h"
#include "core/temperature.h"
#include "core/xalloc.h"

void settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->community = xstrdup("");
	s->street = xstrdup("");
	s->district = xstrdup("");
	s->last_staff = xstrdup("");
	s->station = 'A';
	s->fever_threshold = 373;
	s->isolation_days = 14;
	strcpy(s->am_cutoff, "12:00");
	strcpy(s->pm_cutoff, "20:00");
	s->outing_days = 2;
	s->out_alert_hours = 4;
	s->notice_days = 7;
	s->output_dir = xstrdup(OUTDIR_DEFAULT);
}

/* A supervision phone is a number phone_parse takes, or a short service
 * line of 3-6 digits (12345, the citizens' hotline). */
static int supervision_phone_ok(const char *p)
{
	char canon[PHONE_MAX];
	size_t n = strlen(p);

	if (n >= 3 && n <= 6 && strspn(p, "0123456789") == n)
		return 1;
	return phone_parse(p, canon, sizeof canon, NULL) == 0;
}

int settings_parse_fever(const char *text, int *tenths, struct err *e)
{
	int t;

	if (temperature_parse(text ? text : "", &t, NULL) < 0 || t < SETTINGS_FEVER_MIN ||
	    t > SETTINGS_FEVER_MAX)
		return err_field(
		    e, "fever_threshold", "%s",
		    _("fever threshold: a temperature between 36.0 and 40.0, e.g. 37.3"));
	*tenths = t;
	return 0;
}

#define SET(field, label, cls) TEXTFIELD(struct settings, field, label, cls)
const struct textfield settings_texts[] = {
    SET(community, N_("community"), TEXTSAFE_LINE),
    SET(street, N_("street"), TEXTSAFE_LINE),
    SET(district, N_("district"), TEXTSAFE_LINE),
    SET(last_staff, N_("staff"), TEXTSAFE_LINE),
    SET(output_dir, NULL, TEXTFIELD_OWN),
    {NULL, NULL, 0, 0},
};
#undef SET

void settings_clear(struct settings *s)
{
	textfields_free(settings_texts, s);
	memset(s, 0, sizeof *s);
}

void settings_copy(struct settings *dst, const struct settings *src)
{
	*dst = *src;
	dst->community = xstrdup(src->community ? src->community : "");
	dst->street = xstrdup(src->street ? src->street : "");
	dst->district = xstrdup(src->district ? src->district : "");
	dst->last_staff = xstrdup(src->last_staff ? src->last_staff : "");
	dst->output_dir = xstrdup(src->output_dir ? src->output_dir : OUTDIR_DEFAULT);
}

int settings_validate(const struct settings *s, struct err *e)
{
	int am = clock_parse_hhmm(s->am_cutoff), pm = clock_parse_hhmm(s->pm_cutoff);

	if (!s->community || !s->community[0])
		return err_field(e, "community", _("the community name is required"));
	if (limits_check_row("settings", e, "community", s->community, "street", s->street,
			     "district", s->district, "output_dir", s->output_dir,
			     (const char *)NULL) < 0 ||
	    textfields_check(settings_texts, s, e) < 0)
		return -1;
	if (s->station < 'A' || s->station > 'Z')
		return err_field(e, "station", _("the station code is one letter A-Z"));
	if (s->fever_threshold < SETTINGS_FEVER_MIN || s->fever_threshold > SETTINGS_FEVER_MAX)
		return err_field(e, "fever_threshold",
				 _("the fever threshold must be 36.0-40.0 °C"));
	if (s->isolation_days < 1 || s->isolation_days > 60)
		return err_field(e, "isolation_days", _("isolation days must be 1-60"));
	if (am < 0)
		return err_field(e, "am_cutoff", _("the AM cut-off must be a time HH:MM"));
	if (pm < 0)
		return err_field(e, "pm_cutoff", _("the PM cut-off must be a time HH:MM"));
	if (pm <= am)
		return err_field(e, "pm_cutoff", _("the PM cut-off must be after the AM cut-off"));
	if (s->outing_days < 0 || s->outing_days > 30)
		return err_field(e, "outing_days", _("days between outings must be 0-30"));
	if (s->out_alert_hours < 1 || s->out_alert_hours > 48)
		return err_field(e, "out_alert_hours", _("the out-alert hours must be 1-48"));
	if (s->notice_days < 1 || s->notice_days > 90)
		return err_field(e, "notice_days", _("the notice period must be 1-90 days"));
	if (!s->output_dir || !s->output_dir[0])
		return err_field(e, "output_dir",
				 _("the output folder is required (~ is your home folder)"));
	if (s->supervision_phone[0] && !supervision_phone_ok(s->supervision_phone))
		return err_field(e, "supervision_phone",
				 _("the supervision phone must be a phone number or a service line "
				   "such as 12345"));
	return 0;
}
