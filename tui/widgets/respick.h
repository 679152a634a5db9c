/* respick: choose a resident by typing, as a dialog.
 *
 * The filter field always has the keys: typing narrows the list at once
 * (name, pinyin initials, household code prefix, last digits of the ID
 * number or phone; db/isolation_list.h db_iso_pick_page), Up/Down/PgUp/PgDn
 * move, Enter chooses, Esc cancels.  Residents already in an active
 * isolation are marked with its start date. */
#ifndef DOORSTEP_RESPICK_H
#define DOORSTEP_RESPICK_H

struct app;

/* Called exactly once when the dialog closes: the chosen resident's id, or
 * -1 when cancelled (also when the program quits with it open; no screen
 * may be pushed then).  Returns screen_result flags applied as if the
 * dialog returned them; 0 for nothing. */
typedef int (*respick_done_fn)(void *ctx, long long resident_id);

/* Pushes the picker with a title (copied; already translated).  Returns 0,
 * or -1 (done is not called then). */
int respick_push(struct app *app, const char *title, respick_done_fn done, void *ctx);

#endif
