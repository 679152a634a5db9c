/* temperature: body temperatures, kept as integer tenths of a degree Celsius.
 *
 * Grid workers type dozens of readings an hour, so the fast forms are
 * accepted: `365` is 36.5, `36.5` is 36.5, `37` and `37.` are 37.0.  Readings
 * outside 34.0 to 43.0 °C are refused as typing mistakes. */
#ifndef DOORSTEP_TEMPERATURE_H
#define DOORSTEP_TEMPERATURE_H

#include "core/err.h"

#define TEMPERATURE_MIN 340 /* tenths of a degree */
#define TEMPERATURE_MAX 430

/* Parses a typed temperature into tenths of a degree.  Full-width digits and
 * a trailing ℃ / °C / ° are accepted.  Two digits are whole degrees, three
 * digits are tenths, a decimal point may be followed by at most one digit.
 * Returns 0, or -1 with a message in e (field "temperature"), e.g.
 * "45.0 °C is outside 34.0–43.0 °C". */
int temperature_parse(const char *in, int *tenths, struct err *e);

/* As temperature_parse, without the range check: 45.0 gives 450.  For
 * telling a reading out of range from a typing mistake. */
int temperature_parse_any(const char *in, int *tenths, struct err *e);

/* Checks that a reading in tenths lies in TEMPERATURE_MIN..TEMPERATURE_MAX
 * (34.0-43.0 °C).  Returns 0, or -1 with a message in e (field
 * "temperature"), e.g. "45.0 °C is outside 34.0–43.0 °C". */
int temperature_check(int tenths, struct err *e);

/* Writes tenths as "36.5" (always one decimal) into out. */
void temperature_format(int tenths, char out[8]);

/* 1 when the reading is at or above the fever threshold (both in tenths). */
int temperature_is_fever(int tenths, int threshold_tenths);

#endif
