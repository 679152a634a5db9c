/* merge_revive: after the tables are placed (see merge.c), no live record
 * is left within a deleted one (parents and what their deletion took come
 * back); joins known from earlier merges are loaded and followed; the rules
 * both sides broke together are stored as open conflicts. */
#ifndef DOORSTEP_MERGE_REVIVE_H
#define DOORSTEP_MERGE_REVIVE_H

#include "db/merge_rows.h"

/* Brings back every deleted parent of a live record (and what its deletion
 * took), in passes until nothing changes; each listed in the report. */
int mg_revive_all(struct merge *m, struct err *e);
/* Stores the rules both sides broke together as open conflicts (the
 * report's open list). */
int mg_store_conflicts(struct merge *m, struct err *e);
/* Loads the joins known from either file's audit log into temp.merge_join,
 * resolved to their final survivor; mg_repoint_known_joins points the
 * children of records joined elsewhere at the survivor here too. */
int mg_load_joins(struct merge *m, struct err *e);
int mg_repoint_known_joins(struct merge *m, struct err *e);

#endif
