/* volunteer: volunteer service hours (志愿服务时长) from the duty roster.
 *
 * A shift runs from its start to its end minute on its date; an end at or
 * before the start runs past midnight into the next day (core/duty.h), so
 * 20:00-08:00 is 12 hours and 08:00-08:00 is 24.  A person's service hours
 * in a month are the minutes of the shifts dated in that month on which
 * they were recorded present; a shift not recorded, or recorded absent,
 * counts nothing.  The view volunteer_hours (db/schema.c) sums the same for
 * the export; a unit test holds the two together. */
#ifndef DOORSTEP_VOLUNTEER_H
#define DOORSTEP_VOLUNTEER_H

#include <stddef.h>

/* The minutes of a shift from start to end (minutes since midnight,
 * 0..1439): 1..1440.  0 when either is out of range (unreadable). */
int volunteer_shift_minutes(int start, int end);

/* Writes minutes as hours with one decimal, rounded half up ("12", "7.5",
 * "0.3") into out (n bytes). */
void volunteer_hours_format(long minutes, char *out, size_t n);

#endif
