/* visitor: outsiders at the gate (外来人员登记) and whether they may enter.
 *
 * A visitor gives a name, phone, document number (validated like a
 * resident's, shown masked), where they come from and when they arrived,
 * the household visited and why; the gate takes a temperature.  A fever,
 * or coming from a key area within the isolation days of the arrival
 * (core/returnee), refuses entry; the refusal is logged with its reason. */
#ifndef DOORSTEP_VISITOR_H
#define DOORSTEP_VISITOR_H

#include "core/date.h"
#include "core/returnee.h"
#include "core/strbuf.h"

enum visitor_verdict {
	VISITOR_ADMITTED,
	VISITOR_FEVER,	  /* the temperature is a fever */
	VISITOR_KEY_AREA, /* from a key area, inside the window */
};

struct visitor_facts {
	int temperature;      /* tenths */
	int fever_threshold;  /* tenths */
	int from_key_area;    /* returnee_from_key_area of the place */
	char key_area[RETURNEE_KEY_AREAS_MAX * 4 + 1]; /* the name it matched, whole */
	int has_arrived;      /* 0 when the arrival date is not known */
	struct date arrived;  /* when they came to the city */
	struct date today;
	int isolation_days;
};

/* Decides entry: a fever first, then a key area inside the window (an
 * unknown arrival date counts as inside: who cannot say is not let in). */
enum visitor_verdict visitor_decide(const struct visitor_facts *f);

/* Appends the reason of a refusal in a sentence (translated): "Entry
 * refused: 38.0 °C is a fever." / "Entry refused: from 武汉 (arrived
 * 02-10), inside the 14 days."  Nothing for VISITOR_ADMITTED. */
void visitor_refusal_text(enum visitor_verdict v, const struct visitor_facts *f,
			  struct strbuf *out);

#endif
