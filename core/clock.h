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

/* Today's date as `YYYY-MM-DD`. */
void clock_today_iso(char out[DATE_STR]);

/* Minutes since midnight now (0..1439). */
int clock_minutes(void);

/* Parses a time of day as typed into minutes since midnight: H:MM or HH:MM
 * (0-23, 0-59), or digits only, H or HH (whole hours) and HMM or HHMM
 * (800 is 08:00); full-width digits and colon are folded.  The one parser
 * of times of day: settings cut-offs, shift hours, stored values.  Returns
 * 0, or -1 with a message in e (field "time"). */
int clock_time_parse(const char *s, int *minutes, struct err *e);

/* Writes minutes since midnight as "HH:MM" (the stored form). */
void clock_time_format(int minutes, char out[6]);

/* Parses a stored time `HH:MM` (exactly that form, as clock_time_format
 * writes it) into minutes since midnight; -1 when malformed. */
int clock_parse_hhmm(const char *s);

#endif
