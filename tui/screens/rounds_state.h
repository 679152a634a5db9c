/* rounds_state: what the parts of the Rounds tab share: the screen
 * (tui/screens/rounds.c: keys, handlers, drawing), its list of doors and the walk
 * to the next one not yet done (tui/screens/rounds_list.c) and the fast entry of a
 * visit's readings (tui/screens/rounds_entry.c).  Only those files include it. */
#ifndef DOORSTEP_ROUNDS_STATE_H
#define DOORSTEP_ROUNDS_STATE_H

#include "core/date.h"
#include "core/lineedit.h"
#include "core/round.h"
#include "db/rounds.h"
#include "db/visits.h"
#include "tui/widgets/screen.h"

struct app;
struct list;

enum { COL_CODE, COL_HEAD, COL_PEOPLE, COL_STATUS };

enum mode {
	MODE_LIST,
	MODE_ENTRY, /* typing a visit's readings */
	MODE_DATE,  /* typing a date */
	MODE_FIND,  /* typing a door to jump to (/) */
};

struct rounds {
	struct app *app;
	struct list *list;
	struct rect r;
	int head_lines; /* 2 when the counts do not fit the title line */
	struct rounds_grid grid;
	char date[DATE_STR];
	struct visit_counts counts;

	enum mode mode;
	struct round_entry re;
	long long edit_visit; /* the visit being edited, -1 for a new visit */
	char edit_at[20];     /* its time, kept by the edit */
	char entry_code[64];
	struct lineedit field;
	int field_bad; /* the last value was refused */
	long long undo_id;
	int placed; /* the cursor was put on the first door not yet done */
	/* Where the round was when / jumped away (id -1: no jump): the next
	 * save comes back to the first door not yet done from there. */
	long long resume_id;
	char *resume_key;
};

#endif
