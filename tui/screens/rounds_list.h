/* rounds_list: the Rounds tab's list of doors (one grid's households with
 * their status for the date) and the moves of its cursor: to a household,
 * to the next door not yet done, to a door typed after /.  Internal to the
 * tab (tui/screens/rounds.c). */
#ifndef DOORSTEP_ROUNDS_LIST_H
#define DOORSTEP_ROUNDS_LIST_H

#include "core/strbuf.h"
#include "tui/screens/rounds_state.h"
#include "tui/widgets/widget_list.h"

/* The list's columns and row callbacks (ctx: the struct rounds). */
extern const struct list_column rounds_columns[];
extern const struct list_ops rounds_list_ops;

/* The fever threshold of the settings. */
int rounds_threshold(struct rounds *st);
/* Today's date, ISO. */
void rounds_today(char out[DATE_STR]);
/* 1 when row r is the one whose readings are being typed. */
int rounds_entering(const struct rounds *st, const struct rounds_row *r);
/* The readings typed so far in the entry, before the current person. */
void rounds_entry_prefix(struct rounds *st, struct strbuf *out);
/* The row under the cursor, or NULL. */
const struct rounds_row *rounds_current(struct rounds *st);
/* Reads the day's counts for the header. */
void rounds_load_counts(struct rounds *st);
/* Reads the counts again and reloads the list (list_reload). */
void rounds_reload(struct rounds *st);
/* After a grid or date change: counts, and the first door not yet done. */
void rounds_restart(struct rounds *st);
/* The cursor to the first household not yet done (the top when all are). */
void rounds_first_pending(struct rounds *st);
/* Forgets where the round was before a jump. */
void rounds_resume_clear(struct rounds *st);
/* Puts the cursor on household id (sort key key). */
void rounds_cursor_to(struct rounds *st, long long id, const char *key);
/* The cursor to the next household not yet done after the current one (or,
 * after a jump, from where the round was), from the top again when there is
 * none below. */
void rounds_next_pending(struct rounds *st);
/* Opens the prompt of /, holding text ("" or what was typed before it was
 * known to be a door: a code prefix, a name's first character), and jumps
 * to what text finds; the round's place is kept to come back to. */
void rounds_find_start(struct rounds *st, const char *text);
/* A key while a door is typed after /: moves the cursor as the text finds. */
int rounds_find_event(struct rounds *st, const struct event *ev);

#endif
