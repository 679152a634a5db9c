/* mergeplan: which version of a record wins a merge; see mergeplan.h. */
#include "core/mergeplan.h"

#include <stdint.h>
#include <string.h>

#include "core/uuid.h"

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

/* FNV-1a over key from two bases: 128 bits that only key decides. */
void mergeplan_conflict_uuid(const char *key, char out[37])
{
	uint64_t h[2] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
	uint8_t bytes[16];

	for (int k = 0; k < 2; k++)
		for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
			h[k] ^= *p;
			h[k] *= 0x100000001b3ULL;
		}
	for (int i = 0; i < 16; i++)
		bytes[i] = (uint8_t)(h[i / 8] >> (8 * (i % 8)));
	bytes[6] = (uint8_t)((bytes[6] & 0x0f) | 0x80); /* version 8: custom */
	bytes[8] = (uint8_t)((bytes[8] & 0x3f) | 0x80);
	uuid_from_bytes(bytes, out);
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
