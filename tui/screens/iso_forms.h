/* iso_forms: the forms that change an isolation: start (for a resident),
 * record a check, extend, restart after a new exposure, end with a reason.
 *
 * Each form validates its fields with the core rules (core/isolation.h,
 * core/temperature.h, core/date.h shortcuts), writes through
 * db/isolations.h in one audited transaction, says what it did in the
 * status line, and makes every screen refresh.  The Isolation tab uses them;
 * the household detail calls iso_start_push for one of its residents. */
#ifndef DOORSTEP_ISO_FORMS_H
#define DOORSTEP_ISO_FORMS_H

struct app;
struct err;
struct isolation_new;

/* Called after a form saved, with the isolation written (the new one for a
 * start or restart).  Optional everywhere (NULL). */
typedef void (*iso_saved_fn)(void *ctx, long long isolation_id);

/* Opens the start form for resident_id: kind (home, central with its site,
 * hospital), reason, start date (today; shortcuts), days (the settings'
 * isolation days), notes.  A resident already in an active isolation gets
 * a message in the status line instead (extend, restart or end it).
 * Returns 0, or -1 when nothing was opened (the reason is shown). */
int iso_start_push(struct app *app, long long resident_id, iso_saved_fn saved, void *ctx);

/* Starts the isolation n (db_isolation_start: one audited transaction) and
 * says so in the status line: its start, days and last day.  Returns the
 * new isolation's id, or -1 with e filled.  The start form and the
 * returnee's decision both write through it. */
long long iso_start_write(struct app *app, const struct isolation_new *n, struct err *e);

/* Opens the resident picker, then the start form for the one chosen. */
int iso_start_pick(struct app *app, iso_saved_fn saved, void *ctx);

/* Opens the check form of an isolation: temperature (fast entry: 365,
 * 36.5, 37), two symptoms, method, slot (AM before the settings' AM
 * cut-off, else PM; changeable), date (today).  A check dated after the
 * isolation ended is stored and reported as late.  0 or -1. */
int iso_check_push(struct app *app, long long isolation_id, iso_saved_fn saved, void *ctx);

/* Extend by N days (negative shortens, never below the days passed). */
int iso_extend_push(struct app *app, long long isolation_id, iso_saved_fn saved, void *ctx);

/* Restart after a new exposure: the period ends and a new count starts on
 * the date given (today by default); the old period stays in the history. */
int iso_restart_push(struct app *app, long long isolation_id, iso_saved_fn saved, void *ctx);

/* End with a reason (completed, hospitalised, confirmed case, moved away,
 * entered in error) on a date (today by default, not in the future). */
int iso_end_push(struct app *app, long long isolation_id, iso_saved_fn saved, void *ctx);

#endif
