/* limits: the per-column text limits and their checks; see limits.h. */
#include "core/limits.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "core/i18n.h"
#include "core/returnee.h"
#include "core/textsafe.h"
#include "core/utf8.h"

#define LINE 200   /* a one-line text: an address, a place, a reason */
#define NAME 100   /* a person's, a place's or an item's name */
#define CODE 64	   /* a household code */
#define PHONE 32   /* a phone number as typed */
#define NOTES 4000 /* free notes */

const struct text_limit text_limits[] = {
    {"settings", "community", NAME, N_("Community")},
    {"settings", "street", NAME, N_("Street office")},
    {"settings", "district", NAME, N_("District")},
    {"settings", "last_staff", NAME, N_("Staff on duty")},
    {"settings", "output_dir", LINE, N_("Output folder")},
    {"settings", "key_areas", RETURNEE_KEY_AREAS_MAX, N_("Key areas")},
    {"staff", "name", NAME, N_("Name")},
    {"staff", "phone", PHONE, N_("Phone")},
    {"grids", "name", LINE, N_("Grid")},
    {"households", "code", CODE, N_("Household code")},
    {"households", "compound", LINE, N_("Compound")},
    {"households", "building", LINE, N_("Building")},
    {"households", "unit", LINE, N_("Unit")},
    {"households", "room", LINE, N_("Room")},
    {"households", "address", LINE, N_("Address")},
    {"households", "phone", PHONE, N_("Phone")},
    {"households", "notes", NOTES, N_("Notes")},
    {"residents", "name", NAME, N_("Name")},
    {"residents", "id_number", 40, N_("ID number")},
    {"residents", "phone", PHONE, N_("Phone")},
    {"residents", "tags", 1000, N_("Tags")},
    {"residents", "returned_from", LINE, N_("Returned from")},
    {"residents", "travel", LINE, N_("Means of travel")},
    {"residents", "monitoring", LINE, N_("Monitoring reason")},
    {"residents", "notes", NOTES, N_("Notes")},
    {"visits", "notes", NOTES, N_("Notes")},
    {"readings", "note", NOTES, N_("Notes")},
    {"isolations", "site", LINE, N_("Central site")},
    {"isolations", "notes", NOTES, N_("Notes")},
    {"donations", "donor_name", NAME, N_("Donor")},
    {"donations", "phone", PHONE, N_("Phone")},
    {"donations", "item", NAME, N_("Item")},
    {"donations", "unit", 20, N_("Unit")},
    {"donations", "designation", LINE, N_("Designation")},
    {"donations", "void_reason", LINE, N_("Reason")},
    {"donations", "notes", NOTES, N_("Notes")},
    {"checkpoints", "name", NAME, N_("Checkpoint name")},
    {"checkpoints", "location", LINE, N_("Location")},
    {"distributions", "item", NAME, N_("Item")},
    {"distributions", "unit", 20, N_("Unit")},
    {"distributions", "recipient", LINE, N_("Recipient")},
    {"distributions", "notes", NOTES, N_("Notes")},
    {"shifts", "notes", NOTES, N_("Notes")},
    {"passes", "revoke_reason", LINE, N_("Reason")},
    {"passes", "notes", NOTES, N_("Notes")},
    {"visitors", "name", NAME, N_("Name")},
    {"visitors", "phone", PHONE, N_("Phone")},
    {"visitors", "id_number", 40, N_("ID number")},
    {"visitors", "from_place", LINE, N_("Coming from")},
    {"visitors", "reason", LINE, N_("Reason")},
    {"visitors", "notes", NOTES, N_("Notes")},
    {"expenditures", "purpose", LINE, N_("Purpose")},
    {"expenditures", "approved_by", NAME, N_("Approved by")},
    {"expenditures", "voucher_no", CODE, N_("Voucher number")},
    {"expenditures", "void_reason", LINE, N_("Reason")},
    {"expenditures", "notes", NOTES, N_("Notes")},
    {"followups", "clinic", LINE, N_("Fever clinic")},
    {"followups", "transport", LINE, N_("Transport")},
    {"followups", "notes", NOTES, N_("Notes")},
    {NULL, NULL, 0, NULL},
};

/* The last limit found for a few table and column names, by the names'
 * addresses (callers pass literals): an import looks a limit up for each of
 * its 700,000 cells, and the scan of the table was a tenth of it.  A hit is
 * confirmed by content, so a reused buffer is never mistaken. */
#define FIND_SLOTS 32

const struct text_limit *limits_find(const char *table, const char *column)
{
	static const struct text_limit *memo[FIND_SLOTS];
	size_t slot = (((uintptr_t)table >> 3) * 7 + ((uintptr_t)column >> 3)) % FIND_SLOTS;
	const struct text_limit *m = memo[slot];

	if (m && !strcmp(m->column, column) && !strcmp(m->table, table))
		return m;
	for (const struct text_limit *l = text_limits; l->table; l++) {
		if (!strcmp(l->table, table) && !strcmp(l->column, column)) {
			memo[slot] = l;
			return l;
		}
	}
	return NULL;
}

int limits_max(const char *table, const char *column)
{
	const struct text_limit *l = limits_find(table, column);

	return l ? l->max_chars : 0;
}

size_t limits_chars(const char *s)
{
	size_t n = 0;
	uint32_t cp;

	while (s && *s) {
		s += (unsigned char)*s < 0x80 ? 1 : utf8_decode(s, &cp);
		n++;
	}
	return n;
}

int limits_check(const char *table, const char *column, const char *v, struct err *e)
{
	const struct text_limit *l = limits_find(table, column);
	struct err scratch;
	size_t n;

	if (!l || !v)
		return 0;
	n = limits_chars(v);
	if (n > (size_t)l->max_chars)
		return err_field(e, column,
				 _("%s is too long: %zu characters; it holds at most %d"),
				 _(l->label), n, l->max_chars);
	/* limits_check_chars without finding l again (an import checks every
	 * cell of 100,000 rows); the label is translated only for a message
	 * (gettext per cell was a twentieth of an import). */
	if (textsafe_check(v, limits_class(l), column, "", &scratch) == 0)
		return 0;
	return textsafe_check(v, limits_class(l), column, _(l->label), e);
}

int limits_check_chars(const char *table, const char *column, const char *v, struct err *e)
{
	const struct text_limit *l = limits_find(table, column);

	return l ? textsafe_check(v, limits_class(l), column, _(l->label), e) : 0;
}

enum textsafe_class limits_class(const struct text_limit *l)
{
	return !strcmp(l->column, "notes") || !strcmp(l->column, "note") ? TEXTSAFE_NOTES
									   : TEXTSAFE_LINE;
}

int limits_check_row(const char *table, struct err *e, ...)
{
	va_list ap;
	const char *column;
	int r = 0;

	va_start(ap, e);
	while (r == 0 && (column = va_arg(ap, const char *)) != NULL)
		r = limits_check(table, column, va_arg(ap, const char *), e);
	va_end(ap);
	return r;
}
