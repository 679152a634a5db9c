/* release: the safe-release rule and the empty-check rule; see release.h. */
#include "core/release.h"

#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/temperature.h"

void release_window_start(const struct date *end, struct date *out)
{
	*out = date_add(end, -(RELEASE_LAST_DAYS - 1));
}

int release_override_given(const char *override)
{
	const char *p = override;

	while (p && *p) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if (!strncmp(p, "\xe3\x80\x80", 3)) /* U+3000 ideographic space */
			p += 3;
		else
			return 1;
	}
	return 0;
}

unsigned release_problems(const struct release_facts *f, int threshold)
{
	unsigned p = 0;

	if (date_cmp(&f->end, &f->span.last_day) < 0)
		p |= RELEASE_EARLY;
	if (f->max_temperature && temperature_is_fever(f->max_temperature, threshold))
		p |= RELEASE_FEVER;
	if (f->symptom[0])
		p |= RELEASE_SYMPTOM;
	if (f->open_followups > 0)
		p |= RELEASE_FOLLOWUP;
	return p;
}

int release_decide(const char *end_code, const struct release_facts *f, int threshold,
		   const char *override, struct err *e)
{
	unsigned p;
	struct strbuf b = STRBUF_INIT;
	char temp[8];
	int r;

	if (!end_code || strcmp(end_code, "completed"))
		return 0;
	p = release_problems(f, threshold);
	if (!p || release_override_given(override))
		return 0;
	strbuf_puts(&b, _("cannot end as completed:"));
	if (p & RELEASE_EARLY)
		strbuf_printf(&b, _(" only day %d of %d;"), isolation_day_number(&f->span, &f->end),
			      f->span.total_days);
	if (p & RELEASE_FEVER) {
		temperature_format(f->max_temperature, temp);
		strbuf_printf(&b, _(" %s °C on %s;"), temp, f->fever_date);
	}
	if (p & RELEASE_SYMPTOM) {
		const struct enum_entry *s = model_enum_find(model_symptom, f->symptom);

		strbuf_printf(&b, _(" %s on %s;"), s ? _(s->label) : f->symptom, f->symptom_date);
	}
	if (p & RELEASE_FOLLOWUP)
		strbuf_printf(&b, _(" open fever follow-ups: %d;"), f->open_followups);
	strbuf_puts(&b, _(" give a reason to release anyway"));
	r = err_field(e, "override", "%s", strbuf_str(&b));
	strbuf_free(&b);
	return r;
}

int release_check_not_empty(int temperature, const char *symptoms, const char *unmeasured,
			    struct err *e)
{
	if (temperature || (symptoms && *symptoms) || (unmeasured && *unmeasured))
		return 0;
	return err_field(e, "temperature", "%s",
			 _("a check needs a temperature, a symptom, or why it was not measured"));
}
