/* ops/merge: the printed merge report.
 *
 * The merge (db_merge, db_merge_init_from) owns its transaction and audit
 * rows; what the command line and the screens share on top of it is the
 * report in words. */
#ifndef DOORSTEP_OPS_MERGE_H
#define DOORSTEP_OPS_MERGE_H

#include <stdio.h>

struct merge_report;

/* Prints the report's table of counts, its conflicts and joins to f,
 * translated. */
void merge_print_report(FILE *f, const struct merge_report *r);

#endif
