/* volunteer: service hours from shifts; see volunteer.h. */
#include "core/volunteer.h"

#include <stdio.h>

int volunteer_shift_minutes(int start, int end)
{
	int d;

	if (start < 0 || start >= 1440 || end < 0 || end >= 1440)
		return 0;
	d = end - start;
	return d > 0 ? d : d + 1440;
}

void volunteer_hours_format(long minutes, char *out, size_t n)
{
	long tenths = (minutes * 10 + 30) / 60;

	if (tenths % 10)
		snprintf(out, n, "%ld.%ld", tenths / 10, tenths % 10);
	else
		snprintf(out, n, "%ld", tenths / 10);
}
