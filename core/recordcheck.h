/* recordcheck: the rules one record must meet on its own, field by field,
 * as a merge applies them to the records another machine brings (dates,
 * times, the resident ID's check digit).  Enumerations and required fields
 * are the schema's CHECK and NOT NULL constraints; rules across records are
 * `doorstep check`'s (db/consistency.h). */
#ifndef DOORSTEP_RECORDCHECK_H
#define DOORSTEP_RECORDCHECK_H

/* One value of a record: NULL when the column is NULL.  id_type is the
 * record's id_type column (residents), NULL when it has none.  Returns NULL
 * when the value is valid, else the reason (English, for _()).  since (when
 * not NULL) is set to the schema version that brought the rule: a record
 * written by an older version is not held to it. */
const char *recordcheck_value(const char *col, const char *value, const char *id_type, int *since);

/* recordcheck_value in two halves, for a caller that checks a column's
 * values by the million (`doorstep check`): which rule a column is held to,
 * found once from its name, then that rule applied to one value (the same
 * answer as recordcheck_value). */
enum recordcheck_rule {
	RECORDCHECK_NONE,
	RECORDCHECK_DATE,     /* date, *_date: YYYY-MM-DD, a real day */
	RECORDCHECK_TIME,     /* at, *_at: YYYY-MM-DD HH:MM:SS */
	RECORDCHECK_ID_NUMBER /* id_number, when id_type is 'id' */
};
enum recordcheck_rule recordcheck_rule_of(const char *col);
const char *recordcheck_apply(enum recordcheck_rule rule, const char *value, const char *id_type);

#endif
