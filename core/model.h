/* model: the records of doorstep and the enumerations they use.
 *
 * Every enumeration has one table of {stored code, English label, Chinese
 * label}, generated from its list in core/enums.h (which also gives the C
 * enums and the CHECK text of new migrations): the code is what the database
 * and `utf8` exports hold, the English label is the gettext msgid shown by
 * the UI (translated there), and the Chinese label is what Chinese-headed
 * export profiles and sheets print whatever the UI language.  Tables are in
 * the order of their C enum and end with a {NULL} entry. */
#ifndef DOORSTEP_MODEL_H
#define DOORSTEP_MODEL_H

#include <stddef.h>

#include "core/textfields.h"

struct enum_entry {
	const char *code;
	const char *label; /* English, a gettext msgid */
	const char *zh;
};

extern const struct enum_entry model_sex[];
extern const struct enum_entry model_id_type[];
extern const struct enum_entry model_relation[];
extern const struct enum_entry model_status[];
extern const struct enum_entry model_tag[];
extern const struct enum_entry model_staff_role[];
extern const struct enum_entry model_outcome[];
extern const struct enum_entry model_symptom[];
extern const struct enum_entry model_iso_kind[];
extern const struct enum_entry model_iso_reason[];
extern const struct enum_entry model_iso_end[];
extern const struct enum_entry model_slot[];
extern const struct enum_entry model_check_method[];
extern const struct enum_entry model_donor_type[];
extern const struct enum_entry model_donation_kind[];
extern const struct enum_entry model_channel[];
extern const struct enum_entry model_recipient_kind[];
extern const struct enum_entry model_checkpoint_kind[];
extern const struct enum_entry model_shift_role[];
extern const struct enum_entry model_direction[];
extern const struct enum_entry model_audit_action[];
extern const struct enum_entry model_conflict_kind[];
extern const struct enum_entry model_conflict_resolution[];

/* The entry whose code is `code`, or NULL. */
const struct enum_entry *model_enum_find(const struct enum_entry *table, const char *code);

/* The entry whose code, English label (any case) or Chinese label equals
 * `text` (what a CSV cell or a user may hold), or NULL. */
const struct enum_entry *model_enum_match(const struct enum_entry *table, const char *text);

/* The label of `code` for the screen (the English label translated), or
 * for Chinese sheets and exports (the Chinese label); the code itself when
 * it is not in the table, "" for NULL.  Never NULL. */
const char *model_enum_label(const struct enum_entry *table, const char *code);
const char *model_enum_zh(const struct enum_entry *table, const char *code);

/* Fills out (n entries) with first, then table's entries, then the {NULL}
 * end, as many as fit (a form's choice of "none" or "still open" before a
 * table's); returns out. */
const struct enum_entry *model_enum_prepend(struct enum_entry *out, size_t n,
					    struct enum_entry first,
					    const struct enum_entry *table);

/* The code of the C enum value v (the table's index), "" when out of range;
 * and back: the index of code, -1 when unknown. */
const char *model_enum_code(const struct enum_entry *table, int v);
int model_enum_index(const struct enum_entry *table, const char *code);

/* Number of entries before the terminator. */
int model_enum_count(const struct enum_entry *table);

/* A comma-separated list of codes (tags, symptoms) translated item by item
 * into Chinese labels joined with "、"; unknown codes are kept.  Malloc'd. */
char *model_codes_to_zh(const struct enum_entry *table, const char *codes);

/* Records as db/ returns them.  Text members are malloc'd and owned by the
 * struct; the matching model_*_clear frees them and zeroes the struct.
 * Integer keys are -1 when absent. */
struct household {
	long long id;
	char uuid[37];
	char *code, *compound, *building, *unit, *room, *address, *phone, *notes;
	long long grid_id;
	char *grid_name;    /* read-only join */
	char *head_name;    /* read-only join: the resident with relation head */
	int resident_count; /* read-only join: live residents */
	char *last_visit;   /* read-only join: date of the last visit, or NULL */
	char *tags;         /* read-only join: the union of its residents' tags */
};

struct resident {
	long long id;
	char uuid[37];
	long long household_id;
	char *household_code; /* read-only join */
	char *name;
	char sex; /* 'M', 'F' or 0 */
	char *id_type, *id_number, *birth_date, *phone, *relation, *status, *tags;
	char *returned_from, *return_date, *notes;
	char *travel; /* 交通方式: "G1234 次列车", "CZ3456", "鄂A12345" */
};

/* Empty records (ids -1); they own nothing yet. */
void model_household_init(struct household *h);
void model_resident_init(struct resident *r);

/* Free every text the record owns (the tables below) and init it again. */
void model_household_clear(struct household *h);
void model_resident_clear(struct resident *r);

/* The texts each record owns, in the order their characters are checked
 * (textfields_check, at the same sites as the length limits): every field a
 * form or a roster writes is one line, the notes take newline and tab; the
 * read-only joins are owned, not checked. */
extern const struct textfield model_household_texts[];
extern const struct textfield model_resident_texts[];

#endif
