/* mergeplan: which version of a record wins a merge; see mergeplan.h. */
#include "core/mergeplan.h"

#include <string.h>

struct mergeplan_decision mergeplan_decide(const struct mergeplan_side *self,
					   const struct mergeplan_side *other, int content_cmp,
					   int same_change)
{
	struct mergeplan_decision d = {MERGEPLAN_KEEP, 0};
	int t;

	if (other->unseen > 0 && self->unseen == 0) {
		d.choice = MERGEPLAN_TAKE;
		return d;
	}
	if (self->unseen > 0 && other->unseen == 0)
		return d;
	/* Both changed it apart, or no audit rows tell: the later change wins. */
	d.conflict = self->unseen > 0 && other->unseen > 0 && !same_change;
	t = strcmp(other->updated_at, self->updated_at);
	if (t == 0)
		t = other->deleted - self->deleted;
	if (t == 0)
		t = content_cmp;
	d.choice = t > 0 ? MERGEPLAN_TAKE : MERGEPLAN_KEEP;
	return d;
}

const char *const mergeplan_change_actions[] = {
	"insert", "update", "delete", "void", "import", NULL,
};

int mergeplan_action_changes(const char *action)
{
	for (size_t i = 0; action && mergeplan_change_actions[i]; i++)
		if (!strcmp(mergeplan_change_actions[i], action))
			return 1;
	return 0;
}

int mergeplan_survives(const char *uuid_a, const char *uuid_b)
{
	return strcmp(uuid_a, uuid_b) < 0;
}

void mergeplan_counts_add(struct mergeplan_counts *a, const struct mergeplan_counts *b)
{
	a->added += b->added;
	a->updated += b->updated;
	a->unchanged += b->unchanged;
	a->conflicts += b->conflicts;
	a->joined += b->joined;
}

int mergeplan_counts_changed(const struct mergeplan_counts *c)
{
	return c->added > 0 || c->updated > 0 || c->joined > 0;
}
