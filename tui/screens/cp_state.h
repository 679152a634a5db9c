/* cp_state: what the three views of the Checkpoints tab share: the gate
 * (tui/screens/cp_gate.c), the duty roster (tui/screens/cp_roster.c) and the passes
 * (tui/screens/cp_passes.c).  Each view is a screen class of its own, with its own
 * keys, handlers and hints; the tab's screen switches its class with `v`
 * (tui/screens/checkpoints.c), keeping this state.  Only those files include it. */
#ifndef DOORSTEP_CP_STATE_H
#define DOORSTEP_CP_STATE_H

#include <stddef.h>

#include "core/date.h"
#include "core/lineedit.h"
#include "db/checkpoints.h"
#include "db/duty_roster.h"
#include "db/gate.h"
#include "tui/widgets/screen.h"

struct app;
struct list;

struct cp_state {
	struct app *app;

	/* gate */
	long long cp_id;
	char *cp_name; /* malloc'd, NULL before a checkpoint is chosen */
	struct lineedit le;
	int shown;    /* info holds a looked-up pass */
	int recorded; /* 'o' or 'i' just recorded for it, else 0 */
	char recorded_at[6];
	struct gate_info info;
	struct gate_out *outs;
	size_t n_outs;

	/* roster */
	struct date monday;
	struct checkpoint *cps;
	size_t n_cps;
	struct shift *shifts;
	size_t n_shifts;
	struct roster_gap *gaps;
	size_t n_gaps;
	struct roster_clash *clashes;
	size_t n_clashes;
	int cur_cp, cur_day, cur_line, top_cp;

	/* passes */
	struct list *plist;
};

/* The checkpoint the gate records outings at. */
void cp_use_checkpoint(struct cp_state *st, const struct checkpoint *c);
/* Pushes the form of a new checkpoint (used at the gate once saved). */
void cp_new_form(struct cp_state *st);
/* `c`: the pick-list of checkpoints (and "+ a new checkpoint"). */
int cp_choose_checkpoint(struct screen *s);
/* `v`: the next view (gate, roster, passes), re-read. */
int cp_switch_view(struct screen *s);
/* `p`: where the Checkpoints tab prints. */
int cp_print(struct screen *s);
/* Frees the state (every view's close). */
void cp_close(struct screen *s);

#endif
