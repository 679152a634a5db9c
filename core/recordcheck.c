/* recordcheck: field rules of a record; see recordcheck.h. */
#include "core/recordcheck.h"

#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/idcard.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* YYYY-MM-DD, a real day, at the start of v.  (Each test stops at a NUL,
 * so no strlen: `check` tests millions of times.) */
static int valid_date(const char *v)
{
	return digits(v, 4) && v[4] == '-' && digits(v + 5, 2) && v[7] == '-' && digits(v + 8, 2) &&
	       date_valid((v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + v[3] - '0',
			  (v[5] - '0') * 10 + v[6] - '0', (v[8] - '0') * 10 + v[9] - '0');
}

/* YYYY-MM-DD HH:MM:SS. */
static int valid_datetime(const char *v)
{
	return valid_date(v) && v[10] == ' ' && digits(v + 11, 2) && v[13] == ':' &&
	       digits(v + 14, 2) && v[16] == ':' && digits(v + 17, 2) && v[19] == '\0' &&
	       (v[11] - '0') * 10 + v[12] - '0' < 24 && (v[14] - '0') * 10 + v[15] - '0' < 60 &&
	       (v[17] - '0') * 10 + v[18] - '0' < 60;
}

static int valid_resident_id(const char *v)
{
	return strlen(v) == 18 && digits(v, 17) && idcard_checksum_char(v) == v[17];
}

enum recordcheck_rule recordcheck_rule_of(const char *col)
{
	if (!strcmp(col, "date") || ends_with(col, "_date"))
		return RECORDCHECK_DATE;
	if (!strcmp(col, "at") || ends_with(col, "_at"))
		return RECORDCHECK_TIME;
	if (!strcmp(col, "id_number"))
		return RECORDCHECK_ID_NUMBER;
	return RECORDCHECK_NONE;
}

const char *recordcheck_apply(enum recordcheck_rule rule, const char *value, const char *id_type)
{
	if (!value)
		return NULL;
	switch (rule) {
	case RECORDCHECK_DATE:
		return !valid_date(value) || value[10] ? N_("not a date (YYYY-MM-DD)") : NULL;
	case RECORDCHECK_TIME:
		return !valid_datetime(value) ? N_("not a time (YYYY-MM-DD HH:MM:SS)") : NULL;
	case RECORDCHECK_ID_NUMBER:
		return id_type && !strcmp(id_type, "id") && !valid_resident_id(value)
			   ? N_("not a resident ID number (18 characters, check digit)")
			   : NULL;
	case RECORDCHECK_NONE:
		break;
	}
	return NULL;
}

const char *recordcheck_value(const char *col, const char *value, const char *id_type, int *since)
{
	if (since)
		*since = 1;
	return recordcheck_apply(recordcheck_rule_of(col), value, id_type);
}
