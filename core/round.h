/* round: the rules of a door-to-door temperature round, without I/O.
 *
 * Two things live here so that they can be unit-tested apart from the
 * screen: the status a household shows for a day (docs/rounds.md: not yet,
 * visited, no answer, refused, away, fever), and the fast-entry state of one
 * household's visit: its residents one after another, each either met (a
 * temperature and/or symptoms) or skipped as not met, until the last one,
 * when the visit is ready to be saved.  Temperatures follow docs/design.md#rules
 * (core/temperature: `365`, `36.5`, `37`; 34.0-43.0 °C). */
#ifndef DOORSTEP_ROUND_H
#define DOORSTEP_ROUND_H

#include "core/err.h"

enum round_status {
	ROUND_NOT_YET,
	ROUND_VISITED,
	ROUND_NO_ANSWER,
	ROUND_REFUSED,
	ROUND_AWAY,
	ROUND_FEVER, /* visited, and a reading at or above the threshold */
};

/* The status of a household for a day from its latest live visit that day:
 * outcome is that visit's model_outcome code ("visited", "no_answer",
 * "refused", "away") or NULL when it has none; max_temperature the highest
 * reading of that visit in tenths (0 when none); threshold the fever
 * threshold in tenths.  An unknown outcome code counts as visited. */
enum round_status round_status_of(const char *outcome, int max_temperature, int threshold);

/* 1 for every status but ROUND_NOT_YET: the household needs nothing more
 * that day. */
int round_status_done(enum round_status s);

/* The English label of a status (a gettext msgid: "not yet", "fever" ...). */
const char *round_status_label(enum round_status s);

/* ---- fast entry ---- */

enum round_person_state {
	ROUND_PENDING, /* not reached yet */
	ROUND_MET,     /* reading taken: temperature and/or symptoms */
	ROUND_SKIPPED, /* not met (`-`): no reading is written */
	ROUND_ELSEWHERE, /* in central or hospital isolation checked by the site: not
			  * asked, not unmet, no reading written */
};

struct round_person {
	long long resident_id;
	char *name;	 /* owned */
	int state;	 /* enum round_person_state */
	int temperature; /* tenths; 0 = not measured */
	char *symptoms;	 /* owned: comma-separated model_symptom codes, NULL = none */
	char *where;	 /* owned: ROUND_ELSEWHERE's site ("" when none given), else NULL */
};

struct round_entry {
	long long household_id;
	struct round_person *people; /* owned, n of them, in entry order */
	int n, cap;
	int cur;       /* index of the person being entered; n when all are done */
	int threshold; /* fever threshold, tenths */
	int bad_value; /* after ROUND_ENTRY_RANGE: the refused value in tenths */
};

/* What accepting or skipping did. */
enum round_entry_result {
	ROUND_ENTRY_NEXT = 0,	 /* stored; the next person is current */
	ROUND_ENTRY_DONE = 1,	 /* stored; that was the last: save the visit */
	ROUND_ENTRY_FORMAT = -1, /* refused: not a temperature (e filled) */
	ROUND_ENTRY_RANGE = -2,	 /* refused: outside 34.0-43.0 °C (bad_value set, e filled) */
	ROUND_ENTRY_EMPTY = -3,	 /* refused: nothing typed and no symptoms */
};

/* An empty entry for a household; free with round_entry_free. */
void round_entry_init(struct round_entry *re, long long household_id, int threshold);

/* Releases what the entry owns and empties it. */
void round_entry_free(struct round_entry *re);

/* Appends a resident (name copied) in entry order, pending. */
void round_entry_add(struct round_entry *re, long long resident_id, const char *name);

/* Appends a resident isolated elsewhere (central or hospital isolation
 * whose checks are the site's; where: the site, may be NULL or ""): the
 * entry passes over them, forward and back, and writes no reading. */
void round_entry_add_elsewhere(struct round_entry *re, long long resident_id, const char *name,
			       const char *where);

/* Marks a resident as met with temperature (tenths, 0 = none) and symptoms
 * (copied, may be NULL), as when an earlier visit is opened to edit.
 * Returns 1, or 0 when the resident is not in the entry. */
int round_entry_preset(struct round_entry *re, long long resident_id, int temperature,
		       const char *symptoms);

/* The person being entered, or NULL when every one is done. */
struct round_person *round_entry_current(struct round_entry *re);

/* Accepts text typed for the current person: a temperature, or nothing when
 * the person has symptoms (met but not measured).  On success the person is
 * met and the next pending one becomes current.  On refusal nothing changes.
 * Returns an enum round_entry_result. */
int round_entry_accept(struct round_entry *re, const char *text, struct err *e);

/* The current person was not met (`-`): skipped, next one current.
 * Returns ROUND_ENTRY_NEXT or ROUND_ENTRY_DONE; ROUND_ENTRY_DONE also when
 * nobody is current. */
int round_entry_skip(struct round_entry *re);

/* Goes back to the previous person (Backspace in an empty field), who is
 * pending again with the reading kept for editing.  Returns 1, or 0 at the
 * first person. */
int round_entry_back(struct round_entry *re);

/* Adds symptom code to the current person's symptoms, or removes it when
 * already there.  Returns 1 added, 0 removed, -1 when nobody is current. */
int round_entry_toggle_symptom(struct round_entry *re, const char *code);

/* Counts over the people: met with a temperature, and of them with a
 * fever. */
int round_entry_measured(const struct round_entry *re);
int round_entry_fevers(const struct round_entry *re);

/* 1 when symptom code is in the comma-separated list codes. */
int round_has_code(const char *codes, const char *code);

#endif
