/* visitor: the entry rule for outsiders; see visitor.h. */
#include "core/visitor.h"

#include "core/i18n.h"
#include "core/returnee.h"
#include "core/temperature.h"

enum visitor_verdict visitor_decide(const struct visitor_facts *f)
{
	if (f->temperature && temperature_is_fever(f->temperature, f->fever_threshold))
		return VISITOR_FEVER;
	if (f->from_key_area &&
	    (!f->has_arrived || returnee_inside_window(&f->arrived, &f->today, f->isolation_days)))
		return VISITOR_KEY_AREA;
	return VISITOR_ADMITTED;
}

void visitor_refusal_text(enum visitor_verdict v, const struct visitor_facts *f,
			  struct strbuf *out)
{
	char t[8], d[DATE_STR];

	switch (v) {
	case VISITOR_FEVER:
		temperature_format(f->temperature, t);
		strbuf_printf(out, _("Entry refused: %s °C is a fever."), t);
		break;
	case VISITOR_KEY_AREA:
		if (f->has_arrived) {
			date_format(&f->arrived, d);
			strbuf_printf(out, _("Entry refused: from %s (arrived %s), inside the %d days."),
				      f->key_area, d + 5, f->isolation_days);
		} else {
			strbuf_printf(out, _("Entry refused: from %s, arrival date unknown."),
				      f->key_area);
		}
		break;
	case VISITOR_ADMITTED:
		break;
	}
}
