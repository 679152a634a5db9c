/* returnee: people back from elsewhere (返乡人员) and the key areas rule.
 *
 * Settings hold a list of key areas (重点地区, default "湖北,武汉"; names
 * separated by commas, Chinese commas or 、).  A place is *from a key
 * area* when, normalised (full-width folded, spaces dropped), it contains
 * one of the names.  Someone who came back (or arrived) on date R is
 * *inside the window* from R while today <= R + isolation days - 1: the
 * days a home isolation from R would last. */
#ifndef DOORSTEP_RETURNEE_H
#define DOORSTEP_RETURNEE_H

#include <stddef.h>

#include "core/date.h"

#define RETURNEE_KEY_AREAS_DEFAULT "湖北,武汉"

/* 1 when place contains one of the comma-separated key_areas after both are
 * normalised; 0 otherwise (also for an empty place or list).  When it does
 * and hit is not NULL, the matching name is copied there (n bytes). */
int returnee_from_key_area(const char *place, const char *key_areas, char *hit, size_t n);

/* 1 when today is within the window of a return on date ret: ret <= today
 * <= ret + days - 1; else 0. */
int returnee_inside_window(const struct date *ret, const struct date *today, int days);

#endif
