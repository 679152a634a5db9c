/* demo_health: the demo's health records: each day's visits with their
 * readings, isolations with their checks, and the follow-ups that the last
 * five days' fevers and symptoms open. */
#ifndef DOORSTEP_DEMO_HEALTH_H
#define DOORSTEP_DEMO_HEALTH_H

#include "db/demo_gen.h"

/* Visits over days days. */
int demo_make_visits(struct gen *g, int days);
/* Isolations and their checks. */
int demo_make_isolations(struct gen *g, int days);
/* Follow-up cases of recent fevers and symptoms (after visits and isolations). */
int demo_make_followups(struct gen *g);
/* A resident's normal temperature, tenths of a degree. */
int demo_normal_temperature(struct gen *g);

#endif
