/* db volunteers: the staff's volunteer service hours per month
 * (core/volunteer.h), read from the view volunteer_hours. */
#ifndef DOORSTEP_DB_VOLUNTEERS_H
#define DOORSTEP_DB_VOLUNTEERS_H

#include "core/err.h"

struct db;

/* One person's month. */
struct volunteer_month {
	long long staff_id;
	char name[401]; /* NAME characters, 4 bytes at most each */
	char role[16];	/* model_staff_role code */
	char phone[129]; /* "" when none */
	int party;	/* 1: a party member */
	int shifts;	/* shifts worked (present) */
	long minutes;
};

/* Every live staff member's month (YYYY-MM), those who worked first by
 * minutes (most first), then the others by name (0 shifts): a malloc'd
 * array (*v, *n; free()).  Returns 0 or -1. */
int db_volunteer_month(struct db *db, const char *month, struct volunteer_month **v, int *n,
		       struct err *e);

#endif
