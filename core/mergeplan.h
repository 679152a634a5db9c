/* mergeplan: the decisions of a merge between two machines' databases, as
 * pure functions (no I/O), so that they can be tested on their own.
 *
 * A record known to both files under one UUID is compared as a whole.  When
 * the two versions differ, the audit log says who changed it since the files
 * last met: a side "has unseen changes" when it holds audit rows of that
 * record that the other side does not (the merge's own rows excluded).  One
 * side only: take that side.  Both sides, or neither (no audit rows to tell):
 * the later updated_at wins; on a tie a deleted version wins, then the
 * greater content.  The rule is the same seen from either side, so A<-B and
 * B<-A choose the same version. */
#ifndef DOORSTEP_MERGEPLAN_H
#define DOORSTEP_MERGEPLAN_H

/* One side's version of a record, as the decision needs it. */
struct mergeplan_side {
	const char *updated_at; /* "YYYY-MM-DD HH:MM:SS" */
	int deleted;		/* deleted_at is set */
	int unseen;		/* audit rows of the record the other side lacks */
};

enum mergeplan_choice {
	MERGEPLAN_KEEP = 0, /* this file's version stays */
	MERGEPLAN_TAKE = 1, /* the other file's version replaces it */
};

struct mergeplan_decision {
	enum mergeplan_choice choice;
	int conflict; /* both sides changed it apart: the loser goes to the audit log */
};

/* Decides between two different versions of one record.  content_cmp is the
 * comparison of the whole contents, other against this (<0, 0, >0): the last
 * tie-break.  same_change is 1 when the two versions differ only in
 * updated_at and deleted_at (e.g. both sides deleted it): never a conflict. */
struct mergeplan_decision mergeplan_decide(const struct mergeplan_side *self,
					   const struct mergeplan_side *other, int content_cmp,
					   int same_change);

/* Of two records that are natural duplicates (same household code, same ID
 * number ...), 1 when uuid_a survives the join and uuid_b is joined into it,
 * 0 otherwise: the smaller UUID survives, so every machine picks the same.
 * The record joined away is deleted as of its own updated_at (which stays),
 * so whichever pair of machines makes a join writes the same version. */
int mergeplan_survives(const char *uuid_a, const char *uuid_b);

/* The audit actions that change a record (insert, update, delete, void,
 * import): only these count as a side's unseen changes.  Actions that
 * only read or copy a record (reveal, print, export) and the merge's own
 * bookkeeping (merge) do not.  NULL-terminated. */
extern const char *const mergeplan_change_actions[];

/* 1 when action is one of mergeplan_change_actions. */
int mergeplan_action_changes(const char *action);

/* The UUID of a conflict a merge stores, derived from key (what it is
 * about): two machines that find the same conflict store the same record. */
void mergeplan_conflict_uuid(const char *key, char out[37]);

/* Per-table counts of a merge report. */
struct mergeplan_counts {
	long added;	/* records new to this file */
	long updated;	/* records that took the other file's version */
	long unchanged; /* the same on both sides, or this side's version kept */
	long conflicts; /* changed on both sides apart */
	long joined;	/* natural duplicates joined into one record */
};

/* Adds b's counts into a. */
void mergeplan_counts_add(struct mergeplan_counts *a, const struct mergeplan_counts *b);

/* 1 when the counts record any change to this file (added, updated, joined). */
int mergeplan_counts_changed(const struct mergeplan_counts *c);

#endif
