/* clock: "now" for the whole program.
 *
 * Real time by default; DOORSTEP_NOW="YYYY-MM-DD HH:MM:SS" fixes it for tests
 * and demos (read on every call, so a test may change it between commands). */
#ifndef DOORSTEP_CLOCK_H
#define DOORSTEP_CLOCK_H

#include "core/date.h"
#include "core/err.h"

#define CLOCK_STR 20 /* "YYYY-MM-DD HH:MM:SS" and NUL */

/* Checks DOORSTEP_NOW when set.  Returns 0, or -1 with a message. */
int clock_check_env(struct err *e);

/* Local time now as `YYYY-MM-DD HH:MM:SS`.  A malformed DOORSTEP_NOW falls
 * back to the real clock (clock_check_env reports it at start). */
void clock_now(char out[CLOCK_STR]);

/* Today's date. */
void clock_today(struct date *out);

/* Minutes since midnight now (0..1439). */
int clock_minutes(void);

/* Parses `HH:MM` into minutes since midnight; -1 when malformed. */
int clock_parse_hhmm(const char *s);

#endif
