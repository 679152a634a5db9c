/* certificate: the rule for release certificates; see certificate.h. */
#include "core/certificate.h"

#include <string.h>

#include "core/i18n.h"
#include "core/release.h"

void certificate_fever_window(const struct date *end, struct date *from)
{
	release_window_start(end, from);
}

int certificate_check(const struct certificate_facts *f, struct err *e)
{
	char last[DATE_STR], end[DATE_STR];

	if (!f->ended)
		return err_set(e, "%s", _("the isolation has not ended: a release certificate is "
					  "made after it ends as completed"));
	date_format(&f->end, end);
	if (!f->end_reason || strcmp(f->end_reason, "completed"))
		return err_set(e,
			       _("the isolation ended on %s for another reason than completing it "
				 "(%s): no release certificate"),
			       end, f->end_reason ? f->end_reason : "?");
	if (release_override_given(f->override))
		return err_set(e,
			       _("the isolation was released on %s through an override (\"%s\"): "
				 "no release certificate"),
			       end, f->override);
	date_format(&f->span.last_day, last);
	if (date_cmp(&f->end, &f->span.last_day) < 0)
		return err_set(e,
			       _("the isolation was ended early, on %s before its last day %s: no "
				 "release certificate"),
			       end, last);
	if (f->max_temp_last3 >= f->fever_threshold && f->max_temp_last3 > 0)
		return err_set(e,
			       _("a fever of %d.%d °C was recorded in the last three days before "
				 "%s: no release certificate"),
			       f->max_temp_last3 / 10, f->max_temp_last3 % 10, end);
	return 0;
}
