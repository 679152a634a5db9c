/* round: household status for a day and the fast-entry state of a visit;
 * see round.h. */
#include "core/round.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/temperature.h"
#include "core/xalloc.h"

enum round_status round_status_of(const char *outcome, int max_temperature, int threshold)
{
	if (!outcome)
		return ROUND_NOT_YET;
	if (!strcmp(outcome, "no_answer"))
		return ROUND_NO_ANSWER;
	if (!strcmp(outcome, "refused"))
		return ROUND_REFUSED;
	if (!strcmp(outcome, "away"))
		return ROUND_AWAY;
	if (max_temperature > 0 && temperature_is_fever(max_temperature, threshold))
		return ROUND_FEVER;
	return ROUND_VISITED;
}

int round_status_done(enum round_status s)
{
	return s != ROUND_NOT_YET;
}

const char *round_status_label(enum round_status s)
{
	static const char *const label[] = {
	    [ROUND_NOT_YET] = N_("not yet"),	 [ROUND_VISITED] = N_("visited"),
	    [ROUND_NO_ANSWER] = N_("no answer"), [ROUND_REFUSED] = N_("refused"),
	    [ROUND_AWAY] = N_("away"),		 [ROUND_FEVER] = N_("fever"),
	};

	return (size_t)s < sizeof label / sizeof label[0] ? label[s] : "";
}

void round_entry_init(struct round_entry *re, long long household_id, int threshold)
{
	memset(re, 0, sizeof *re);
	re->household_id = household_id;
	re->threshold = threshold;
}

void round_entry_free(struct round_entry *re)
{
	for (int i = 0; i < re->n; i++) {
		free(re->people[i].name);
		free(re->people[i].symptoms);
		free(re->people[i].where);
	}
	free(re->people);
	memset(re, 0, sizeof *re);
	re->household_id = -1;
}

void round_entry_add(struct round_entry *re, long long resident_id, const char *name)
{
	struct round_person *p;

	XGROW(re->people, re->cap, re->n + 1, 8);
	p = &re->people[re->n++];
	memset(p, 0, sizeof *p);
	p->resident_id = resident_id;
	p->name = xstrdup(name ? name : "");
	p->state = ROUND_PENDING;
}

void round_entry_add_elsewhere(struct round_entry *re, long long resident_id, const char *name,
			       const char *where)
{
	round_entry_add(re, resident_id, name);
	re->people[re->n - 1].state = ROUND_ELSEWHERE;
	re->people[re->n - 1].where = xstrdup(where ? where : "");
	/* the first ones to ask come after those isolated elsewhere */
	if (re->cur == re->n - 1)
		re->cur = re->n;
}

int round_entry_preset(struct round_entry *re, long long resident_id, int temperature,
		       const char *symptoms)
{
	for (int i = 0; i < re->n; i++) {
		struct round_person *p = &re->people[i];

		if (p->resident_id != resident_id)
			continue;
		p->state = ROUND_MET;
		p->temperature = temperature;
		free(p->symptoms);
		p->symptoms = symptoms && *symptoms ? xstrdup(symptoms) : NULL;
		return 1;
	}
	return 0;
}

struct round_person *round_entry_current(struct round_entry *re)
{
	return re->cur >= 0 && re->cur < re->n ? &re->people[re->cur] : NULL;
}

static int advance(struct round_entry *re)
{
	do
		re->cur++;
	while (re->cur < re->n && re->people[re->cur].state == ROUND_ELSEWHERE);
	return re->cur >= re->n ? ROUND_ENTRY_DONE : ROUND_ENTRY_NEXT;
}

/* Only blanks in s. */
static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ')
			return 0;
	return 1;
}

int round_entry_accept(struct round_entry *re, const char *text, struct err *e)
{
	struct round_person *p = round_entry_current(re);
	int t = 0;

	if (!p)
		return ROUND_ENTRY_DONE;
	if (blank(text)) {
		if (!p->symptoms) {
			err_field(e, "temperature",
				  _("type the temperature, or - when the resident was not met"));
			return ROUND_ENTRY_EMPTY;
		}
	} else if (temperature_parse(text, &t, e) < 0) {
		/* Tell a value out of range from a typing mistake: the screen
		 * words them differently and shows the value. */
		struct err ignore;

		if (temperature_parse_any(text, &re->bad_value, &ignore) == 0)
			return ROUND_ENTRY_RANGE;
		return ROUND_ENTRY_FORMAT;
	}
	p->state = ROUND_MET;
	p->temperature = t;
	return advance(re);
}

int round_entry_skip(struct round_entry *re)
{
	struct round_person *p = round_entry_current(re);

	if (!p)
		return ROUND_ENTRY_DONE;
	p->state = ROUND_SKIPPED;
	p->temperature = 0;
	free(p->symptoms);
	p->symptoms = NULL;
	return advance(re);
}

int round_entry_back(struct round_entry *re)
{
	int i = re->cur - 1;

	while (i >= 0 && re->people[i].state == ROUND_ELSEWHERE)
		i--;
	if (i < 0)
		return 0;
	re->cur = i;
	re->people[re->cur].state = ROUND_PENDING;
	return 1;
}

int round_has_code(const char *codes, const char *code)
{
	size_t n = strlen(code);

	for (const char *s = codes; s && *s;) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (len == n && !strncmp(s, code, n))
			return 1;
		if (!end)
			break;
		s = end + 1;
	}
	return 0;
}

int round_entry_toggle_symptom(struct round_entry *re, const char *code)
{
	struct round_person *p = round_entry_current(re);
	struct strbuf sb = STRBUF_INIT;
	int added = 1;

	if (!p)
		return -1;
	for (const char *s = p->symptoms; s && *s;) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (len == strlen(code) && !strncmp(s, code, len)) {
			added = 0;
		} else {
			if (sb.len)
				strbuf_putc(&sb, ',');
			strbuf_add(&sb, s, len);
		}
		if (!end)
			break;
		s = end + 1;
	}
	if (added) {
		if (sb.len)
			strbuf_putc(&sb, ',');
		strbuf_puts(&sb, code);
	}
	free(p->symptoms);
	p->symptoms = sb.len ? xstrdup(strbuf_str(&sb)) : NULL;
	strbuf_free(&sb);
	return added;
}

int round_entry_measured(const struct round_entry *re)
{
	int n = 0;

	for (int i = 0; i < re->n; i++)
		if (re->people[i].state == ROUND_MET && re->people[i].temperature)
			n++;
	return n;
}

int round_entry_fevers(const struct round_entry *re)
{
	int n = 0;

	for (int i = 0; i < re->n; i++)
		if (re->people[i].state == ROUND_MET && re->people[i].temperature &&
		    temperature_is_fever(re->people[i].temperature, re->threshold))
			n++;
	return n;
}
