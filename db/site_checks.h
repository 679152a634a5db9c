/* site_checks: who takes the checks of central and hospital isolation
 * (core/isolation isolation_checks_ours): two settings columns the
 * settings struct does not carry, read and written here. */
#ifndef DOORSTEP_DB_SITE_CHECKS_H
#define DOORSTEP_DB_SITE_CHECKS_H

#include "core/err.h"

struct db;

/* *central and *hospital: 1 when the committee takes those checks, 0 when
 * the site does (also when there is no settings row).  Returns 0 or -1. */
int db_site_checks_get(struct db *db, int *central, int *hospital, struct err *e);

/* Writes both, audited as an update of the settings when they change.
 * Returns 0 or -1. */
int db_site_checks_set(struct db *db, int central, int hospital, struct err *e);

#endif
