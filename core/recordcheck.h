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
const char *recordcheck_value(const char *col, const char *value, const char *id_type,
			      int *since);

#endif
