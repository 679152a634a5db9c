/* sheet_gate: the duty roster (值班表) and pass card (出入证) sheets of
 * docs/sheets.md, built from db/checkpoints and db/passes for db/sheets.
 *
 * duty: the checkpoint shifts of the week (Monday to Sunday) that contains
 * the sheet's date, one row per checkpoint, day and hours with its people
 * (leader first, role in brackets) and a box per person for turning up and
 * for the signature; then the week's gaps and double bookings, so that the
 * roster printed on Monday shows its holes.
 *
 * passes: the current passes of a grid (or of everyone) as cards, two to a
 * row, several rows to an A4 page, each with the community, the number in
 * large digits, the household code, the head, the validity and a box for
 * the community's seal; cut apart along the rules. */
#ifndef DOORSTEP_DB_SHEET_GATE_H
#define DOORSTEP_DB_SHEET_GATE_H

#include "core/err.h"
#include "core/sheet.h"

struct db;

/* Appends the duty tables for the week containing date (ISO) to s; the
 * header fields are the caller's.  Returns 0 or -1. */
int db_sheet_gate_duty(struct db *db, const char *date, struct sheet *s, struct err *e);

/* Appends the current pass cards of grid_id (-1: every household) to s,
 * with community (the name printed on each card) and the outing rule's N
 * days.  Returns 0 or -1. */
int db_sheet_gate_passes(struct db *db, long long grid_id, const char *community, int outing_days,
			 struct sheet *s, struct err *e);

#endif
