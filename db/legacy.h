/* legacy: records stored before a rule that now refuses them (a resident
 * whose sex or birth date contradicts the ID number, an isolation check
 * that says nothing).  They stay as they were; `doorstep check` lists each
 * so that a person corrects it. */
#ifndef DOORSTEP_LEGACY_H
#define DOORSTEP_LEGACY_H

#include "core/err.h"

struct db;

/* Calls report(text, ctx) once per live legacy problem, residents first
 * (by household code), then checks (by date); the text is translated and
 * names the record.  Returns the number, or -1 (e filled). */
int db_legacy_problems(struct db *db, void (*report)(const char *problem, void *ctx), void *ctx,
		       struct err *e);

#endif
