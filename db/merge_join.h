/* merge_join: placing the other file's versions (see merge.c): each record
 * decided between two versions (core/mergeplan), natural duplicates joined
 * keeping what was typed, conflicts recorded with the losing values. */
#ifndef DOORSTEP_MERGE_JOIN_H
#define DOORSTEP_MERGE_JOIN_H

#include "db/merge_rows.h"

/* Writes version v, joining it with any natural duplicate live here first.
 * Returns the number of joins made, or -1; *differ counts the joins whose
 * values differed (conflicts). */
int mg_place_row(struct merge *m, struct table *t, row_t v, int exists, int *differ, struct err *e);
/* Places every row of the other file's table t here, counting into c. */
int mg_merge_table(struct merge *m, struct table *t, struct mergeplan_counts *c, struct err *e);

#endif
